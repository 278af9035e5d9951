import { keysSetBy } from '../analyses/keys.ts';
import type { FlowGraph } from '../graph.ts';
import { defineRule } from '../rule.ts';
import { item, firstOf, endOf } from '../lists.ts';

/**
 * DESIGN.md §3 `collected-not-used` (data minimisation, LGPD art. 6 III, GDPR art. 5(1)(c)):
 * a personal field a node collects whose value no later node reads — no message, condition,
 * request or handoff — before it is replaced or erased (live-variable analysis). Checked where
 * the node stores the value; a collecting node with no connected way out is `unhandled-outcome`.
 */
export const collectedNotUsed = defineRule({
  id: 'collected-not-used',
  severity: 'warning',
  title: {
    en: 'Personal data is collected but never used',
    'pt-BR': 'Um dado pessoal é coletado mas nunca usado',
    ar: 'بيانات شخصية تُجمع ولا تُستخدم',
  },
  help: {
    en: 'Collect only the personal data the conversation uses (data minimisation, LGPD art. 6 III, GDPR art. 5). Use the value in a later message, condition, request or handoff, or stop asking for it.',
    'pt-BR':
      'Colete só os dados pessoais que a conversa usa (necessidade, LGPD art. 6º III; GDPR art. 5º). Use o valor numa mensagem, condição, requisição ou transferência posterior, ou deixe de pedi-lo.',
    ar: 'اجمع فقط البيانات الشخصية التي تستخدمها المحادثة (تقليل البيانات). استخدم القيمة في رسالة أو شرط أو طلب أو تحويل لاحق، أو توقّف عن طلبها.',
  },
  messages: {
    en: {
      unused:
        'The step {node} collects {field}, but no later step uses it (no message, condition, request or handoff reads it). Use it, or stop collecting it.',
    },
    'pt-BR': {
      unused:
        'O passo {node} coleta {field}, mas nenhum passo seguinte o usa (nenhuma mensagem, condição, requisição ou transferência o lê). Use-o, ou deixe de coletá-lo.',
    },
    ar: {
      unused:
        'الخطوة {node} تجمع {field}، لكن لا توجد خطوة لاحقة تستخدمه (لا رسالة ولا شرط ولا طلب ولا تحويل يقرؤه). استخدمه أو توقّف عن جمعه.',
    },
  },
  check({ graph, inventory, keys, liveness, naming }, report) {
    const live = liveness().atEntry;
    for (let at = 0; at < graph.collecting.length; at += 1) {
      const node = item(graph.collecting, at);
      if (!graph.reachable[node]) continue;
      const first = firstOf(graph.collectStart, node);
      for (let c = first; c < endOf(graph.collectStart, node); c += 1) {
        const key = item(graph.collections, c).key;
        if (!inventory.fields.has(key) || storesEarlier(graph, first, c, key)) continue;
        const bit = keys.bitOf.get(key);
        if (bit === undefined) continue;
        let storing = false;
        let used = false;
        for (let out = firstOf(graph.outStart, node); out < endOf(graph.outStart, node); out += 1) {
          const edge = item(graph.outEdges, out);
          if (!keysSetBy(graph, edge).includes(key)) continue;
          storing = true;
          if (live.has(graph.edgeTo[edge] ?? 0, bit)) used = true;
        }
        if (storing && !used) report({ message: 'unused', node, dataKey: key, params: { field: naming.field(key) } });
      }
    }
  },
});

/** Whether one of the node's collections before `at` stores the same key (it is judged once). */
function storesEarlier(graph: FlowGraph, first: number, at: number, key: string): boolean {
  for (let before = first; before < at; before += 1) if (item(graph.collections, before).key === key) return true;
  return false;
}
