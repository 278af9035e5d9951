import { BitTable, fullSet, type BitSet } from './bitset.ts';
import type { FlowGraph } from './graph.ts';
import { item, firstOf, endOf } from './lists.ts';

/**
 * A gen/kill bit-vector problem over the flow graph (the classic monotone framework).
 *
 * Each bit is one fact ("consent covers `email`", "`name` has a value", "`name` may be read later").
 * Nodes and edges may set (gen) or clear (kill) bits; an edge's effect applies after its source
 * node's, which is how a consent node grants only on its `granted` outcome.
 *
 * - `must` problems hold a fact at a node only if it holds on every path there (meet = intersection);
 * - `may` problems hold it if it holds on some path (meet = union).
 *
 * Forward problems flow from the start nodes along edges; backward problems flow against them,
 * from the nodes without successors. Either way `atEntry` / `atExit` are named in the direction the
 * conversation runs: a backward problem's meet is at a node's exit and its effect gives the entry.
 */
export interface BitFlowProblem {
  width: number;
  direction: 'forward' | 'backward';
  meet: 'must' | 'may';
  /** The value where the flow begins: at start nodes (forward) or at nodes with no way out (backward). */
  boundary: BitSet;
  /** Bits set / cleared by each node itself (one row per node; absent = none). */
  nodeGen?: BitTable;
  nodeKill?: BitTable;
  /** Bits set / cleared when leaving by each graph edge (one row per edge; absent = none). */
  edgeGen?: BitTable;
  edgeKill?: BitTable;
}

/** Effects as dense tables: a row of zeros is no effect, so applying one needs no branch or allocation. */
export function effectTable(graph: FlowGraph, per: 'node' | 'edge', width: number): BitTable {
  return new BitTable(per === 'node' ? graph.nodes.length : graph.edgeCount, width);
}

export interface BitFlowResult {
  problem: BitFlowProblem;
  /** The facts when control arrives at each node, before the node's own effect (forward). */
  atEntry: BitTable;
  /** The facts when control leaves each node, before any edge effect. */
  atExit: BitTable;
}

/**
 * Solves a gen/kill problem with a worklist seeded in reverse postorder (postorder for backward
 * problems), so acyclic parts settle in one visit and each loop in a few: the work is
 * O((nodes + edges) × words × loop depth), linear in the graph for a fixed number of facts.
 */
export function solveBitFlow(graph: FlowGraph, problem: BitFlowProblem): BitFlowResult {
  const count = graph.nodes.length;
  const { width, meet } = problem;
  const forward = problem.direction === 'forward';
  const atEntry = new BitTable(count, width);
  const atExit = new BitTable(count, width);
  const words = atEntry.words;
  const top = fullSet(width);
  const isBoundary = new Uint8Array(count);
  if (forward) for (const start of graph.starts) isBoundary[start] = 1;
  else for (let n = 0; n < count; n += 1) if (graph.outStart[n] === graph.outStart[n + 1]) isBoundary[n] = 1;

  // Must-problems start every node at top (nothing disproved yet); may-problems at empty.
  if (meet === 'must') {
    fillRows(atEntry.data, top);
    fillRows(atExit.data, top);
  }

  const queued = new Uint8Array(count);
  const queue = new Int32Array(Math.max(1, count));
  let head = 0;
  let size = 0;
  const push = (node: number) => {
    if (queued[node]) return;
    queued[node] = 1;
    queue[(head + size) % queue.length] = node;
    size += 1;
  };
  const order = depthFirstOrder(graph);
  if (forward) for (let at = order.length - 1; at >= 0; at -= 1) push(item(order, at));
  else for (let at = 0; at < order.length; at += 1) push(item(order, at));

  // Forward, a node meets its incoming edges (each carrying its source's exit) and its effect
  // gives its exit. Backward, it meets its outgoing edges (each carrying its target's entry), the
  // meet is its exit and its effect gives its entry. Either way `before` is meet, `after` effect.
  const before = forward ? atEntry.data : atExit.data;
  const after = forward ? atExit.data : atEntry.data;
  const inputStart = forward ? graph.inStart : graph.outStart;
  const inputEdges = forward ? graph.inEdges : graph.outEdges;
  const dependentStart = forward ? graph.outStart : graph.inStart;
  const dependentEdges = forward ? graph.outEdges : graph.inEdges;
  // The node at the other end of an input edge, and of an edge to a node that reads this one.
  const inputNode = forward ? graph.edgeFrom : graph.edgeTo;
  const dependentNode = forward ? graph.edgeTo : graph.edgeFrom;
  const identity = meet === 'must' ? 0xffffffff : 0;
  const value = new Uint32Array(words);
  const carried = new Uint32Array(words);
  const nodeGen = problem.nodeGen?.data;
  const nodeKill = problem.nodeKill?.data;
  const edgeGen = problem.edgeGen?.data;
  const edgeKill = problem.edgeKill?.data;

  while (size > 0) {
    const node = item(queue, head);
    head = (head + 1) % queue.length;
    size -= 1;
    queued[node] = 0;

    value.fill(identity);
    if (isBoundary[node]) meetInto(value, problem.boundary, meet);
    for (let at = firstOf(inputStart, node); at < endOf(inputStart, node); at += 1) {
      const edge = item(inputEdges, at);
      const base = item(inputNode, edge) * words;
      for (let w = 0; w < words; w += 1) carried[w] = item(after, base + w);
      applyEffect(carried, words, edge * words, edgeKill, edgeGen);
      meetInto(value, carried, meet);
    }
    mask(value, top);
    const base = node * words;
    for (let w = 0; w < words; w += 1) before[base + w] = item(value, w);
    applyEffect(value, words, base, nodeKill, nodeGen);
    let changed = false;
    for (let w = 0; w < words; w += 1) {
      if (after[base + w] !== value[w]) changed = true;
      after[base + w] = item(value, w);
    }
    if (!changed) continue;
    for (let at = firstOf(dependentStart, node); at < endOf(dependentStart, node); at += 1) {
      push(item(dependentNode, item(dependentEdges, at)));
    }
  }
  return { problem, atEntry, atExit };
}

