/**
 * The conversation engine (DESIGN.md §4): one pure interpreter for every host — the studio's
 * simulator, `amana simulate`, `amana test` and the exported bot. `start` and `step` take and
 * return plain JSON state; effects are data the host carries out. Hosts import from here only.
 */
export { start, step, type EngineResult, type StartingPoint } from './run.ts';
export type { ConversationState, Contact } from './state.ts';
export type { Trace } from './conversation.ts';
export { renderMessage } from './render.ts';
export { matchKeyword } from './keywords.ts';
export {
  parseTranscript,
  transcriptFileName,
  isFlowFileName,
  runTranscript,
  runTranscriptTest,
  answerHttpCalls,
  transcriptTestFrom,
  transcriptFormat,
  currentTranscriptVersion,
  type Coverage,
  type HttpAnswer,
  type RecordedTurn,
  type Transcript,
  type TranscriptTest,
  type TranscriptResult,
  type TranscriptProblem,
} from './transcript.ts';
export { pickLanguage, localText } from '../i18n/lang-text.ts';
export type { JsonValue } from '../model/template.ts';
export type { EngineEvent, EngineEffect, ButtonChoice, ListSection } from '../nodes/events.ts';
export { engineText } from '../nodes/messages.ts';
export { mockResponse } from '../nodes/http/mock.ts';
export { consentReplies } from '../nodes/consent/behaviour.ts';
export { responseBody } from '../nodes/http/request.ts';
export { countryOfPhone } from '../nodes/question/validate/phone.ts';
export { withSecrets, maskSecrets, flowSecrets, secretVariable } from '../nodes/http/secrets.ts';
