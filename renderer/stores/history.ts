import type { EditOp } from '../../flows/edit/index.ts';

/** One undoable step: the op that did it and the op that undoes it. */
export interface HistoryEntry {
  op: EditOp;
  inverse: EditOp;
  /** Edits with the same key in a row (a burst of typing in one field) merge into this step. */
  mergeKey?: string;
  /** When the step was last extended, in ms (from the caller's clock). */
  at: number;
}

export interface History {
  past: HistoryEntry[];
  future: HistoryEntry[];
}

/** At least 200 steps are kept (DESIGN.md §6); older ones are dropped. */
export const historyLimit = 500;
/** Typing that pauses longer than this starts a new step. */
const typingBurstMs = 1500;

export const emptyHistory: History = { past: [], future: [] };

/**
 * Records an applied edit. An edit with the same merge key as the newest step, soon after it,
 * joins that step: undo then takes back the whole burst of typing at once.
 */
export function recordEdit(history: History, entry: HistoryEntry): History {
  const last = history.past[history.past.length - 1];
  if (last && entry.mergeKey !== undefined && last.mergeKey === entry.mergeKey && entry.at - last.at < typingBurstMs) {
    const merged: HistoryEntry = { ...entry, op: joined(last.op, entry.op), inverse: joinedInverse(last, entry) };
    return { past: [...history.past.slice(0, -1), merged], future: [] };
  }
  const past = [...history.past, entry];
  return { past: past.length > historyLimit ? past.slice(past.length - historyLimit) : past, future: [] };
}

/** Two replacements of the same node are one replacement; anything else runs one after the other. */
function joined(first: EditOp, second: EditOp): EditOp {
  if (first.op === 'replaceNode' && second.op === 'replaceNode' && first.node.id === second.node.id) return second;
  return { op: 'batch', ops: [first, second] };
}

function joinedInverse(first: HistoryEntry, second: HistoryEntry): EditOp {
  const a = first.inverse;
  const b = second.inverse;
  if (a.op === 'replaceNode' && b.op === 'replaceNode' && a.node.id === b.node.id) return a;
  return { op: 'batch', ops: [b, a] };
}

/** Moves the newest step to the redo list; returns the op to apply, or null with nothing to undo. */
export function stepBack(history: History): { history: History; apply: EditOp } | null {
  const last = history.past[history.past.length - 1];
  if (!last) return null;
  return { history: { past: history.past.slice(0, -1), future: [last, ...history.future] }, apply: last.inverse };
}

/** Moves the next undone step back to the past; returns the op to apply, or null with nothing to redo. */
export function stepForward(history: History): { history: History; apply: EditOp } | null {
  const [next, ...rest] = history.future;
  if (!next) return null;
  return { history: { past: [...history.past, { ...next, mergeKey: undefined }], future: rest }, apply: next.op };
}
