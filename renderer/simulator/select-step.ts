import { useSelectionStore } from '../stores/selection-store.ts';
import { simulatorStore } from './simulator-store.ts';

/**
 * A bubble or a ledger entry was chosen: its step becomes the canvas's selection (the inspector
 * shows it, ready to edit) and is brought into view.
 */
export function selectStep(node: string): void {
  useSelectionStore.getState().select([node]);
  simulatorStore.getState().focus(node);
}
