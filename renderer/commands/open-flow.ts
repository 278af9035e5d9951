import { amana } from '../bridge/amana.ts';
import { useDocumentStore } from '../stores/document-store.ts';
import { useSelectionStore } from '../stores/selection-store.ts';

/**
 * Opens a flow's current version for editing, with its history. Only the newest request opens
 * anything: a late answer for a flow asked for earlier is dropped.
 */
export async function openFlow(flowId: string): Promise<void> {
  const ticket = useDocumentStore.getState().nextOpenTicket();
  const [document, versions] = await Promise.all([amana().getFlow(flowId), amana().listVersions(flowId)]);
  if (useDocumentStore.getState().openTicket !== ticket) return;
  useSelectionStore.getState().clear();
  useDocumentStore.getState().opened(document, versions);
}

/** Shows an older version of the open flow on the canvas, read only; the working copy is kept. */
export async function showVersion(version: number): Promise<void> {
  const { shown, openTicket } = useDocumentStore.getState();
  if (!shown) return;
  const document = await amana().getVersion(shown.flow.id, version);
  const now = useDocumentStore.getState();
  if (now.openTicket !== openTicket || now.shown?.flow.id !== shown.flow.id) return;
  now.showing(document);
}
