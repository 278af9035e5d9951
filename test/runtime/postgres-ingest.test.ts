import { afterAll, describe, expect, it } from 'vitest';
import { hash, message, storageBackends } from './helpers/storage-backends.ts';

/**
 * Deliveries on PostgreSQL from senders an instance met lately are written in one round trip,
 * without asking who they are (runtime/store/postgres/known-people.ts). What that must not break:
 * a sender erased meanwhile by another instance, a sender whose id is someone else's after the
 * database went back in time, and redeliveries.
 */
const { backends, close } = await storageBackends('ingest');
afterAll(close);
const postgres = backends.find(({ backend }) => backend.name === 'PostgreSQL');
if (!postgres) throw new Error('the PostgreSQL backend is missing');

describe.skipIf(postgres.skip)('Deliveries on PostgreSQL from senders met before', () => {
  it('writes a message from someone another instance erased meanwhile, for the new person they now are', async () => {
    const { store: first, raw, reopen } = await postgres.backend.open();
    const second = await reopen();
    expect(await first.ingest([message('f-person', 'erased-1')], [])).toMatchObject({ duplicates: 0 });
    const [before] = await raw.rows<{ id: string }>('SELECT id FROM persons');
    expect(await second.erasePerson(hash('f-person'), Date.now())).toBe(true);
    // The first instance still knows the old person: the write must notice they are gone.
    const result = await first.ingest([message('f-person', 'erased-2')], []);
    expect(result.inserted).toHaveLength(1);
    const persons = await raw.rows<{ id: string }>('SELECT id FROM persons');
    expect(persons).toHaveLength(1);
    expect(persons[0]?.id).not.toBe(before?.id);
    const [row] = await raw.rows<{ person_id: string | null }>(
      `SELECT person_id FROM inbox WHERE id = ${result.inserted[0] ?? 0}`,
    );
    expect(row?.person_id).toBe(persons[0]?.id);
    // The message that waited when the person was erased went with them.
    expect(await raw.count('inbox', 'payload IS NOT NULL')).toBe(1);
    await raw.close();
  });

  it('counts redeliveries from a sender met before as duplicates, also twice in one batch', async () => {
    const { store, raw } = await postgres.backend.open();
    await store.ingest([message('g-person', 'again-1')], []);
    const result = await store.ingest(
      [message('g-person', 'again-1'), message('g-person', 'again-2'), message('g-person', 'again-2')],
      [],
    );
    expect(result.inserted).toHaveLength(1);
    expect(result.duplicates).toBe(2);
    expect(await raw.count('inbox')).toBe(2);
    await raw.close();
  });

  it('never files a message under someone else whose row now has the cached id', async () => {
    const { store: first, raw, reopen } = await postgres.backend.open();
    const second = await reopen();
    await first.ingest([message('p-person', 'restore-1')], []);
    const [p] = await raw.rows<{ id: string }>('SELECT id FROM persons');
    // What a pg_restore of a backup taken before P existed does to the rows and the sequence (the
    // instance kept running: its lock session came back, the master key is the same).
    await raw.attempt(`DELETE FROM persons WHERE id = ${p?.id}`);
    await raw.attempt(`SELECT setval('persons_id_seq', ${Number(p?.id)}, false)`);
    // Another customer writes first and gets P's old id.
    await second.ingest([message('q-person', 'restore-2')], []);
    const [q] = await raw.rows<{ id: string }>(`SELECT id FROM persons`);
    expect(q?.id).toBe(p?.id);
    // P writes again to the first instance, which still knows P by that id.
    const { inserted } = await first.ingest([message('p-person', 'restore-3')], []);
    const [row] = await raw.rows<{ phone_hash: Buffer }>(
      `SELECT p.phone_hash FROM inbox i JOIN persons p ON p.id = i.person_id WHERE i.id = ${inserted[0] ?? 0}`,
    );
    expect(row?.phone_hash.equals(hash('p-person'))).toBe(true);
    await raw.close();
  });
});
