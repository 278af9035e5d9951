import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../log.ts';
import { StoreAccess } from '../store/access.ts';
import type { IngestClaimer, InboxRow, Storage } from '../store/storage.ts';
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

  it('gives a person back only once an agent’s action and the rows handed over for them are both done', async () => {
    const { store } = inboxOf([]);
    let claimer: IngestClaimer | undefined;
    const released: number[][] = [];
    const processed: number[] = [];
    const worker = new InboxWorker({
      store: {
        ...store,
        shared: true,
        releaseInbox: async (people) => void released.push([...people]),
        claimWhenWriting: (given) => (claimer = given),
      },
      log: silent,
      process: async (row) => void processed.push(row.id),
    });
    if (!claimer) throw new Error('the worker did not offer to take rows');
    let done: () => void = () => undefined;
    const action = worker.exclusive(7, () => new Promise<void>((resolve) => (done = resolve)));
    await vi.advanceTimersByTimeAsync(0);
    // A message of theirs, written meanwhile by this instance, waits behind the action.
    claimer.take([{ id: 1, personId: 7, payload: Buffer.alloc(0), receivedAt: 0 }], [7]);
    done();
    await action;
    await vi.advanceTimersByTimeAsync(0);
    expect(processed).toEqual([1]);
    // Given back once, after the message: never while it still waited.
    expect(released.flat()).toEqual([7]);
    expect(claimer.skip().size).toBe(0);
    await worker.stop();
  });

  it('takes rows a shared store leased as it wrote them while idle: in order, its people held meanwhile, never after stopping', async () => {
    const { store } = inboxOf([]);
    let claimer: IngestClaimer | undefined;
    const processed: number[] = [];
    let finish: () => void = () => undefined;
    const worker = new InboxWorker({
      store: { ...store, shared: true, claimWhenWriting: (given) => (claimer = given) },
      log: silent,
      process: async (row) => {
        processed.push(row.id);
        if (row.id === 1) await new Promise<void>((resolve) => (finish = resolve));
      },
    });
    if (!claimer) throw new Error('the worker did not offer to take rows');
    const row = (id: number, personId: number): InboxRow => ({ id, personId, payload: Buffer.alloc(0), receivedAt: 0 });
    const room = claimer.room();
    expect(room).toBeGreaterThan(0);
    expect(claimer.take([row(1, 7), row(2, 7), row(3, 8)], [7, 8, 9])).toBe(false);
    // Busy: what arrives meanwhile waits for its next read, gathered into one claim.
    expect(claimer.room()).toBe(0);
    expect([...claimer.skip()].sort()).toEqual([7, 8]);
    expect(claimer.take([], [7])).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(processed).toEqual([1, 3]);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(processed).toEqual([1, 3, 2]);
    expect(claimer.skip().size).toBe(0);
    expect(claimer.room()).toBe(room);
    await worker.stop();
    expect(claimer.room()).toBe(0);
    expect(claimer.take([row(4, 9)], [9])).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(processed).toEqual([1, 3, 2]);
  });
});
