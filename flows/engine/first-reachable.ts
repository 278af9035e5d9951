import type { Flow, FlowEdge, FlowNode } from '../model/schema.ts';
import { indexFlow } from './flow-index.ts';

/**
 * The node nearest ahead of `from` that `wanted` accepts: breadth-first along the flow's edges, so
 * the fewest steps away (among equals, the one whose edges come first in the flow), and never
 * `from` itself, even where a loop leads back to it. Only the edges `follows` accepts are walked
 * (every edge by default); an edge to a node the flow does not have leads nowhere.
 */
export function firstReachable(
  flow: Flow,
  from: string,
  wanted: (node: FlowNode) => boolean,
  follows: (edge: FlowEdge) => boolean = () => true,
): FlowNode | undefined {
  const index = indexFlow(flow);
  const seen = new Set([from]);
  const queue = [from];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const edge of index.edgesFrom(id)) {
      if (seen.has(edge.to) || !follows(edge)) continue;
      seen.add(edge.to);
      const node = index.node(edge.to);
      if (!node) continue;
      if (wanted(node)) return node;
      queue.push(node.id);
    }
  }
  return undefined;
}
