import { defineRule } from '../rule.ts';

/** DESIGN.md §3 `missing-retention`: a field without `retentionDays` (saved as work in progress). */
export const missingRetention = defineRule({
  id: 'missing-retention',
  severity: 'error',
  title: {
    en: 'A data field has no retention period',
    'pt-BR': 'Um campo de dados não tem prazo de retenção',
    ar: 'حقل بيانات بلا مدة احتفاظ',
  },
  help: {
    en: 'Personal data may be kept only as long as its purpose needs (storage limitation). Say how many days each field is kept; the exported bot deletes it after that.',
    'pt-BR':
      'Dados pessoais só podem ser guardados pelo tempo que a finalidade exige. Informe por quantos dias cada campo é guardado; o robô exportado o apaga depois disso.',
    ar: 'لا يجوز الاحتفاظ بالبيانات الشخصية إلا بقدر ما يتطلبه غرضها. حدّد عدد الأيام التي يُحتفظ فيها بكل حقل، وسيحذفه المساعد المُصدَّر بعدها.',
  },
  messages: {
    en: {
      missing:
        '{field} has no retention period. Say how many days it is kept (for example 180); it is deleted after that.',
    },
    'pt-BR': {
      missing:
        '{field} não tem prazo de retenção. Informe por quantos dias ele é guardado (por exemplo 180); depois disso ele é apagado.',
    },
    ar: { missing: 'لا توجد مدة احتفاظ للحقل {field}. حدّد عدد الأيام التي يُحتفظ به فيها (مثلًا 180)، ويُحذف بعدها.' },
  },
  check({ flow, naming }, report) {
    for (const field of flow.data) {
      if (field.retentionDays === undefined)
        report({ message: 'missing', dataKey: field.key, params: { field: naming.field(field.key) } });
    }
  },
});
