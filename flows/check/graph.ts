import type { Flow, FlowEdge, FlowNode } from '../model/schema.ts';
import type { Outcome, PrivacyFacts } from '../nodes/kind.ts';
import { factsOf, outcomesOf } from '../nodes/registry.ts';

/** The outcome an edge without `outcome` leaves by (DESIGN.md §2). */
export const defaultOutcome = 'next';

/** An edge of the file that could not enter the graph, and why. */
export interface BrokenEdge {
  edge: FlowEdge;
  problem: 'missing-from' | 'missing-to' | 'unknown-outcome';
}

/**
 * A flow as a graph of node indexes, built once per check: every rule and analysis reads it, so
 * each node's privacy facts are computed once and adjacency is in compact arrays (CSR).
 */
export interface FlowGraph {
  flow: Flow;
  nodes: readonly FlowNode[];
  indexOf: ReadonlyMap<string, number>;
  /**
   * The full privacy facts of the nodes that store, send, grant or guarantee something (the nodes of
   * `collecting`, `sharing`, `granting`, `assuring`); undefined for the others, whose facts are all
   * in `reads` and the per-kind lists. Keeping one object per node for the whole check is what
   * makes a large flow's check slow (the garbage collector copies them), so only these are kept.
   */
  facts: readonly (PrivacyFacts | undefined)[];
  /** The keys each node reads (templates, conditions), for every node. */
  reads: readonly (readonly string[])[];
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
/** The kinds of node whose full facts are kept. */
const detailed = factBits.collecting | factBits.sharing | factBits.granting | factBits.assuring;

const noReads: readonly string[] = [];

/** The kinds of fact a node has, as `factBits`. */
function kindsOf(node: PrivacyFacts): number {
  return (
    (node.collects.length > 0 ? factBits.collecting : 0) |
    (node.shares.length > 0 ? factBits.sharing : 0) |
    (node.grants.length > 0 ? factBits.granting : 0) |
    (node.reads.length > 0 || node.shares.length > 0 ? factBits.using : 0) |
    (node.assures !== undefined && node.assures.length > 0 ? factBits.assuring : 0) |
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
  const facts: (PrivacyFacts | undefined)[] = new Array<PrivacyFacts | undefined>(count);
  const reads: (readonly string[])[] = new Array<readonly string[]>(count);
  const kinds = new Uint16Array(count);
  // Outcomes are needed only while the edges are read; they are not kept for the rules.
  const outcomes: Outcome[][] = new Array<Outcome[]>(count);
  const starts: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const node = nodes[index]!;
    indexOf.set(node.id, index);
    const all = factsOf(node);
    kinds[index] = kindsOf(all);
    reads[index] = all.reads.length === 0 ? noReads : all.reads;
    if (kinds[index]! & detailed) facts[index] = all;
    outcomes[index] = outcomesOf(node);
    if (node.type === 'start') starts.push(index);
    visit?.(index, node);
  }

  // Sized for every edge of the file and cut to the edges that enter the graph: growing arrays
  // edge by edge copied them over and over on large flows.
  const fileEdges = flow.edges.length;
  const edgeId = new Array<string>(fileEdges);
  const edgeOutcome = new Array<string>(fileEdges);
  const edgeFrom = new Int32Array(fileEdges);
  const edgeTo = new Int32Array(fileEdges);
  const brokenEdges: BrokenEdge[] = [];
  let edgeCount = 0;
  for (let at = 0; at < fileEdges; at += 1) {
    const edge = flow.edges[at]!;
    const from = indexOf.get(edge.from);
    const to = indexOf.get(edge.to);
    const outcome = edge.outcome ?? defaultOutcome;
    if (from === undefined) brokenEdges.push({ edge, problem: 'missing-from' });
    else if (to === undefined) brokenEdges.push({ edge, problem: 'missing-to' });
    else if (!hasOutcome(outcomes[from] ?? [], outcome)) brokenEdges.push({ edge, problem: 'unknown-outcome' });
    else {
      edgeId[edgeCount] = edge.id;
      edgeOutcome[edgeCount] = outcome;
      edgeFrom[edgeCount] = from;
      edgeTo[edgeCount] = to;
      edgeCount += 1;
    }
  }
  edgeId.length = edgeCount;
  edgeOutcome.length = edgeCount;

  const outStart = new Int32Array(count + 1);
  const inStart = new Int32Array(count + 1);
  for (let at = 0; at < edgeCount; at += 1) {
    outStart[edgeFrom[at]! + 1]! += 1;
    inStart[edgeTo[at]! + 1]! += 1;
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
    outEdges[outFill[edgeFrom[at]!]!++] = at;
    inEdges[inFill[edgeTo[at]!]!++] = at;
  }

  // The per-kind lists are read off the bits set while the facts were at hand.
  const having = (bit: number) => {
    let size = 0;
    for (let index = 0; index < count; index += 1) if (kinds[index]! & bit) size += 1;
    const list = new Int32Array(size);
    size = 0;
    for (let index = 0; index < count; index += 1) if (kinds[index]! & bit) list[size++] = index;
    return list;
  };

  const pointingNowhere = new Set<string>();
  for (const { edge, problem } of brokenEdges) {
    const from = indexOf.get(edge.from);
    if (problem === 'missing-to' && from !== undefined)
      pointingNowhere.add(`${from}\u0000${edge.outcome ?? defaultOutcome}`);
  }
  const unconnected: { node: number; outcome: string }[] = [];
  for (let node = 0; node < count; node += 1) {
    const ways = outcomes[node]!;
    for (let o = 0; o < ways.length; o += 1) {
      const outcome = ways[o]!;
      if (outcome.optional) continue;
      let connected = false;
      for (let at = outStart[node]!; at < outStart[node + 1]! && !connected; at += 1)
        connected = edgeOutcome[outEdges[at]!] === outcome.id;
      if (!connected && !pointingNowhere.has(`${node}\u0000${outcome.id}`))
        unconnected.push({ node, outcome: outcome.id });
    }
  }

  const graph: FlowGraph = {
    flow,
    nodes,
    indexOf,
    facts,
    reads,
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

function hasOutcome(outcomes: readonly Outcome[], id: string): boolean {
  for (let at = 0; at < outcomes.length; at += 1) if (outcomes[at]!.id === id) return true;
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
    const node = queue[head]!;
    for (let at = graph.outStart[node]!; at < graph.outStart[node + 1]!; at += 1) {
      const next = graph.edgeTo[graph.outEdges[at]!]!;
      if (graph.reachable[next]) continue;
      graph.reachable[next] = 1;
      queue[tail++] = next;
    }
  }
}
