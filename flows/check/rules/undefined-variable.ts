import { builtInKeys } from '../inventory.ts';
import { defineRule } from '../rule.ts';
import { shortestWitnesses } from '../witness.ts';
import { item, firstOf, endOf } from '../lists.ts';

/**
 * DESIGN.md §3 `undefined-variable`: a template, a condition or an http request reads a key that
 * is not assigned on every path to it (../analyses/definedness.ts). A handoff is not a reader: it
 * passes along what is known, and the engine leaves out what is not. A condition's `exists` test
 * is not a read either, and its outcome guarantees the value.
 */
export const undefinedVariable = defineRule({
  id: 'undefined-variable',
  severity: 'error',
  title: {
    en: 'A step uses a value that may not be set',
    'pt-BR': 'Um passo usa um valor que pode não existir',
    ar: 'خطوة تستخدم قيمة قد لا تكون موجودة',
  },
  help: {
    en: 'A {{placeholder}}, a condition or a request may only use a value that every path to it has asked for or set. Ask for it earlier on every path, or test it with a Condition (“exists”) first.',
    'pt-BR':
      'Um {{marcador}}, uma condição ou uma requisição só podem usar um valor que todos os caminhos até ali já pediram ou definiram. Peça-o antes em todos os caminhos, ou teste-o antes com uma Condição (“exists”).',
    ar: 'لا يجوز للعنصر النائب {{…}} أو للشرط أو للطلب استخدام قيمة إلا إذا طلبتها أو عيّنتها كل المسارات المؤدية إليه. اطلبها قبل ذلك في كل مسار، أو اختبرها أولًا بخطوة شرط («exists»).',
  },
  messages: {
    en: {
      unset:
        'The step {node} uses {key}, which has no value yet on the path {path}. Ask for it or set it on every path before this step, or check it first with a Condition (“exists”).',
      never: 'The step {node} uses {key}, but no step ever sets it. Set it before this step, or correct the name.',
      'never-suggest': 'The step {node} uses {key}, but no step ever sets it. Did you mean {suggestion}?',
    },
    'pt-BR': {
      unset:
        'O passo {node} usa {key}, que ainda não tem valor no caminho {path}. Peça-o ou defina-o em todos os caminhos antes deste passo, ou verifique-o antes com uma Condição (“exists”).',
      never: 'O passo {node} usa {key}, mas nenhum passo o define. Defina-o antes deste passo, ou corrija o nome.',
      'never-suggest': 'O passo {node} usa {key}, mas nenhum passo o define. Você quis dizer {suggestion}?',
    },
    ar: {
      unset:
        'الخطوة {node} تستخدم {key}، ولا قيمة له بعد في المسار {path}. اطلبه أو عيّنه في كل مسار قبل هذه الخطوة، أو تحقّق منه أولًا بخطوة شرط («exists»).',
      never: 'الخطوة {node} تستخدم {key}، لكن لا توجد خطوة تعيّنه. عيّنه قبل هذه الخطوة، أو صحّح الاسم.',
      'never-suggest': 'الخطوة {node} تستخدم {key}، لكن لا توجد خطوة تعيّنه. هل تقصد {suggestion}؟',
    },
  },
  check({ graph, keys, definedness, naming }, report) {
    if (graph.starts.length === 0) return;
    const result = definedness();
    const setSomewhere = new Set<string>(builtInKeys);
    for (let at = 0; at < graph.collections.length; at += 1) setSomewhere.add(item(graph.collections, at).key);
    for (let at = 0; at < graph.assures.length; at += 1)
      for (const key of item(graph.assures, at).keys) setSomewhere.add(key);

    const suspects = new Map<string, Set<number>>();
    const suspect = (node: number, key: string) => {
      const bit = keys.bitOf.get(key);
      if (bit === undefined || result.atEntry.has(node, bit)) return;
      let nodes = suspects.get(key);
      if (!nodes) suspects.set(key, (nodes = new Set()));
      nodes.add(node);
    };
    for (let at = 0; at < graph.using.length; at += 1) {
      const node = item(graph.using, at);
      if (!graph.reachable[node]) continue;
      for (let at = firstOf(graph.readStart, node); at < endOf(graph.readStart, node); at += 1)
        suspect(node, item(graph.reads, at));
      for (let s = firstOf(graph.shareStart, node); s < endOf(graph.shareStart, node); s += 1) {
        const share = item(graph.shares, s);
        if (share.via === 'http') for (let at = 0; at < share.keys.length; at += 1) suspect(node, item(share.keys, at));
      }
    }

    const findings: { node: number; key: string; path: number[] }[] = [];
    for (const [key, nodes] of suspects) {
      const bit = keys.bitOf.get(key) ?? 0;
      const witnesses = shortestWitnesses(
        graph,
        [{ problem: result.problem, bit }],
        (node, facts) => facts === 0 && nodes.has(node),
        nodes,
      );
      for (const node of nodes) {
        const path = witnesses.get(node);
        if (path) findings.push({ node, key, path });
      }
    }
    findings.sort((a, b) => a.node - b.node || (keys.bitOf.get(a.key) ?? 0) - (keys.bitOf.get(b.key) ?? 0));
    for (const { node, key, path } of findings) {
      const shown = naming.quote(`{{${key}}}`);
      if (setSomewhere.has(key)) {
        report({ message: 'unset', node, dataKey: key, path, params: { key: shown } });
        continue;
      }
      const suggestion = closest(key, [...setSomewhere]);
      report(
        suggestion === undefined
          ? { message: 'never', node, dataKey: key, path, params: { key: shown } }
          : {
              message: 'never-suggest',
              node,
              dataKey: key,
              path,
              params: { key: shown, suggestion: naming.quote(`{{${suggestion}}}`) },
            },
      );
    }
  },
});

/** The set key nearest to a misspelt one (at most two edits, and fewer than half its letters). */
function closest(key: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.min(2, Math.floor(key.length / 2));
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - key.length) > bestDistance) continue;
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance <= bestDistance && (best === undefined || distance < bestDistance)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
