import type { Flow, FlowNode } from '../model/schema.ts';
import { outcomesOf } from '../nodes/registry.ts';
import { applyEdit } from './apply-edit.ts';
import { findNode } from './node-edits.ts';
import type { Edit, EditOp } from './types.ts';

/**
 * Puts an edited copy of a node in its place, as one undo step. When the edit renamed a way out
 * (a button's, a list row's or a rule's id: the outcome at the same place in the list now has
 * another id, the old id is gone and the new one was not taken), the connections that left by the
 * old id leave by the new one, so renaming a button loses none of its connections.
 */
export function replaceNode(flow: Flow, node: FlowNode): Edit {
  const renamed = renamedOutcomes(findNode(flow, node.id), node);
  const following: EditOp[] = [];
  for (const edge of flow.edges) {
    const outcome = edge.from === node.id && edge.outcome !== undefined ? renamed.get(edge.outcome) : undefined;
    if (outcome !== undefined) following.push({ op: 'replaceEdge', edge: { ...edge, outcome } });
  }
  const replace: EditOp = { op: 'replaceNode', node };
  return applyEdit(flow, following.length === 0 ? replace : { op: 'batch', ops: [replace, ...following] });
}

/** Old outcome id → new one, for each way out whose id alone changed. */
function renamedOutcomes(previous: FlowNode, node: FlowNode): Map<string, string> {
  const before = outcomesOf(previous).map((outcome) => outcome.id);
  const after = outcomesOf(node).map((outcome) => outcome.id);
  const renamed = new Map<string, string>();
  if (before.length !== after.length) return renamed;
  before.forEach((id, index) => {
    const next = after[index];
    if (next !== undefined && next !== id && !after.includes(id) && !before.includes(next)) renamed.set(id, next);
  });
  return renamed;
}
