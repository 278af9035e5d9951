import { messageTextField, textInLanguages, type KindForm } from '../form.ts';

export const endForm: KindForm = {
  type: 'end',
  group: 'logic',
  explanation: {
    en: 'Ends the conversation, with an optional goodbye.',
    'pt-BR': 'Encerra a conversa, com uma despedida opcional.',
    ar: 'ينهي المحادثة مع تحية وداع اختيارية.',
  },
  fields: [{ ...messageTextField, optional: true, label: { en: 'Goodbye', 'pt-BR': 'Despedida', ar: 'الوداع' } }],
  blank: (context) => ({
    id: context.id,
    type: 'end',
    position: context.position,
    text: textInLanguages({ en: 'Goodbye!', 'pt-BR': 'Até logo!', ar: 'مع السلامة!' }, context),
  }),
};
