import { messageTextField, textInLanguages, type KindForm } from '../form.ts';

export const consentForm: KindForm = {
  type: 'consent',
  group: 'privacy',
  explanation: {
    en: 'Asks the customer to agree to a purpose before their data is used.',
    'pt-BR': 'Pede ao cliente que concorde com uma finalidade antes de usar seus dados.',
    ar: 'يطلب موافقة العميل على غرض قبل استخدام بياناته.',
  },
  fields: [
    messageTextField,
    {
      name: 'purposes',
      widget: 'purposes',
      label: { en: 'Purposes agreed to', 'pt-BR': 'Finalidades consentidas', ar: 'الأغراض الموافق عليها' },
      help: {
        en: 'On “I agree” consent holds for these purposes from here on, and the answer is recorded.',
        'pt-BR':
          'Com “Aceito”, o consentimento vale para estas finalidades daqui em diante, e a resposta é registrada.',
        ar: 'عند «أوافق» تسري الموافقة على هذه الأغراض من هنا فصاعدًا، وتُسجَّل الإجابة.',
      },
    },
    {
      name: 'accept',
      widget: 'text',
      optional: true,
      label: { en: 'Agree button', 'pt-BR': 'Botão de aceite', ar: 'زر الموافقة' },
      help: {
        en: 'Empty: “I agree” in the customer’s language.',
        'pt-BR': 'Vazio: “Aceito” no idioma do cliente.',
        ar: 'فارغ: «أوافق» بلغة العميل.',
      },
    },
    {
      name: 'decline',
      widget: 'text',
      optional: true,
      label: { en: 'Decline button', 'pt-BR': 'Botão de recusa', ar: 'زر الرفض' },
      help: {
        en: 'Empty: “I do not agree” in the customer’s language.',
        'pt-BR': 'Vazio: “Não aceito” no idioma do cliente.',
        ar: 'فارغ: «لا أوافق» بلغة العميل.',
      },
    },
  ],
  blank: (context) => ({
    id: context.id,
    type: 'consent',
    position: context.position,
    text: textInLanguages(
      {
        en: 'May we use your details for this?',
        'pt-BR': 'Podemos usar seus dados para isso?',
        ar: 'هل نستخدم بياناتك لهذا الغرض؟',
      },
      context,
    ),
    purposes: [context.purposes[0] ?? 'purpose'],
  }),
};
