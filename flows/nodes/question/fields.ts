import { inputKinds } from '../kind.ts';
import { messageTextField, saveAsField, textInLanguages, type KindForm, type Words } from '../form.ts';

const inputLabels: Record<(typeof inputKinds)[number], Words> = {
  text: { en: 'Any text', 'pt-BR': 'Qualquer texto', ar: 'أي نص' },
  email: { en: 'Email address', 'pt-BR': 'E-mail', ar: 'بريد إلكتروني' },
  phone: { en: 'Phone number', 'pt-BR': 'Telefone', ar: 'رقم هاتف' },
  number: { en: 'Number', 'pt-BR': 'Número', ar: 'رقم' },
  date: { en: 'Date', 'pt-BR': 'Data', ar: 'تاريخ' },
  cpf: { en: 'CPF (Brazilian tax id)', 'pt-BR': 'CPF', ar: 'رقم CPF البرازيلي' },
  location: { en: 'Location', 'pt-BR': 'Localização', ar: 'موقع' },
  image: { en: 'Photo', 'pt-BR': 'Foto', ar: 'صورة' },
  document: { en: 'Document', 'pt-BR': 'Documento', ar: 'مستند' },
};

export const questionForm: KindForm = {
  type: 'question',
  group: 'conversation',
  explanation: {
    en: 'Asks for one answer, checks it and saves it.',
    'pt-BR': 'Pede uma resposta, confere e guarda.',
    ar: 'يطلب إجابة واحدة ويتحقق منها ويحفظها.',
  },
  fields: [
    { ...messageTextField, label: { en: 'Question', 'pt-BR': 'Pergunta', ar: 'السؤال' } },
    {
      name: 'input',
      widget: 'choice',
      label: { en: 'Expected answer', 'pt-BR': 'Resposta esperada', ar: 'الإجابة المتوقعة' },
      help: {
        en: 'What kind of answer is accepted; anything else is asked again.',
        'pt-BR': 'Que tipo de resposta é aceito; outra coisa é perguntada de novo.',
        ar: 'نوع الإجابة المقبولة؛ ويُعاد السؤال عن أي شيء آخر.',
      },
      choices: inputKinds.map((value) => ({ value, label: inputLabels[value] })),
    },
    saveAsField(false),
    {
      name: 'retries',
      widget: 'number',
      optional: true,
      label: { en: 'Tries before giving up', 'pt-BR': 'Tentativas antes de desistir', ar: 'المحاولات قبل التوقف' },
      help: {
        en: 'How many times a wrong answer is asked again (2 when empty); then the step leaves by “invalid”.',
        'pt-BR':
          'Quantas vezes uma resposta errada é perguntada de novo (2 se vazio); depois a etapa sai por “inválido”.',
        ar: 'كم مرة يُعاد السؤال بعد إجابة خاطئة (2 إن تُرك فارغًا)؛ ثم تخرج الخطوة عبر «غير صالح».',
      },
    },
  ],
  blank: (context) => ({
    id: context.id,
    type: 'question',
    position: context.position,
    text: textInLanguages({ en: 'What is your answer?', 'pt-BR': 'Qual é a sua resposta?', ar: 'ما إجابتك؟' }, context),
    input: 'text',
    saveAs: 'answer',
  }),
};
