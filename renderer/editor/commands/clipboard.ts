import { copyFragment, deleteElements, pasteFragment } from '../../../flows/edit/index.ts';
import { parseFlow, serializeFlow } from '../../../flows/index.ts';
import { useDocumentStore } from '../../stores/document-store.ts';
import { useLanguageStore } from '../../stores/language-store.ts';
import { useNoticesStore } from '../../stores/notices-store.ts';
import { useSelectionStore } from '../../stores/selection-store.ts';
import { editorText } from '../texts.ts';

/** How far a paste lands from what was copied, so the copy is seen beside the original. */
const pasteOffset = { x: 40, y: 40 };

/** The selected steps as flow JSON: what copy puts on the system clipboard. */
function selectionAsText(): string | null {
  const { working } = useDocumentStore.getState();
  const { nodeIds } = useSelectionStore.getState();
  if (!working || nodeIds.size === 0) return null;
  return serializeFlow(copyFragment(working, [...nodeIds]));
}

/** Copies the selected steps to the clipboard (the clipboard event's, or the system's). */
export async function copySelection(clipboard?: DataTransfer | null): Promise<void> {
  const text = selectionAsText();
  if (text === null) return;
  if (clipboard) clipboard.setData('text/plain', text);
  else await navigator.clipboard.writeText(text);
}

export async function cutSelection(clipboard?: DataTransfer | null): Promise<void> {
  await copySelection(clipboard);
  deleteSelection();
}

/** Deletes the selected steps (with their connections) and connections as one step. */
export function deleteSelection(): void {
  const { nodeIds, edgeIds } = useSelectionStore.getState();
  const { working } = useDocumentStore.getState();
  if (!working || (nodeIds.size === 0 && edgeIds.size === 0)) return;
  const existing = new Set(working.edges.map((edge) => edge.id));
  useDocumentStore.getState().edit((flow) =>
    deleteElements(
      flow,
      [...nodeIds],
      [...edgeIds].filter((id) => existing.has(id)),
    ),
  );
  useSelectionStore.getState().clear();
}

/** Pastes steps copied from any flow or studio window, and selects them. */
export async function pasteFromClipboard(clipboard?: DataTransfer | null): Promise<void> {
  const language = useLanguageStore.getState().language;
  let text: string;
  try {
    text = clipboard ? clipboard.getData('text/plain') : await navigator.clipboard.readText();
  } catch {
    useNoticesStore.getState().tell({ tone: 'error', text: { worded: editorText(language, 'clipboard-denied') } });
    return;
  }
  pasteText(text);
}

/** Pastes flow JSON text into the working copy; anything else is refused with a notice. */
function pasteText(text: string): void {
  const language = useLanguageStore.getState().language;
  const fragment = parseFlow(text, { language });
  if (!fragment.ok) {
    useNoticesStore.getState().tell({ tone: 'error', text: { worded: editorText(language, 'paste-invalid') } });
    return;
  }
  const paste = useDocumentStore.getState().edit((flow) => pasteFragment(flow, fragment.flow, pasteOffset));
  useSelectionStore.getState().select(paste.nodeIds);
}

/** Copies the selection and pastes it at once, beside the original. */
export function duplicateSelection(): void {
  const text = selectionAsText();
  if (text !== null) pasteText(text);
}
