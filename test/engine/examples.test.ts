import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  mockResponse,
  start,
  step,
  parseTranscript,
  runTranscript,
  type ConversationState,
  type EngineEffect,
} from '../../flows/engine/index.ts';
import { parseFlow, type Flow } from '../../flows/index.ts';

const examples = join(import.meta.dirname, '../../flows/examples');
const names = readdirSync(examples)
  .filter((file) => file.endsWith('.flow.json'))
  .map((file) => file.slice(0, -'.flow.json'.length))
  .sort();

function load(name: string) {
  const flow = parseFlow(readFileSync(join(examples, `${name}.flow.json`), 'utf8'));
  const transcript = parseTranscript(readFileSync(join(examples, `${name}.transcript.json`), 'utf8'));
  if (!flow.ok) throw new Error(`${name}.flow.json: ${JSON.stringify(flow.errors)}`);
  if (!transcript.ok) throw new Error(`${name}.transcript.json: ${JSON.stringify(transcript.problems)}`);
  return { flow: flow.flow, transcript: transcript.transcript };
}

describe('the example flows and their transcripts', () => {
  it('has examples to test', () => {
    expect(names.length).toBeGreaterThanOrEqual(6);
  });

  it.each(names)('%s: every transcript test passes and reaches every node and edge', (name) => {
    const { flow, transcript } = load(name);
    const result = runTranscript(flow, transcript);
    expect(result.tests.filter((test) => !test.passed).map((test) => [test.name, test.failures])).toEqual([]);
    expect(result.coverage.nodes.missed).toEqual([]);
    expect(result.coverage.edges.missed).toEqual([]);
  });

  it.each(names)('%s: a host that stores the state as JSON text between turns gets the same conversation', (name) => {
    const { flow, transcript } = load(name);
    for (const test of transcript.tests) {
      const direct = play(flow, test.turns, (state) => state, test.language, test.contact);
      const stored = play(flow, test.turns, (state) => JSON.parse(JSON.stringify(state)), test.language, test.contact);
      expect(stored).toEqual(direct);
    }
  });
});

type Turns = ReturnType<typeof load>['transcript']['tests'][number]['turns'];

/** Plays a test's customer turns (answering http with mocks), passing the state through `keep`. */
function play(
  flow: Flow,
  turns: Turns,
  keep: (state: ConversationState) => ConversationState,
  language?: string,
  contact?: { phone: string; name?: string },
): EngineEffect[][] {
  let result = start(flow, { ...(language ? { language } : {}), ...(contact ? { contact } : {}) });
  const log = [result.effects];
  const settle = () => {
    while (result.state.waitingFor === 'http') {
      result = step(flow, keep(result.state), mockResponse(flow, result.state.node ?? ''));
      log.push(result.effects);
    }
  };
  settle();
  for (const turn of turns) {
    if (turn.user !== undefined) result = step(flow, keep(result.state), { type: 'text', text: turn.user });
    else if (turn.reply !== undefined) result = step(flow, keep(result.state), { type: 'reply', id: turn.reply });
    else if (turn.release) result = step(flow, keep(result.state), { type: 'agent-released' });
    else continue;
    log.push(result.effects);
    settle();
  }
  return log;
}
