import { describe, expect, it } from 'vitest';
import type { ConversationState } from '../../flows/engine/index.ts';
import type { StatsCount } from '../store/storage.ts';
import { TurnStats, splitCounted, utcDay } from './stats.ts';

const day1 = Date.parse('2026-03-01T23:50:00Z');
const day2 = Date.parse('2026-03-02T00:10:00Z');
const state = (node: string | null, ended = false): ConversationState => ({
  flowId: 'f',
  node,
  waitingFor: ended ? null : 'answer',
  variables: {},
  granted: [],
  consents: {},
  reconsent: [],
  carried: [],
  retries: 0,
  language: 'en',
  optedOut: false,
  withHuman: false,
  ended,
});

/** The same counters, in any order (a turn's counts have none). */
function expectCounts(actual: StatsCount[], expected: StatsCount[]): void {
  expect(actual).toHaveLength(expected.length);
  expect(actual).toEqual(expect.arrayContaining(expected));
}

describe('TurnStats: what one turn adds to the counters', () => {
  it('counts a step reached, a handoff and a consent once per conversation, however often they recur', () => {
    const first = new TurnStats(day1, undefined);
    first.reached(['start', 'hello', 'menu']);
    first.consent(['marketing'], true);
    const counts = first.finish(state('menu'));
    expectCounts(counts, [
      { day: '2026-03-01', scope: 'purpose', item: 'marketing', metric: 'granted', count: 1 },
      { day: '2026-03-01', scope: 'step', item: 'hello', metric: 'reached', count: 1 },
      { day: '2026-03-01', scope: 'step', item: 'menu', metric: 'left', count: 1 },
      { day: '2026-03-01', scope: 'step', item: 'menu', metric: 'reached', count: 1 },
      { day: '2026-03-01', scope: 'step', item: 'start', metric: 'reached', count: 1 },
    ]);
    const again = new TurnStats(day1, { state: state('menu'), counted: first.countedList, updatedAt: day1 });
    again.reached(['menu', 'human']);
    again.handedOff('human');
    again.handedOff('human');
    again.consent(['marketing'], true);
    expectCounts(again.finish(state('human')), [
      { day: '2026-03-01', scope: 'step', item: 'human', metric: 'handed-off', count: 1 },
      { day: '2026-03-01', scope: 'step', item: 'human', metric: 'left', count: 1 },
      { day: '2026-03-01', scope: 'step', item: 'human', metric: 'reached', count: 1 },
      { day: '2026-03-01', scope: 'step', item: 'menu', metric: 'left', count: -1 },
    ]);
  });

  it('moves a conversation out of the day and step it stood at, into those of its new turn', () => {
    const later = new TurnStats(day2, { state: state('ask'), counted: ['reached:ask'], updatedAt: day1 });
    later.reached(['ask', 'bye']);
    expectCounts(later.finish(state('bye', true)), [
      { day: '2026-03-01', scope: 'step', item: 'ask', metric: 'left', count: -1 },
      { day: '2026-03-02', scope: 'step', item: 'bye', metric: 'ended', count: 1 },
      { day: '2026-03-02', scope: 'step', item: 'bye', metric: 'reached', count: 1 },
    ]);
    // The same step the same day: nothing changes (the -1 and +1 cancel out).
    const idle = new TurnStats(day2, { state: state('ask'), counted: ['reached:ask'], updatedAt: day2 });
    expect(idle.finish(state('ask'))).toEqual([]);
  });

  it('takes nothing out of `left` for a state written before the counters, and forgets after an erasure', () => {
    const old = new TurnStats(day2, { state: state('ask'), updatedAt: day1 });
    old.optedOut(true);
    expectCounts(old.finish(state('ask')), [
      { day: '2026-03-02', scope: 'step', item: 'ask', metric: 'left', count: 1 },
      { day: '2026-03-02', scope: 'step', item: 'ask', metric: 'opted-out', count: 1 },
    ]);
    const erased = new TurnStats(day2, { state: state('ask'), counted: ['reached:ask'], updatedAt: day2 });
    erased.forget();
    expect(erased.countedList).toEqual([]);
    const outside = new TurnStats(day2, undefined);
    outside.optedOut(false);
    outside.optedOut(false);
    expect(outside.finish(undefined)).toEqual([
      { day: '2026-03-02', scope: 'step', item: '', metric: 'opted-out', count: 2 },
    ]);
  });

  it('splits the stored conversation into the engine state and the counted list', () => {
    expect(splitCounted({ node: 'a', counted: ['reached:a'] })).toEqual({
      state: { node: 'a' },
      counted: ['reached:a'],
    });
    expect(splitCounted({ node: 'a' })).toEqual({ state: { node: 'a' } });
    expect(splitCounted({ node: 'a', counted: [1] })).toEqual({ state: { node: 'a' } });
    expect(utcDay(day1)).toBe('2026-03-01');
  });
});
