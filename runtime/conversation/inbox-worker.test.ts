import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../log.ts';
import { StoreAccess } from '../store/access.ts';
import type { InboxRow, Storage } from '../store/storage.ts';
import { InboxWorker, retryDelayMs } from './inbox-worker.ts';

/** An inbox of rows in memory, for one instance: only what the worker claims and marks done. */
function inboxOf(rows: InboxRow[]) {
  const done = new Set<number>();
  const store: Pick<Storage, 'claimInbox' | 'releaseInbox' | 'holdPerson' | 'commitTurn' | 'shared' | 'access'> = {
    shared: false,
    access: new StoreAccess(),
    claimInbox: async (limit, held) =>
      rows.filter((row) => !done.has(row.id) && !held.has(row.personId)).slice(0, limit),
    releaseInbox: async () => undefined,
    holdPerson: async () => true,
    commitTurn: async (_person, ops) => {
      for (const op of ops) if (op.op === 'inbox-done') done.add(op.inboxId);
      return { personId: _person, outbox: [], erased: false };
    },
  };
  return { store, done };
}

const silent: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('InboxWorker', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('tries a failed turn again only after the retry delay, not straight away', async () => {
    const row: InboxRow = { id: 1, personId: 7, payload: Buffer.alloc(0), receivedAt: 0 };
    const { store } = inboxOf([row]);
    const attempts: number[] = [];
    const worker = new InboxWorker({
      store,
      log: silent,
      process: async () => {
        attempts.push(Date.now());
        throw new Error('disk busy');
      },
    });
    worker.notify();
    await vi.advanceTimersByTimeAsync(0);
    expect(attempts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(retryDelayMs - 1);
    expect(attempts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(attempts).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(retryDelayMs);
    expect(attempts).toHaveLength(3);
    expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(retryDelayMs);
    await worker.stop();
  });

  it('gives a person back only once an agent’s action and rows claimed for them meanwhile are both done', async () => {
    const { store } = inboxOf([]);
    const row: InboxRow = { id: 1, personId: 7, payload: Buffer.alloc(0), receivedAt: 0 };
    const released: number[][] = [];
    const processed: number[] = [];
    let claimed = false;
    const worker = new InboxWorker({
      store: {
        ...store,
        shared: true,
        // A claim sent before the action held the person (its answer arrives after): it has their row.
        claimInbox: async () => (claimed ? [] : ((claimed = true), [row])),
        releaseInbox: async (people) => void released.push([...people]),
      },
      log: silent,
      process: async (taken) => void processed.push(taken.id),
    });
    let done: () => void = () => undefined;
    const action = worker.exclusive(7, () => new Promise<void>((resolve) => (done = resolve)));
    await vi.advanceTimersByTimeAsync(0);
    worker.notify();
    await vi.advanceTimersByTimeAsync(0);
    expect(processed).toEqual([]);
    done();
    await action;
    await vi.advanceTimersByTimeAsync(0);
    expect(processed).toEqual([1]);
    // Given back once, after the message: never while it still waited behind the action.
    expect(released.flat()).toEqual([7]);
    await worker.stop();
  });
});
