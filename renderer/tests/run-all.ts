import { runTranscript, type Transcript, type TranscriptResult } from '../../flows/engine/index.ts';
import type { UiLanguage } from '../../flows/i18n/index.ts';
import type { Flow } from '../../flows/index.ts';

/** What the Tests panel sends its worker: the working copy, its tests, and the interface language. */
export interface TestRunRequest {
  /** Counts runs, so an answer to an older request is recognised and dropped. */
  run: number;
  flow: Flow;
  transcript: Transcript;
  language: UiLanguage;
}

export interface TestRunAnswer {
  run: number;
  result: TranscriptResult;
}

/** Runs every test with the same runner as `amana test`, failures worded in the interface language. */
export function runAll(request: TestRunRequest): TestRunAnswer {
  return { run: request.run, result: runTranscript(request.flow, request.transcript, request.language) };
}
