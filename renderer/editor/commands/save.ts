import { amana } from '../../bridge/amana.ts';
import { refreshFlows } from '../../commands/load-workspace.ts';
import { useDocumentStore } from '../../stores/document-store.ts';
import { useNoticesStore } from '../../stores/notices-store.ts';
import { editorText } from '../texts.ts';
import { useLanguageStore } from '../../stores/language-store.ts';
import { inTurn } from './host-queue.ts';

/**
 * Saves the working copy as a new version of its flow. Edits made while the host answers stay
 * unsaved (the store compares revisions), and an answer for a flow no longer open changes nothing.
 */
export async function saveWorkingCopy(): Promise<void> {
  const { working, revision } = useDocumentStore.getState();
  if (!working) return;
  const outcome = await inTurn(() => amana().saveFlow(working));
  const language = useLanguageStore.getState().language;
  const { tell } = useNoticesStore.getState();
  if (outcome.status === 'invalid') {
    tell({
      tone: 'error',
      text: { worded: editorText(language, 'save-invalid', { count: outcome.errors.length }) },
      problems: outcome.errors,
    });
    return;
  }
  const versions = await amana().listVersions(outcome.document.flow.id);
  useDocumentStore.getState().saved(outcome.document, versions, revision);
  const key = outcome.status === 'saved' ? 'saved-version' : 'nothing-to-save';
  tell({ tone: 'info', text: { worded: editorText(language, key, { version: outcome.document.version }) } });
  await refreshFlows();
}
