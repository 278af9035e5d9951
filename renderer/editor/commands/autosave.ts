import type { Flow } from '../../../flows/index.ts';
import { amana } from '../../bridge/amana.ts';
import { useDocumentStore } from '../../stores/document-store.ts';
import { inTurn } from './host-queue.ts';

/** Quiet time after the last edit before the draft is written. */
const autosaveDelayMs = 800;

/**
 * Keeps unsaved work as a draft in the workspace (DESIGN.md §6: autosave subscribes to the document
 * store, not to components). Returns a function that stops it.
 */
export function startAutosave(
  write: (flow: Flow) => Promise<void> = (flow) => amana().saveDraft(flow.id, flow),
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = useDocumentStore.subscribe((state, previous) => {
    if (state.working === previous.working || !state.dirty || !state.working) return;
    clearTimeout(timer);
    const flow = state.working;
    timer = setTimeout(
      () =>
        // Writing the draft serialises the whole flow on the page's thread: wait until the page
        // is idle, so it does not fall between an edit and its problems being shown.
        whenIdle(() => {
          // Saved in the meantime, or another flow opened: nothing to keep.
          const now = useDocumentStore.getState();
          if (!now.dirty || now.working?.id !== flow.id) return;
          void inTurn(() => write(now.working ?? flow)).catch(() => undefined);
        }),
      autosaveDelayMs,
    );
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}

/** Runs `task` when the page is idle (at the latest after two seconds); at once where idle callbacks are unknown. */
function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 2000 });
  else task();
}
