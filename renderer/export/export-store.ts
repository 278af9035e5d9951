import { create } from 'zustand';
import type { Flow } from '../../flows/index.ts';
import type { ExportRecord, FlowDocument } from '../../shared/api.ts';

/** What the dialog reviews: the saved version to export and the export before it. */
export interface ExportReview {
  document: FlowDocument;
  lastExport: ExportRecord | null;
  /** The flow as it was last exported, when that version is still in the workspace. */
  lastExported: Flow | null;
}

/** Where the bundle went, for the success message. */
export type ExportDone =
  | { destination: 'folder'; folder: string; record: ExportRecord }
  | { destination: 'download'; fileName: string; record: ExportRecord };

type ExportStage =
  | { name: 'closed' }
  | { name: 'loading'; flowId: string }
  | { name: 'review'; review: ExportReview; busy: boolean; refusal: string | null }
  | { name: 'done'; review: ExportReview; done: ExportDone };

interface ExportState {
  stage: ExportStage;
  /** The audit log of the open flow, newest first. */
  log: ExportRecord[];
  set(stage: ExportStage): void;
  setLog(log: ExportRecord[]): void;
}

/** The Export dialog's own state (DESIGN.md §6): closed, loading, reviewing, or done. */
export const useExportStore = create<ExportState>()((set) => ({
  stage: { name: 'closed' },
  log: [],
  set: (stage) => set({ stage }),
  setLog: (log) => set({ log }),
}));
