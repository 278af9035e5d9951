import { afterAll, describe, expect, it } from 'vitest';
import type { IngestClaimer, InboxRow, Storage } from '../../runtime/store/storage.ts';
import sql from 'postgres';
import { InboxWorker } from '../../runtime/conversation/inbox-worker.ts';
import { PostgresStorage } from '../../runtime/store/postgres/storage.ts';
import { hash, message, storageBackends } from './helpers/storage-backends.ts';

/**
 * On PostgreSQL, writing a delivery also leases its senders for the instance that wrote it, when
 * nobody holds them, and hands their rows to its worker (Storage.claimWhenWriting): one round trip
 * instead of two between the webhook's 200 and the turn. What that must keep: one instance per
 * person at a time, each person's rows in order, the worker's say on whom it works on and how much
 * it can take, and nothing handed out twice by the same instance.
 */
const { backends, close, server, opened } = await storageBackends('claim-on-write');
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

/** Waits until `done` holds, up to `ms`; false if it never did. */
async function eventually(done: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

describe.skipIf(postgres.skip)('The inbox worker on PostgreSQL, when a lease cannot be given back', () => {
  it('processes a person’s next message after giving them back failed once', async () => {
    const { store, raw } = await postgres.backend.open();
    const processed: number[] = [];
    const errors: string[] = [];
    const worker = new InboxWorker({
      store,
      log: { info: () => undefined, warn: () => undefined, error: (event) => errors.push(event) },
      process: async (row) => {
        await store.commitTurn(row.personId, [{ op: 'inbox-done', inboxId: row.id }]);
        processed.push(row.id);
      },
    });
    worker.notify();
    // The next statement giving leases back fails (a dropped connection, a failover): the
    // database refuses it once, as a trigger raising an error.
    expect(
      await raw.attempt(`
        CREATE SEQUENCE review_release_failures;
        CREATE FUNCTION review_fail_once() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF nextval('review_release_failures') = 1 THEN RAISE EXCEPTION 'connection lost'; END IF;
          RETURN NULL;
        END $$;
        CREATE TRIGGER review_fail_once BEFORE DELETE ON inbox_leases
          FOR EACH STATEMENT EXECUTE FUNCTION review_fail_once();`),
    ).toBeUndefined();
    const first = await store.ingest([message('h', 'h-1')], []);
    if (!first.handedOver) worker.notify();
    expect(await eventually(() => processed.length === 1 && errors.includes('inbox-read-failed'), 5000)).toBe(true);
    // h writes again (the webhook wakes the worker unless the rows were handed over).
    const second = await store.ingest([message('h', 'h-2')], []);
    if (!second.handedOver) worker.notify();
    // Leases last a second here: whatever way it heals, it heals within a few.
    expect(await eventually(() => processed.length === 2, 6000)).toBe(true);
    expect(processed).toEqual([...first.inserted, ...second.inserted]);
    await worker.stop();
    await raw.close();
  }, 15_000);
});

describe.skipIf(postgres.skip)('The inbox worker on PostgreSQL, when a claim’s answer is lost', () => {
  it('processes the claimed person’s message once the lease it never heard of runs out', async () => {
    const { store, raw } = await postgres.backend.open();
    // Written the usual way (as by another instance, or when the worker had no room for it).
    const written = await store.ingest([message('k', 'k-1')], []);
    const processed: number[] = [];
    let lost = false;
    const worker = new InboxWorker({
      store: {
        shared: store.shared,
        access: store.access,
        claimWhenWriting: (claimer) => store.claimWhenWriting?.(claimer),
        holdPerson: (personId) => store.holdPerson(personId),
        releaseInbox: (personIds) => store.releaseInbox(personIds),
        commitTurn: (personId, ops) => store.commitTurn(personId, ops),
        // The connection drops after the claim committed, before its answer arrived (the driver
        // says the statement failed): the lease is taken, its rows never reach the worker.
        claimInbox: async (limit, held) => {
          const rows = await store.claimInbox(limit, held);
          if (lost || rows.length === 0) return rows;
          lost = true;
          throw new Error('connection lost');
        },
      },
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
      process: async (row) => {
        await store.commitTurn(row.personId, [{ op: 'inbox-done', inboxId: row.id }]);
        processed.push(row.id);
      },
    });
    worker.notify();
    expect(await eventually(() => lost, 5000)).toBe(true);
    // Leases last a second here: a lease nobody here works on must not be kept alive forever.
    expect(await eventually(() => processed.length === 1, 6000)).toBe(true);
    expect(processed).toEqual(written.inserted);
    await worker.stop();
    await raw.close();
  }, 15_000);
});

describe.skipIf(postgres.skip)('Deliveries leased as written, beside another instance’s turns', () => {
  it('never deadlocks with an erasing turn of the same person on another instance', async () => {
    const url = await (server?.database('claim-on-write') ?? Promise.reject(new Error('no server')));
    const open = async () => {
      const store = await PostgresStorage.open(url, { phoneNumber: '106540352242922', leaseSeconds: 1 });
      opened.push(store);
      return store;
    };
    const [other, writer] = [await open(), await open()];
    claimer(writer);
    const raw = sql(url, { max: 2, onnotice: () => undefined });
    await other.ingest([message('x', 'x-1')], []);
    const [row] = await other.claimInbox(10, new Set());
    if (!row) throw new Error('the other instance claimed nothing');
    // Something reading the person's row a moment (a foreign key check of another delivery)
    // holds the erasure at its lock on the person, after its turn locked the lease: the window
    // between a turn's first statement and its erasure's lock, made wide enough to meet.
    const client = await raw.reserve();
    await client`BEGIN`;
    await client`SELECT 1 FROM persons WHERE id = ${row.personId} FOR KEY SHARE`;
    const erasing = other.commitTurn(row.personId, [
      { op: 'inbox-done', inboxId: row.id },
      { op: 'erase', at: 2000 },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // x writes again, through this instance: the delivery is written as the erasure waits.
    const writing = writer.ingest([message('x', 'x-2')], []);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await client`COMMIT`;
    client.release();
    const outcomes = await Promise.allSettled([erasing, writing]);
    expect(outcomes.map((outcome) => (outcome.status === 'rejected' ? String(outcome.reason) : 'ok'))).toEqual([
      'ok',
      'ok',
    ]);
    // The erasure waited for the delivery and dropped it with the person's other waiting messages.
    expect(await raw`SELECT id FROM inbox WHERE payload IS NOT NULL`).toHaveLength(0);
    await raw.end();
  }, 15_000);
});
