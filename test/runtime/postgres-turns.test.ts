import postgresClient from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import {
  TurnConflict,
  type InboxRow,
  type IngestMessage,
  type StatsCount,
  type Storage,
  type TurnOp,
} from '../../runtime/store/storage.ts';
import { PostgresStorage } from '../../runtime/store/postgres/storage.ts';
import { message, storageBackends } from './helpers/storage-backends.ts';

/**
 * Turns on PostgreSQL go to the database several at once (migration 8's amana_turns, at most 32 to a
 * statement): each must still stand or fail alone, give back its own outbox rows, and add its counts
 * so that two instances committing at once never deadlock on the shared counters.
 */
const { backends, server, opened, close } = await storageBackends('turns');
afterAll(close);
const postgres = backends.find(({ backend }) => backend.name === 'PostgreSQL');
if (!postgres) throw new Error('the PostgreSQL backend is missing');

const day = '2026-04-01';
const count = (item: string, n: number): StatsCount => ({ day, scope: 'step', item, metric: 'reached', count: n });
/** Steps every turn counts; each turn lists them in its own order. */
const steps = ['ask', 'bye', 'hello', 'menu', 'start'];

/** A count the database refuses (stats_counts' CHECK on metric): the one way to make a statement fail on cue. */
const refusedCount = {
  day: '2026-04-01',
  scope: 'step',
  item: 'x',
  metric: 'bogus',
  count: 1,
} as unknown as StatsCount;

/**
 * A store of its own (a database named `name`) whose leases last `leaseSeconds`, with `messages` written
 * and claimed (two rows), and a client of two connections on the same database; the test ends the client.
 */
async function twoClaimedWithLease(name: string, leaseSeconds: number, messages: IngestMessage[]) {
  const url = await server?.database(name);
  if (!url) throw new Error('no server');
  const store = await PostgresStorage.open(url, { phoneNumber: '106540352242922', leaseSeconds });
  opened.push(store);
  await store.ingest(messages, []);
  const [first, second] = await store.claimInbox(10, new Set());
  if (!first || !second) throw new Error('nothing claimed');
  const client = postgresClient(url, { max: 2, onnotice: () => undefined });
  return { store, client, claimed: [first, second] as const };
}

/** Two people with one message each, claimed by `store`, in the order they wrote. */
async function twoClaimed(store: Storage, first: string, second: string): Promise<[InboxRow, InboxRow]> {
  await store.ingest([message(first, `${first}-1`), message(second, `${second}-1`)], []);
  const [one, two] = await store.claimInbox(10, new Set());
  if (!one || !two) throw new Error('nothing claimed');
  return [one, two];
}

