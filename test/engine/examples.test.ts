import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  localText,
  mockResponse,
  start,
  step,
  parseTranscript,
  runTranscript,
  type ConversationState,
  type EngineEffect,
} from '../../flows/engine/index.ts';
import { parseFlow, templateKeys, type Flow } from '../../flows/index.ts';

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

describe('the example flows never say, send or report what does not exist (issue 20)', () => {
  it.each(names)('%s: no bot text has an empty placeholder, no shared key lacks a value', (name) => {
    const { flow, transcript } = load(name);
    const problems: string[] = [];
    for (const test of transcript.tests) {
      let before: ConversationState | undefined;
      play(
        flow,
        test.turns,
        (state) => state,
        test.language,
        test.contact,
        (state, effects) => {
          problems.push(...holes(flow, before, state, effects).map((problem) => `${test.name}: ${problem}`));
          before = state;
        },
      );
    }
    expect(problems).toEqual([]);
  });
});

/**
 * What a turn's effects said, sent or reported without a value behind it: a node's own text sent
 * while a key it reads had none (a hole), or a key named as shared without a value. Values known are
 * those of the state before the turn, plus what the turn collected, minus what it erased.
 */
function holes(flow: Flow, before: ConversationState | undefined, after: ConversationState, effects: EngineEffect[]) {
  const known = new Set(Object.keys(before?.variables ?? {}));
  if (after.contact?.phone) known.add('contact.phone');
  if (after.contact?.name) known.add('contact.name');
  const refused = new Set<string>();
  const problems: string[] = [];
  for (const effect of effects) {
    if (effect.type === 'collect') known.add(effect.key);
    if (effect.type === 'erase') for (const key of [...known]) if (!key.startsWith('contact.')) known.delete(key);
    if (effect.type === 'refuse') refused.add(effect.nodeId);
    if (effect.type === 'call-http' || effect.type === 'hand-off') {
      const shared = effect.type === 'call-http' ? effect.shared : Object.keys(effect.shared);
      for (const key of shared) if (!known.has(key)) problems.push(`${effect.nodeId} shares ${key} without a value`);
    }
    if (
      (effect.type === 'send-text' || effect.type === 'send-buttons' || effect.type === 'send-list') &&
      !refused.has(effect.nodeId)
    ) {
      const node = flow.nodes.find((candidate) => candidate.id === effect.nodeId);
      const text = node && 'text' in node && node.text ? localText(node.text, after.language, flow.languages) : '';
      // Only the node's own text (not the engine's confirmation or apology sent in its name).
      if (!shapeOf(text).test(effect.text)) continue;
      for (const key of templateKeys(text))
        if (!known.has(key)) problems.push(`${effect.nodeId} says {{${key}}} empty`);
    }
  }
  return problems;
}

/** A template as a pattern: its fixed words as they are, each placeholder as anything. */
function shapeOf(template: string): RegExp {
  const parts = template.split(/\{\{[^}]*\}\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[\\s\\S]*')}$`);
}

type Turns = ReturnType<typeof load>['transcript']['tests'][number]['turns'];

/** Plays a test's customer turns (answering http with mocks), passing the state through `keep`. */
function play(
  flow: Flow,
  turns: Turns,
  keep: (state: ConversationState) => ConversationState,
  language?: string,
  contact?: { phone: string; name?: string },
  watch: (state: ConversationState, effects: EngineEffect[]) => void = () => undefined,
): EngineEffect[][] {
  let result = start(flow, { ...(language ? { language } : {}), ...(contact ? { contact } : {}) });
  const log = [result.effects];
  watch(result.state, result.effects);
  const settle = () => {
    while (result.state.waitingFor === 'http') {
      result = step(flow, keep(result.state), mockResponse(flow, result.state.node ?? ''));
      log.push(result.effects);
      watch(result.state, result.effects);
    }
  };
  settle();
  for (const turn of turns) {
    if (turn.user !== undefined) result = step(flow, keep(result.state), { type: 'text', text: turn.user });
    else if (turn.reply !== undefined) result = step(flow, keep(result.state), { type: 'reply', id: turn.reply });
    else if (turn.release) result = step(flow, keep(result.state), { type: 'agent-released' });
    else continue;
    log.push(result.effects);
    watch(result.state, result.effects);
    settle();
  }
  return log;
}
