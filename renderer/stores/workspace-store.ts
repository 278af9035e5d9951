import { create } from 'zustand';
import type { DraftSummary, FlowSummary, HostInfo, RecentFile } from '../../shared/api.ts';

interface WorkspaceState {
  status: 'loading' | 'ready' | 'unavailable';
  host: HostInfo | null;
  flows: FlowSummary[];
  /** Unsaved work found in the workspace (left by a crash, or by closing without saving). */
  drafts: DraftSummary[];
  recentFiles: RecentFile[];
  loaded(snapshot: { host: HostInfo; flows: FlowSummary[]; drafts: DraftSummary[]; recentFiles: RecentFile[] }): void;
  listed(flows: FlowSummary[], drafts: DraftSummary[]): void;
  recentFilesChanged(recentFiles: RecentFile[]): void;
  unavailable(): void;
}

/** What the workspace holds: the flow list, drafts awaiting recovery, recent files, the host. */
export const useWorkspaceStore = create<WorkspaceState>()((set) => ({
  status: 'loading',
  host: null,
  flows: [],
  drafts: [],
  recentFiles: [],
  loaded: (snapshot) => set({ status: 'ready', ...snapshot }),
  listed: (flows, drafts) => set({ flows, drafts }),
  recentFilesChanged: (recentFiles) => set({ recentFiles }),
  unavailable: () => set({ status: 'unavailable' }),
}));
