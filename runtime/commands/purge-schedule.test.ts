import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LogFields, Logger } from '../log.ts';
import { SqliteStorage } from '../store/sqlite/storage.ts';
import type { Storage } from '../store/storage.ts';
import { PurgeSchedule, purgeEveryMs, purgeRetryMs } from './purge-schedule.ts';

const hour = purgeEveryMs;
const minute = purgeRetryMs;

/**
 * The hourly retention purge of `serve`, on a real SQLite store, with the timers faked: a purge
 * that fails is tried again a minute later, and no failure stops the hourly schedule.
 */
describe('the retention purge schedule', () => {
  let dir: string;
  let store: Storage;
  let schedule: PurgeSchedule | undefined;
  const lines: { event: string; fields?: LogFields }[] = [];
  const log: Logger = {
    info: (event, fields) => lines.push({ event, fields }),
    warn: (event, fields) => lines.push({ event, fields }),
    error: (event, fields) => lines.push({ event, fields }),
  };
  const events = () => lines.map((line) => line.event);

  /** A value collected at 0 that expires at `expiresAt`, held for a new person. */
  async function valueExpiringAt(expiresAt: number): Promise<void> {
    const person = await store.ensurePerson(randomBytes(32), () => ({
      wrappedKey: randomBytes(60),
      phoneSealed: randomBytes(40),
    }));
    expect(await store.holdPerson(person.id)).toBe(true);
    await store.commitTurn(person.id, [
      { op: 'field', key: 'email', value: randomBytes(30), collectedAt: 0, expiresAt },
    ]);
  }
  const peopleHeld = async () => (await store.counts()).persons;

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    dir = mkdtempSync(join(tmpdir(), 'amana-purge-'));
    store = new SqliteStorage(join(dir, 'amana.db'));
    lines.length = 0;
  });

  afterEach(async () => {
    schedule?.stop();
    vi.useRealTimers();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('tries a failed purge again a minute later, and then purges', async () => {
    // The test's clock: one hour after the start, the value is past its retention.
    let now = 0;
    await valueExpiringAt(30 * minute);
    const purge = vi.spyOn(store, 'purge').mockRejectedValueOnce(new Error('database is locked'));
    schedule = new PurgeSchedule({ store, clock: () => now, log });
    schedule.start();

    now = hour;
    await vi.advanceTimersByTimeAsync(hour);
    expect(purge).toHaveBeenCalledTimes(1);
    expect(lines).toEqual([{ event: 'purge-failed', fields: { error: 'Error' } }]);
    expect(await peopleHeld()).toBe(1);

    now = hour + minute - 1;
    await vi.advanceTimersByTimeAsync(minute - 1);
    expect(purge).toHaveBeenCalledTimes(1);

    now = hour + minute;
    await vi.advanceTimersByTimeAsync(1);
    expect(purge).toHaveBeenCalledTimes(2);
    expect(lines.at(-1)).toMatchObject({ event: 'purged', fields: { fields: 1 } });
    expect(await peopleHeld()).toBe(0);

    // Once it succeeded nothing more is due until the next hour.
    await vi.advanceTimersByTimeAsync(hour - minute - 1);
    expect(purge).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(purge).toHaveBeenCalledTimes(3);
  });

  it('keeps purging every hour whatever failed before, retrying each failure until one succeeds', async () => {
    let now = 0;
    const purge = vi
      .spyOn(store, 'purge')
      .mockRejectedValueOnce(new Error('disk I/O error'))
      .mockRejectedValueOnce(new Error('disk I/O error'));
    schedule = new PurgeSchedule({ store, clock: () => now, log });
    schedule.start();

    await vi.advanceTimersByTimeAsync(hour + 2 * minute);
    expect(events()).toEqual(['purge-failed', 'purge-failed', 'purged']);
    expect(purge).toHaveBeenCalledTimes(3);

    // A value that expires later is purged by the hourly run, as if nothing had failed.
    await valueExpiringAt(hour + 30 * minute);
    now = 2 * hour;
    await vi.advanceTimersByTimeAsync(hour - 2 * minute);
    expect(events()).toEqual(['purge-failed', 'purge-failed', 'purged', 'purged']);
    expect(lines.at(-1)).toMatchObject({ fields: { fields: 1 } });
    expect(await peopleHeld()).toBe(0);
  });

  it('retries nothing while the store is paused (its resume runs a purge), and nothing at all once stopped', async () => {
    const purge = vi.spyOn(store, 'purge').mockRejectedValueOnce(new Error('connection ended'));
    schedule = new PurgeSchedule({ store, clock: () => 0, log });
    schedule.start();
    await vi.advanceTimersByTimeAsync(hour);
    expect(purge).toHaveBeenCalledTimes(1);
    // It lost the instance lock before the retry was due: the resume runs the purge instead.
    store.access.set({ reason: 'lock-lost', since: 0 });
    await vi.advanceTimersByTimeAsync(minute);
    expect(purge).toHaveBeenCalledTimes(1);
    store.access.set(undefined);
    schedule.stop();
    await vi.advanceTimersByTimeAsync(2 * hour);
    expect(purge).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
