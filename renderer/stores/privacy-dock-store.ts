import { create } from 'zustand';

export type DockTab = 'problems' | 'settings' | 'data-map';

interface PrivacyDockState {
  tab: DockTab;
  /** A data field the Flow settings should bring into view (a problem about it was chosen). */
  fieldInView: { key: string; serial: number } | null;
  show(tab: DockTab): void;
  showField(key: string): void;
}

/** Which privacy panel is open under the canvas: Problems, Flow settings or the Data map. */
export const usePrivacyDockStore = create<PrivacyDockState>()((set, get) => ({
  tab: 'problems',
  fieldInView: null,
  show: (tab) => set({ tab }),
  showField: (key) => set({ tab: 'settings', fieldInView: { key, serial: (get().fieldInView?.serial ?? 0) + 1 } }),
}));
