import type { UiLanguage } from '../i18n/index.ts';
import { isProtectedIdentifier, isSensitiveCategory } from '../model/categories.ts';
import type { Flow } from '../model/schema.ts';
import type { TextSite } from '../nodes/kind.ts';
import { countsOf, textsOf } from '../nodes/registry.ts';
import { solveConsent, type ConsentAnalysis } from './analyses/consent.ts';
import { solveDefinedness } from './analyses/definedness.ts';
import { solveDisclosure } from './analyses/disclosure.ts';
import { indexKeys, type KeyIndex } from './analyses/keys.ts';
import { copiesAt, type CopyAt } from './analyses/copies-at.ts';
import { solveLineage, type Lineage } from './analyses/lineage.ts';
import { solveLiveness, type Liveness } from './analyses/liveness.ts';
import { textSurveyor, type TextSurvey } from './analyses/text-survey.ts';
import type { BitFlowResult } from './dataflow.ts';
import { buildGraph, type FlowGraph } from './graph.ts';
import { inventoryOf, type Inventory } from './inventory.ts';
import { namingFor, type Naming } from './naming.ts';
import { item, firstOf, endOf } from './lists.ts';

/**
 * Everything the rules read, prepared once per check: the graph, the declarations, each node's
 * customer texts, and the dataflow analyses, each solved the first time a rule asks for it.
 * Rules never walk the graph on their own beyond one pass over nodes or edges, so a whole check
 * stays linear in the size of the flow.
 */
export interface CheckContext {
  flow: Flow;
  language: UiLanguage;
  graph: FlowGraph;
  inventory: Inventory;
  naming: Naming;
  keys: KeyIndex;
  /** The customer-visible texts of a node, with their WhatsApp limits. */
  texts(node: number): readonly TextSite[];
  /** Every customer text and count read once: what is too long, untranslated, or echoes sensitive data. */
  textSurvey(): TextSurvey;
  /** Keys with a value on every path (must). */
  definedness(): BitFlowResult;
  /** Purposes consented to on every path (must), for the purposes of consent-based fields. */
  consent(): ConsentAnalysis;
  /** Disclosed or already asked on every path (must). */
  disclosure(): BitFlowResult;
  /** Keys that may be read later (backward may); copying personal data into a key nobody reads is no use. */
  liveness(): Liveness;
  /** The personal fields each key may have been copied from, at each step (forward may). */
  lineage(): Lineage;
  /** For each step that sends data (requests, handoffs), the keys it sends that may hold copies of personal fields. */
  copiesSent(): ReadonlyMap<number, readonly CopyAt[]>;
  /** The shortest path from a start to a node, or undefined when no start reaches it. */
  pathTo(node: number): number[] | undefined;
}

export function createContext(flow: Flow, language: UiLanguage): CheckContext {
  const surveyor = textSurveyor(
    flow.languages,
    new Set(
      flow.data
        .filter((field) => isSensitiveCategory(field.category) || isProtectedIdentifier(field.category))
        .map((field) => field.key),
    ),
  );
  const graph = buildGraph(flow, (index, node) => surveyor.add(index, textsOf(node), countsOf(node)));
  const inventory = inventoryOf(flow);
  const keys = indexKeys(graph);
  // Computed when asked, not kept: every node's texts are read once by the text survey while the
  // graph is built, and keeping them all for the whole check costs more (in garbage collection)
  // than asking again for the few nodes a rule looks at closer.
  const texts = (node: number): readonly TextSite[] => {
    const step = flow.nodes[node];
    return step ? textsOf(step) : [];
  };
  const consentPurposes = flow.data
    .filter((field) => field.legalBasis === 'consent')
    .flatMap((field) => field.purposes);
  let parents: Int32Array | undefined;
  const lineage = once(() => solveLineage(graph));

  return {
    flow,
    language,
    graph,
    inventory,
    naming: namingFor(flow, inventory, language, texts),
    keys,
    texts,
    textSurvey: () => surveyor.survey,
    definedness: once(() => solveDefinedness(graph, keys)),
    consent: once(() => solveConsent(graph, consentPurposes)),
    disclosure: once(() => solveDisclosure(graph)),
    liveness: once(() => solveLiveness(graph, keys, lineage().copies)),
    lineage,
    copiesSent: once(() => copiesSentBy(graph, lineage())),
    pathTo(node) {
      parents ??= breadthFirstParents(graph);
      if (parents[node] === -2) return undefined;
      const path: number[] = [];
      for (let at = node; at >= 0; at = parents[at] ?? -1) path.push(at);
      return path.reverse();
    },
  };
}

function copiesSentBy(graph: FlowGraph, lineage: Lineage): Map<number, CopyAt[]> {
  const sent = new Map<number, CopyAt[]>();
  if (lineage.copies.size === 0) return sent;
  const uses: { node: number; key: string }[] = [];
  for (let at = 0; at < graph.sharing.length; at += 1) {
    const node = item(graph.sharing, at);
    const keys = new Set<string>();
    for (let s = firstOf(graph.shareStart, node); s < endOf(graph.shareStart, node); s += 1)
      for (const key of item(graph.shares, s).keys) if (lineage.copies.has(key)) keys.add(key);
    for (const key of keys) uses.push({ node, key });
  }
  for (const found of copiesAt(lineage, uses)) sent.set(found.node, [...(sent.get(found.node) ?? []), found]);
  return sent;
}

function once<T>(compute: () => T): () => T {
  let value: { done: false } | { done: true; value: T } = { done: false };
  return () => {
    if (!value.done) value = { done: true, value: compute() };
    return value.value;
  };
}

/** Parent pointers of a breadth-first search from the starts: -1 for a start, -2 unreached. */
function breadthFirstParents(graph: FlowGraph): Int32Array {
  const parents = new Int32Array(graph.nodes.length).fill(-2);
  const queue = new Int32Array(graph.nodes.length);
  let tail = 0;
  for (const start of graph.starts) {
    if (parents[start] !== -2) continue;
    parents[start] = -1;
    queue[tail++] = start;
  }
  for (let head = 0; head < tail; head += 1) {
    const node = item(queue, head);
    for (let at = firstOf(graph.outStart, node); at < endOf(graph.outStart, node); at += 1) {
      const next = item(graph.edgeTo, item(graph.outEdges, at));
      if (parents[next] !== -2) continue;
      parents[next] = node;
      queue[tail++] = next;
    }
  }
  return parents;
}
