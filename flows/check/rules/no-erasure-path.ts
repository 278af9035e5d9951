import { hasKeyword } from '../inventory.ts';
import { defineRule } from '../rule.ts';

/** DESIGN.md §3 `no-erasure-path`: no `erase` node is reachable from Start and no `erase` keyword is set. */
export const noErasurePath = defineRule({
  id: 'no-erasure-path',
  severity: 'error',
  title: {
    en: 'The customer can never erase their data',
    'pt-BR': 'O cliente nunca consegue apagar seus dados',
    ar: 'لا يستطيع العميل حذف بياناته',
  },
  help: {
    en: 'Customers have the right to have their data erased (LGPD art. 18, GDPR art. 17). Add an Erase data step the conversation can reach, or “erase” keywords (such as “delete my data”) that erase at any question.',
    'pt-BR':
      'O cliente tem direito à eliminação dos seus dados (LGPD art. 18, GDPR art. 17). Adicione um passo de Apagar dados que a conversa alcance, ou palavras-chave “erase” (como “apagar meus dados”) que apagam em qualquer pergunta.',
    ar: 'للعميل الحق في حذف بياناته. أضف خطوة حذف البيانات يمكن للمحادثة الوصول إليها، أو كلمات مفتاحية «erase» (مثل «احذف بياناتي») تحذف البيانات عند أي سؤال.',
  },
  messages: {
    en: {
      none: 'No step erases the customer’s data, and no “erase” keyword is set. Add an Erase data step the customer can reach, or keywords (such as “delete my data”) that erase it at any question.',
    },
    'pt-BR': {
      none: 'Nenhum passo apaga os dados do cliente, e nenhuma palavra-chave “erase” está definida. Adicione um passo de Apagar dados que o cliente alcance, ou palavras-chave (como “apagar meus dados”) que os apagam em qualquer pergunta.',
    },
    ar: {
      none: 'لا توجد خطوة تحذف بيانات العميل، ولا كلمة مفتاحية «erase». أضف خطوة حذف البيانات يصل إليها العميل، أو كلمات مفتاحية (مثل «احذف بياناتي») تحذفها عند أي سؤال.',
    },
  },
  check({ flow, graph }, report) {
    if (graph.starts.length === 0 || hasKeyword(flow.keywords, 'erase')) return;
    if (!graph.erasing.some((node) => graph.reachable[node] === 1)) report({ message: 'none' });
  },
});
