import { create } from 'zustand';

interface FindState {
  open: boolean;
  query: string;
  matches: string[];
  /** The match selected and centred now. */
  current: number;
  show(): void;
  hide(): void;
  found(query: string, matches: string[]): void;
  goTo(index: number): void;
}

/** Find on the canvas: the query, its matches and which one is shown. */
export const useFindStore = create<FindState>()((set) => ({
  open: false,
  query: '',
  matches: [],
  current: 0,
  show: () => set({ open: true }),
  hide: () => set({ open: false }),
  found: (query, matches) => set({ query, matches, current: 0 }),
  goTo: (current) => set({ current }),
}));
