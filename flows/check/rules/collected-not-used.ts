import { keysSetBy } from '../analyses/keys.ts';
import { pathThrough } from '../analyses/lineage.ts';
import type { FlowGraph } from '../graph.ts';
import { defineRule } from '../rule.ts';
import { item, firstOf, endOf } from '../lists.ts';

/**
 * DESIGN.md §3 `collected-not-used` (data minimisation, LGPD art. 6 III, GDPR art. 5(1)(c)):
 * a personal field a node collects whose value no later node reads — no message, condition,
 * request or handoff — before it is replaced or erased (live-variable analysis). Checked where
 * the node stores the value; a collecting node with no connected way out is `unhandled-outcome`.
 * Copying the value is not using it: a read of a copy (lineage, ../analyses/lineage.ts) counts as
 * a use of the field, and a field only copied into keys nobody reads is reported with that copy.
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
    en: 'Collect only the personal data the conversation uses (data minimisation, LGPD art. 6 III, GDPR art. 5). Use the value in a later message, condition, request or handoff, or stop asking for it. Copying a value into another key is not using it; reading the copy is.',
    'pt-BR':
      'Colete só os dados pessoais que a conversa usa (necessidade, LGPD art. 6º III; GDPR art. 5º). Use o valor numa mensagem, condição, requisição ou transferência posterior, ou deixe de pedi-lo. Copiar o valor para outra chave não é usá-lo; ler a cópia é.',
    ar: 'اجمع فقط البيانات الشخصية التي تستخدمها المحادثة (تقليل البيانات). استخدم القيمة في رسالة أو شرط أو طلب أو تحويل لاحق، أو توقّف عن طلبها. نسخ القيمة إلى مفتاح آخر ليس استخدامًا لها؛ أما قراءة النسخة فهي استخدام.',
  },
  messages: {
    en: {
      unused:
        'The step {node} collects {field}, but no later step uses it (no message, condition, request or handoff reads it). Use it, or stop collecting it.',
      'copied-unused':
        'The step {node} collects {field}, but it is only copied into {copy} at the step {copyStep}, and no later step uses the copy (no message, condition, request or handoff reads it), on the path {path}. Use it, or stop collecting it.',
    },
    'pt-BR': {
      unused:
        'O passo {node} coleta {field}, mas nenhum passo seguinte o usa (nenhuma mensagem, condição, requisição ou transferência o lê). Use-o, ou deixe de coletá-lo.',
      'copied-unused':
        'O passo {node} coleta {field}, mas ele só é copiado para {copy} no passo {copyStep}, e nenhum passo seguinte usa a cópia (nenhuma mensagem, condição, requisição ou transferência a lê), no caminho {path}. Use-o, ou deixe de coletá-lo.',
    },
    ar: {
      unused:
        'الخطوة {node} تجمع {field}، لكن لا توجد خطوة لاحقة تستخدمه (لا رسالة ولا شرط ولا طلب ولا تحويل يقرؤه). استخدمه أو توقّف عن جمعه.',
      'copied-unused':
        'الخطوة {node} تجمع {field}، لكنه يُنسخ فقط إلى {copy} في الخطوة {copyStep}، ولا توجد خطوة لاحقة تستخدم النسخة (لا رسالة ولا شرط ولا طلب ولا تحويل يقرؤها)، في المسار {path}. استخدمه أو توقّف عن جمعه.',
    },
  },
  check({ graph, inventory, keys, liveness, naming, pathTo }, report) {
    const { atEntry: live, idleCopies } = liveness();
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
        if (!storing || used) continue;
        const copied = idleCopyOf(graph, idleCopies, pathTo, node, key);
        if (copied)
          report({
            message: 'copied-unused',
            node,
            dataKey: key,
            path: copied.path,
            copy: { key: copied.copy, origin: key, step: copied.step },
            params: { field: naming.field(key), copy: naming.field(copied.copy) },
          });
        else report({ message: 'unused', node, dataKey: key, params: { field: naming.field(key) } });
      }
    }
  },
});

/**
 * The first idle copy step (one whose copy nothing reads, ../analyses/liveness.ts) that reads `key`
 * and can follow `node`, with the key it stores and the path from a start through both.
 */
function idleCopyOf(
  graph: FlowGraph,
  idleCopies: readonly number[],
  pathTo: (node: number) => number[] | undefined,
  node: number,
  key: string,
): { step: number; copy: string; path: number[] } | undefined {
  for (const step of idleCopies) {
    let reads = false;
    for (let r = firstOf(graph.readStart, step); r < endOf(graph.readStart, step); r += 1)
      if (item(graph.reads, r) === key) reads = true;
    const copy = graph.copies[firstOf(graph.copyStart, step)]?.key;
    if (!reads || copy === undefined) continue;
    const path = pathThrough(graph, pathTo, node, step);
    if (path) return { step, copy, path };
  }
  return undefined;
}

/** Whether one of the node's collections before `at` stores the same key (it is judged once). */
function storesEarlier(graph: FlowGraph, first: number, at: number, key: string): boolean {
  for (let before = first; before < at; before += 1) if (item(graph.collections, before).key === key) return true;
  return false;
}
