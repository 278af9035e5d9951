import { amana } from '../bridge/amana.ts';
import { useDocumentStore } from '../stores/document-store.ts';
import { useNoticesStore } from '../stores/notices-store.ts';
import { refreshFlows } from './load-workspace.ts';
import { openFlow } from './open-flow.ts';

/** Makes an older version current again (as a new version: history only grows). */
export async function restoreVersion(version: number): Promise<void> {
  const { shown } = useDocumentStore.getState();
  if (!shown) return;
  const restored = await amana().restoreVersion(shown.flow.id, version);
  await refreshFlows();
  await openFlow(restored.flow.id);
  useNoticesStore.getState().tell({
    tone: 'info',
    text: { key: 'restored', params: { from: version, version: restored.version } },
  });
}
