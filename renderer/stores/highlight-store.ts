import { create } from 'zustand';

/** Steps and connections drawn as highlighted on the canvas, by whoever asked. */
interface Highlight {
  nodeIds: readonly string[];
  edgeIds: readonly string[];
}

/**
 * Who is highlighting: the problems panel's witness path, the simulator's current step and path,
 * the tests panel's coverage, find's matches. Each layer is set and cleared on its own.
 */
type HighlightLayer = 'problem' | 'simulator' | 'coverage' | 'find';

interface HighlightState {
  layers: Partial<Record<HighlightLayer, Highlight>>;
  /** Draws these steps and connections highlighted (replacing the layer's previous set). */
  highlight(layer: HighlightLayer, highlight: Highlight): void;
  clearHighlight(layer: HighlightLayer): void;
}

export const useHighlightStore = create<HighlightState>()((set) => ({
  layers: {},
  highlight: (layer, highlight) => set((state) => ({ layers: { ...state.layers, [layer]: highlight } })),
  clearHighlight: (layer) =>
    set((state) => {
      const { [layer]: _cleared, ...rest } = state.layers;
      return { layers: rest };
    }),
}));
