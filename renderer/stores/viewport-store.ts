import { create } from 'zustand';

/** What the canvas can do to its view; the canvas registers these when it mounts. */
interface ViewportControls {
  /** Centres the view on a step (keeping the zoom unless it is too small to read). */
  centerOn(nodeId: string): void;
  fitView(): void;
  /** The flow position at the middle of the visible canvas, where Enter on a palette entry adds a step. */
  center(): { x: number; y: number };
}

interface ViewportState {
  controls: ViewportControls | null;
  /** Which of the flow's languages the cards show; null follows the interface language. */
  flowLanguage: string | null;
  /** Whether the canvas shows its overview map (the designer's setting, kept in the workspace). */
  overviewMap: boolean;
  attach(controls: ViewportControls | null): void;
  showLanguage(language: string | null): void;
  showOverviewMap(shown: boolean): void;
}

/** The canvas view: pan and zoom live in React Flow; this store lets others move them. */
export const useViewportStore = create<ViewportState>()((set) => ({
  controls: null,
  flowLanguage: null,
  overviewMap: true,
  attach: (controls) => set({ controls }),
  showLanguage: (flowLanguage) => set({ flowLanguage }),
  showOverviewMap: (overviewMap) => set({ overviewMap }),
}));

/** Centres the canvas on a step, if a canvas is shown. */
export function centerOn(nodeId: string): void {
  useViewportStore.getState().controls?.centerOn(nodeId);
}
