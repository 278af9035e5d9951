import type { UiLanguage } from '../../i18n/index.ts';
import { purposeWording } from '../../model/purpose-wording.ts';
import type { Flow } from '../../model/schema.ts';
import type { Trace } from '../conversation.ts';
import { mockResponse } from '../../nodes/http/mock.ts';
import { start, step, type EngineResult } from '../run.ts';
import type { EngineEvent } from '../../nodes/events.ts';
import { coverageOf, type Coverage } from './coverage.ts';
import { checkExpectation, type TurnOutcome } from './expect.ts';
import { transcriptText } from './messages.ts';
import type { HttpAnswer, Transcript, TranscriptTest, Turn } from './schema.ts';

export interface TestResult {
  name: string;
  passed: boolean;
  /** Each failed expectation, prefixed with the turn it belongs to, in the interface language. */
  failures: string[];
  /** Every node entered and edge followed during the test. */
  trace: Trace;
}

export interface TranscriptResult {
  tests: TestResult[];
  coverage: Coverage;
}

/** A flow that calls recipients this many times in a row without waiting for the customer is looping. */
const maxHttpCallsPerTurn = 100;

/** Runs every test of a transcript against a flow, and measures which nodes and edges they reached. */
export function runTranscript(flow: Flow, transcript: Transcript, language: UiLanguage = 'en'): TranscriptResult {
  const tests = transcript.tests.map((test) => runTranscriptTest(flow, test, language));
  return {
    tests,
    coverage: coverageOf(
      flow,
      tests.map((test) => test.trace),
    ),
  };
}

/**
 * Runs one test: starts the conversation, plays each turn through the engine (http nodes answered
 * by the test's `http` answers, else by their `mock`), and checks each turn's expectations. A turn
 * after a failed one still runs, so one run shows every problem.
 */
export function runTranscriptTest(flow: Flow, test: TranscriptTest, language: UiLanguage = 'en'): TestResult {
  const trace: Trace = { nodes: [], edges: [] };
  const failures = unknownReferences(flow, test, language);
  try {
    const consents = earlierConsents(flow, test);
    let current = settle(
      flow,
      start(flow, { language: test.language, contact: test.contact, ...(consents ? { consents } : {}) }),
      test,
      trace,
      language,
    );
    let opening = true;
    test.turns.forEach((turn, index) => {
      const event = eventOf(turn);
      if (event) current = settle(flow, step(flow, current.result.state, event), test, trace, language);
      const outcome: TurnOutcome = {
        effects: event || opening ? current.effects : [],
        state: current.result.state,
      };
      opening = false;
      const label = transcriptText(language, 'turn-label', { number: index + 1, what: describeTurn(turn, language) });
      const problems = [...current.problems, ...(turn.expect ? checkExpectation(turn.expect, outcome, language) : [])];
      current.problems = [];
      failures.push(...problems.map((problem) => `${label}: ${problem}`));
    });
  } catch (error) {
    failures.push(
      transcriptText(language, 'engine-failed', { detail: error instanceof Error ? error.message : String(error) }),
    );
  }
  return { name: test.name, passed: failures.length === 0, failures, trace };
}

interface Settled {
  result: EngineResult;
  /** Every effect of the turn, including those after http answers. */
  effects: EngineResult['effects'];
  problems: string[];
}

/** Answers http calls until the conversation waits for the customer (or ends). */
function settle(flow: Flow, first: EngineResult, test: TranscriptTest, trace: Trace, language: UiLanguage): Settled {
  const answered = answerHttpCalls(flow, first, test.http);
  record(trace, answered.trace);
  const problems = answered.looping ? [transcriptText(language, 'http-loop', { count: maxHttpCallsPerTurn })] : [];
  return { result: answered.result, effects: answered.effects, problems };
}

/** One turn with its http calls answered: the last result, and everything the turn did. */
export interface AnsweredTurn {
  result: EngineResult;
  /** Every effect of the turn, including those after http answers. */
  effects: EngineResult['effects'];
  /** Every node entered and edge followed in the turn, including after http answers. */
  trace: Trace;
  /** The flow kept calling recipients without waiting for the customer, and was stopped. */
  looping: boolean;
}

/**
 * Answers a turn's http calls the way rehearsals do: each http node with the answer given for it
 * (a status, a body, or a network error), else with its `mock`, until the conversation waits for
 * the customer or ends. Shared by `amana test` and the studio's simulator.
 */
