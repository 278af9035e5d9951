import { afterAll, describe, expect, it } from 'vitest';
import type { IngestClaimer, InboxRow, Storage } from '../../runtime/store/storage.ts';
import { hash, message, storageBackends } from './helpers/storage-backends.ts';

/**
 * On PostgreSQL, writing a delivery also leases its senders for the instance that wrote it, when
 * nobody holds them, and hands their rows to its worker (Storage.claimWhenWriting): one round trip
 * instead of two between the webhook's 200 and the turn. What that must keep: one instance per
 * person at a time, each person's rows in order, the worker's say on whom it works on and how much
 * it can take, and nothing handed out twice by the same instance.
 */
const { backends, close } = await storageBackends('claim-on-write');
afterAll(close);
const postgres = backends.find(({ backend }) => backend.name === 'PostgreSQL');
if (!postgres) throw new Error('the PostgreSQL backend is missing');

/** A worker's side of it: whom it works on, how much room it has, and what it was handed. */
function claimer(store: Storage, options: { held?: number[]; room?: number } = {}) {
  const held = new Set(options.held ?? []);
  const taken: InboxRow[][] = [];
  const asked: number[][] = [];
  const worker: IngestClaimer & { held: Set<number>; room: () => number } = {
    held,
    skip: () => held,
    room: () => options.room ?? 2000,
    take(rows, senders) {
      taken.push(rows);
      asked.push([...senders]);
      for (const row of rows) held.add(row.personId);
      return senders.every((personId) => held.has(personId));
    },
  };
  if (!store.claimWhenWriting) throw new Error('the PostgreSQL store claims nothing as it writes');
  store.claimWhenWriting(worker);
  return { worker, taken, asked };
}

describe.skipIf(postgres.skip)('Deliveries on PostgreSQL leased for the instance that writes them', () => {
  it('hands the new rows of senders nobody holds to the worker, in order, and no other instance gets them', async () => {
    const { store: first, reopen, raw } = await postgres.backend.open();
    const second = await reopen();
    const { worker, taken, asked } = claimer(first);
    const result = await first.ingest([message('a', 'a-1'), message('b', 'b-1'), message('a', 'a-2')], []);
    expect(result.handedOver).toBe(true);
    expect(taken.flat().map((row) => row.id)).toEqual(result.inserted);
    const a = await first.findPerson(hash('a'));
    const b = await first.findPerson(hash('b'));
    expect(new Set(asked.flat())).toEqual(new Set([a?.id, b?.id]));
    // Done with b, and b given back: b's next message, from someone met before (one round trip), the same.
    const [bRow] = taken.flat().filter((row) => row.personId === b?.id);
    await first.commitTurn(b?.id ?? 0, [{ op: 'inbox-done', inboxId: bRow?.id ?? 0 }]);
    await first.releaseInbox([b?.id ?? 0]);
    worker.held.delete(b?.id ?? 0);
    const again = await first.ingest([message('b', 'b-2')], []);
    expect(again.handedOver).toBe(true);
    expect(taken.at(-1)?.map((row) => row.id)).toEqual(again.inserted);
    expect(await second.claimInbox(10, new Set())).toEqual([]);
    const leases = await raw.rows<{ n: string }>(`SELECT count(*) AS n FROM inbox_leases`);
    expect(Number(leases[0]?.n)).toBe(2);
    await raw.close();
  });

  it('leaves senders another instance holds to it, and says the inbox must be read for them', async () => {
    const { store: first, reopen, raw } = await postgres.backend.open();
    const second = await reopen();
    await second.ingest([message('c', 'c-1')], []);
    const [held] = await second.claimInbox(10, new Set());
    const { taken } = claimer(first);
    const result = await first.ingest([message('c', 'c-2'), message('d', 'd-1')], []);
    expect(result.handedOver).toBeUndefined();
    const d = await first.findPerson(hash('d'));
    expect(taken.flat().map((row) => row.personId)).toEqual([d?.id]);
    // Once the other instance is done and gives c back, c's later message is claimed the usual way.
    await second.commitTurn(held?.personId ?? 0, [{ op: 'inbox-done', inboxId: held?.id ?? 0 }]);
    await second.releaseInbox([held?.personId ?? 0]);
    expect((await first.claimInbox(10, new Set())).map((row) => row.id)).toEqual([result.inserted[0]]);
    await raw.close();
  });

  it('leases nobody the worker works on already, nor anyone when it has no room', async () => {
    const { store, raw } = await postgres.backend.open();
    await store.ingest([message('e', 'e-1')], []);
    const e = await store.findPerson(hash('e'));
    const busy = claimer(store, { held: [e?.id ?? 0] });
    const result = await store.ingest([message('e', 'e-2')], []);
    // e is being worked on here: their new row waits for them, and nobody needs to read the inbox.
    expect(busy.taken.flat()).toEqual([]);
    expect(result.handedOver).toBe(true);
    const full = claimer(store, { room: 0 });
    const later = await store.ingest([message('f', 'f-1')], []);
    expect(full.taken).toEqual([]);
    expect(later.handedOver).toBeUndefined();
    expect(await raw.count('inbox_leases')).toBe(0);
    await raw.close();
  });

  it('does not hand out again, through the usual claim, a person it leased as it wrote', async () => {
    const { store, raw } = await postgres.backend.open();
    const { taken } = claimer(store);
    await store.ingest([message('g', 'g-1')], []);
    expect(taken.flat()).toHaveLength(1);
    // The worker's next read of the inbox skips the people it holds; even asked without them, the
    // store does not give the same rows out a second time while this instance leases the person.
    expect(await store.claimInbox(10, new Set())).toEqual([]);
    await raw.close();
  });
});
