import { afterAll, describe, expect, it } from 'vitest';
import { InboxWorker } from '../../runtime/conversation/inbox-worker.ts';
import { message, storageBackends } from './helpers/storage-backends.ts';

/**
 * The inbox worker on a real PostgreSQL store when a lease's bookkeeping goes wrong halfway: a
 * give-back that fails, a claim whose answer is lost with the connection. Each time the person's
 * messages must still be processed, once and in order, within a few lease periods.
 */
const { backends, close } = await storageBackends('worker-leases');
afterAll(close);
const postgres = backends.find(({ backend }) => backend.name === 'PostgreSQL');
if (!postgres) throw new Error('the PostgreSQL backend is missing');

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
    worker.notify();
    expect(await eventually(() => processed.length === 1 && errors.includes('inbox-read-failed'), 5000)).toBe(true);
    // h writes again, and the webhook wakes the worker.
    const second = await store.ingest([message('h', 'h-2')], []);
    worker.notify();
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
    const written = await store.ingest([message('k', 'k-1')], []);
    const processed: number[] = [];
    let lost = false;
    const worker = new InboxWorker({
      store: {
        shared: store.shared,
        access: store.access,
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
    // Leases last a second here: whatever way it heals, it heals within a few.
    expect(await eventually(() => processed.length === 1, 6000)).toBe(true);
    expect(processed).toEqual(written.inserted);
    await worker.stop();
    await raw.close();
  }, 15_000);
});