export function answerHttpCalls(
  flow: Flow,
  first: EngineResult,
  answers: Readonly<Record<string, HttpAnswer>> = {},
): AnsweredTurn {
  let result = first;
  const effects = [...first.effects];
  const trace: Trace = { nodes: [], edges: [] };
  record(trace, first.trace);
  for (let calls = 0; result.state.waitingFor === 'http'; calls += 1) {
    if (calls >= maxHttpCallsPerTurn) return { result, effects, trace, looping: true };
    const nodeId = result.state.node ?? '';
    const answer = answers[nodeId];
    result = step(flow, result.state, answer ? httpEvent(answer) : mockResponse(flow, nodeId));
    effects.push(...result.effects);
    record(trace, result.trace);
  }
  return { result, effects, trace, looping: false };
}

function record(into: Trace, from: Trace): void {
  into.nodes.push(...from.nodes);
  into.edges.push(...from.edges);
}

function httpEvent(answer: HttpAnswer): EngineEvent {
  return answer.error !== undefined
    ? { type: 'http-response', status: 0, body: null, error: answer.error }
    : { type: 'http-response', status: answer.status ?? 200, body: answer.body ?? null };
}

function eventOf(turn: Turn): EngineEvent | undefined {
  if (turn.user !== undefined) return { type: 'text', text: turn.user };
  if (turn.reply !== undefined) return { type: 'reply', id: turn.reply };
  if (turn.location) return { type: 'location', ...turn.location };
  if (turn.media) return { type: 'media', mediaId: turn.media.mediaId ?? 'test-media', ...turn.media };
  if (turn.release) return { type: 'agent-released' };
  if (turn.timeout) return { type: 'timeout' };
  return undefined;
}

function describeTurn(turn: Turn, language: UiLanguage): string {
  if (turn.user !== undefined) return transcriptText(language, 'turn-user', { value: turn.user });
  if (turn.reply !== undefined) return transcriptText(language, 'turn-reply', { value: turn.reply });
  if (turn.location) return transcriptText(language, 'turn-location');
  if (turn.media) return transcriptText(language, 'turn-media', { value: turn.media.kind });
  if (turn.release) return transcriptText(language, 'turn-release');
  if (turn.timeout) return transcriptText(language, 'turn-timeout');
  return transcriptText(language, 'turn-opening');
}

/** The ledger of a returning customer (`earlierConsent`): a wording hash per purpose, today's or an earlier one. */
function earlierConsents(flow: Flow, test: TranscriptTest): Record<string, string> | undefined {
  if (!test.earlierConsent) return undefined;
  const today = purposeWording(flow);
  return Object.fromEntries(
    Object.entries(test.earlierConsent).map(([purpose, wording]) => [
      purpose,
      wording === 'same' ? (today[purpose] ?? '') : `earlier wording of ${purpose}`,
    ]),
  );
}

/** Names in the test that the flow does not have: a typo would otherwise read as a failing flow. */
function unknownReferences(flow: Flow, test: TranscriptTest, language: UiLanguage): string[] {
  const nodes = new Set(flow.nodes.map((node) => node.id));
  const httpNodes = new Set(flow.nodes.filter((node) => node.type === 'http').map((node) => node.id));
  const purposes = new Set(flow.purposes.map((purpose) => purpose.id));
  const recipients = new Set(flow.recipients.map((recipient) => recipient.id));
  const problems = Object.keys(test.http ?? {})
    .filter((id) => !httpNodes.has(id))
    .map((id) => transcriptText(language, 'unknown-http-node', { value: id }));
  for (const purpose of Object.keys(test.earlierConsent ?? {}))
    if (!purposes.has(purpose)) problems.push(transcriptText(language, 'unknown-purpose', { value: purpose }));
  test.turns.forEach((turn, index) => {
    const expect = turn.expect;
    if (!expect) return;
    const label = transcriptText(language, 'turn-label', { number: index + 1, what: describeTurn(turn, language) });
    const unknown = (key: 'unknown-node' | 'unknown-purpose' | 'unknown-recipient', value: string) =>
      problems.push(`${label}: ${transcriptText(language, key, { value })}`);
    if (expect.node !== undefined && !nodes.has(expect.node)) unknown('unknown-node', expect.node);
    for (const purpose of [...Object.keys(expect.consent ?? {}), ...(expect.askedAgain ?? [])])
      if (!purposes.has(purpose)) unknown('unknown-purpose', purpose);
    for (const recipient of Object.keys(expect.shared ?? {})) {
      if (!recipients.has(recipient)) unknown('unknown-recipient', recipient);
    }
  });
  return problems;
}
