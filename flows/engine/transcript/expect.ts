import { listOf, type UiLanguage } from '../../i18n/index.ts';
import { renderMessage } from '../render.ts';
import type { ConversationState } from '../state.ts';
import type { JsonValue } from '../../model/template.ts';
import type { EngineEffect } from '../../nodes/events.ts';
import { transcriptText } from './messages.ts';
import type { Expectation } from './schema.ts';

/** What one turn produced: its effects and the state after it. */
export interface TurnOutcome {
  effects: EngineEffect[];
  state: ConversationState;
}

/** Checks a turn's expectations; returns one message per expectation that does not hold. */
export function checkExpectation(expect: Expectation, outcome: TurnOutcome, language: UiLanguage): string[] {
  const say = (key: Parameters<typeof transcriptText>[1], params?: Record<string, string | number>) =>
    transcriptText(language, key, params);
  const { effects, state } = outcome;
  const messages = effects.flatMap((effect) => renderMessage(effect) ?? []);
  const heard = messages.join('\n');
  const actualSaid =
    messages.length === 0
      ? say('it-said-nothing')
      : say('it-said', {
          messages: clip(messages.map((message) => `“${message.replace(/\s*\n\s*/g, ' / ')}”`).join(' ')),
        });
  const failures: string[] = [];

  for (const text of list(expect.says)) {
    if (!heard.includes(text)) failures.push(say('expect-says', { expected: text, actual: actualSaid }));
  }
  for (const source of list(expect.matches)) {
    if (!new RegExp(source, 'u').test(heard))
      failures.push(say('expect-matches', { expected: source, actual: actualSaid }));
  }
  for (const text of list(expect.doesNotSay)) {
    if (heard.includes(text)) failures.push(say('expect-does-not-say', { expected: text, actual: actualSaid }));
  }
  if (expect.saysNothing && messages.length > 0) failures.push(say('expect-says-nothing', { actual: actualSaid }));

  if (expect.node !== undefined && state.node !== expect.node) {
    failures.push(say('expect-node', { expected: expect.node, actual: state.node ?? say('nothing') }));
  }
  if (expect.ended !== undefined && state.ended !== expect.ended) {
    failures.push(say(expect.ended ? 'expect-ended' : 'expect-not-ended'));
  }
  for (const [key, expected] of Object.entries(expect.collected ?? {})) {
    const actual = Object.prototype.hasOwnProperty.call(state.variables, key) ? state.variables[key] : undefined;
    const held = actual === undefined ? say('holds-nothing') : say('holds', { value: JSON.stringify(actual) });
    if (expected === null) {
      if (actual !== undefined && actual !== null)
        failures.push(say('expect-not-collected', { key, actual: JSON.stringify(actual) }));
    } else if (actual === undefined || !sameJson(actual, expected)) {
      failures.push(say('expect-collected', { key, expected: JSON.stringify(expected), actual: held }));
    }
  }
  for (const [purpose, expected] of Object.entries(expect.consent ?? {})) {
    if (state.granted.includes(purpose) !== expected) {
      failures.push(say(expected ? 'expect-consent-granted' : 'expect-consent-not-granted', { purpose }));
    }
  }

  const calls = effects.filter((effect) => effect.type === 'call-http');
  for (const [recipient, keys] of Object.entries(expect.shared ?? {})) {
    const sent = [...new Set(calls.filter((call) => call.recipient === recipient).flatMap((call) => call.shared))];
    if (!sameSet(sent, keys)) {
      failures.push(
        say('expect-shared', {
          expected: names(keys, language),
          recipient,
          actual: sent.length === 0 ? say('sent-nothing') : say('sent', { keys: listOf(language, sent) }),
        }),
      );
    }
  }

  const handoffs = effects.filter((effect) => effect.type === 'hand-off');
  if (expect.handedOff !== undefined) {
    const wanted = expect.handedOff !== false;
    if (wanted !== handoffs.length > 0) failures.push(say(wanted ? 'expect-handed-off' : 'expect-not-handed-off'));
    const handoff = handoffs[0];
    if (typeof expect.handedOff === 'object' && handoff) {
      if (expect.handedOff.queue !== undefined && handoff.queue !== expect.handedOff.queue) {
        failures.push(say('expect-handoff-queue', { expected: expect.handedOff.queue, actual: handoff.queue }));
      }
      const shared = Object.keys(handoff.shared);
      if (expect.handedOff.shared !== undefined && !sameSet(shared, expect.handedOff.shared)) {
        failures.push(
          say('expect-handoff-shared', {
            expected: names(expect.handedOff.shared, language),
            actual: shared.length === 0 ? say('sent-nothing') : say('sent', { keys: listOf(language, shared) }),
          }),
        );
      }
    }
  }
  if (expect.erased !== undefined && effects.some((effect) => effect.type === 'erase') !== expect.erased) {
    failures.push(say(expect.erased ? 'expect-erased' : 'expect-not-erased'));
  }
  if (expect.optedOut !== undefined && state.optedOut !== expect.optedOut) {
    failures.push(say(expect.optedOut ? 'expect-opted-out' : 'expect-not-opted-out'));
  }
  if (expect.withheld !== undefined) {
    const withheld = [...new Set(effects.flatMap((effect) => (effect.type === 'withhold' ? [effect.key] : [])))];
    if (!sameSet(withheld, expect.withheld)) {
      failures.push(
        say('expect-withheld', {
          expected: names(expect.withheld, language),
          actual:
            withheld.length === 0 ? say('withheld-nothing') : say('withheld', { keys: listOf(language, withheld) }),
        }),
      );
    }
  }
  if (expect.askedAgain !== undefined) {
    const lapsed = [...new Set(effects.flatMap((effect) => (effect.type === 'consent-lapsed' ? effect.purposes : [])))];
    if (!sameSet(lapsed, expect.askedAgain)) {
      failures.push(
        say('expect-asked-again', {
          expected: names(expect.askedAgain, language),
          actual:
            lapsed.length === 0
              ? say('asked-again-nothing')
              : say('asked-again', { purposes: listOf(language, lapsed) }),
        }),
      );
    }
  }
  return failures;
}

function list(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : typeof value === 'string' ? [value] : value;
}

function names(keys: readonly string[], language: UiLanguage): string {
  return keys.length === 0 ? transcriptText(language, 'nothing') : listOf(language, keys);
}

function sameSet(actual: readonly string[], expected: readonly string[]): boolean {
  const wanted = new Set(expected);
  return new Set(actual).size === wanted.size && actual.every((key) => wanted.has(key));
}

/** Deep equality of JSON values, ignoring the order of object keys. */
function sameJson(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => sameJson(item, b[i] ?? null))
    );
  }
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && sameJson(a[key] ?? null, b[key] ?? null))
  );
}

function clip(text: string): string {
  return text.length > 400 ? `${text.slice(0, 399)}…` : text;
}
