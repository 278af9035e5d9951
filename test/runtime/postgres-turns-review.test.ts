import { afterAll, describe, expect, it } from 'vitest';
import type { StatsCount, TurnOp } from '../../runtime/store/storage.ts';
import { message, storageBackends } from './helpers/storage-backends.ts';

/**
 * Review of issue 16's batched turns (amana_turns): a turn's outcome must be its own. These fail on
 * main at 5d51338.
 */
const { backends, close } = await storageBackends('turns-review');
afterAll(close);
const postgres = backends.find(({ backend }) => backend.name === 'PostgreSQL');
if (!postgres) throw new Error('the PostgreSQL backend is missing');

/** A count the database refuses (stats_counts' CHECK on metric): the one way to make a statement fail on cue. */
const refusedCount = {
  day: '2026-04-01',
  scope: 'step',
  item: 'x',
  metric: 'bogus',
  count: 1,
} as unknown as StatsCount;

describe.skipIf(postgres.skip)('Batched turns on PostgreSQL (review)', () => {
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
    // ...so their callers must hear that they did (on main all 33 are rejected with the other statement's error).
    expect(outcomes.slice(0, 32).map((outcome) => outcome.status)).toEqual(Array(32).fill('fulfilled'));
    await raw.close();
  });

  it('lets a turn stand when another turn of the same statement fails on its counts', async () => {
    const { store, raw } = await postgres.backend.open();
    await store.ingest([message('review-a', 'review-a-1'), message('review-b', 'review-b-1')], []);
    const [good, bad] = await store.claimInbox(10, new Set());
    if (!good || !bad) throw new Error('nothing claimed');
    const [kept, refused] = await Promise.allSettled([
      store.commitTurn(good.personId, [{ op: 'inbox-done', inboxId: good.id }]),
      store.commitTurn(bad.personId, [
        { op: 'inbox-done', inboxId: bad.id },
        { op: 'stats', counts: [refusedCount] },
      ]),
    ]);
    expect(refused.status).toBe('rejected');
    // README: "each stands or fails alone"; on main the counts are added outside the turns' subtransactions.
    expect(kept.status).toBe('fulfilled');
    expect(await raw.count('inbox', 'processed_at IS NOT NULL')).toBe(1);
    await raw.close();
  });
  it('rolls back every write of a turn that fails after writing, and only that turn (passes on main)', async () => {
    const { store, raw } = await postgres.backend.open();
    await store.ingest([message('review-c', 'review-c-1'), message('review-d', 'review-d-1')], []);
    const [good, bad] = await store.claimInbox(10, new Set());
    if (!good || !bad) throw new Error('nothing claimed');
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
