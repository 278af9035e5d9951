import { defineRule } from '../rule.ts';

/**
 * DESIGN.md §3 `unhandled-outcome`: a way out with no connection. Optional outcomes (`invalid`,
 * `error`, a handoff's `next`) may stay unconnected; an outcome whose connection points at a
 * missing step is left to `dangling-edge`, so one mistake gives one finding.
 */
export const unhandledOutcome = defineRule({
  id: 'unhandled-outcome',
  severity: 'error',
  title: {
    en: 'A way out of a step is not connected',
    'pt-BR': 'Uma saída de um passo não está ligada',
    ar: 'مخرج من خطوة غير موصول',
  },
  help: {
    en: 'Every button, answer and result of a step must lead somewhere, or the conversation stops there. Connect it to the next step (for a consent, also the “declined” way out).',
    'pt-BR':
      'Todo botão, resposta e resultado de um passo precisa levar a algum lugar, senão a conversa para ali. Ligue-o ao próximo passo (num consentimento, também a saída “declined”).',
    ar: 'يجب أن يؤدي كل زر وكل إجابة وكل نتيجة في الخطوة إلى مكان ما، وإلا توقفت المحادثة عندها. اربطه بالخطوة التالية (وفي خطوة الموافقة اربط مخرج الرفض «declined» أيضًا).',
  },
  messages: {
    en: {
      unconnected:
        'The step {node} has no connection for {outcome}, so the conversation would stop there. Connect it to the next step.',
    },
    'pt-BR': {
      unconnected:
        'O passo {node} não tem ligação para {outcome}, então a conversa pararia ali. Ligue-a ao próximo passo.',
    },
    ar: {
      unconnected: 'لا توجد لدى الخطوة {node} وصلة للمخرج {outcome}، فتتوقف المحادثة عنده. اربطه بالخطوة التالية.',
    },
  },
  check({ graph, naming }, report) {
    for (const { node, outcome } of graph.unconnected)
      report({ message: 'unconnected', node, params: { outcome: naming.quote(outcome) } });
  },
});
