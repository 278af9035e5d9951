import { create } from 'zustand';
import type { FlowDocument, VersionSummary } from '../../shared/api.ts';

interface DocumentState {
  /** The flow on the canvas: its current version, or an older one being looked at. */
  shown: FlowDocument | null;
  /** The newest version number of the open flow. */
  currentVersion: number | null;
  versions: VersionSummary[];
  opened(document: FlowDocument, versions: VersionSummary[]): void;
  showing(document: FlowDocument): void;
  closed(): void;
}

/** The open flow document. The editor will add the working copy, selection and undo history here. */
export const useDocumentStore = create<DocumentState>()((set) => ({
  shown: null,
  currentVersion: null,
  versions: [],
  opened: (document, versions) => set({ shown: document, currentVersion: document.version, versions }),
  showing: (document) => set({ shown: document }),
  closed: () => set({ shown: null, currentVersion: null, versions: [] }),
}));
