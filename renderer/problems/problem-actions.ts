import { create } from 'zustand';
import type { Diagnostic } from '../../flows/check/index.ts';
import type { UiLanguage } from '../../flows/i18n/index.ts';

/**
 * Something another panel offers on a problem, shown as a button on its item: the simulator's
 * "Replay in simulator" for a witness path is the first. Registered by that panel, so the
 * Problems panel knows nothing of it.
 */
export interface ProblemAction {
  id: string;
  label(language: UiLanguage): string;
  appliesTo(problem: Diagnostic): boolean;
  perform(problem: Diagnostic): void;
}

interface ProblemActionsState {
  actions: readonly ProblemAction[];
}

export const useProblemActions = create<ProblemActionsState>()(() => ({ actions: [] }));

/** Adds an action to every problem it applies to; returns how to take it away again. */
export function registerProblemAction(action: ProblemAction): () => void {
  useProblemActions.setState((state) => ({ actions: [...state.actions.filter((a) => a.id !== action.id), action] }));
  return () => useProblemActions.setState((state) => ({ actions: state.actions.filter((a) => a !== action) }));
}
