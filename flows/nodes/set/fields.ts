import type { KindForm } from '../form.ts';

export const setForm: KindForm = {
  type: 'set',
  group: 'logic',
  explanation: {
    en: 'Saves a value to use later in the conversation.',
    'pt-BR': 'Guarda um valor para usar mais adiante na conversa.',
    ar: 'يحفظ قيمة لاستخدامها لاحقًا في المحادثة.',
  },
  fields: [
    {
      name: 'key',
      widget: 'data-key',
      label: { en: 'Save into', 'pt-BR': 'Guardar em', ar: 'احفظ في' },
      help: {
        en: 'The declared field or variable that receives the value.',
        'pt-BR': 'O dado ou a variável declarada que recebe o valor.',
        ar: 'الحقل أو المتغير المُعلن الذي يستقبل القيمة.',
      },
    },
    {
      name: 'value',
      widget: 'template',
      label: { en: 'Value', 'pt-BR': 'Valor', ar: 'القيمة' },
      help: {
        en: 'Fixed words, or {{name}} to copy a saved value.',
        'pt-BR': 'Palavras fixas, ou {{nome}} para copiar um valor guardado.',
        ar: 'كلمات ثابتة، أو ‎{{name}}‎ لنسخ قيمة محفوظة.',
      },
    },
  ],
  blank: ({ id, position }) => ({ id, type: 'set', position, key: 'answer', value: 'yes' }),
};
