import { create } from 'zustand';

/** The editor's dialogs; one is open at a time. */
type EditorDialog = 'new-flow' | 'command-palette' | 'cheat-sheet';

interface EditorUiState {
  dialog: EditorDialog | null;
  open(dialog: EditorDialog): void;
  close(): void;
}

export const useEditorUiStore = create<EditorUiState>()((set) => ({
  dialog: null,
  open: (dialog) => set({ dialog }),
  close: () => set({ dialog: null }),
}));
