import type { Flow } from '../../flows/index.ts';
import type { ExportRecord } from '../../shared/api.ts';
import { amana } from '../bridge/amana.ts';
import { reportFailure } from '../commands/report-failure.ts';
import { useLanguageStore } from '../stores/language-store.ts';
import { useExportStore, type ExportReview } from './export-store.ts';
import { exportText } from './texts.ts';

/** Opens the Export dialog on a flow's newest saved version, with its last export to compare with. */
export async function openExportDialog(flowId: string): Promise<void> {
  const store = useExportStore.getState();
  store.set({ name: 'loading', flowId });
  try {
    const [document, log] = await Promise.all([amana().getFlow(flowId), amana().listExports(flowId)]);
    const lastExport = log[0] ?? null;
    store.setLog(log);
    store.set({
      name: 'review',
      review: { document, lastExport, lastExported: await exportedFlow(flowId, lastExport) },
      busy: false,
      refusal: null,
    });
  } catch (error) {
    store.set({ name: 'closed' });
    reportFailure(error);
  }
}

export function closeExportDialog(): void {
  useExportStore.getState().set({ name: 'closed' });
}

/** The flow as it was exported, if that version is still in the workspace. */
export async function exportedFlow(flowId: string, record: ExportRecord | null): Promise<Flow | null> {
  if (!record || record.version === null) return null;
  try {
    const version = await amana().getVersion(flowId, record.version);
    return version.hash === record.flowHash ? version.flow : null;
  } catch {
    return null;
  }
}

/** Desktop: the system's folder dialog, then the bundle written there. */
export async function exportToFolder(): Promise<void> {
  await runExport(async (review) => {
    const { flow, version } = review.document;
    const outcome = await amana().exportBundle(flow.id, version);
    const language = useLanguageStore.getState().language;
    switch (outcome.status) {
      case 'canceled':
        return null;
      case 'folder-not-empty':
        return exportText(language, 'folder-not-empty', { folder: outcome.folder });
      case 'check-errors':
        return exportText(language, 'export-failed-errors', { count: outcome.errors });
      case 'written':
        return { destination: 'folder', folder: outcome.folder, record: outcome.record };
    }
  });
}

/** Browser edition: the host builds the .zip, the page hands it to the browser as a download. */
export async function downloadZip(): Promise<void> {
  await runExport(async (review) => {
    const { flow, version } = review.document;
    const outcome = await amana().downloadBundle(flow.id, version);
    if (outcome.status === 'check-errors') {
      return exportText(useLanguageStore.getState().language, 'export-failed-errors', { count: outcome.errors });
    }
    saveDownload(outcome.fileName, outcome.zipBase64);
    return { destination: 'download', fileName: outcome.fileName, record: outcome.record };
  });
}

type Attempt = (
  review: ExportReview,
) => Promise<
  | null
  | string
  | { destination: 'folder'; folder: string; record: ExportRecord }
  | { destination: 'download'; fileName: string; record: ExportRecord }
>;

/** Runs one export from the review stage: busy meanwhile, then done, refused (with why) or back to review. */
async function runExport(attempt: Attempt): Promise<void> {
  const store = useExportStore.getState();
  const stage = store.stage;
  if (stage.name !== 'review' || stage.busy) return;
  store.set({ ...stage, busy: true, refusal: null });
  try {
    const result = await attempt(stage.review);
    if (result === null || typeof result === 'string') {
      store.set({ ...stage, busy: false, refusal: result });
      return;
    }
    store.set({ name: 'done', review: stage.review, done: result });
    store.setLog(await amana().listExports(stage.review.document.flow.id));
  } catch (error) {
    store.set({ ...stage, busy: false, refusal: null });
    reportFailure(error);
  }
}

function saveDownload(fileName: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked later: some browsers start reading the blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Loads the open flow's export log (for the history panel). */
export async function loadExportLog(flowId: string): Promise<void> {
  useExportStore.getState().setLog(await amana().listExports(flowId));
}
