import { messageTextField, textInLanguages, type KindForm } from '../form.ts';

export const eraseForm: KindForm = {
  type: 'erase',
  group: 'privacy',
  explanation: {
    en: 'Deletes everything kept about the customer and confirms it.',
    'pt-BR': 'Apaga tudo o que foi guardado sobre o cliente e confirma.',
    ar: 'يحذف كل ما حُفظ عن العميل ويؤكد ذلك.',
  },
  fields: [{ ...messageTextField, optional: true }],
  blank: (context) => ({
    id: context.id,
    type: 'erase',
    position: context.position,
    text: textInLanguages(
      { en: 'Your data has been deleted.', 'pt-BR': 'Seus dados foram apagados.', ar: 'تم حذف بياناتك.' },
      context,
    ),
  }),
};
