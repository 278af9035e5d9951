import { defineRule } from '../rule.ts';

/** DESIGN.md §3 `multiple-starts`: exactly one entry point; every Start after the first is reported. */
export const multipleStarts = defineRule({
  id: 'multiple-starts',
  severity: 'error',
  title: {
    en: 'The flow has more than one Start step',
    'pt-BR': 'O fluxo tem mais de um passo de Início',
    ar: 'في المسار أكثر من خطوة بداية',
  },
  help: {
    en: 'A conversation can begin in only one place. Keep one Start step and connect what followed the others from it.',
    'pt-BR':
      'Uma conversa só pode começar em um lugar. Mantenha um passo de Início e ligue a partir dele o que vinha depois dos outros.',
    ar: 'لا يمكن أن تبدأ المحادثة إلا من مكان واحد. أبقِ خطوة بداية واحدة واربط منها ما كان يلي الخطوات الأخرى.',
  },
  messages: {
    en: {
      extra:
        'The step {node} is one of {count} Start steps, but a flow has exactly one. Delete it and connect its next step from the first Start.',
    },
    'pt-BR': {
      extra:
        'O passo {node} é um de {count} passos de Início, mas um fluxo tem exatamente um. Apague-o e ligue o passo seguinte a partir do primeiro Início.',
    },
    ar: {
      extra:
        'الخطوة {node} واحدة من {count} خطوات بداية، لكن للمسار خطوة بداية واحدة فقط. احذفها واربط الخطوة التالية بخطوة البداية الأولى.',
    },
  },
  check({ graph, naming }, report) {
    const count = graph.starts.length;
    for (const start of graph.starts.slice(1)) {
      const id = graph.nodes[start]?.id ?? '';
      report({
        message: 'extra',
        node: start,
        params: { count, node: `${naming.kindLabel('start')} ${naming.quote(id)}` },
      });
    }
  },
});
