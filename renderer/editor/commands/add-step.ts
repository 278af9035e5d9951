import { addNode, freshId, spliceNode } from '../../../flows/edit/index.ts';
import { formOf } from '../../../flows/index.ts';
import { useDocumentStore } from '../../stores/document-store.ts';
import { useLanguageStore } from '../../stores/language-store.ts';
import { useSelectionStore } from '../../stores/selection-store.ts';
import { useViewportStore } from '../../stores/viewport-store.ts';

/** The drag-and-drop type a palette entry carries: the node kind's type. */
export const kindDragType = 'application/x-amana-kind';

/**
 * Adds a new step of a kind at a canvas position (the visible centre when none is given), or
 * splices it into the connection it was dropped on; the new step is selected for the inspector.
 */
export function addStep(type: string, position?: { x: number; y: number }, ontoEdge?: string): string | null {
  const form = formOf(type);
  const { working } = useDocumentStore.getState();
  if (!form || !working) return null;
  const at = position ?? centred(useViewportStore.getState().controls?.center() ?? { x: 0, y: 0 });
  const node = form.blank({
    id: freshId(type, new Set(working.nodes.map((candidate) => candidate.id))),
    position: at,
    languages: working.languages,
    ui: useLanguageStore.getState().language,
    purposes: working.purposes.map((purpose) => purpose.id),
    recipients: working.recipients.map((recipient) => recipient.id),
  });
  useDocumentStore
    .getState()
    .edit((flow) => (ontoEdge !== undefined ? spliceNode(flow, ontoEdge, node) : addNode(flow, node)));
  useSelectionStore.getState().select([node.id]);
  return node.id;
}

/** The top-left corner that puts a card of the usual size at the point. */
function centred(point: { x: number; y: number }): { x: number; y: number } {
  return { x: Math.round(point.x - 120), y: Math.round(point.y - 50) };
}
