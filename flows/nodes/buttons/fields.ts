import { messageTextField, saveAsField, textInLanguages, type KindForm } from '../form.ts';

export const buttonsForm: KindForm = {
  type: 'buttons',
  group: 'conversation',
  explanation: {
    en: 'Offers up to three reply buttons; each leads its own way.',
    'pt-BR': 'Oferece até três botões de resposta; cada um leva a um caminho.',
    ar: 'يعرض حتى ثلاثة أزرار رد؛ لكل زر طريقه.',
  },
  fields: [
    messageTextField,
    {
      name: 'options',
      widget: 'options',
      label: { en: 'Buttons', 'pt-BR': 'Botões', ar: 'الأزرار' },
      help: {
        en: 'WhatsApp shows at most 3 buttons of up to 20 characters. Each button is a way out of this step.',
        'pt-BR': 'O WhatsApp mostra no máximo 3 botões de até 20 caracteres. Cada botão é uma saída desta etapa.',
        ar: 'يعرض واتساب 3 أزرار كحد أقصى بطول 20 حرفًا. كل زر مخرج من هذه الخطوة.',
      },
    },
    saveAsField(true),
  ],
  blank: (context) => ({
    id: context.id,
    type: 'buttons',
    position: context.position,
    text: textInLanguages({ en: 'Choose one:', 'pt-BR': 'Escolha uma opção:', ar: 'اختر واحدًا:' }, context),
    options: [
      { id: 'yes', label: textInLanguages({ en: 'Yes', 'pt-BR': 'Sim', ar: 'نعم' }, context) },
      { id: 'no', label: textInLanguages({ en: 'No', 'pt-BR': 'Não', ar: 'لا' }, context) },
    ],
  }),
};