describe.skipIf(postgres.skip)('Turns on PostgreSQL, many at once', () => {
  it('commits 70 turns of two instances at once, each alone: conflicts refused, outbox rows and counts all there', async () => {
    const { store: first, raw, reopen } = await postgres.backend.open();
    const second = await reopen();
    // People whose keyed phone hashes start with different bytes: their counts fall in many shards.
    const people = Array.from({ length: 70 }, (_, index) => `${String.fromCharCode(48 + index)}-person`);
    await first.ingest(
      people.map((phone, index) => message(phone, `turn-${index}`)),
      [],
    );
    const mine = await first.claimInbox(35, new Set());
    const theirs = await second.claimInbox(100, new Set());
    expect(mine).toHaveLength(35);
    expect(theirs).toHaveLength(35);
    // One message of each instance was processed already (a turn elsewhere): its turn below must be refused.
    const done = [mine[3], theirs[20]].filter((row): row is InboxRow => row !== undefined);
    await first.commitTurn(done[0]?.personId ?? 0, [{ op: 'inbox-done', inboxId: done[0]?.id ?? 0 }]);
    await second.commitTurn(done[1]?.personId ?? 0, [{ op: 'inbox-done', inboxId: done[1]?.id ?? 0 }]);

    const turn = (row: InboxRow, index: number): TurnOp[] => [
      { op: 'inbox-done', inboxId: row.id },
      { op: 'outbox', kind: 'message', payload: Buffer.from(`reply-${row.personId}`), createdAt: 1 },
      // Rotated lists: turns of both instances name the same counters in different orders.
      { op: 'stats', counts: [...steps.slice(index % 5), ...steps.slice(0, index % 5)].map((step) => count(step, 1)) },
    ];
    const commits = (store: Storage, rows: InboxRow[]) =>
      rows.map(async (row, index) => ({ row, result: await store.commitTurn(row.personId, turn(row, index)) }));
    const outcomes = await Promise.allSettled([...commits(first, mine), ...commits(second, theirs)]);

    const refused = outcomes.flatMap((outcome, index) => (outcome.status === 'rejected' ? [index] : []));
    expect(refused).toEqual([3, 35 + 20]);
    for (const index of refused) {
      expect((outcomes[index] as PromiseRejectedResult).reason).toBeInstanceOf(TurnConflict);
    }
    // Each turn got back the outbox row it wrote, for its own person.
    const written = await raw.rows<{ id: string; person_id: string; payload: Buffer }>(
      'SELECT id, person_id, payload FROM outbox ORDER BY id',
    );
    expect(written).toHaveLength(68);
    const byId = new Map(written.map((row) => [Number(row.id), row]));
    for (const outcome of outcomes) {
      if (outcome.status !== 'fulfilled') continue;
      const { row, result } = outcome.value;
      expect(result.personId).toBe(row.personId);
      expect(result.outbox).toHaveLength(1);
      const mineWritten = byId.get(result.outbox[0] ?? NaN);
      expect(Number(mineWritten?.person_id)).toBe(row.personId);
      expect(mineWritten?.payload.toString()).toBe(`reply-${row.personId}`);
    }
    expect(await first.statsCounts(day, day)).toEqual(steps.map((step) => count(step, 68)));
    const shards = await raw.rows<{ n: string }>('SELECT COUNT(DISTINCT shard) AS n FROM stats_counts');
    expect(Number(shards[0]?.n)).toBeGreaterThan(10);
    await raw.close();
  });

  it('refuses a turn for a person another instance holds, and commits the turn beside it', async () => {
    const { store: first, raw, reopen } = await postgres.backend.open();
    const second = await reopen();
    await first.ingest([message('a-person', 'held-1'), message('b-person', 'held-2')], []);
    const [held, free] = await first.claimInbox(10, new Set());
    if (!held || !free) throw new Error('nothing claimed');
    // The second instance writes for a person only the first holds, beside a turn of its own (a new message).
    await first.releaseInbox([free.personId]);
    expect(await second.holdPerson(free.personId)).toBe(true);
    const [refused, committed] = await Promise.allSettled([
      second.commitTurn(held.personId, [{ op: 'inbox-done', inboxId: held.id }]),
      second.commitTurn(free.personId, [{ op: 'inbox-done', inboxId: free.id }]),
    ]);
    expect(refused.status === 'rejected' && refused.reason).toBeInstanceOf(TurnConflict);
    expect(committed.status).toBe('fulfilled');
    expect(await raw.count('inbox', 'processed_at IS NOT NULL')).toBe(1);
    await raw.close();
  });

  it('renews the lease of the person it commits for', async () => {
    const { store, raw } = await postgres.backend.open();
    await store.ingest([message('c-person', 'renew-1')], []);
    const [row] = await store.claimInbox(10, new Set());
    if (!row) throw new Error('nothing claimed');
    // Run out, but nobody took the person over: the turn still stands, and holds the person again.
    await raw.attempt(`UPDATE inbox_leases SET until = now() - interval '1 minute'`);
    await store.commitTurn(row.personId, [{ op: 'inbox-done', inboxId: row.id }]);
    expect(await raw.count('inbox_leases', 'until > now()')).toBe(1);
    await raw.close();
  });

  it('leaves a lease with more than half of it left as it is: locked by the turn, not rewritten', async () => {
    // A minute's lease: the periodic renewal (every 20 s) does not run during the test.
    const {
      store,
      client,
      claimed: [first, second],
    } = await twoClaimedWithLease('turns-fresh-lease', 60, [
      message('f-person', 'fresh-1'),
      message('f-person', 'fresh-2'),
    ]);
    try {
      const lease = async () => {
        const [row] = await client<{ version: string; left: number }[]>`
          SELECT ctid::text AS version, extract(epoch FROM until - now())::float8 AS left FROM inbox_leases`;
        return row;
      };
      const claimed = await lease();
      await store.commitTurn(first.personId, [{ op: 'inbox-done', inboxId: first.id }]);
      // The same row version: a turn moments after the claim writes no new expiry.
      expect((await lease())?.version).toBe(claimed?.version);
      // Past half of its life, the next turn renews it.
      await client`UPDATE inbox_leases SET until = now() + interval '20 seconds'`;
      await store.commitTurn(second.personId, [{ op: 'inbox-done', inboxId: second.id }]);
      expect((await lease())?.left).toBeGreaterThan(50);
    } finally {
      await client.end({ timeout: 1 });
    }
  });

  it('keeps renewing its other leases while a turn holds one of them', async () => {
    const {
      client,
      claimed: [busy, idle],
    } = await twoClaimedWithLease('turns-renewal', 1, [message('d-person', 'busy-1'), message('e-person', 'busy-2')]);
    try {
      const turn = await client.reserve();
      // A turn under way for one person: its lease row stays locked for longer than a lease lasts.
      await turn`BEGIN`;
      await turn`SELECT 1 FROM inbox_leases WHERE person_id = ${busy.personId} FOR NO KEY UPDATE`;
      await new Promise((resolve) => setTimeout(resolve, 1500));
      // Renewed every third of a second meanwhile: the other person's lease is still alive.
      const [alive] = await client<{ alive: boolean }[]>`
        SELECT until > now() AS alive FROM inbox_leases WHERE person_id = ${idle.personId}`;
      expect(alive?.alive).toBe(true);
      await turn`COMMIT`;
      turn.release();
    } finally {
      await client.end({ timeout: 1 });
    }
  });

  it('answers the turns of a statement that committed as committed, whatever another statement of the tick did', async () => {
    const { store, raw } = await postgres.backend.open();
    const people = Array.from({ length: 33 }, (_, index) => `review-${index}`);
    await store.ingest(
      people.map((phone, index) => message(phone, `review-m-${index}`)),
      [],
    );
    const rows = await store.claimInbox(100, new Set());
    expect(rows).toHaveLength(33);
    // 33 turns in one tick: 32 in the first statement, 1 in the second; only the second fails.
    const outcomes = await Promise.allSettled(
      rows.map((row, index) => {
        const ops: TurnOp[] = [{ op: 'inbox-done', inboxId: row.id }];
        if (index === 32) ops.push({ op: 'stats', counts: [refusedCount] });
        return store.commitTurn(row.personId, ops);
      }),
    );
    // The first statement committed its 32 turns...
    expect(await raw.count('inbox', 'processed_at IS NOT NULL')).toBe(32);
    // ...so their callers hear that they did; the one whose statement failed hears its own failure.
    expect(outcomes.slice(0, 32).map((outcome) => outcome.status)).toEqual(Array(32).fill('fulfilled'));
    expect(outcomes[32]?.status).toBe('rejected');
    await raw.close();
  });

  it('lets a turn stand when another turn of the same statement fails on its counts', async () => {
    const { store, raw } = await postgres.backend.open();
    const [good, bad] = await twoClaimed(store, 'review-a', 'review-b');
    const [kept, refused] = await Promise.allSettled([
      store.commitTurn(good.personId, [{ op: 'inbox-done', inboxId: good.id }]),
      store.commitTurn(bad.personId, [
        { op: 'inbox-done', inboxId: bad.id },
        { op: 'stats', counts: [refusedCount] },
      ]),
    ]);
    expect(refused.status).toBe('rejected');
    expect(kept.status).toBe('fulfilled');
    expect(await raw.count('inbox', 'processed_at IS NOT NULL')).toBe(1);
    await raw.close();
  });

  it('rolls back every write of a turn that fails after writing, and only that turn', async () => {
    const { store, raw } = await postgres.backend.open();
    const [good, bad] = await twoClaimed(store, 'review-c', 'review-d');
    const reply = (personId: number): TurnOp => ({
      op: 'outbox',
      kind: 'message',
      payload: Buffer.from(`r-${personId}`),
      createdAt: 1,
    });
    const [kept, refused] = await Promise.allSettled([
      store.commitTurn(good.personId, [{ op: 'inbox-done', inboxId: good.id }, reply(good.personId)]),
      // Writes first, then fails (no open handoff: AM003): the inbox row and the outbox row must go back.
      store.commitTurn(bad.personId, [
        { op: 'inbox-done', inboxId: bad.id },
        reply(bad.personId),
        { op: 'handoff-message', author: 'customer', payload: Buffer.from('x'), at: 1 },
      ]),
    ]);
    expect(kept.status).toBe('fulfilled');
    expect(refused.status === 'rejected' && (refused.reason as { code?: string }).code).toBe('AM003');
    expect(await raw.count('inbox', `processed_at IS NOT NULL AND id = ${bad.id}`)).toBe(0);
    expect(await raw.count('outbox', `person_id = ${bad.personId}`)).toBe(0);
    expect(await raw.count('outbox', `person_id = ${good.personId}`)).toBe(1);
    await raw.close();
  });
});
