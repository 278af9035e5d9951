import { messageTextField, textInLanguages, type KindForm } from '../form.ts';

export const disclosureForm: KindForm = {
  type: 'disclosure',
  group: 'privacy',
  explanation: {
    en: 'Tells the customer they are talking to an automated assistant.',
    'pt-BR': 'Avisa o cliente de que ele fala com um assistente automático.',
    ar: 'يخبر العميل أنه يتحدث مع مساعد آلي.',
  },
  fields: [messageTextField],
  blank: (context) => ({
    id: context.id,
    type: 'disclosure',
    position: context.position,
    text: textInLanguages(
      {
        en: 'Hi! I am an automated assistant.',
        'pt-BR': 'Olá! Sou um assistente automático.',
        ar: 'مرحبًا! أنا مساعد آلي.',
      },
      context,
    ),
  }),
};
