/**
 * Transcript tests (`*.transcript.json`): the format, its parser with readable errors, and the
 * runner behind `amana test` and the studio's “save as test”. Pure: callers read the files.
 */
export {
  transcriptSchema,
  transcriptTestSchema,
  turnSchema,
  expectationSchema,
  transcriptFormat,
  currentTranscriptVersion,
  turnInputs,
  type Transcript,
  type TranscriptTest,
  type Turn,
  type Expectation,
  type HttpAnswer,
} from './transcript/schema.ts';
export { parseTranscript, type TranscriptProblem, type TranscriptParseResult } from './transcript/parse.ts';
export {
  runTranscript,
  runTranscriptTest,
  messagesOf,
  answerHttpCalls,
  type AnsweredTurn,
  type TestResult,
  type TranscriptResult,
} from './transcript/run.ts';
export { transcriptTestFrom, type RecordedTurn } from './transcript/record.ts';
export { coverageOf, type Coverage, type CoverageCount } from './transcript/coverage.ts';
export { renderMessage } from './render.ts';
