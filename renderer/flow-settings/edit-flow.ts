import { applyEdit, EditError, editErrorMessage, type Edit, type EditOp } from '../../flows/edit/index.ts';
import { parseFlow, type Flow } from '../../flows/index.ts';
import { useDocumentStore } from '../stores/document-store.ts';
import { useLanguageStore } from '../stores/language-store.ts';
import { useNoticesStore } from '../stores/notices-store.ts';
import { settingsText } from './texts.ts';

/** The flow being edited (the document store's working copy). */
export function useWorkingFlow(): Flow | null {
  return useDocumentStore((state) => state.working);
}

/**
 * Applies a settings change to the working copy as an ordinary, undoable edit. A change that does
 * not fit the flow, or would leave a flow that no longer parses (a host with a space, a country of
 * three letters), is refused with the reason and nothing changes. `mergeKey` makes a burst of edits
 * to one field a single undo step. `change` is an op, or a flows/edit builder run on the working copy.
 */
export function editFlow(change: EditOp | ((flow: Flow) => Edit), mergeKey?: string): boolean {
  const { working, apply } = useDocumentStore.getState();
  const language = useLanguageStore.getState().language;
  if (!working) return false;
  try {
    const op = typeof change === 'function' ? change(working).op : change;
    // The flow's own fields are checked without its steps, so a settings change on a large flow
    // stays quick; steps only change through flows/edit builders and verified quick fixes.
    const parsed = parseFlow({ ...applyEdit(working, op).flow, nodes: [], edges: [] }, { language });
    if (!parsed.ok) return refuseEdit(parsed.errors.map((error) => `${error.path}: ${error.message}`).join('; '));
    apply(op, mergeKey === undefined ? undefined : { mergeKey });
    return true;
  } catch (error) {
    if (!(error instanceof EditError)) throw error;
    return refuseEdit(editErrorMessage(error, language));
  }
}

/** Tells the designer why a settings change was not made (in the interface language); always false. */
export function refuseEdit(reason: string): false {
  const language = useLanguageStore.getState().language;
  useNoticesStore
    .getState()
    .tell({ tone: 'error', text: { worded: settingsText(language, 'edit-refused', { reason }) } });
  return false;
}
