import { useProblemsStore } from '../stores/problems-store.ts';
import { useSelectionStore } from '../stores/selection-store.ts';

/** Selects a step on the canvas and brings it into view (a problem or an inventory row pointing at it). */
export function showStep(nodeId: string): void {
  useSelectionStore.getState().select([nodeId]);
  useProblemsStore.getState().focusStep(nodeId);
}
