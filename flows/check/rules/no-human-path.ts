import { hasKeyword } from '../inventory.ts';
import { defineRule } from '../rule.ts';

/**
 * DESIGN.md §3 `no-human-path`: no `handoff` node is reachable from Start and no `human` keyword
 * is set (WhatsApp's Business Messaging Policy asks for prompt escalation to a human).
 */
export const noHumanPath = defineRule({
  id: 'no-human-path',
  severity: 'error',
  title: {
    en: 'The customer can never reach a person',
    'pt-BR': 'O cliente nunca consegue falar com uma pessoa',
    ar: 'لا يستطيع العميل الوصول إلى موظف',
  },
  help: {
    en: 'A customer must always be able to ask for a human. Add a Human handoff step the conversation can reach, or “human” keywords (such as “agent”) that hand over at any question.',
    'pt-BR':
      'O cliente precisa sempre poder pedir um atendente. Adicione um passo de Transferir para humano que a conversa alcance, ou palavras-chave “human” (como “atendente”) que transferem em qualquer pergunta.',
    ar: 'يجب أن يتمكن العميل دائمًا من طلب موظف. أضف خطوة تحويل إلى موظف يمكن للمحادثة الوصول إليها، أو كلمات مفتاحية «human» (مثل «موظف») تحوّل المحادثة عند أي سؤال.',
  },
  messages: {
    en: {
      none: 'No step hands the conversation to a person, and no “human” keyword is set. Add a Human handoff step the customer can reach, or keywords (such as “agent”) that call a person at any question.',
    },
    'pt-BR': {
      none: 'Nenhum passo transfere a conversa para uma pessoa, e nenhuma palavra-chave “human” está definida. Adicione um passo de Transferir para humano que o cliente alcance, ou palavras-chave (como “atendente”) que chamam uma pessoa em qualquer pergunta.',
    },
    ar: {
      none: 'لا توجد خطوة تحوّل المحادثة إلى موظف، ولا كلمة مفتاحية «human». أضف خطوة تحويل إلى موظف يصل إليها العميل، أو كلمات مفتاحية (مثل «موظف») تستدعي موظفًا عند أي سؤال.',
    },
  },
  check({ flow, graph }, report) {
    if (graph.starts.length === 0 || hasKeyword(flow.keywords, 'human')) return;
    if (!graph.handingOff.some((node) => graph.reachable[node] === 1)) report({ message: 'none' });
  },
});
