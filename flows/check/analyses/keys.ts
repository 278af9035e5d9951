import type { Collection } from '../../nodes/kind.ts';
import type { FlowGraph } from '../graph.ts';
import { item, firstOf, endOf } from '../lists.ts';

/** Every key a flow mentions (declared, built in, stored, read or sent), each with a bit number. */
export interface KeyIndex {
  keys: readonly string[];
  bitOf: ReadonlyMap<string, number>;
}

/**
 * The graph's keys, numbered as it met them: the built-ins, the declared fields and variables,
 * then what the nodes store, read, send or guarantee.
 */
export function indexKeys(graph: FlowGraph): KeyIndex {
  return { keys: graph.keys, bitOf: graph.keyOf };
}

/**
 * Outcomes by which a node leaves when it failed: a question after its retries (`invalid`), an
 * http request that got no usable answer (`error`). DESIGN.md §2 names these two as the outcomes
 * that end the conversation with an apology when unconnected; the engine stores nothing on them.
 */
const failureOutcomes: ReadonlySet<string> = new Set(['invalid', 'error']);

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
  // Most nodes store one key: the nodes that store the same one share its list.
  const single = new Map<string, readonly string[]>();
  const just = (key: string) => {
    let list = single.get(key);
    if (list === undefined) single.set(key, (list = [key]));
    return list;
  };
  forEachSettingNode(graph, (node) => {
    // The edges of a node share its lists: one for success, one for failure.
    let succeeded: readonly string[] | undefined;
    let failed: readonly string[] | undefined;
    for (let out = firstOf(graph.outStart, node); out < endOf(graph.outStart, node); out += 1) {
      const edge = item(graph.outEdges, out);
      const outcome = item(graph.edgeOutcome, edge);
      const stored = failureOutcomes.has(outcome)
        ? (failed ??= storedKeys(graph, node, true, just))
        : (succeeded ??= storedKeys(graph, node, false, just));
      table[edge] = withAssured(graph, node, stored, outcome);
    }
  });
  return table;
}

/** Calls `visit` with each node that stores or guarantees keys, once, in node order of each kind. */
function forEachSettingNode(graph: FlowGraph, visit: (node: number) => void): void {
  for (let at = 0; at < graph.collecting.length; at += 1) visit(item(graph.collecting, at));
  for (let at = 0; at < graph.assuring.length; at += 1) {
    const node = item(graph.assuring, at);
    if (graph.collectStart[node] === graph.collectStart[node + 1]) visit(node);
  }
}

/** `stored` and the keys a condition's outcome guarantees. */
function withAssured(graph: FlowGraph, node: number, stored: readonly string[], outcome: string): readonly string[] {
  let keys = stored;
  for (let at = firstOf(graph.assureStart, node); at < endOf(graph.assureStart, node); at += 1) {
    const entry = item(graph.assures, at);
    if (entry.outcome === outcome) keys = keys.length === 0 ? entry.keys : [...keys, ...entry.keys];
  }
  return keys;
}

/**
 * The keys of a node's collections that hold a value after it succeeded or failed, allocated
 * with their final length; a single key's list is `just(key)`, shared with other nodes.
 */
function storedKeys(
  graph: FlowGraph,
  node: number,
  failed: boolean,
  just: (key: string) => readonly string[],
): readonly string[] {
  const first = firstOf(graph.collectStart, node);
  const end = endOf(graph.collectStart, node);
  let count = 0;
  for (let at = first; at < end; at += 1) if (keeps(item(graph.collections, at), failed)) count += 1;
  if (count === 0) return none;
  if (count === 1) {
    for (let at = first; at < end; at += 1)
      if (keeps(item(graph.collections, at), failed)) return just(item(graph.collections, at).key);
  }
  const keys = new Array<string>(count);
  count = 0;
  for (let at = first; at < end; at += 1)
    if (keeps(item(graph.collections, at), failed)) keys[count++] = item(graph.collections, at).key;
  return keys;
}

/** Answers and responses are stored only when the node succeeded; choices and computed values always. */
function keeps(collection: Collection, failed: boolean): boolean {
  return !failed || collection.source === 'choice' || collection.source === 'computed';
}

/** Calls `visit` with each edge that sets keys (leaving a storing or guaranteeing node) and its keys. */
export function forEachSettingEdge(graph: FlowGraph, visit: (edge: number, keys: readonly string[]) => void): void {
  forEachSettingNode(graph, (node) => {
    for (let out = firstOf(graph.outStart, node); out < endOf(graph.outStart, node); out += 1) {
      const edge = item(graph.outEdges, out);
      const set = keysSetBy(graph, edge);
      if (set.length > 0) visit(edge, set);
    }
  });
}

/** The keys a node reads or sends (templates, conditions, http requests, handoffs), as bits into `row`. */
export function addKeysUsedBy(
  graph: FlowGraph,
  node: number,
  keys: KeyIndex,
  add: (row: number, bit: number) => void,
): void {
  for (let at = firstOf(graph.readStart, node); at < endOf(graph.readStart, node); at += 1)
    add(node, keys.bitOf.get(item(graph.reads, at)) ?? 0);
  for (let at = firstOf(graph.shareStart, node); at < endOf(graph.shareStart, node); at += 1) {
    const shared = item(graph.shares, at).keys;
    for (let i = 0; i < shared.length; i += 1) add(node, keys.bitOf.get(item(shared, i)) ?? 0);
  }
}
