import { defineRule } from '../rule.ts';

/** DESIGN.md §3 `duplicate-outcome`: two connections for one way out; every one after the first is reported. */
export const duplicateOutcome = defineRule({
  id: 'duplicate-outcome',
  severity: 'error',
  title: {
    en: 'Two connections leave a step the same way',
    'pt-BR': 'Duas ligações saem de um passo pela mesma saída',
    ar: 'وصلتان تخرجان من الخطوة نفسها عبر المخرج نفسه',
  },
  help: {
    en: 'Each way out of a step (a button, “granted”, “next”…) leads to exactly one next step. Keep one connection and delete the others.',
    'pt-BR':
      'Cada saída de um passo (um botão, “granted”, “next”…) leva a exatamente um passo seguinte. Mantenha uma ligação e apague as outras.',
    ar: 'كل مخرج من الخطوة (زر، أو «granted»، أو «next»...) يؤدي إلى خطوة تالية واحدة فقط. أبقِ وصلة واحدة واحذف البقية.',
  },
  messages: {
    en: {
      duplicate:
        'The step {node} has more than one connection for {outcome} ({edge} repeats it); only one can be followed. Keep one and delete the others.',
    },
    'pt-BR': {
      duplicate:
        'O passo {node} tem mais de uma ligação para {outcome} ({edge} a repete); só uma pode ser seguida. Mantenha uma e apague as outras.',
    },
    ar: {
      duplicate:
        'لدى الخطوة {node} أكثر من وصلة للمخرج {outcome} (الوصلة {edge} تكرره)، ولا يمكن اتباع إلا واحدة. أبقِ واحدة واحذف البقية.',
    },
  },
  check({ graph, naming }, report) {
    // A node has a handful of ways out: comparing its edges pairwise is cheaper than a map.
    graph.nodes.forEach((_, node) => {
      const first = graph.outStart[node] ?? 0;
      const last = graph.outStart[node + 1] ?? 0;
      for (let at = first + 1; at < last; at += 1) {
        const edge = graph.outEdges[at] ?? 0;
        const outcome = graph.edgeOutcome[edge] ?? '';
        let repeated = false;
        for (let before = first; before < at && !repeated; before += 1)
          repeated = graph.edgeOutcome[graph.outEdges[before] ?? 0] === outcome;
        const id = graph.edgeId[edge] ?? '';
        if (repeated)
          report({
            message: 'duplicate',
            node,
            edgeId: id,
            params: { outcome: naming.quote(outcome), edge: naming.quote(id) },
          });
      }
    });
  },
});
