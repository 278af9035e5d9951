import type { Flow, FlowNode } from '../model/schema.ts';
import { outcomesOf } from '../nodes/registry.ts';
import { applyEdit } from './apply-edit.ts';
import { edgeOf } from './edge-edits.ts';
import { freshId } from './fresh-id.ts';
import { EditError, type Edit, type EditOp } from './types.ts';

/**
 * Drops a new node onto an edge: the edge now ends at the node, and the node's first outcome
 * goes on to where the edge went (a node without outcomes, an End, just takes the edge).
 */
export function spliceNode(flow: Flow, edgeId: string, node: FlowNode): Edit {
  const edge = flow.edges.find((candidate) => candidate.id === edgeId);
  if (!edge) throw new EditError('unknown-edge', { id: edgeId });
  const ops: EditOp[] = [
    { op: 'insert', nodes: [{ index: flow.nodes.length, item: node }], edges: [] },
    { op: 'replaceEdge', edge: { ...edge, to: node.id } },
  ];
  const [first] = outcomesOf(node);
  if (first !== undefined) {
    const id = freshId(`${node.id}.${first.id}`, new Set(flow.edges.map((candidate) => candidate.id)));
    const onward = edgeOf(id, { from: node.id, to: edge.to, outcome: first.id });
    ops.push({ op: 'insert', nodes: [], edges: [{ index: flow.edges.length, item: onward }] });
  }
  return applyEdit(flow, { op: 'batch', ops });
}
