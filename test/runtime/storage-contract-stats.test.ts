import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { TurnConflict, type StatsCount, type Storage } from '../../runtime/store/storage.ts';
import { message, storageBackends } from './helpers/storage-backends.ts';

/**
 * The aggregate counters of `stats` in the storage contract, on SQLite and a real PostgreSQL: a
 * turn's counts are committed with the turn or not at all, never go below zero, come back per day
 * and range without zeros, and the table takes nothing but a day, a scope, a step or purpose, one of
 * the known metrics and a count (and, on PostgreSQL, the number of the shard the count is in).
 */
const { backends, close } = await storageBackends('stats');
afterAll(close);

const count = (day: string, item: string, metric: StatsCount['metric'], n: number): StatsCount => ({
  day,
  scope: metric === 'granted' || metric === 'declined' ? 'purpose' : 'step',
  item,
  metric,
  count: n,
});

async function turnOf(store: Storage, phone: string, id: string) {
  await store.ingest([message(phone, id)], []);
  const rows = await store.claimInbox(10, new Set());
  const row = rows.find((candidate) => candidate.personId !== undefined) ?? rows[0];
  if (!row) throw new Error('nothing claimed');
  return row;
}

for (const { backend, skip } of backends) {
  describe.skipIf(skip)(`Storage contract, stats counters: ${backend.name}`, () => {
    it('adds a turn’s counts in its own commit, never below zero, and reads them back per range', async () => {
      const { store, raw } = await backend.open();
      const first = await turnOf(store, 'ana', '1');
      await store.commitTurn(first.personId, [
        { op: 'inbox-done', inboxId: first.id },
        {
          op: 'stats',
          counts: [
            count('2026-03-01', 'start', 'reached', 1),
            count('2026-03-01', 'consent', 'left', 1),
            count('2026-03-01', 'marketing', 'granted', 1),
          ],
        },
      ]);
      await store.releaseInbox([first.personId]);
      const second = await turnOf(store, 'ana', '2');
      await store.commitTurn(second.personId, [
        { op: 'inbox-done', inboxId: second.id },
        {
          op: 'stats',
          counts: [
            count('2026-03-01', 'consent', 'left', -1),
            count('2026-03-02', 'ask-email', 'left', 1),
            // A decrement of a counter never counted (a state from before the counters) stays at zero.
            count('2026-02-27', 'menu', 'left', -1),
          ],
        },
      ]);
      expect(await store.statsCounts('2026-03-01', '2026-03-02')).toEqual([
        count('2026-03-01', 'marketing', 'granted', 1),
        count('2026-03-01', 'start', 'reached', 1),
        count('2026-03-02', 'ask-email', 'left', 1),
      ]);
      expect(await store.statsCounts('2026-03-02', '2026-03-31')).toEqual([
        count('2026-03-02', 'ask-email', 'left', 1),
      ]);
      expect(await store.statsCounts('2026-02-01', '2026-02-28')).toEqual([]);
      expect(await raw.count('stats_counts', "item = 'menu' AND count = 0")).toBe(1);
      await raw.close();
    });

    it('writes no count when the turn is refused (the message was already processed)', async () => {
      const { store, raw } = await backend.open();
      const row = await turnOf(store, 'bruno', '1');
      await store.commitTurn(row.personId, [{ op: 'inbox-done', inboxId: row.id }]);
      await expect(
        store.commitTurn(row.personId, [
          { op: 'inbox-done', inboxId: row.id },
          { op: 'stats', counts: [count('2026-03-01', 'start', 'reached', 1)] },
        ]),
      ).rejects.toBeInstanceOf(TurnConflict);
      expect(await store.statsCounts('2026-01-01', '2026-12-31')).toEqual([]);
      expect(await raw.count('stats_counts')).toBe(0);
      await raw.close();
    });

    it('adds up many turns committed at once', async () => {
      const { store, raw } = await backend.open();
      const people = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'];
      await store.ingest(
        people.map((phone) => message(phone, phone)),
        [],
      );
      const rows = await store.claimInbox(100, new Set());
      expect(rows).toHaveLength(people.length);
      await Promise.all(
        rows.map((row, index) =>
          store.commitTurn(row.personId, [
            { op: 'inbox-done', inboxId: row.id },
            {
              op: 'stats',
              // Half list the counters in the other order: the store must not deadlock on them.
              counts:
                index % 2 === 0
                  ? [count('2026-03-05', 'start', 'reached', 1), count('2026-03-05', 'hello', 'reached', 1)]
                  : [count('2026-03-05', 'hello', 'reached', 1), count('2026-03-05', 'start', 'reached', 1)],
            },
          ]),
        ),
      );
      expect(await store.statsCounts('2026-03-05', '2026-03-05')).toEqual([
        count('2026-03-05', 'hello', 'reached', 8),
        count('2026-03-05', 'start', 'reached', 8),
      ]);
      await raw.close();
    });

    it('takes back what a conversation counted, across an erasure and the new person after it', async () => {
      const { store, raw } = await backend.open();
      const first = await turnOf(store, 'dora', '1');
      await store.commitTurn(first.personId, [
        { op: 'inbox-done', inboxId: first.id },
        { op: 'stats', counts: [count('2026-03-06', 'ask', 'left', 1), count('2026-03-06', 'menu', 'left', 1)] },
      ]);
      await store.releaseInbox([first.personId]);
      // Erased and gone on as someone new: the count the conversation left at `ask` is taken back in the same place.
      const second = await turnOf(store, 'dora', '2');
      const erased = await store.commitTurn(second.personId, [
        { op: 'inbox-done', inboxId: second.id },
        { op: 'erase', at: Date.parse('2026-03-06T12:00:00Z') },
        {
          op: 'new-person',
          material: { wrappedKey: randomBytes(60), phoneSealed: randomBytes(40) },
          at: Date.parse('2026-03-06T12:00:00Z'),
        },
        { op: 'stats', counts: [count('2026-03-06', 'ask', 'left', -1), count('2026-03-06', 'hello', 'left', 1)] },
      ]);
      await store.releaseInbox([second.personId, erased.personId]);
      // Erased with no one after: the count at `menu` is taken back too.
      const third = await turnOf(store, 'dora', '3');
      await store.commitTurn(third.personId, [
        { op: 'inbox-done', inboxId: third.id },
        { op: 'erase', at: Date.parse('2026-03-06T13:00:00Z') },
        { op: 'stats', counts: [count('2026-03-06', 'hello', 'left', -1), count('2026-03-06', 'menu', 'left', -1)] },
      ]);
      expect(await store.statsCounts('2026-03-06', '2026-03-06')).toEqual([]);
      await raw.close();
    });

    it('takes nothing but a day, a scope, a step or purpose, a known metric and a count', async () => {
      const { store, raw } = await backend.open();
      const row = await turnOf(store, 'carla', '1');
      await store.commitTurn(row.personId, [
        { op: 'inbox-done', inboxId: row.id },
        { op: 'stats', counts: [count('2026-03-01', 'start', 'reached', 1)] },
      ]);
      const [stored] = await raw.rows<Record<string, unknown>>('SELECT * FROM stats_counts');
      // PostgreSQL spreads a counter over shards (0–63) so that turns under way at once do not wait on one row.
      const shard = backend.name === 'PostgreSQL' ? ['shard'] : [];
      expect(Object.keys(stored ?? {}).sort()).toEqual(['count', 'day', 'item', 'metric', 'scope', ...shard]);
      if (shard.length > 0) expect(Number(stored?.['shard'])).toBeLessThan(64);
      const insert = (day: string, scope: string, metric: string) =>
        raw.attempt(
          `INSERT INTO stats_counts (day, scope, item, metric, count) VALUES ('${day}', '${scope}', 'x', '${metric}', 1)`,
        );
      expect(await insert('2026-03-01T10:15', 'step', 'reached')).toBeInstanceOf(Error);
      expect(await insert('2026-03-01', 'person', 'reached')).toBeInstanceOf(Error);
      expect(await insert('2026-03-01', 'step', 'phone')).toBeInstanceOf(Error);
      expect(await insert('2026-03-01', 'step', 'ended')).toBeUndefined();
      await raw.close();
    });
  });
}
