import { hasBit } from './bitset.ts';
import type { BitFlowProblem } from './dataflow.ts';
import type { FlowGraph } from './graph.ts';
import { item, firstOf, endOf } from './lists.ts';

/** One fact followed along paths: a bit of a forward gen/kill problem. */
export interface Track {
  problem: BitFlowProblem;
  bit: number;
}

/**
 * Shortest witness paths: for each node where `isTarget(node, facts)` holds for the facts some path
 * brings there, the shortest such path from a start node (node indexes, start first).
 *
 * The search is a breadth-first search of the product of the graph with the tracked facts (each
 * node paired with the values of up to a few bits), with parent pointers: O((nodes + edges) × 2^tracks).
 * A must-analysis says *whether* a fact can fail to hold at a node; this says *along which path*.
 * `facts` has bit i set when track i holds on arrival at the node.
 */
export function shortestWitnesses(
  graph: FlowGraph,
  tracks: readonly Track[],
  isTarget: (node: number, facts: number) => boolean,
  wanted?: ReadonlySet<number>,
): Map<number, number[]> {
  const stride = 1 << tracks.length;
  const states = graph.nodes.length * stride;
  const parent = new Int32Array(states).fill(-2); // -2 unseen, -1 a start
  const queue = new Int32Array(states);
  let tail = 0;
  const found = new Map<number, number[]>();
  let wantedFound = 0;

  let initial = 0;
  tracks.forEach((track, i) => {
    if (hasBit(track.problem.boundary, track.bit)) initial |= 1 << i;
  });
  for (const start of graph.starts) {
    const state = start * stride + initial;
    if (parent[state] !== -2) continue;
    parent[state] = -1;
    queue[tail++] = state;
  }

  for (let head = 0; head < tail; head += 1) {
    const state = item(queue, head);
    const node = Math.floor(state / stride);
    const facts = state % stride;
    if (!found.has(node) && isTarget(node, facts)) {
      found.set(node, pathTo(state, parent, stride));
      if (wanted?.has(node)) wantedFound += 1;
      if (wanted && wantedFound === wanted.size) break;
    }
    let leaving = facts;
    for (let i = 0; i < tracks.length; i += 1) {
      const { problem, bit } = item(tracks, i);
      leaving = step(leaving, i, problem.nodeKill?.has(node, bit), problem.nodeGen?.has(node, bit));
    }
    for (let at = firstOf(graph.outStart, node); at < endOf(graph.outStart, node); at += 1) {
      const edge = item(graph.outEdges, at);
      let carried = leaving;
      for (let i = 0; i < tracks.length; i += 1) {
        const { problem, bit } = item(tracks, i);
        carried = step(carried, i, problem.edgeKill?.has(edge, bit), problem.edgeGen?.has(edge, bit));
      }
      const next = item(graph.edgeTo, edge) * stride + carried;
      if (parent[next] !== -2) continue;
      parent[next] = state;
      queue[tail++] = next;
    }
  }
  return found;
}

function step(facts: number, index: number, killed: boolean | undefined, generated: boolean | undefined): number {
  let value = facts;
  if (killed) value &= ~(1 << index);
  if (generated) value |= 1 << index;
  return value;
}

function pathTo(state: number, parent: Int32Array, stride: number): number[] {
  const path: number[] = [];
  for (let at = state; at >= 0; at = item(parent, at)) path.push(Math.floor(at / stride));
  return path.reverse();
}
