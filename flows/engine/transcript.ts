/**
 * Transcript tests (`*.transcript.json`): the format, its parser with readable errors, and the
 * runner behind `amana test` and the studio's “save as test”. Pure: callers read the files.
 */
export {
  transcriptFormat,
  currentTranscriptVersion,
  type Transcript,
  type TranscriptTest,
  type HttpAnswer,
} from './transcript/schema.ts';
export { parseTranscript, type TranscriptProblem } from './transcript/parse.ts';
export { runTranscript, runTranscriptTest, answerHttpCalls, type TranscriptResult } from './transcript/run.ts';
export { transcriptTestFrom, type RecordedTurn } from './transcript/record.ts';
export { type Coverage } from './transcript/coverage.ts';
export { transcriptFileName, isFlowFileName } from './transcript/file-name.ts';
