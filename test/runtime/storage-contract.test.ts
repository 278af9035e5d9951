import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { migrations } from '../../runtime/store/postgres/migrations.ts';
import { PostgresStorage } from '../../runtime/store/postgres/storage.ts';
import { TurnConflict, type IngestMessage, type PersonMaterial, type Storage } from '../../runtime/store/storage.ts';
import { storageBackends } from './helpers/storage-backends.ts';

/**
 * The contract of runtime/store/storage.ts, run against SQLite and a real PostgreSQL: what one
 * store does, the other does (the backends: ./helpers/storage-backends.ts).
 */
const day = 24 * 60 * 60 * 1000;
const material = (): PersonMaterial => ({ wrappedKey: randomBytes(60), phoneSealed: randomBytes(40) });
const hash = (label: string) => Buffer.alloc(32, label);
const fast = 1000;

function message(phone: string, id: string, at = 1000): IngestMessage {
  return {
    dedupeHash: hash(`m-${id}`),
    phoneHash: hash(phone),
    receivedAt: at,
    newPerson: material,
    seal: () => randomBytes(50),
  };
}

const { backends, server, opened, close } = await storageBackends('contract');
afterAll(close);

for (const { backend, skip } of backends) {
  describe.skipIf(skip)(`Storage contract: ${backend.name}`, () => {
    it('writes the inbox once per message id, creates each sender once, and hands out their rows in order', async () => {
      const { store, raw } = await backend.open();
      const first = await store.ingest(
        [message('a', '1'), message('a', '2'), message('b', '3'), message('a', '1')],
        [],
      );
      expect(first.inserted).toHaveLength(3);
      expect(first.duplicates).toBe(1);
      const again = await store.ingest([message('b', '3')], []);
      expect(again).toEqual({ inserted: [], duplicates: 1 });
      expect((await store.counts()).persons).toBe(2);
      const claimed = await store.claimInbox(10, new Set());
      expect(claimed.map((row) => row.id)).toEqual(first.inserted);
      // Rows of people being worked on are not handed out again.
      const a = await store.findPerson(hash('a'));
      expect((await store.claimInbox(10, new Set([a?.id ?? 0]))).map((row) => row.personId)).not.toContain(a?.id);
      expect(await raw.count('inbox')).toBe(3);
      await raw.close();
    });

    it('commits a turn once: its message marked done a second time is a conflict and writes nothing', async () => {
      const { store, raw } = await backend.open();
      const [inboxId] = (await store.ingest([message('a', '1')], [])).inserted;
      const [row] = await store.claimInbox(10, new Set());
      expect(row?.id).toBe(inboxId);
      const turn = (text: string) => [
        { op: 'inbox-done' as const, inboxId: inboxId ?? 0 },
        { op: 'outbox' as const, kind: 'message' as const, payload: Buffer.from(text), createdAt: 1 },
      ];
      await store.commitTurn(row?.personId ?? 0, turn('first'));
      await expect(store.commitTurn(row?.personId ?? 0, turn('second'))).rejects.toBeInstanceOf(TurnConflict);
      expect(await raw.count('outbox')).toBe(1);
      expect(await store.claimInbox(10, new Set())).toEqual([]);
      await raw.close();
    });

    it('rolls back a failing turn alone', async () => {
      const { store, raw } = await backend.open();
      const person = await store.ensurePerson(hash('a'), material);
      expect(await store.holdPerson(person.id)).toBe(true);
      const results = await Promise.allSettled([
        store.commitTurn(person.id, [{ op: 'ledger', entry: { event: 'granted', purposes: ['support'], at: 1 } }]),
        store.commitTurn(person.id, [
          { op: 'field', key: 'email', value: randomBytes(20), collectedAt: 1, expiresAt: 2 },
          { op: 'handoff-message', author: 'customer', payload: randomBytes(10), at: 1 },
        ]),
        store.commitTurn(person.id, [{ op: 'ledger', entry: { event: 'declined', purposes: ['support'], at: 2 } }]),
      ]);
      expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(
        (await raw.rows<{ event: string }>('SELECT event FROM consent_ledger ORDER BY id')).map((r) => r.event),
      ).toEqual(['granted', 'declined']);
      // The failed turn's first write was rolled back with it.
      expect(await raw.count('fields')).toBe(0);
      await raw.close();
    });

    it('erases the person mid-turn and carries on with a fresh person for the same number', async () => {
      const { store, raw } = await backend.open();
      await store.ingest([message('a', '1'), message('a', '2')], []);
      const [row] = await store.claimInbox(10, new Set());
      const personId = row?.personId ?? 0;
      await store.commitTurn(personId, [
        { op: 'field', key: 'email', value: Buffer.from('sealed-email'), collectedAt: 1, expiresAt: 10 * day },
        { op: 'conversation', state: Buffer.from('sealed-state'), updatedAt: 1, expiresAt: 7 * day },
      ]);
      const result = await store.commitTurn(personId, [
        { op: 'inbox-done', inboxId: row?.id ?? 0 },
        { op: 'erase', at: 5 },
        { op: 'new-person', material: material(), at: 5 },
        { op: 'outbox', kind: 'message', payload: Buffer.from('sealed-confirmation'), createdAt: 5 },
      ]);
      expect(result.erased).toBe(true);
      expect(result.personId).not.toBe(personId);
      expect(await store.personContext(personId)).toBeUndefined();
      expect((await store.findPerson(hash('a')))?.id).toBe(result.personId);
      expect(await raw.count('fields')).toBe(0);
      expect(await raw.count('conversations')).toBe(0);
      expect(
        (await raw.rows<{ person_id: unknown }>('SELECT person_id FROM outbox')).map((r) => Number(r.person_id)),
      ).toEqual([result.personId]);
      // The message queued behind the erasure was sealed under the deleted key: dropped, its dedupe key kept.
      expect(await raw.count('inbox', 'payload IS NOT NULL')).toBe(0);
      expect(await raw.count('inbox')).toBe(2);
      expect((await raw.rows<{ event: string }>('SELECT event FROM consent_ledger')).map((r) => r.event)).toEqual([
        'erased',
      ]);
      await raw.close();
    });

    it('offers each person’s oldest outbox row only, skipping busy people and rows not yet due', async () => {
      const { store } = await backend.open();
      const ids: Record<string, number> = {};
      for (const label of ['a', 'b', 'c']) {
        const person = await store.ensurePerson(hash(label), material);
        ids[label] = person.id;
        expect(await store.holdPerson(person.id)).toBe(true);
      }
      const queue = async (label: string, count: number) =>
        (
          await store.commitTurn(
            ids[label] ?? 0,
            Array.from({ length: count }, (_, n) => ({
              op: 'outbox' as const,
              kind: 'message' as const,
              payload: Buffer.from(`${label}${n}`),
              createdAt: 100,
            })),
          )
        ).outbox;
      const [a1, a2] = await queue('a', 2);
      const [b1] = await queue('b', 1);
      const [c1] = await queue('c', 1);
      const due = async (now: number, busy: number[] = []) =>
        (await store.dueOutbox(now, 10, new Set(busy), fast)).rows.map((row) => row.id);
      expect(await due(1000)).toEqual([a1, b1, c1]);
      await store.outboxRetry(a1 ?? 0, 1, 5000, 'http 500');
      await store.outboxRetry(b1 ?? 0, 1, 1000, 'http 500');
      await store.outboxRetry(c1 ?? 0, 1, 1000, 'http 500');
      expect(await due(1000, [ids['b'] ?? 0])).toEqual([c1]);
      expect(await due(1000, [ids['c'] ?? 0])).toEqual([b1]);
      await store.outboxSent(b1 ?? 0);
      await store.outboxFailed(c1 ?? 0, 3, 'http 400 code 131026', 1000);
      // a2 waits behind a1 whatever its own time: the next moment anything can go is a1's retry.
      expect(await store.nextOutboxDue()).toBe(5000);
      // A claim that finds nothing says so itself; one that takes rows does not need to.
      expect(await store.dueOutbox(1000, 10, new Set(), fast)).toEqual({ rows: [], waitMs: 0, nextDueAt: 5000 });
      expect(await due(5000)).toEqual([a1]);
      await store.outboxSent(a1 ?? 0);
      const last = await store.dueOutbox(5000, 10, new Set(), fast);
      expect(last.rows.map((row) => row.id)).toEqual([a2]);
      expect(last.nextDueAt).toBeUndefined();
      await store.outboxSent(a2 ?? 0);
      expect(await store.dueOutbox(5000, 10, new Set(), fast)).toEqual({ rows: [], waitMs: 0 });
    });

    it('hands out no more rows a second than the send rate allows, and says when to ask again', async () => {
      const { store } = await backend.open();
      for (let n = 0; n < 8; n += 1) {
        const person = await store.ensurePerson(hash(`p${n}`), material);
        await store.holdPerson(person.id);
        await store.commitTurn(person.id, [{ op: 'outbox', kind: 'message', payload: Buffer.from('x'), createdAt: 1 }]);
      }
      const first = await store.dueOutbox(10, 8, new Set(), 5);
      expect(first.rows).toHaveLength(5);
      expect(first.waitMs).toBeGreaterThan(0);
      expect(first.waitMs).toBeLessThanOrEqual(200);
    });

    it('purges expired values and conversations, forgets people with nothing left, and ages out dedupe keys and statuses', async () => {
      const { store, raw } = await backend.open();
      const now = 1_000 * day;
      await store.ingest(
        [message('a', 'kept', now), message('b', 'old', now)],
        [{ messageHash: hash('s'), status: 'read', at: now }],
      );
      const rows = await store.claimInbox(10, new Set());
      const [kept, old] = rows;
      await store.commitTurn(kept?.personId ?? 0, [
        { op: 'inbox-done', inboxId: kept?.id ?? 0 },
        { op: 'field', key: 'where', value: randomBytes(8), collectedAt: now, expiresAt: now + 2 * day },
        { op: 'field', key: 'email', value: randomBytes(8), collectedAt: now, expiresAt: now + 30 * day },
        {
          op: 'conversation',
          state: randomBytes(8),
          updatedAt: now,
          valuesExpireAt: now + 2 * day,
          expiresAt: now + 2 * day,
        },
      ]);
      await store.commitTurn(old?.personId ?? 0, [{ op: 'inbox-done', inboxId: old?.id ?? 0 }]);
      await store.releaseInbox(rows.map((row) => row.personId));

      expect(await store.purge(now + day)).toMatchObject({ fields: 0, conversations: 0, persons: 1 });
      expect(await store.findPerson(hash('b'))).toBeUndefined();
      expect(await store.purge(now + 3 * day)).toMatchObject({ fields: 1, conversations: 1, persons: 0 });
      // The dedupe keys age out after 8 days, the statuses after 30; processed_at is the real clock, so look far ahead.
      expect(await store.purge(Date.now() + 31 * day)).toMatchObject({
        fields: 1,
        persons: 1,
        inboxKeys: 2,
        statuses: 1,
      });
      for (const table of ['persons', 'fields', 'conversations', 'inbox', 'statuses'])
        expect({ table, rows: await raw.count(table) }).toEqual({ table, rows: 0 });
      await raw.close();
    });

    it('keeps the consent ledger append-only, also against the database’s own users', async () => {
      const { store, raw } = await backend.open();
      await store.erasePerson(hash('nobody'), 1);
      expect(await raw.attempt('UPDATE consent_ledger SET at = 2')).toMatchObject({
        message: expect.stringMatching(/append-only/),
      });
      expect(await raw.attempt('DELETE FROM consent_ledger')).toMatchObject({
        message: expect.stringMatching(/append-only/),
      });
      expect(await store.subjectRecords(hash('nobody'))).toMatchObject({
        ledger: [{ event: 'erased', purposes: [], at: 1 }],
        fields: [],
      });
      expect(await store.subjectRecords(hash('stranger'))).toBeUndefined();
      await raw.close();
    });

    it('keeps each consent answer with the flow version and the purpose wording it was given for', async () => {
      const { store, raw } = await backend.open();
      const person = await store.ensurePerson(hash('a'), material);
      expect(await store.holdPerson(person.id)).toBe(true);
      const wording = { support: 'a'.repeat(64), marketing: 'b'.repeat(64) };
      await store.commitTurn(person.id, [
        {
          op: 'ledger',
          entry: {
            event: 'granted',
            purposes: ['support', 'marketing'],
            nodeId: 'ask',
            flowVersion: 'f1',
            wording,
            at: 1,
          },
        },
      ]);
      await store.commitTurn(person.id, [{ op: 'ledger', entry: { event: 'opted-out', purposes: [], at: 2 } }]);
      await store.erasePerson(hash('a'), 3);
      const ledger = [
        { event: 'granted', purposes: ['support', 'marketing'], nodeId: 'ask', flowVersion: 'f1', wording, at: 1 },
        { event: 'opted-out', purposes: [], at: 2 },
        { event: 'erased', purposes: [], at: 3 },
      ];
      // Also after the erasure: the ledger is evidence and outlives the person.
      expect(await store.consentLedger(hash('a'))).toEqual(ledger);
      expect(await store.subjectRecords(hash('a'))).toMatchObject({ ledger });
      expect(await store.consentLedger(hash('stranger'))).toEqual([]);
      expect(
        await raw.rows<{ flow_version: string | null }>('SELECT flow_version FROM consent_ledger ORDER BY id'),
      ).toEqual([{ flow_version: 'f1' }, { flow_version: null }, { flow_version: null }]);
      await raw.close();
    });

    it('reports how long the oldest unprocessed message has waited', async () => {
      const { store } = await backend.open();
      expect(await store.health(5000)).toEqual({ inboxLagMs: 0 });
      await store.ingest([message('a', '1', 1000), message('b', '2', 3000)], []);
      expect(await store.health(5000)).toEqual({ inboxLagMs: 4000 });
    });
  });
}

