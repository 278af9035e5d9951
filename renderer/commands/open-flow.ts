import { amana } from '../bridge/amana.ts';
import { useDocumentStore } from '../stores/document-store.ts';

/** Opens a flow's current version on the canvas, with its history. */
export async function openFlow(flowId: string): Promise<void> {
  const [document, versions] = await Promise.all([amana().getFlow(flowId), amana().listVersions(flowId)]);
  useDocumentStore.getState().opened(document, versions);
}

/** Shows an older version of the open flow on the canvas, without changing anything. */
export async function showVersion(version: number): Promise<void> {
  const { shown } = useDocumentStore.getState();
  if (!shown) return;
  useDocumentStore.getState().showing(await amana().getVersion(shown.flow.id, version));
}
