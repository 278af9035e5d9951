import type { Flow, FlowEdge, FlowNode } from '../model/schema.ts';
import { inputKinds, type Collection, type Copy, type PrivacyFacts, type Sharing } from '../nodes/kind.ts';
import type { Outcome } from '../nodes/outcomes.ts';
import { declaredFactsOf, outcomesOf } from '../nodes/registry.ts';
import { addressOf, builtInKeys } from './inventory.ts';
import { endOf, firstOf, item } from './lists.ts';
import { urlParts, type UrlParts } from './urls.ts';

/** The outcome an edge without `outcome` leaves by (DESIGN.md §2). */
export const defaultOutcome = 'next';

/** An edge of the file that could not enter the graph, and why. */
interface BrokenEdge {
  edge: FlowEdge;
  problem: 'missing-from' | 'missing-to' | 'unknown-outcome';
  /** The index of the step it leaves, when that step exists. */
  from?: number;
}

/**
 * A flow as a graph of node indexes, built once per check: every rule and analysis reads it, so
 * each node's privacy facts are computed once and adjacency is in compact arrays (CSR).
 */
export interface FlowGraph {
  flow: Flow;
  nodes: readonly FlowNode[];
  /**
   * Every key the flow mentions, each once: the built-ins, the declared fields and variables, then
   * what the nodes store, read, send or guarantee, in node order. The lists below hold these
   * strings, so a key is one string however many steps use it.
   */
  keys: readonly string[];
  keyOf: ReadonlyMap<string, number>;
  /**
   * The nodes' privacy facts as flat lists, node n's items at `[start[n], start[n + 1])` of each,
   * rather than one facts object per node: on a large flow such objects are copied by the garbage
   * collector and read by every rule from all over the heap, which makes a check grow faster than
   * the flow. A collection is one shared object per key, source and input.
   */
  collections: readonly Collection[];
  collectStart: Int32Array;
  /** The keys each node reads (templates, conditions); sending is in `shares`. */
  reads: readonly string[];
  readStart: Int32Array;
  shares: readonly Sharing[];
  shareStart: Int32Array;
  /** What can be told of the address each share goes to (`addressOf`), read once per address. */
  shareUrls: readonly UrlParts[];
  /** Consent granted when the node leaves by an outcome. */
  grants: readonly PrivacyFacts['grants'][number][];
  grantStart: Int32Array;
  /** Keys known to hold a value when the node leaves by an outcome. */
  assures: readonly NonNullable<PrivacyFacts['assures']>[number][];
  assureStart: Int32Array;
  /** Stored values that may copy other keys' values (lineage); a subset of the collecting nodes' facts. */
  copies: readonly Copy[];
  copyStart: Int32Array;
  /**
   * The edges that connect two existing nodes by an outcome their source has, as parallel arrays
   * indexed by edge number (arrays of numbers and shared strings, not one object per edge: the
   * analyses read them over and over, and large flows have tens of thousands).
   */
  edgeCount: number;
  edgeId: readonly string[];
  edgeOutcome: readonly string[];
  edgeFrom: Int32Array;
  edgeTo: Int32Array;
  /** Edges leaving node n: `outEdges[outStart[n] .. outStart[n + 1])`. */
  outStart: Int32Array;
  outEdges: Int32Array;
  /** Edges entering node n: `inEdges[inStart[n] .. inStart[n + 1])`. */
  inStart: Int32Array;
  inEdges: Int32Array;
  /** Indexes of the `start` nodes (one in a well-formed flow). */
  starts: readonly number[];
  /** 1 for nodes reachable from a start. */
  reachable: Uint8Array;
  brokenEdges: readonly BrokenEdge[];
  /**
   * Ways out that must be connected and are not (found while the outcomes are at hand, which are
   * not kept): an outcome whose connection points at a missing step is a broken edge instead.
   */
  unconnected: readonly { node: number; outcome: string }[];
  /**
   * The nodes with each kind of fact, in node order. Most nodes store, send or grant nothing, so
   * rules about those facts visit these short lists rather than every node of a large flow.
   */
  collecting: Int32Array;
  sharing: Int32Array;
  granting: Int32Array;
  /** Nodes that read a key (templates, conditions) or send one. */
  using: Int32Array;
  /** Nodes whose outcomes guarantee a value (`assures`). */
  assuring: Int32Array;
  asking: Int32Array;
  disclosing: Int32Array;
  erasing: Int32Array;
  handingOff: Int32Array;
}

const factBits = {
  collecting: 1,
  sharing: 2,
  granting: 4,
  using: 8,
  assuring: 16,
  asking: 32,
  disclosing: 64,
  erasing: 128,
  handingOff: 256,
} as const;