/** One outbox row each for `count` new people (named `label` and a number), due at once. */
async function queueOutbox(store: Storage, count: number, label: string): Promise<void> {
  for (let n = 0; n < count; n += 1) {
    const person = await store.ensurePerson(hash(`${label}${n}`), material);
    await store.holdPerson(person.id);
    await store.commitTurn(person.id, [{ op: 'outbox', kind: 'message', payload: Buffer.from('x'), createdAt: 1 }]);
  }
}

describe.skipIf(!server)('Storage on PostgreSQL: several instances on one database', () => {
  const database = () => server?.database('instances') ?? Promise.reject(new Error('no server'));
  const open = async (url: string) => {
    const store = await PostgresStorage.open(url, { phoneNumber: '106540352242922', leaseSeconds: 1 });
    opened.push(store);
    return store;
  };

  it('migrates once when instances start at the same moment, and refuses a newer schema', async () => {
    const url = await database();
    await Promise.all([open(url), open(url), open(url)]);
    const client = postgres(url, { max: 1, onnotice: () => undefined });
    expect(await client`SELECT version FROM schema_migrations ORDER BY version`).toEqual(
      migrations.map(({ version }) => ({ version })),
    );
    await client`INSERT INTO schema_migrations (version, name) VALUES (99, 'from the future')`;
    await client.end();
    await expect(open(url)).rejects.toThrow(/newer Amana runtime/);
  });

  it('gives a person to one instance at a time, and to another once its lease ran out', async () => {
    const url = await database();
    const [a, b] = [await open(url), await open(url)];
    await a.ingest([message('p', '1'), message('q', '2'), message('r', '3')], []);
    const rowsA = await a.claimInbox(1, new Set());
    expect(rowsA).toHaveLength(1);
    const rowsB = await b.claimInbox(1, new Set());
    expect(rowsB).toHaveLength(1);
    expect(rowsB[0]?.personId).not.toBe(rowsA[0]?.personId);
    // b cannot commit a turn for a's person, nor hold them for an agent…
    const turn = [{ op: 'inbox-done' as const, inboxId: rowsA[0]?.id ?? 0 }];
    await expect(b.commitTurn(rowsA[0]?.personId ?? 0, turn)).rejects.toBeInstanceOf(TurnConflict);
    expect(await b.holdPerson(rowsA[0]?.personId ?? 0)).toBe(false);
    // …and a clean stop gives a's people back at once.
    await a.close();
    expect((await b.claimInbox(10, new Set([rowsB[0]?.personId ?? 0]))).map((row) => row.id)).toEqual([
      rowsA[0]?.id,
      3,
    ]);
    await b.commitTurn(rowsA[0]?.personId ?? 0, turn);
    // A crashed instance renews nothing: its lease runs out and its person goes to another.
    const client = postgres(url, { max: 1, onnotice: () => undefined });
    await b.ingest([message('s', '4')], []);
    const s = await b.findPerson(hash('s'));
    await client`INSERT INTO inbox_leases (person_id, owner, until) VALUES (${s?.id ?? 0}, 'crashed', now() + interval '1 second')`;
    const held = new Set([rowsA[0]?.personId ?? 0, rowsB[0]?.personId ?? 0, (await b.findPerson(hash('r')))?.id ?? 0]);
    expect(await b.claimInbox(10, held)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await b.claimInbox(10, held)).map((row) => row.personId)).toEqual([s?.id]);
    await client.end();
  });

  it('sends each outbox row from one instance and shares the business number’s send rate', async () => {
    const url = await database();
    const [a, b] = [await open(url), await open(url)];
    await queueOutbox(a, 6, 'r');
    const [fromA, fromB] = await Promise.all([a.dueOutbox(10, 10, new Set(), 4), b.dueOutbox(10, 10, new Set(), 4)]);
    const ids = [...fromA.rows, ...fromB.rows].map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    // 4 a second for the number, not 4 per instance.
    expect(ids).toHaveLength(4);
  });

  it('never refills the send rate for time another instance already counted', async () => {
    const url = await database();
    const [a, b] = [await open(url), await open(url)];
    await queueOutbox(a, 20, 'o');
    // 10 a second: a takes the whole second's worth.
    expect((await a.dueOutbox(10, 10, new Set(), 10)).rows).toHaveLength(10);
    // b's claim starts while another claim holds the bucket; that one began after b's and, when it
    // commits, has spent everything up to its own start (half a second after b's).
    const client = postgres(url, { max: 1, onnotice: () => undefined });
    const reserved = await client.reserve();
    await reserved`BEGIN`;
    await reserved`SELECT tokens FROM send_buckets FOR UPDATE`;
    const fromB = b.dueOutbox(10, 10, new Set(), 10);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await reserved`UPDATE send_buckets SET tokens = 0, refilled_at = clock_timestamp()`;
    await reserved`COMMIT`;
    reserved.release();
    await client.end();
    expect((await fromB).rows).toHaveLength(0);
    // Right after, the bucket was empty a moment ago: at most one more row, not the half second
    // b's claim counted again by setting the refill back to its own start.
    expect((await a.dueOutbox(10, 10, new Set(), 10)).rows.length).toBeLessThanOrEqual(1);
  });

  it('lets an instance that finds nothing to send go on while another holds the send rate', async () => {
    const url = await database();
    const [a, b] = [await open(url), await open(url)];
    const person = await a.ensurePerson(hash('q'), material);
    await a.holdPerson(person.id);
    await a.commitTurn(person.id, [{ op: 'outbox', kind: 'message', payload: Buffer.from('x'), createdAt: 1 }]);
    expect((await a.dueOutbox(10, 10, new Set(), 4)).rows).toHaveLength(1);
    // Another instance in the middle of a claim: the number's bucket is locked until it commits.
    const client = postgres(url, { max: 1, onnotice: () => undefined });
    const reserved = await client.reserve();
    await reserved`BEGIN`;
    await reserved`SELECT tokens FROM send_buckets FOR UPDATE`;
    const answer = b.dueOutbox(10, 10, new Set(), 4).then((due) => ({ due }));
    const waited = new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 2000));
    const first = await Promise.race([answer, waited]);
    await reserved`COMMIT`;
    reserved.release();
    await client.end();
    // The only row is out (claimed by a, so nothing is due either): b answers at once, with nothing.
    expect(first).toEqual({ due: { rows: [], waitMs: 0 } });
  });

  it('purges from one instance at a time', async () => {
    const url = await database();
    const store = await open(url);
    const client = await postgres(url, { max: 1, onnotice: () => undefined }).reserve();
    await client`SELECT pg_advisory_lock(${0x616d616e62}::bigint)`;
    await store.ensurePerson(hash('idle'), material);
    expect(await store.purge(Date.now())).toMatchObject({ persons: 0 });
    await client`SELECT pg_advisory_unlock(${0x616d616e62}::bigint)`;
    expect(await store.purge(Date.now())).toMatchObject({ persons: 1 });
    client.release();
  });
});
