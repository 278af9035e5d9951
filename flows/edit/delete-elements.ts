import type { Flow } from '../model/schema.ts';
import { applyEdit } from './apply-edit.ts';
import type { Edit } from './types.ts';

/** Deletes nodes with every edge that touches them, and the given edges. */
export function deleteElements(flow: Flow, nodeIds: string[], edgeIds: string[] = []): Edit {
  const nodes = new Set(nodeIds);
  const edges = new Set(edgeIds);
  for (const edge of flow.edges) if (nodes.has(edge.from) || nodes.has(edge.to)) edges.add(edge.id);
  return applyEdit(flow, { op: 'remove', nodeIds: [...nodes], edgeIds: [...edges] });
}