/** Sets every row of a table to one value. */
function fillRows(data: Uint32Array, row: BitSet): void {
  if (row.length === 1) data.fill(item(row, 0));
  else for (let at = 0; at < data.length; at += row.length) data.set(row, at);
}

function meetInto(target: Uint32Array, value: Uint32Array, meet: 'must' | 'may'): void {
  if (meet === 'must') for (let w = 0; w < target.length; w += 1) target[w] = item(target, w) & item(value, w);
  else for (let w = 0; w < target.length; w += 1) target[w] = item(target, w) | item(value, w);
}

function applyEffect(
  value: Uint32Array,
  words: number,
  offset: number,
  kill: Uint32Array | undefined,
  gen: Uint32Array | undefined,
): void {
  if (kill) for (let w = 0; w < words; w += 1) value[w] = item(value, w) & ~item(kill, offset + w);
  if (gen) for (let w = 0; w < words; w += 1) value[w] = item(value, w) | item(gen, offset + w);
}

/** Keeps the bits above the width clear, so "all ones" and "top" compare equal. */
function mask(value: Uint32Array, top: BitSet): void {
  for (let w = 0; w < value.length; w += 1) value[w] = item(value, w) & item(top, w);
}

const postorders = new WeakMap<FlowGraph, Int32Array>();

/**
 * The postorder of a depth-first search from the start nodes, then from the nodes no start
 * reaches; forward problems visit it reversed. Iterative, so deep flows cannot overflow the
 * stack, and computed once per graph.
 */
function depthFirstOrder(graph: FlowGraph): Int32Array {
  const cached = postorders.get(graph);
  if (cached) return cached;
  const count = graph.nodes.length;
  const visited = new Uint8Array(count);
  const postorder = new Int32Array(count);
  let done = 0;
  const stack = new Int32Array(count);
  const cursor = new Int32Array(count);
  const visit = (root: number) => {
    if (visited[root]) return;
    let depth = 0;
    stack[depth] = root;
    cursor[root] = firstOf(graph.outStart, root);
    visited[root] = 1;
    while (depth >= 0) {
      const node = item(stack, depth);
      const at = item(cursor, node);
      if (at < endOf(graph.outStart, node)) {
        cursor[node] = at + 1;
        const next = item(graph.edgeTo, item(graph.outEdges, at));
        if (!visited[next]) {
          visited[next] = 1;
          cursor[next] = firstOf(graph.outStart, next);
          stack[++depth] = next;
        }
      } else {
        postorder[done++] = node;
        depth -= 1;
      }
    }
  };
  for (const start of graph.starts) visit(start);
  for (let node = 0; node < count; node += 1) visit(node);
  postorders.set(graph, postorder);
  return postorder;
}