/** The kinds of fact a node has, as `factBits`. */
function kindsOf(node: Partial<PrivacyFacts>): number {
  const reads = node.reads?.length ?? 0;
  const shares = node.shares?.length ?? 0;
  return (
    ((node.collects?.length ?? 0) > 0 ? factBits.collecting : 0) |
    (shares > 0 ? factBits.sharing : 0) |
    ((node.grants?.length ?? 0) > 0 ? factBits.granting : 0) |
    (reads > 0 || shares > 0 ? factBits.using : 0) |
    ((node.assures?.length ?? 0) > 0 ? factBits.assuring : 0) |
    (node.asksUser ? factBits.asking : 0) |
    (node.discloses ? factBits.disclosing : 0) |
    (node.erases ? factBits.erasing : 0) |
    (node.handsOff ? factBits.handingOff : 0)
  );
}

/**
 * Builds the graph of a parsed flow in time linear in its nodes and edges. `visit` sees each node
 * in the same pass, for work that reads the node's own fields (its texts) while they are at hand.
 */
export function buildGraph(flow: Flow, visit?: (index: number, node: FlowNode) => void): FlowGraph {
  // Loops over nodes and edges in the checker are indexed: they run once per check over the
  // whole flow, often before the JIT optimises them, and `for…of` there allocates per step.
  const nodes = flow.nodes;
  const count = nodes.length;
  const indexOf = new Map<string, number>();
  const starts: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const node = item(nodes, index);
    indexOf.set(node.id, index);
    if (node.type === 'start') starts.push(index);
  }

  // The file's edges grouped by the step they leave, so each step's edges are judged against its
  // outcomes while the step is read: its outcomes are then garbage at once instead of being kept
  // for a later pass (which on large flows the garbage collector copied, step by step).
  const fileEdges = flow.edges.length;
  const fromOf = new Int32Array(fileEdges);
  const toOf = new Int32Array(fileEdges);
  // One string per outcome name: the rules compare edges' outcomes over and over, and equal
  // strings that are one string compare without reading their letters.
  const outcomeOf = new Array<string>(fileEdges);
  const outcomes = new Map<string, string>();
  const leaving = new Int32Array(count + 1);
  for (let at = 0; at < fileEdges; at += 1) {
    const edge = item(flow.edges, at);
    fromOf[at] = indexOf.get(edge.from) ?? -1;
    toOf[at] = indexOf.get(edge.to) ?? -1;
    const name = edge.outcome ?? defaultOutcome;
    let known = outcomes.get(name);
    if (known === undefined) outcomes.set(name, (known = name));
    outcomeOf[at] = known;
    if (item(fromOf, at) >= 0) leaving[item(fromOf, at) + 1]! += 1;
  }
  for (let n = 0; n < count; n += 1) leaving[n + 1]! += item(leaving, n);
  const leavingEdges = new Int32Array(item(leaving, count));
  const fill = leaving.slice(0, count);
  for (let at = 0; at < fileEdges; at += 1) if (item(fromOf, at) >= 0) leavingEdges[fill[item(fromOf, at)]!++] = at;

  const problems = new Uint8Array(fileEdges);
  const unconnected: { node: number; outcome: string }[] = [];
  const kinds = new Uint16Array(count);
  const facts = factTable(flow, count);
  for (let index = 0; index < count; index += 1) {
    const node = item(nodes, index);
    const all = declaredFactsOf(node);
    kinds[index] = kindsOf(all);
    facts.add(index, all);
    judgeEdges(index, outcomesOf(node), leavingEdges, leaving, toOf, outcomeOf, problems, unconnected);
    visit?.(index, node);
  }

  // Sized for every edge of the file and cut to the edges that enter the graph, numbered in the
  // order of the file.
  const edgeId = new Array<string>(fileEdges);
  const edgeOutcome = new Array<string>(fileEdges);
  const edgeFrom = new Int32Array(fileEdges);
  const edgeTo = new Int32Array(fileEdges);
  const brokenEdges: BrokenEdge[] = [];
  let edgeCount = 0;
  for (let at = 0; at < fileEdges; at += 1) {
    const edge = item(flow.edges, at);
    if (item(fromOf, at) < 0) brokenEdges.push({ edge, problem: 'missing-from' });
    else if (problems[at] !== 0)
      brokenEdges.push({ edge, problem: edgeProblems[item(problems, at)]!, from: item(fromOf, at) });
    else {
      edgeId[edgeCount] = edge.id;
      edgeOutcome[edgeCount] = item(outcomeOf, at);
      edgeFrom[edgeCount] = item(fromOf, at);
      edgeTo[edgeCount] = item(toOf, at);
      edgeCount += 1;
    }
  }
  edgeId.length = edgeCount;
  edgeOutcome.length = edgeCount;

  const outStart = new Int32Array(count + 1);
  const inStart = new Int32Array(count + 1);
  for (let at = 0; at < edgeCount; at += 1) {
    outStart[item(edgeFrom, at) + 1]! += 1;
    inStart[item(edgeTo, at) + 1]! += 1;
  }
  for (let n = 0; n < count; n += 1) {
    outStart[n + 1] = (outStart[n + 1] ?? 0) + (outStart[n] ?? 0);
    inStart[n + 1] = (inStart[n + 1] ?? 0) + (inStart[n] ?? 0);
  }
  const outEdges = new Int32Array(edgeCount);
  const inEdges = new Int32Array(edgeCount);
  const outFill = outStart.slice(0, count);
  const inFill = inStart.slice(0, count);
  for (let at = 0; at < edgeCount; at += 1) {
    outEdges[outFill[item(edgeFrom, at)]!++] = at;
    inEdges[inFill[item(edgeTo, at)]!++] = at;
  }

  // The per-kind lists are read off the bits set while the facts were at hand.
  const having = (bit: number) => {
    let size = 0;
    for (let index = 0; index < count; index += 1) if (item(kinds, index) & bit) size += 1;
    const list = new Int32Array(size);
    size = 0;
    for (let index = 0; index < count; index += 1) if (item(kinds, index) & bit) list[size++] = index;
    return list;
  };

  const graph: FlowGraph = {
    flow,
    nodes,
    ...facts.lists,
    edgeCount,
    edgeId,
    edgeOutcome,
    edgeFrom: edgeFrom.subarray(0, edgeCount),
    edgeTo: edgeTo.subarray(0, edgeCount),
    outStart,
    outEdges,
    inStart,
    inEdges,
    starts,
    reachable: new Uint8Array(count),
    brokenEdges,
    unconnected,
    collecting: having(factBits.collecting),
    sharing: having(factBits.sharing),
    granting: having(factBits.granting),
    using: having(factBits.using),
    assuring: having(factBits.assuring),
    asking: having(factBits.asking),
    disclosing: having(factBits.disclosing),
    erasing: having(factBits.erasing),
    handingOff: having(factBits.handingOff),
  };
  markReachable(graph);
  return graph;
}

