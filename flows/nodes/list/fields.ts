import { messageTextField, saveAsField, textInLanguages, type KindForm } from '../form.ts';

export const listForm: KindForm = {
  type: 'list',
  group: 'conversation',
  explanation: {
    en: 'A menu of up to ten choices behind one button.',
    'pt-BR': 'Um menu de até dez opções atrás de um botão.',
    ar: 'قائمة من عشرة خيارات كحد أقصى خلف زر واحد.',
  },
  fields: [
    messageTextField,
    {
      name: 'button',
      widget: 'text',
      label: { en: 'Menu button', 'pt-BR': 'Botão do menu', ar: 'زر القائمة' },
      help: {
        en: 'The button that opens the menu (up to 20 characters).',
        'pt-BR': 'O botão que abre o menu (até 20 caracteres).',
        ar: 'الزر الذي يفتح القائمة (حتى 20 حرفًا).',
      },
    },
    {
      name: 'sections',
      widget: 'sections',
      label: { en: 'Sections and choices', 'pt-BR': 'Seções e opções', ar: 'الأقسام والخيارات' },
      help: {
        en: 'At most 10 choices in all; titles up to 24 characters, descriptions up to 72. Each choice is a way out.',
        'pt-BR': 'No máximo 10 opções ao todo; títulos até 24 caracteres, descrições até 72. Cada opção é uma saída.',
        ar: '10 خيارات كحد أقصى إجمالًا؛ العناوين حتى 24 حرفًا والأوصاف حتى 72. كل خيار مخرج.',
      },
    },
    saveAsField(true),
  ],
  blank: (context) => ({
    id: context.id,
    type: 'list',
    position: context.position,
    text: textInLanguages(
      { en: 'How can we help?', 'pt-BR': 'Como podemos ajudar?', ar: 'كيف يمكننا المساعدة؟' },
      context,
    ),
    button: textInLanguages({ en: 'See options', 'pt-BR': 'Ver opções', ar: 'عرض الخيارات' }, context),
    sections: [
      {
        title: textInLanguages({ en: 'Options', 'pt-BR': 'Opções', ar: 'الخيارات' }, context),
        rows: [
          {
            id: 'option_1',
            title: textInLanguages({ en: 'First option', 'pt-BR': 'Primeira opção', ar: 'الخيار الأول' }, context),
          },
        ],
      },
    ],
  }),
};
