import { amana } from '../bridge/amana.ts';
import { downloadFile } from './download-file.ts';
import { useDocumentStore } from '../stores/document-store.ts';
import { useNoticesStore } from '../stores/notices-store.ts';
import { useWorkspaceStore } from '../stores/workspace-store.ts';
import { refreshFlows } from './load-workspace.ts';
import { testsBesideNotice } from './tests-beside-notice.ts';
import { isolated } from '../bidi/isolated.ts';

/**
 * Writes the open flow's current version as a `.flow.json` file: through the system's save
 * dialog on the desktop (with its tests beside it as `.transcript.json`), as a download in the
 * browser edition (whose Tests panel downloads the tests).
 */
export async function exportOpenFlow(): Promise<void> {
  const { shown } = useDocumentStore.getState();
  if (!shown) return;
  if (useWorkspaceStore.getState().host?.nativeFileDialogs) {
    const outcome = await amana().exportFlowFile(shown.flow.id);
    if (outcome.status === 'canceled') return;
    useNoticesStore.getState().tell({
      text: { key: 'file-written', params: { path: isolated(outcome.path) } },
      ...testsBesideNotice(outcome.testsBeside),
    });
    await refreshFlows();
    return;
  }
  downloadFile(await amana().getFlowFile(shown.flow.id));
}