const edgeProblems = [undefined, 'missing-to', 'unknown-outcome'] as const;

/**
 * Judges the edges leaving one step (the file's edges `leavingEdges[leaving[node] .. leaving[node + 1])`)
 * against its outcomes: an edge to a missing step is `missing-to`, one by an outcome the step does
 * not have `unknown-outcome` (in `problems`, as indexes of `edgeProblems`). An outcome that must
 * be connected and has no edge, not even one to a missing step, goes to `unconnected`.
 */
function judgeEdges(
  node: number,
  outcomes: readonly Outcome[],
  leavingEdges: Int32Array,
  leaving: Int32Array,
  toOf: Int32Array,
  outcomeOf: readonly string[],
  problems: Uint8Array,
  unconnected: { node: number; outcome: string }[],
): void {
  const first = item(leaving, node);
  const end = item(leaving, node + 1);
  for (let at = first; at < end; at += 1) {
    const file = item(leavingEdges, at);
    if (item(toOf, file) < 0) problems[file] = 1;
    else if (!hasOutcome(outcomes, item(outcomeOf, file))) problems[file] = 2;
  }
  for (let o = 0; o < outcomes.length; o += 1) {
    const outcome = item(outcomes, o);
    if (outcome.optional) continue;
    let connected = false;
    for (let at = first; at < end && !connected; at += 1) {
      const file = item(leavingEdges, at);
      connected = problems[file] !== 2 && outcomeOf[file] === outcome.id;
    }
    if (!connected) unconnected.push({ node, outcome: outcome.id });
  }
}

function hasOutcome(outcomes: readonly Outcome[], id: string): boolean {
  for (let at = 0; at < outcomes.length; at += 1) if (item(outcomes, at).id === id) return true;
  return false;
}

function markReachable(graph: FlowGraph): void {
  const queue = new Int32Array(graph.nodes.length);
  let tail = 0;
  for (const start of graph.starts) {
    if (graph.reachable[start]) continue;
    graph.reachable[start] = 1;
    queue[tail++] = start;
  }
  for (let head = 0; head < tail; head += 1) {
    const node = item(queue, head);
    for (let at = firstOf(graph.outStart, node); at < endOf(graph.outStart, node); at += 1) {
      const next = item(graph.edgeTo, item(graph.outEdges, at));
      if (graph.reachable[next]) continue;
      graph.reachable[next] = 1;
      queue[tail++] = next;
    }
  }
}

