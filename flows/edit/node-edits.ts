import type { Flow, FlowNode } from '../model/schema.ts';
import { applyEdit } from './apply-edit.ts';
import { nodeWith, valueAt, type FieldPath } from './node-fields.ts';
import { EditError, type Edit } from './types.ts';

/** Adds a node (at the end of the list unless an index is given). */
export function addNode(flow: Flow, node: FlowNode, index = flow.nodes.length): Edit {
  return applyEdit(flow, { op: 'insert', nodes: [{ index, item: node }], edges: [] });
}

/** Moves nodes on the canvas: one edit for a whole drag, however many nodes it carried. */
export function moveNodes(flow: Flow, positions: { id: string; position: FlowNode['position'] }[]): Edit {
  return applyEdit(flow, { op: 'move', positions });
}

/** Sets one field of a node (`undefined` removes an optional field or a list item). */
export function setNodeField(flow: Flow, nodeId: string, path: FieldPath, value: unknown): Edit {
  return applyEdit(flow, { op: 'replaceNode', node: nodeWith(findNode(flow, nodeId), path, value) });
}

/**
 * Sets a text in one language (`path` leads to the language map, e.g. `['text']` or
 * `['options', 1, 'label']`). An empty value removes that language; a map left empty is removed.
 */
export function setNodeText(flow: Flow, nodeId: string, path: FieldPath, language: string, value: string): Edit {
  const node = findNode(flow, nodeId);
  const current = valueAt(node, path);
  const map: Record<string, string> = typeof current === 'object' && current !== null ? { ...current } : {};
  if (value === '') delete map[language];
  else map[language] = value;
  return applyEdit(flow, {
    op: 'replaceNode',
    node: nodeWith(node, path, Object.keys(map).length === 0 ? undefined : map),
  });
}

/** The node with this id; throws EditError when there is none. */
export function findNode(flow: Flow, nodeId: string): FlowNode {
  const node = flow.nodes.find((candidate) => candidate.id === nodeId);
  if (!node) throw new EditError('unknown-node', { id: nodeId });
  return node;
}
