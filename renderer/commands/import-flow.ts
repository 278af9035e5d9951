import type { ImportOutcome } from '../../shared/api.ts';
import { maxFlowFileBytes } from '../../shared/limits.ts';
import { amana } from '../bridge/amana.ts';
import { useNoticesStore } from '../stores/notices-store.ts';
import { refreshFlows } from './load-workspace.ts';
import { openFlow } from './open-flow.ts';
import { testsBesideNotice } from './tests-beside-notice.ts';
import { isolated } from '../bidi/isolated.ts';

/** Imports a file the designer picked in the page's file chooser (both editions). */
export async function importPickedFile(file: File): Promise<void> {
  // Larger than any flow: refused here (the host refuses it too), before reading it whole into memory.
  const text = file.size > maxFlowFileBytes ? '' : await file.text();
  await settleImport(await amana().importFlow({ fileName: file.name, text }));
}

/** Imports through the system's open dialog (desktop). */
export async function importFromSystemDialog(): Promise<void> {
  await settleImport(await amana().openFlowFile());
}

/** Imports a recent file again (desktop File menu). */
export async function importRecentFile(path: string): Promise<void> {
  await settleImport(await amana().openRecentFile(path));
}

/**
 * Opens the imported flow, then tells the designer what the import did (and with the tests beside
 * the file): the notice is read about the flow now on the canvas. Anything said while the flow
 * was opening (a later import refused, say) is newer and stays.
 */
async function settleImport(outcome: ImportOutcome): Promise<void> {
  const { tell } = useNoticesStore.getState();
  if (outcome.status === 'canceled') return;
  if (outcome.status === 'invalid') {
    tell({
      tone: 'error',
      text: { key: 'import-invalid', params: { file: isolated(outcome.fileName), count: outcome.errors.length } },
      problems: outcome.errors,
    });
    return;
  }
  const { flow, version } = outcome.document;
  const key = !outcome.changed ? 'import-unchanged' : outcome.created ? 'import-created' : 'import-new-version';
  const before = useNoticesStore.getState().notice;
  await refreshFlows();
  await openFlow(flow.id);
  if (useNoticesStore.getState().notice !== before) return;
  tell({ text: { key, params: { name: isolated(flow.name), version } }, ...testsBesideNotice(outcome.testsBeside) });
}
