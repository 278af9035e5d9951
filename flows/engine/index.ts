/**
 * The conversation engine (DESIGN.md §4): one pure interpreter for every host — the studio's
 * simulator, `amana simulate`, `amana test` and the exported bot. `start` and `step` take and
 * return plain JSON state; effects are data the host carries out.
 */
export { start, step, type EngineResult, type StartOptions } from './run.ts';
export { pickLanguage, localText } from './language.ts';
export type { ConversationState, Contact, WaitingFor } from './state.ts';
export type { EngineEvent, EngineEffect, ButtonChoice, ListSection } from './types.ts';
export type { Trace } from './conversation.ts';
export type { JsonValue } from './template.ts';
export { matchKeyword, type KeywordKind } from './keywords.ts';
export { normaliseForMatching } from './normalise.ts';
export { mockResponse } from './mock.ts';
export { consentReplies } from '../nodes/consent/behaviour.ts';