const none: readonly never[] = [];

/** The source of a collection and what a question asks for, as small numbers for the shared objects' index. */
const sources: readonly Collection['source'][] = ['answer', 'choice', 'response', 'computed'];

/**
 * Gathers the nodes' facts into the graph's flat lists as the nodes are read: each key read or
 * stored becomes one string, each collection one object per key, source and input; a node's
 * other facts (sends, grants, guarantees, on fewer nodes) are kept as its kind made them.
 */
function factTable(flow: Flow, count: number) {
  const keys: string[] = [];
  const keyOf = new Map<string, number>();
  const key = (name: string): string => {
    const known = keyOf.get(name);
    if (known !== undefined) return item(keys, known);
    keyOf.set(name, keys.length);
    keys.push(name);
    return name;
  };
  const addKeys = (names: readonly string[]): void => {
    for (let at = 0; at < names.length; at += 1) key(item(names, at));
  };
  builtInKeys.forEach(key);
  for (let at = 0; at < flow.data.length; at += 1) key(item(flow.data, at).key);
  for (let at = 0; at < flow.variables.length; at += 1) key(item(flow.variables, at).key);

  // A flow sends to a few addresses from many steps: each is read once, while its step is at hand.
  const urls = new Map<string, UrlParts>();
  const url = (address: string): UrlParts => {
    let parts = urls.get(address);
    if (parts === undefined) urls.set(address, (parts = urlParts(address)));
    return parts;
  };

  const sharedCollections = new Map<number, Collection>();
  const collection = (each: Collection): Collection => {
    const name = key(each.key);
    const input = each.input === undefined ? 0 : inputKinds.indexOf(each.input) + 1;
    const id = (keyOf.get(name)! * sources.length + sources.indexOf(each.source)) * (inputKinds.length + 1) + input;
    let shared = sharedCollections.get(id);
    if (shared === undefined) {
      shared =
        each.input === undefined
          ? { key: name, source: each.source }
          : { key: name, source: each.source, input: each.input };
      sharedCollections.set(id, shared);
    }
    return shared;
  };

  const lists = {
    keys,
    keyOf,
    collections: [] as Collection[],
    collectStart: new Int32Array(count + 1),
    reads: [] as string[],
    readStart: new Int32Array(count + 1),
    shares: [] as Sharing[],
    shareStart: new Int32Array(count + 1),
    shareUrls: [] as UrlParts[],
    grants: [] as PrivacyFacts['grants'][number][],
    grantStart: new Int32Array(count + 1),
    assures: [] as NonNullable<PrivacyFacts['assures']>[number][],
    assureStart: new Int32Array(count + 1),
    copies: [] as Copy[],
    copyStart: new Int32Array(count + 1),
  };
  const add = (index: number, facts: Partial<PrivacyFacts>): void => {
    const collects = facts.collects ?? none;
    for (let at = 0; at < collects.length; at += 1) lists.collections.push(collection(item(collects, at)));
    lists.collectStart[index + 1] = lists.collections.length;
    const reads = facts.reads ?? none;
    for (let at = 0; at < reads.length; at += 1) lists.reads.push(key(item(reads, at)));
    lists.readStart[index + 1] = lists.reads.length;
    const shares = facts.shares ?? none;
    for (let at = 0; at < shares.length; at += 1) {
      addKeys(item(shares, at).keys);
      lists.shares.push(item(shares, at));
      lists.shareUrls.push(url(addressOf(flow.recipients, item(shares, at))));
    }
    lists.shareStart[index + 1] = lists.shares.length;
    const grants = facts.grants ?? none;
    for (let at = 0; at < grants.length; at += 1) lists.grants.push(item(grants, at));
    lists.grantStart[index + 1] = lists.grants.length;
    const assures = facts.assures ?? none;
    for (let at = 0; at < assures.length; at += 1) {
      addKeys(item(assures, at).keys);
      lists.assures.push(item(assures, at));
    }
    lists.assureStart[index + 1] = lists.assures.length;
    const copies = facts.copies ?? none;
    for (let at = 0; at < copies.length; at += 1) lists.copies.push(item(copies, at));
    lists.copyStart[index + 1] = lists.copies.length;
  };
  return { add, lists };
}

/** Whether the node stores a value it computes (a `set`), which reads what it is made of. */
export function computes(graph: FlowGraph, node: number): boolean {
  for (let at = firstOf(graph.collectStart, node); at < endOf(graph.collectStart, node); at += 1)
    if (item(graph.collections, at).source === 'computed') return true;
  return false;
}
