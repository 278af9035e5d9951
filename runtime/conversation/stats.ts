import type { ConversationState } from '../../flows/engine/index.ts';
import type { StatsCount, StatsMetric, StatsScope } from '../store/storage.ts';

/**
 * What the bot counts for `node server.js stats` while it runs a turn: aggregate counters per UTC
 * day and per step or consent purpose, added to in the turn's own transaction (`stats` op). Each
 * counts conversations, not messages, by these definitions (the bundle README states them too):
 *
 * - **reached**: the conversation passed through the step (at most once per conversation, on the day
 *   it first did);
 * - **left**: the conversation's latest turn so far left it standing at the step (waiting for the
 *   customer, an agent or a recipient), unfinished, on that day. When the customer writes again the
 *   conversation moves out of that cell (into the one of its new step and day), so a cell holds the
 *   conversations that went quiet there; those of today and yesterday may still come back;
 * - **ended**: the conversation was over at the step (an End step, a step with no way on, an erasure);
 * - **handed-off**: the step handed the conversation to a person (once per conversation and step);
 * - **opted-out**: the customer wrote the stop keyword while at the step (once per conversation and
 *   step; item '' when no conversation was going on, counted per message);
 * - per purpose, **granted** / **declined**: the customer's answer at a consent step (once per
 *   conversation, purpose and answer).
 *
 * To count a conversation once, its sealed state carries the list of what it was counted for
 * (`counted`), under the person's key like the rest of the state: it goes with the conversation and
 * with an erasure. Nothing else is kept: the counters hold no person, hash, value or time finer than a day.
 */
export class TurnStats {
  private readonly counted: Set<string>;
  private readonly deltas = new Map<string, StatsCount>();
  private readonly day: string;
  /** The step the conversation stood at before this turn (an opt-out is counted there). */
  private readonly before: string | undefined;
  private lastReached: string | undefined;

  constructor(now: number, previous: CountedConversation | undefined) {
    this.day = utcDay(now);
    this.counted = new Set(previous?.counted ?? []);
    this.before = previous?.state.node ?? undefined;
    // The conversation no longer stands where its last turn left it (it may come back to the same cell below).
    if (previous?.counted && previous.state.node !== null && !previous.state.ended)
      this.add(utcDay(previous.updatedAt), 'step', previous.state.node, 'left', -1);
  }

  /** The steps one engine call went through. */
  reached(nodes: readonly string[]): void {
    for (const node of nodes) {
      this.once('step', node, 'reached');
      this.lastReached = node;
    }
  }

  handedOff(node: string): void {
    this.once('step', node, 'handed-off');
  }

  consent(purposes: readonly string[], granted: boolean): void {
    for (const purpose of purposes) this.once('purpose', purpose, granted ? 'granted' : 'declined');
  }

  /** The stop keyword, during a conversation (at the step it stood at) or outside one. */
  optedOut(inConversation: boolean): void {
    if (inConversation) this.once('step', this.before ?? '', 'opted-out');
    else this.add(this.day, 'step', '', 'opted-out', 1);
  }

  /** After an erasure the conversation goes on as someone new: what it was counted for goes too. */
  forget(): void {
    this.counted.clear();
  }

  /**
   * The turn's counts, given the state it ends with: where it now stands (left) or where it ended.
   * Merged per counter, zeros dropped; in no particular order (the PostgreSQL store takes the
   * counters' rows in its own order: ../store/postgres/stats.ts).
   */
  finish(state: ConversationState | undefined): StatsCount[] {
    const node = state?.node ?? this.lastReached;
    if (state && node !== undefined) {
      if (state.ended) this.add(this.day, 'step', node, 'ended', 1);
      else if (state.node !== null) this.add(this.day, 'step', state.node, 'left', 1);
    }
    return [...this.deltas.values()].filter((count) => count.count !== 0);
  }

  /** What the state is sealed with, so that the next turn counts nothing twice. */
  get countedList(): string[] {
    return [...this.counted];
  }

  private once(scope: StatsScope, item: string, metric: StatsMetric): void {
    const key = `${metric}:${item}`;
    if (this.counted.has(key)) return;
    this.counted.add(key);
    this.add(this.day, scope, item, metric, 1);
  }

  private add(day: string, scope: StatsScope, item: string, metric: StatsMetric, count: number): void {
    const key = `${day}\u0000${scope}\u0000${item}\u0000${metric}`;
    const known = this.deltas.get(key);
    if (known) known.count += count;
    else this.deltas.set(key, { day, scope, item, metric, count });
  }
}

/** A stored conversation as the turn found it: its engine state and what it was counted for. */
export interface CountedConversation {
  state: ConversationState;
  /** Absent for a state written before the counters existed (its step is then not taken out of `left`). */
  counted?: string[];
  updatedAt: number;
}

/** The UTC day of a time, as YYYY-MM-DD. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Splits the sealed conversation into the engine's state and the stats' list. */
export function splitCounted(stored: Record<string, unknown>): { state: unknown; counted?: string[] } {
  const { counted, ...state } = stored;
  return Array.isArray(counted) && counted.every((item) => typeof item === 'string')
    ? { state, counted: counted as string[] }
    : { state };
}
