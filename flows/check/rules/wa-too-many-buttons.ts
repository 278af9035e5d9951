import { defineRule } from '../rule.ts';

/** DESIGN.md §3 `wa-too-many-buttons`: WhatsApp reply-button messages carry at most 3 buttons. */
export const waTooManyButtons = defineRule({
  id: 'wa-too-many-buttons',
  severity: 'error',
  title: {
    en: 'More buttons than WhatsApp allows',
    'pt-BR': 'Mais botões do que o WhatsApp permite',
    ar: 'أزرار أكثر مما يسمح به واتساب',
  },
  help: {
    en: 'A WhatsApp message can carry at most 3 reply buttons. Remove some, or use a List menu, which holds up to 10 rows.',
    'pt-BR':
      'Uma mensagem do WhatsApp pode ter no máximo 3 botões de resposta. Remova alguns, ou use um Menu em lista, que comporta até 10 linhas.',
    ar: 'تحمل رسالة واتساب 3 أزرار رد على الأكثر. احذف بعضها، أو استخدم قائمة خيارات تتسع حتى 10 خيارات.',
  },
  messages: {
    en: {
      count:
        'The step {node} has {count} buttons; WhatsApp allows at most {max}. Remove some, or use a List menu (up to 10 rows).',
    },
    'pt-BR': {
      count:
        'O passo {node} tem {count} botões; o WhatsApp permite no máximo {max}. Remova alguns, ou use um Menu em lista (até 10 linhas).',
    },
    ar: {
      count:
        'في الخطوة {node} {count} أزرار، ويسمح واتساب بـ {max} على الأكثر. احذف بعضها، أو استخدم قائمة خيارات (حتى 10 خيارات).',
    },
  },
  check({ textSurvey }, report) {
    for (const { node, limit } of textSurvey().overCounts) {
      if (limit.rule === 'wa-too-many-buttons')
        report({ message: 'count', node, params: { count: limit.count, max: limit.max } });
    }
  },
});
