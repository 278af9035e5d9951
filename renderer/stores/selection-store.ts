import { create } from 'zustand';

interface SelectionState {
  nodeIds: ReadonlySet<string>;
  edgeIds: ReadonlySet<string>;
  /** Selects exactly these steps and connections (the canvas follows). */
  select(nodeIds: Iterable<string>, edgeIds?: Iterable<string>): void;
  clear(): void;
}

const none: ReadonlySet<string> = new Set();

/** What is selected on the canvas; the inspector shows the one selected step. */
export const useSelectionStore = create<SelectionState>()((set) => ({
  nodeIds: none,
  edgeIds: none,
  select: (nodeIds, edgeIds = []) => set({ nodeIds: new Set(nodeIds), edgeIds: new Set(edgeIds) }),
  clear: () => set({ nodeIds: none, edgeIds: none }),
}));

/** The one selected step's id, or null when none or several are selected. */
export function singleSelectedNode(state: { nodeIds: ReadonlySet<string> }): string | null {
  if (state.nodeIds.size !== 1) return null;
  const [id] = state.nodeIds;
  return id ?? null;
}
