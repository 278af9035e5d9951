import type { KindForm } from '../form.ts';

export const conditionForm: KindForm = {
  type: 'condition',
  group: 'logic',
  explanation: {
    en: 'Goes one way or another depending on a saved value.',
    'pt-BR': 'Segue por um caminho ou outro conforme um valor guardado.',
    ar: 'يسلك طريقًا أو آخر حسب قيمة محفوظة.',
  },
  fields: [
    {
      name: 'rules',
      widget: 'rules',
      label: { en: 'Rules', 'pt-BR': 'Regras', ar: 'القواعد' },
      help: {
        en: 'The first rule that holds picks its way out; when none holds the step leaves by “otherwise”.',
        'pt-BR': 'A primeira regra que vale escolhe a saída; se nenhuma vale, a etapa sai por “senão”.',
        ar: 'أول قاعدة تتحقق تحدد المخرج؛ وإن لم تتحقق أي قاعدة تخرج الخطوة عبر «وإلا».',
      },
    },
  ],
  blank: ({ id, position }) => ({
    id,
    type: 'condition',
    position,
    rules: [{ outcome: 'yes', var: 'answer', op: 'exists' }],
  }),
};
