import { amana } from '../bridge/amana.ts';
import { useNoticesStore } from '../stores/notices-store.ts';
import { refreshFlows } from './load-workspace.ts';
import { openFlow } from './open-flow.ts';

/** Keeps unsaved work found after a crash as a new version of its flow, and opens it. */
export async function recoverDraft(flowId: string, name: string): Promise<void> {
  const outcome = await amana().recoverDraft(flowId);
  if (outcome.status === 'invalid') {
    const params = { name, count: outcome.errors.length };
    useNoticesStore
      .getState()
      .tell({ tone: 'error', text: { key: 'recover-invalid', params }, problems: outcome.errors });
    return;
  }
  await refreshFlows();
  await openFlow(outcome.document.flow.id);
}

export async function discardDraft(flowId: string): Promise<void> {
  await amana().discardDraft(flowId);
  await refreshFlows();
}
