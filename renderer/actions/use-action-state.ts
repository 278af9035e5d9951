import { useShallow } from 'zustand/react/shallow';
import { useDocumentStore } from '../stores/document-store.ts';
import { useSelectionStore } from '../stores/selection-store.ts';
import { useViewportStore } from '../stores/viewport-store.ts';
import { useActionsStore } from './registry.ts';

/**
 * The registered actions, re-read whenever something their `enabled` may depend on changes (the
 * document, its history, the selection, the canvas), so buttons and menus show the right state.
 */
export function useActionsWithState() {
  useDocumentStore(
    useShallow((state) => [
      state.revision,
      state.dirty,
      state.history.past.length,
      state.history.future.length,
      state.shown?.version,
      state.currentVersion,
    ]),
  );
  useSelectionStore(useShallow((state) => [state.nodeIds, state.edgeIds]));
  useViewportStore((state) => state.controls);
  return useActionsStore((state) => state.actions);
}
