import type { ComponentType } from 'react';
import { create } from 'zustand';

/**
 * A panel docked beside the canvas (DESIGN.md §6: "Problems", "Simulator", "Tests"). The component
 * renders its own region (`<section aria-label="Problems">`); the dock only places it.
 */
export interface SidePanel {
  id: string;
  /** Lower first, from the canvas outward. */
  order: number;
  component: ComponentType;
}

interface SidePanelsState {
  panels: readonly SidePanel[];
}

export const useSidePanelsStore = create<SidePanelsState>()(() => ({ panels: [] }));

/** Docks a panel beside the canvas; returns a function that removes it. */
export function registerSidePanel(panel: SidePanel): () => void {
  useSidePanelsStore.setState((state) => ({
    panels: [...state.panels.filter((other) => other.id !== panel.id), panel].sort((a, b) => a.order - b.order),
  }));
  return () => useSidePanelsStore.setState((state) => ({ panels: state.panels.filter((other) => other !== panel) }));
}
