import { create } from 'zustand';
import type { UiLanguage } from '../../flows/i18n/index.ts';

/** Where an action is offered besides the command palette (which lists every action). */
export type ActionPlace = 'toolbar' | 'node-menu' | 'edge-menu' | 'pane-menu';

/** What a command was invoked with: a native clipboard event's data, the canvas point of a context menu. */
export interface ActionContext {
  clipboard?: DataTransfer | null;
  /** Flow coordinates where the pane's context menu was opened. */
  at?: { x: number; y: number };
}

/**
 * One command of the studio (DESIGN.md §6): defined once, offered by the toolbar, the context
 * menus, the keyboard, the command palette (Ctrl/⌘+K), the cheat sheet (Shift+?) and the desktop menu.
 */
export interface Action {
  id: string;
  label: Record<UiLanguage, string>;
  /**
   * Keys, e.g. `Mod+Z` (Mod is Ctrl, or ⌘ on a Mac), `Mod+Shift+Z`, `Delete`, `Shift+?`. The first is
   * shown. Shortcuts do nothing while the person types in a field.
   */
  shortcuts?: readonly string[];
  /** Where the action appears, and its order there (lower first). */
  places?: Partial<Record<ActionPlace, number>>;
  /** Whether it can run now; read when menus are shown and before it runs (default: always). */
  enabled?(): boolean;
  perform(context: ActionContext): void | Promise<void>;
  /**
   * The browser's own clipboard events carry this action (copy, cut, paste): the keyboard shortcut
   * reaches it through them, so it works between windows without asking for clipboard permission.
   */
  clipboardEvent?: 'copy' | 'cut' | 'paste';
}

interface ActionsState {
  actions: ReadonlyMap<string, Action>;
}

/** Every registered action by id; components re-render when one is added or removed. */
export const useActionsStore = create<ActionsState>()(() => ({ actions: new Map() }));

/**
 * Registers an action (or replaces the one with its id) and returns a function that removes it.
 * Register in a module of your area, e.g. `registerAction({ id: 'simulate', label, places: { toolbar: 80 }, perform })`.
 */
export function registerAction(action: Action): () => void {
  useActionsStore.setState((state) => ({ actions: new Map(state.actions).set(action.id, action) }));
  return () =>
    useActionsStore.setState((state) => {
      if (state.actions.get(action.id) !== action) return state;
      const actions = new Map(state.actions);
      actions.delete(action.id);
      return { actions };
    });
}

export function isEnabled(action: Action): boolean {
  return action.enabled?.() ?? true;
}

/** Runs an action by id if it is registered and enabled; returns whether it ran. */
export function performAction(id: string, context: ActionContext = {}): boolean {
  const action = useActionsStore.getState().actions.get(id);
  if (!action || !isEnabled(action)) return false;
  void Promise.resolve(action.perform(context)).catch((error: unknown) => reportActionFailure(error));
  return true;
}

let reportActionFailure: (error: unknown) => void = (error) => console.error(error);

/** Where failures of actions are shown (the studio's notice bar). */
export function onActionFailure(report: (error: unknown) => void): void {
  reportActionFailure = report;
}

/** The actions offered in one place, in their order. */
export function actionsIn(actions: ReadonlyMap<string, Action>, place: ActionPlace): Action[] {
  return [...actions.values()]
    .filter((action) => action.places?.[place] !== undefined)
    .sort((a, b) => (a.places?.[place] ?? 0) - (b.places?.[place] ?? 0));
}
