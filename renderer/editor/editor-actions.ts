import { importFromSystemDialog } from '../commands/import-flow.ts';
import { toggleOverviewMap } from '../commands/overview-map.ts';
import { registerAction, type Action } from '../actions/registry.ts';
import { isViewingOld, useDocumentStore } from '../stores/document-store.ts';
import { useSelectionStore } from '../stores/selection-store.ts';
import { useViewportStore } from '../stores/viewport-store.ts';
import { useWorkspaceStore } from '../stores/workspace-store.ts';
import { useFindStore } from '../find/find-store.ts';
import { autoLayout } from './commands/auto-layout.ts';
import {
  copySelection,
  cutSelection,
  deleteSelection,
  duplicateSelection,
  pasteFromClipboard,
} from './commands/clipboard.ts';
import { saveWorkingCopy } from './commands/save.ts';
import { measuredSizes } from './canvas-sizes.ts';
import { editorWords } from './texts.ts';
import { useEditorUiStore } from './ui-store.ts';

/** A flow is open and its working copy, not an old version, is on the canvas. */
function editing(): boolean {
  const state = useDocumentStore.getState();
  return state.working !== null && !isViewingOld(state);
}

function hasSelection(): boolean {
  return editing() && useSelectionStore.getState().nodeIds.size > 0;
}

/** The editor's own commands (DESIGN.md §6); other areas register theirs the same way. */
const editorActions: Action[] = [
  {
    id: 'new-flow',
    label: editorWords('new-flow'),
    places: { toolbar: 10 },
    perform: () => useEditorUiStore.getState().open('new-flow'),
  },
  {
    id: 'import-flow',
    label: editorWords('import-flow'),
    shortcuts: ['Mod+O'],
    places: { toolbar: 20 },
    perform: () => {
      if (useWorkspaceStore.getState().host?.nativeFileDialogs) return importFromSystemDialog();
      document.querySelector<HTMLInputElement>('[data-testid="import-file"]')?.click();
    },
  },
  {
    id: 'save',
    label: editorWords('save'),
    shortcuts: ['Mod+S'],
    places: { toolbar: 30 },
    enabled: () => editing() && useDocumentStore.getState().dirty,
    perform: saveWorkingCopy,
  },
  {
    id: 'undo',
    label: editorWords('undo'),
    shortcuts: ['Mod+Z'],
    places: { toolbar: 40 },
    enabled: () => editing() && useDocumentStore.getState().history.past.length > 0,
    perform: () => useDocumentStore.getState().undo(),
  },
  {
    id: 'redo',
    label: editorWords('redo'),
    shortcuts: ['Mod+Shift+Z', 'Mod+Y'],
    places: { toolbar: 50 },
    enabled: () => editing() && useDocumentStore.getState().history.future.length > 0,
    perform: () => useDocumentStore.getState().redo(),
  },
  {
    id: 'auto-layout',
    label: editorWords('auto-layout'),
    places: { toolbar: 60, 'pane-menu': 30 },
    enabled: editing,
    perform: () => autoLayout(measuredSizes()),
  },
  {
    id: 'find',
    label: editorWords('find'),
    shortcuts: ['Mod+F'],
    places: { toolbar: 70 },
    enabled: () => useDocumentStore.getState().working !== null,
    perform: () => {
      useFindStore.getState().show();
      requestAnimationFrame(() => document.getElementById('find-input')?.focus());
    },
  },
  {
    id: 'cut',
    label: editorWords('cut'),
    shortcuts: ['Mod+X'],
    clipboardEvent: 'cut',
    places: { 'node-menu': 10 },
    enabled: hasSelection,
    perform: ({ clipboard }) => cutSelection(clipboard),
  },
  {
    id: 'copy',
    label: editorWords('copy'),
    shortcuts: ['Mod+C'],
    clipboardEvent: 'copy',
    places: { 'node-menu': 20 },
    enabled: () => useSelectionStore.getState().nodeIds.size > 0 && useDocumentStore.getState().working !== null,
    perform: ({ clipboard }) => copySelection(clipboard),
  },
  {
    id: 'paste',
    label: editorWords('paste'),
    shortcuts: ['Mod+V'],
    clipboardEvent: 'paste',
    places: { 'pane-menu': 10 },
    enabled: editing,
    perform: ({ clipboard }) => pasteFromClipboard(clipboard),
  },
  {
    id: 'duplicate',
    label: editorWords('duplicate'),
    shortcuts: ['Mod+D'],
    places: { 'node-menu': 30 },
    enabled: hasSelection,
    perform: duplicateSelection,
  },
  {
    id: 'delete',
    label: editorWords('delete'),
    shortcuts: ['Delete', 'Backspace'],
    places: { 'node-menu': 40, 'edge-menu': 10 },
    enabled: () =>
      editing() && (useSelectionStore.getState().nodeIds.size > 0 || useSelectionStore.getState().edgeIds.size > 0),
    perform: deleteSelection,
  },
  {
    id: 'select-all',
    label: editorWords('select-all'),
    shortcuts: ['Mod+A'],
    places: { 'pane-menu': 20 },
    enabled: () => useDocumentStore.getState().working !== null,
    perform: () => {
      const { working } = useDocumentStore.getState();
      if (working) useSelectionStore.getState().select(working.nodes.map((node) => node.id));
    },
  },
  {
    id: 'zoom-to-fit',
    label: editorWords('zoom-to-fit'),
    shortcuts: ['Shift+!'],
    places: { 'pane-menu': 40 },
    enabled: () => useViewportStore.getState().controls !== null,
    perform: () => useViewportStore.getState().controls?.fitView(),
  },
  {
    id: 'overview-map',
    // The palette lists a command by one name, whatever the map's state; the canvas's own button says which.
    label: editorWords('overview-map-toggle'),
    enabled: () => useViewportStore.getState().controls !== null,
    perform: () => toggleOverviewMap(),
  },
  {
    id: 'command-palette',
    label: editorWords('command-palette'),
    shortcuts: ['Mod+K'],
    perform: () => useEditorUiStore.getState().open('command-palette'),
  },
  {
    id: 'cheat-sheet',
    label: editorWords('cheat-sheet'),
    shortcuts: ['Shift+?'],
    perform: () => useEditorUiStore.getState().open('cheat-sheet'),
  },
];

/** Registers the editor's commands once, when the studio starts. */
export function registerEditorActions(): () => void {
  const removers = editorActions.map(registerAction);
  return () => removers.forEach((remove) => remove());
}
