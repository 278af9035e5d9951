import { create } from 'zustand';
import { applyEdit, type Edit, type EditOp } from '../../flows/edit/index.ts';
import type { Flow } from '../../flows/index.ts';
import type { FlowDocument, VersionSummary } from '../../shared/api.ts';
import { emptyHistory, recordEdit, stepBack, stepForward, type History } from './history.ts';

/** How an edit is kept in the history. */
interface EditOptions {
  /** Edits with the same key in a quick row are one undo step (typing in one field). */
  mergeKey?: string;
}

export interface DocumentState {
  /** The saved version on display: the open flow's newest, or an older one being looked at. */
  shown: FlowDocument | null;
  /** The newest version number of the open flow. */
  currentVersion: number | null;
  versions: VersionSummary[];
  /** The working copy being edited (the newest version plus unsaved edits); null with no flow open. */
  working: Flow | null;
  history: History;
  /** The working copy differs from the newest saved version. */
  dirty: boolean;
  /**
   * Counts changes of the working copy and of which flow is open. A host answer that was asked
   * for at an older revision must not overwrite newer state (see `isCurrent`).
   */
  revision: number;
  /** Which open request is the newest: only its answer may open a flow. */
  openTicket: number;

  /** Applies an edit op to the working copy as one undo step. Throws EditError, changing nothing, if it does not fit. */
  apply(op: EditOp, options?: EditOptions): Edit;
  /** Builds an edit from the working copy and keeps it (the flows/edit builders: `edit((f) => addNode(f, n))`). */
  edit<Result extends Edit>(make: (flow: Flow) => Result, options?: EditOptions): Result;
  undo(): void;
  redo(): void;
  /** A flow was opened (or reopened after a save): its newest version becomes the working copy. */
  opened(document: FlowDocument, versions: VersionSummary[], draft?: Flow): void;
  /** An older version is shown read-only; the working copy is kept. */
  showing(document: FlowDocument): void;
  /** The working copy was saved as a new version; edits made since the save was asked for stay dirty. */
  saved(document: FlowDocument, versions: VersionSummary[], atRevision: number): void;
  closed(): void;
  /** Takes a ticket before asking the host for a flow to open; `opened` is called only for the newest. */
  nextOpenTicket(): number;
}

/**
 * The open flow document (DESIGN.md §6): the working copy, its undo and redo history (at least 200
 * steps; a drag, a burst of typing, a paste or an auto-layout is one step each) and the dirty flag.
 * Every change goes through flows/edit ops, so undo and redo are the ops' inverses. Selection,
 * viewport, find and highlights are stores of their own.
 */
export const useDocumentStore = create<DocumentState>()((set, get) => ({
  shown: null,
  currentVersion: null,
  versions: [],
  working: null,
  history: emptyHistory,
  dirty: false,
  revision: 0,
  openTicket: 0,

  apply: (op, options) => get().edit((flow) => applyEdit(flow, op), options),

  edit: (make, options) => {
    const { working, history, revision } = get();
    if (!working) throw new Error('No flow is open.');
    const edit = make(working);
    set({
      working: edit.flow,
      history: recordEdit(history, { op: edit.op, inverse: edit.inverse, mergeKey: options?.mergeKey, at: Date.now() }),
      dirty: true,
      revision: revision + 1,
    });
    return edit;
  },

  undo: () => {
    const { working, history, revision } = get();
    const step = working && stepBack(history);
    if (!working || !step) return;
    set({ working: applyEdit(working, step.apply).flow, history: step.history, dirty: true, revision: revision + 1 });
  },

  redo: () => {
    const { working, history, revision } = get();
    const step = working && stepForward(history);
    if (!working || !step) return;
    set({ working: applyEdit(working, step.apply).flow, history: step.history, dirty: true, revision: revision + 1 });
  },

  opened: (document, versions, draft) =>
    set((state) => ({
      shown: document,
      currentVersion: document.version,
      versions,
      working: draft ?? document.flow,
      history: emptyHistory,
      dirty: draft !== undefined,
      revision: state.revision + 1,
    })),

  showing: (document) => set({ shown: document }),

  saved: (document, versions, atRevision) =>
    set((state) => {
      if (state.working?.id !== document.flow.id) return {};
      return {
        shown: document,
        currentVersion: document.version,
        versions,
        dirty: state.revision !== atRevision,
      };
    }),

  closed: () =>
    set((state) => ({
      shown: null,
      currentVersion: null,
      versions: [],
      working: null,
      history: emptyHistory,
      dirty: false,
      revision: state.revision + 1,
    })),

  nextOpenTicket: () => {
    const ticket = get().openTicket + 1;
    set({ openTicket: ticket });
    return ticket;
  },
}));

/** True when an older version is on display instead of the working copy. */
export function isViewingOld(state: Pick<DocumentState, 'shown' | 'currentVersion'>): boolean {
  return state.shown !== null && state.shown.version !== state.currentVersion;
}

/** The flow the canvas shows: the working copy, or an older version read-only. */
export function flowOnCanvas(state: DocumentState): Flow | null {
  return isViewingOld(state) ? (state.shown?.flow ?? null) : state.working;
}
