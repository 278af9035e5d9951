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
});
