import postgresClient from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { PostgresStorage } from '../../runtime/store/postgres/storage.ts';
import { hash, message, storageBackends } from './helpers/storage-backends.ts';

/**
 * An acknowledged message is never left without its person on PostgreSQL: when an erasure or the
 * purge meets a delivery being written for the same person at that moment, the message is either
 * dropped with the person (an erasure) or keeps them (the purge). Without that, the inbox row kept
 * its sealed payload and lost its person (ON DELETE SET NULL): never processed, never purged.
 */
const { server, opened, close } = await storageBackends('erase-race');
afterAll(close);

/** A store and a raw client on a new database, with one person who has one processed message. */
async function setUp(label: string) {
  const url = await server?.database(label);
  if (!url) throw new Error('no server');
  const store = await PostgresStorage.open(url, { phoneNumber: '106540352242922', leaseSeconds: 1 });
  opened.push(store);
  await store.ingest([message('h-person', `${label}-1`)], []);
  const [row] = await store.claimInbox(10, new Set());
  if (!row) throw new Error('nothing claimed');
  await store.commitTurn(row.personId, [{ op: 'inbox-done', inboxId: row.id }]);
  await store.releaseInbox([row.personId]);
  const client = postgresClient(url, { max: 3, onnotice: () => undefined });
  return { store, client, personId: row.personId };
}

/** A delivery written for the person by another instance, not committed yet: it holds the person's row. */
async function deliveryUnderWay(client: postgresClient.Sql, personId: number) {
  const delivery = await client.reserve();
  await delivery`BEGIN`;
  await delivery`INSERT INTO inbox (dedupe_hash, person_id, payload, received_at)
    VALUES (${Buffer.alloc(32, 'under-way')}, ${personId}, ${Buffer.from('sealed')}, 1)`;
  return delivery;
}

const orphans = async (client: postgresClient.Sql) =>
  Number((await client`SELECT count(*) AS n FROM inbox WHERE person_id IS NULL AND payload IS NOT NULL`)[0]?.n);

describe.skipIf(!server)('A delivery under way meets an erasure or the purge on PostgreSQL', () => {
  it('an erasure waits for the delivery and drops its message with the person', async () => {
    const { store, client } = await setUp('erase');
    const delivery = await deliveryUnderWay(client, (await store.findPerson(hash('h-person')))?.id ?? 0);
    const erased = store.erasePerson(hash('h-person'), Date.now());
    await new Promise((resolve) => setTimeout(resolve, 300));
    await delivery`COMMIT`;
    delivery.release();
    expect(await erased).toBe(true);
    expect(await orphans(client)).toBe(0);
    expect(Number((await client`SELECT count(*) AS n FROM persons`)[0]?.n)).toBe(0);
    await client.end({ timeout: 1 });
  });

  it('the purge leaves the person a delivery is being written for, and the message is processed', async () => {
    const { store, client, personId } = await setUp('purge');
    const delivery = await deliveryUnderWay(client, personId);
    const purged = store.purge(Date.now());
    await new Promise((resolve) => setTimeout(resolve, 300));
    await delivery`COMMIT`;
    delivery.release();
    await purged;
    expect(await orphans(client)).toBe(0);
    const [pending] = await store.claimInbox(10, new Set());
    expect(pending?.personId).toBe(personId);
    // With nothing under way, the purge forgets someone with nothing left.
    await store.commitTurn(personId, [{ op: 'inbox-done', inboxId: pending?.id ?? 0 }]);
    await store.releaseInbox([personId]);
    expect((await store.purge(Date.now())).persons).toBe(1);
    await client.end({ timeout: 1 });
  });
});
