import type { Flow, FlowEdge, FlowNode } from '../model/schema.ts';
import type { Outcome, PrivacyFacts } from '../nodes/kind.ts';
import { factsOf, outcomesOf } from '../nodes/registry.ts';

/** The outcome an edge without `outcome` leaves by (DESIGN.md §2). */
export const defaultOutcome = 'next';

/** An edge that connects two existing nodes by an outcome its source has. */
export interface GraphEdge {
  /** Position in `FlowGraph.edges`. */
  index: number;
  id: string;
  from: number;
  to: number;
  outcome: string;
}

/** An edge of the file that could not enter the graph, and why. */
export interface BrokenEdge {
  edge: FlowEdge;
  problem: 'missing-from' | 'missing-to' | 'unknown-outcome';
}

/**
 * A flow as a graph of node indexes, built once per check: every rule and analysis reads it, so
 * facts and outcomes are computed once per node and adjacency is in compact arrays (CSR).
 */
export interface FlowGraph {
  flow: Flow;
  nodes: readonly FlowNode[];
  indexOf: ReadonlyMap<string, number>;
  facts: readonly PrivacyFacts[];
  outcomes: readonly (readonly Outcome[])[];
  edges: readonly GraphEdge[];
  /** Source and target node of each edge, by edge index (the analyses' hot loops read these). */
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

/** Builds the graph of a parsed flow in time linear in its nodes and edges. */
export function buildGraph(flow: Flow): FlowGraph {
  // Loops over nodes and edges in the checker are indexed: they run once per check over the
  // whole flow, often before the JIT optimises them, and `for…of` there allocates per step.
  const nodes = flow.nodes;
  const count = nodes.length;
  const indexOf = new Map<string, number>();
  const facts: PrivacyFacts[] = new Array<PrivacyFacts>(count);
  const outcomes: Outcome[][] = new Array<Outcome[]>(count);
  const starts: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const node = nodes[index]!;
    indexOf.set(node.id, index);
    facts[index] = factsOf(node);
    outcomes[index] = outcomesOf(node);
    if (node.type === 'start') starts.push(index);
  }

  const edges: GraphEdge[] = [];
  const brokenEdges: BrokenEdge[] = [];
  for (let at = 0; at < flow.edges.length; at += 1) {
    const edge = flow.edges[at]!;
    const from = indexOf.get(edge.from);
    const to = indexOf.get(edge.to);
    const outcome = edge.outcome ?? defaultOutcome;
    if (from === undefined) brokenEdges.push({ edge, problem: 'missing-from' });
    else if (to === undefined) brokenEdges.push({ edge, problem: 'missing-to' });
    else if (!hasOutcome(outcomes[from] ?? [], outcome)) brokenEdges.push({ edge, problem: 'unknown-outcome' });
    else edges.push({ index: edges.length, id: edge.id, from, to, outcome });
  }

  const outStart = new Int32Array(count + 1);
  const inStart = new Int32Array(count + 1);
  for (let at = 0; at < edges.length; at += 1) {
    const edge = edges[at]!;
    outStart[edge.from + 1] = (outStart[edge.from + 1] ?? 0) + 1;
    inStart[edge.to + 1] = (inStart[edge.to + 1] ?? 0) + 1;
  }
  for (let n = 0; n < count; n += 1) {
    outStart[n + 1] = (outStart[n + 1] ?? 0) + (outStart[n] ?? 0);
    inStart[n + 1] = (inStart[n + 1] ?? 0) + (inStart[n] ?? 0);
  }
  const edgeFrom = new Int32Array(edges.length);
  const edgeTo = new Int32Array(edges.length);
  for (let at = 0; at < edges.length; at += 1) {
    edgeFrom[at] = edges[at]!.from;
    edgeTo[at] = edges[at]!.to;
  }
  const outEdges = new Int32Array(edges.length);
  const inEdges = new Int32Array(edges.length);
  const outFill = outStart.slice(0, count);
  const inFill = inStart.slice(0, count);
  for (let at = 0; at < edges.length; at += 1) {
    const edge = edges[at]!;
    outEdges[outFill[edge.from]!++] = edge.index;
    inEdges[inFill[edge.to]!++] = edge.index;
  }

  // One pass over the facts sets a bit per kind of fact; the lists are then read off these bits.
  const kinds = new Uint16Array(count);
  for (let index = 0; index < count; index += 1) {
    const node = facts[index]!;
    kinds[index] =
      (node.collects.length > 0 ? factBits.collecting : 0) |
      (node.shares.length > 0 ? factBits.sharing : 0) |
      (node.grants.length > 0 ? factBits.granting : 0) |
      (node.reads.length > 0 || node.shares.length > 0 ? factBits.using : 0) |
      (node.assures !== undefined && node.assures.length > 0 ? factBits.assuring : 0) |
      (node.asksUser ? factBits.asking : 0) |
      (node.discloses ? factBits.disclosing : 0) |
      (node.erases ? factBits.erasing : 0) |
      (node.handsOff ? factBits.handingOff : 0);
  }
  const having = (bit: number) => {
    let size = 0;
    for (let index = 0; index < count; index += 1) if (kinds[index]! & bit) size += 1;
    const list = new Int32Array(size);
    size = 0;
    for (let index = 0; index < count; index += 1) if (kinds[index]! & bit) list[size++] = index;
    return list;
  };

  const graph: FlowGraph = {
    flow,
    nodes,
    indexOf,
    facts,
    outcomes,
    edges,
    edgeFrom,
    edgeTo,
    outStart,
    outEdges,
    inStart,
    inEdges,
    starts,
    reachable: new Uint8Array(count),
    brokenEdges,
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
