import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Contact, EngineEvent } from '../../flows/engine/index.ts';
import type { HttpAnswer } from '../../flows/engine/index.ts';
import type { Flow } from '../../flows/index.ts';
import { replayPath, type ReplayStop } from './replay.ts';
import { beginRehearsal, rehearse, stepBack, survivesEdit, type Rehearsal, type RehearsalSetup } from './rehearsal.ts';
import { chosenValues } from './starting-point.ts';

/** What the simulator says above the chat about the last thing that happened to the rehearsal. */
export type SimulatorNotice =
  /** The flow was edited; the conversation goes on with the new version. */
  | { kind: 'edited' }
  /** The flow was edited and the step the conversation stood at is gone: only a restart helps. */
  | { kind: 'step-gone'; node: string }
  /** A problem's path was replayed: how far it got, and why it stopped. */
  | { kind: 'replayed'; reached: string | null; stop: ReplayStop }
  /** The rehearsal began at a chosen step. */
  | { kind: 'started-here'; node: string };

export interface SimulatorState {
  /** The panel is shown beside the canvas. */
  open: boolean;
  /** The flow being rehearsed: the working copy, as edited. */
  flow: Flow | null;
  setup: RehearsalSetup;
  rehearsal: Rehearsal | null;
  notice: SimulatorNotice | null;
  /** The step whose bubble or ledger entry was chosen last; the canvas brings it into view (see select-step.ts). */
  focused: string | null;
  setOpen(open: boolean): void;
  /** The working copy changed (opened, or edited): see `flowEdited`. */
  flowChanged(flow: Flow | null): void;
  restart(): void;
  send(event: EngineEvent): void;
  stepBack(): void;
  startFrom(node: string, granted: readonly string[], values: readonly { key: string; value: string }[]): void;
  setLanguage(language: string): void;
  setContact(contact: Contact): void;
  /** How a recipient answers an http step; null gives it back its mock. */
  setHttpAnswer(node: string, answer: HttpAnswer | null): void;
  /** Replays a problem's witness path (node ids from the start) as far as the engine follows it. */
  replay(path: readonly string[]): void;
  focus(node: string | null): void;
}

/** The customer the simulator plays unless the designer changes it. */
const defaultContact: Contact = { phone: '+5511912345678', name: 'Ana Souza' };

/**
 * The simulator's state (DESIGN.md §6: a store of its own, beside the document store): the
 * rehearsal running flows/engine on the working copy in the page, its setup, and what it tells
 * the designer. Every move goes through ./rehearsal.ts; nothing here interprets a flow.
 */
export function createSimulatorStore() {
  return createStore<SimulatorState>()((set, get) => {
    /** Begins again on the current flow with `setup`, the panel's notice replaced by `notice`. */
    const begin = (setup: RehearsalSetup, notice: SimulatorNotice | null = null) => {
      const flow = get().flow;
      set({ setup, notice, rehearsal: flow ? beginRehearsal(flow, setup) : null });
    };
    const going = (change: (flow: Flow, rehearsal: Rehearsal) => Rehearsal) => {
      const { flow, rehearsal, notice } = get();
      if (!flow || !rehearsal || notice?.kind === 'step-gone') return;
      set({ rehearsal: change(flow, rehearsal), notice: null });
    };
    return {
      open: false,
      flow: null,
      setup: { language: '', contact: defaultContact, http: {} },
      rehearsal: null,
      notice: null,
      focused: null,
      setOpen: (open) => set({ open }),
      flowChanged(flow) {
        const { flow: before, rehearsal, setup } = get();
        if (flow === before) return;
        if (!flow || !before || flow.id !== before.id || !rehearsal) {
          set({ flow, focused: null });
          begin({ language: flow?.languages[0] ?? '', contact: setup.contact, http: {} });
          return;
        }
        set({ flow });
        const language = flow.languages.includes(setup.language) ? setup.language : (flow.languages[0] ?? '');
        if (language !== setup.language) return begin({ ...setup, language });
        // Nothing said yet: the rehearsal simply starts again on the new version, without a notice.
        if (rehearsal.turns.length <= 1) return begin(setup);
        const node = rehearsal.turns.at(-1)?.state.node ?? null;
        set({ notice: survivesEdit(flow, rehearsal) ? { kind: 'edited' } : { kind: 'step-gone', node: node ?? '' } });
      },
      restart: () => begin({ ...get().setup, from: undefined }),
      send: (event) => going((flow, rehearsal) => rehearse(flow, rehearsal, event)),
      stepBack: () => going((_flow, rehearsal) => stepBack(rehearsal)),
      startFrom(node, granted, values) {
        begin(
          { ...get().setup, from: { node, granted: [...granted], variables: chosenValues(values) } },
          {
            kind: 'started-here',
            node,
          },
        );
      },
      setLanguage: (language) => begin({ ...get().setup, language }),
      setContact: (contact) => begin({ ...get().setup, contact }),
      setHttpAnswer(node, answer) {
        const http = { ...get().setup.http };
        if (answer) http[node] = answer;
        else delete http[node];
        const setup = { ...get().setup, http };
        const rehearsal = get().rehearsal;
        // Answers apply from the next call on; the turns already rehearsed stay as they were.
        set({ setup, rehearsal: rehearsal ? { ...rehearsal, setup } : null });
      },
      replay(path) {
        const { flow, setup } = get();
        if (!flow) return;
        const replayed = replayPath(flow, path, { language: setup.language, contact: setup.contact, http: setup.http });
        set({
          open: true,
          setup: replayed.rehearsal.setup,
          rehearsal: replayed.rehearsal,
          notice: { kind: 'replayed', reached: replayed.reached, stop: replayed.stop },
        });
      },
      focus: (focused) => set({ focused }),
    };
  });
}

export const simulatorStore = createSimulatorStore();

/** The simulator store in components, read through a narrow selector. */
export function useSimulator<T>(selector: (state: SimulatorState) => T): T {
  return useStore(simulatorStore, selector);
}
