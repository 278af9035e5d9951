import { messageTextField, textInLanguages, type KindForm } from '../form.ts';

export const messageForm: KindForm = {
  type: 'message',
  group: 'conversation',
  explanation: {
    en: 'Sends a message and goes straight on.',
    'pt-BR': 'Envia uma mensagem e segue em frente.',
    ar: 'يرسل رسالة ثم يتابع مباشرة.',
  },
  fields: [messageTextField],
  blank: (context) => ({
    id: context.id,
    type: 'message',
    position: context.position,
    text: textInLanguages({ en: 'New message', 'pt-BR': 'Nova mensagem', ar: 'رسالة جديدة' }, context),
  }),
};
