import type { Collection, PrivacyFacts } from '../../nodes/kind.ts';
import type { FlowGraph } from '../graph.ts';
import { builtInKeys, type Inventory } from '../inventory.ts';

/** Every key a flow mentions (declared, built in, stored, read or sent), each with a bit number. */
export interface KeyIndex {
  keys: readonly string[];
  bitOf: ReadonlyMap<string, number>;
}

export function indexKeys(graph: FlowGraph, inventory: Inventory): KeyIndex {
  const bitOf = new Map<string, number>();
  const keys: string[] = [];
  const add = (key: string) => {
    if (bitOf.has(key)) return;
    bitOf.set(key, keys.length);
    keys.push(key);
  };
  builtInKeys.forEach(add);
  inventory.fields.forEach((_, key) => add(key));
  inventory.variables.forEach(add);
  for (let at = 0; at < graph.using.length; at += 1) addAll(graph.reads[graph.using[at]!]!, add);
  for (const list of [graph.collecting, graph.sharing, graph.assuring]) {
    for (let at = 0; at < list.length; at += 1) {
      const facts = graph.facts[list[at]!]!;
      for (let i = 0; i < facts.collects.length; i += 1) add(facts.collects[i]!.key);
      for (let i = 0; i < facts.shares.length; i += 1) addAll(facts.shares[i]!.keys, add);
      const assures = facts.assures ?? [];
      for (let i = 0; i < assures.length; i += 1) addAll(assures[i]!.keys, add);
    }
  }
  return { keys, bitOf };
}

function addAll(keys: readonly string[], add: (key: string) => void): void {
  for (let i = 0; i < keys.length; i += 1) add(keys[i]!);
}

/**
 * Outcomes by which a node leaves when it failed: a question after its retries (`invalid`), an
 * http request that got no usable answer (`error`). DESIGN.md §2 names these two as the outcomes
 * that end the conversation with an apology when unconnected; the engine stores nothing on them.
 */
export const failureOutcomes: ReadonlySet<string> = new Set(['invalid', 'error']);

const setByEdge = new WeakMap<FlowGraph, (readonly string[])[]>();
const none: readonly string[] = [];

/**
 * The keys that hold a value after leaving a node by an edge: what the node stored (answers and
 * responses only when it succeeded; choices and computed values always) and what a condition's
 * outcome guarantees. Computed for every edge of a graph the first time one is asked.
 */
export function keysSetBy(graph: FlowGraph, edge: number): readonly string[] {
  let table = setByEdge.get(graph);
  if (!table) setByEdge.set(graph, (table = keysSetByEdge(graph)));
  return table[edge] ?? none;
}

function keysSetByEdge(graph: FlowGraph): (readonly string[])[] {
  const table = new Array<readonly string[]>(graph.edgeCount).fill(none);
  for (const list of [graph.collecting, graph.assuring]) {
    for (let at = 0; at < list.length; at += 1) {
      const node = list[at]!;
      const facts = graph.facts[node]!;
      // The edges of a node share its lists: one for success, one for failure.
      let succeeded: readonly string[] | undefined;
      let failed: readonly string[] | undefined;
      for (let out = graph.outStart[node]!; out < graph.outStart[node + 1]!; out += 1) {
        const edge = graph.outEdges[out]!;
        const outcome = graph.edgeOutcome[edge]!;
        const stored = failureOutcomes.has(outcome)
          ? (failed ??= storedKeys(facts.collects, true))
          : (succeeded ??= storedKeys(facts.collects, false));
        table[edge] = withAssured(stored, facts.assures, outcome);
      }
    }
  }
  return table;
}

/** `stored` and the keys a condition's outcome guarantees. */
function withAssured(stored: readonly string[], assures: PrivacyFacts['assures'], outcome: string): readonly string[] {
  let keys = stored;
  for (let i = 0; i < (assures?.length ?? 0); i += 1) {
    const entry = assures![i]!;
    if (entry.outcome === outcome) keys = keys.length === 0 ? entry.keys : [...keys, ...entry.keys];
  }
  return keys;
}

/**
 * The keys of a node's collections that hold a value after it succeeded or failed. The usual
 * node stores one key and always succeeds the same way, so its edges share one list, allocated
 * with its final length.
 */
function storedKeys(collects: readonly Collection[], failed: boolean): readonly string[] {
  let count = 0;
  for (let i = 0; i < collects.length; i += 1) if (keeps(collects[i]!, failed)) count += 1;
  if (count === 0) return none;
  const keys = new Array<string>(count);
  count = 0;
  for (let i = 0; i < collects.length; i += 1) if (keeps(collects[i]!, failed)) keys[count++] = collects[i]!.key;
  return keys;
}

/** Answers and responses are stored only when the node succeeded; choices and computed values always. */
function keeps(collection: Collection, failed: boolean): boolean {
  return !failed || collection.source === 'choice' || collection.source === 'computed';
}

/** Calls `visit` with each edge that sets keys (leaving a storing or guaranteeing node) and its keys. */
export function forEachSettingEdge(graph: FlowGraph, visit: (edge: number, keys: readonly string[]) => void): void {
  for (const list of [graph.collecting, graph.assuring]) {
    for (let at = 0; at < list.length; at += 1) {
      const node = list[at]!;
      for (let out = graph.outStart[node]!; out < graph.outStart[node + 1]!; out += 1) {
        const edge = graph.outEdges[out]!;
        const set = keysSetBy(graph, edge);
        if (set.length > 0) visit(edge, set);
      }
    }
  }
}

/** The keys a node reads or sends (templates, conditions, http requests, handoffs), as bits into `row`. */
export function addKeysUsedBy(
  graph: FlowGraph,
  node: number,
  keys: KeyIndex,
  add: (row: number, bit: number) => void,
): void {
  const reads = graph.reads[node] ?? [];
  for (let i = 0; i < reads.length; i += 1) add(node, keys.bitOf.get(reads[i]!) ?? 0);
  const shares = graph.facts[node]?.shares ?? [];
  for (let s = 0; s < shares.length; s += 1) {
    const shared = shares[s]!.keys;
    for (let i = 0; i < shared.length; i += 1) add(node, keys.bitOf.get(shared[i]!) ?? 0);
  }
}
