import { createStore } from 'zustand/vanilla';
import type { Transcript, TranscriptResult, TranscriptTest } from '../../flows/engine/index.ts';
import type { UiLanguage } from '../../flows/i18n/index.ts';
import type { Flow } from '../../flows/index.ts';
import type { AmanaApi, TranscriptSaveOutcome } from '../../shared/api.ts';
import type { TestRunAnswer, TestRunRequest } from './run-all.ts';

/** Runs tests somewhere else (a Web Worker in the page, the runner itself in unit tests). */
export type TestRunner = (request: TestRunRequest) => Promise<TestRunAnswer>;

export interface TestsState {
  /** The Tests panel is shown. */
  open: boolean;
  flowId: string | null;
  /** The flow's saved tests; null when it has none. */
  transcript: Transcript | null;
  /** The last run's results, for the tests as they are and the working copy as it was. */
  result: TranscriptResult | null;
  running: boolean;
  setOpen(open: boolean): void;
  /** Reads the saved tests of a flow that was opened. */
  load(flowId: string): Promise<void>;
  /** Adds a test (replacing one of the same name) and saves the tests with the flow. */
  add(test: TranscriptTest): Promise<TranscriptSaveOutcome>;
  /** Replaces all the flow's tests with a `.transcript.json` file's. */
  importFile(file: { fileName: string; text: string }): Promise<TranscriptSaveOutcome>;
  /** Runs every test on `flow` (the working copy); a newer run supersedes an older one. */
  run(flow: Flow, language: UiLanguage): Promise<void>;
}

type TranscriptApi = Pick<AmanaApi, 'getTranscript' | 'saveTranscript' | 'importTranscript'>;

/**
 * The transcript tests of the open flow (DESIGN.md §6: a store of its own): kept in the workspace
 * through the typed API, run in a worker by the same runner as `amana test`.
 */
export function createTestsStore(api: () => TranscriptApi, runner: () => TestRunner) {
  let runs = 0;
  return createStore<TestsState>()((set, get) => {
    const saved = (outcome: TranscriptSaveOutcome) => {
      if (outcome.status === 'saved') set({ transcript: outcome.document.transcript, result: null });
      return outcome;
    };
    return {
      open: false,
      flowId: null,
      transcript: null,
      result: null,
      running: false,
      setOpen: (open) => set({ open }),
      async load(flowId) {
        set({ flowId, transcript: null, result: null });
        const document = await api().getTranscript(flowId, null);
        if (get().flowId === flowId) set({ transcript: document?.transcript ?? null });
      },
      async add(test) {
        const { flowId, transcript } = get();
        if (!flowId) throw new Error('No flow is open.');
        const others = (transcript?.tests ?? []).filter((existing) => existing.name !== test.name);
        return saved(await api().saveTranscript(flowId, { ...transcript, tests: [...others, test] }));
      },
      async importFile(file) {
        const { flowId } = get();
        if (!flowId) throw new Error('No flow is open.');
        return saved(await api().importTranscript(flowId, file));
      },
      async run(flow, language) {
        const { transcript } = get();
        if (!transcript) return set({ result: null, running: false });
        runs += 1;
        const run = runs;
        set({ running: true });
        const answer = await runner()({ run, flow, transcript, language });
        if (answer.run === runs) set({ result: answer.result, running: false });
      },
    };
  });
}
