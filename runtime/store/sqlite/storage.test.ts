import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteStorage } from './storage.ts';
import type { IngestMessage, PersonMaterial } from '../storage.ts';

const day = 24 * 60 * 60 * 1000;

function freshStore(): { store: SqliteStorage; file: string } {
  const file = join(mkdtempSync(join(tmpdir(), 'amana-store-')), 'amana.db');
  return { store: new SqliteStorage(file), file };
}

const material = (): PersonMaterial => ({ wrappedKey: randomBytes(60), phoneSealed: randomBytes(40) });
const hash = (label: string) => Buffer.alloc(32, label);

function message(phone: string, id: string, at = 1000): IngestMessage {
  return {
    dedupeHash: hash(`m-${id}`),
    phoneHash: hash(phone),
    receivedAt: at,
    newPerson: material,
    seal: () => randomBytes(50),
  };
}

describe('SqliteStorage', () => {
  it('writes the inbox once per message id and creates each sender once', async () => {
    const { store } = freshStore();
    const first = await store.ingest([message('a', '1'), message('a', '2'), message('b', '3'), message('a', '1')], []);
    expect(first.inserted).toHaveLength(3);
    expect(first.duplicates).toBe(1);
    const again = await store.ingest([message('b', '3')], []);
    expect(again).toEqual({ inserted: [], duplicates: 1 });
    expect((await store.counts()).persons).toBe(2);
    const pending = await store.pendingInbox(0, 10);
    expect(pending.map((row) => row.id)).toEqual(first.inserted);
  });

  it('groups writes of one tick into one transaction, and rolls back a failing one alone', async () => {
    const { store, file } = freshStore();
    const person = await store.ensurePerson(hash('a'), material);
    const results = await Promise.allSettled([
      store.commitTurn(person.id, [{ op: 'ledger', entry: { event: 'granted', purposes: ['support'], at: 1 } }]),
      store.commitTurn(person.id, [
        { op: 'field', key: 'email', value: randomBytes(20), collectedAt: 1, expiresAt: 2 },
        { op: 'handoff-message', author: 'customer', payload: randomBytes(10), at: 1 },
      ]),
      store.commitTurn(person.id, [{ op: 'ledger', entry: { event: 'declined', purposes: ['support'], at: 2 } }]),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT event FROM consent_ledger ORDER BY id').all()).toEqual([
      { event: 'granted' },
      { event: 'declined' },
    ]);
    // The failed turn's first write was rolled back with it.
    expect(db.prepare('SELECT COUNT(*) AS n FROM fields').get()).toEqual({ n: 0 });
    db.close();
  });

  it('erases the person mid-turn and carries on with a fresh person for the same number', async () => {
    const { store, file } = freshStore();
    const [inboxId] = (await store.ingest([message('a', '1'), message('a', '2')], [])).inserted;
    const person = await store.ensurePerson(hash('a'), material);
    await store.commitTurn(person.id, [
      { op: 'field', key: 'email', value: Buffer.from('sealed-email'), collectedAt: 1, expiresAt: 10 * day },
      { op: 'conversation', state: Buffer.from('sealed-state'), updatedAt: 1, expiresAt: 7 * day },
    ]);
    const result = await store.commitTurn(person.id, [
      { op: 'inbox-done', inboxId: inboxId ?? 0 },
      { op: 'erase', at: 5 },
      { op: 'new-person', material: material(), at: 5 },
      { op: 'outbox', kind: 'message', payload: Buffer.from('sealed-confirmation'), createdAt: 5 },
    ]);
    expect(result.erased).toBe(true);
    expect(result.personId).not.toBe(person.id);
    expect(await store.personContext(person.id)).toBeUndefined();
    const fresh = await store.findPerson(hash('a'));
    expect(fresh?.id).toBe(result.personId);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT COUNT(*) AS n FROM fields').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM conversations').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT person_id FROM outbox').all()).toEqual([{ person_id: result.personId }]);
    // The message queued behind the erasure was sealed under the deleted key: dropped, its dedupe key kept.
    expect(db.prepare('SELECT COUNT(*) AS n FROM inbox WHERE payload IS NOT NULL').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM inbox').get()).toEqual({ n: 2 });
    expect(db.prepare('SELECT event FROM consent_ledger').all()).toEqual([{ event: 'erased' }]);
    db.close();
  });

  it('offers each person’s oldest outbox row only, skipping busy people and rows not yet due', async () => {
    const { store } = freshStore();
    const a = await store.ensurePerson(hash('a'), material);
    const b = await store.ensurePerson(hash('b'), material);
    const c = await store.ensurePerson(hash('c'), material);
    const rows = [
      ...(
        await store.commitTurn(
          a.id,
          [1, 2].map((n) => ({
            op: 'outbox' as const,
            kind: 'message' as const,
            payload: Buffer.from(`a${n}`),
            createdAt: 100,
          })),
        )
      ).outbox,
      ...(await store.commitTurn(b.id, [{ op: 'outbox', kind: 'message', payload: Buffer.from('b1'), createdAt: 100 }]))
        .outbox,
      ...(await store.commitTurn(c.id, [{ op: 'outbox', kind: 'message', payload: Buffer.from('c1'), createdAt: 100 }]))
        .outbox,
    ];
    const [a1, a2, b1, c1] = rows;
    await store.outboxRetry(a1 ?? 0, 1, 5000, 'http 500');
    expect((await store.dueOutbox(1000, 10, new Set())).map((row) => row.id)).toEqual([b1, c1]);
    expect((await store.dueOutbox(1000, 10, new Set([b.id]))).map((row) => row.id)).toEqual([c1]);
    await store.outboxSent(b1 ?? 0);
    await store.outboxFailed(c1 ?? 0, 3, 'http 400 code 131026', 1000);
    // a2 waits behind a1 whatever its own time: the next moment anything can go is a1's retry.
    expect(await store.nextOutboxDue()).toBe(5000);
    expect((await store.dueOutbox(5000, 10, new Set())).map((row) => row.id)).toEqual([a1]);
    await store.outboxSent(a1 ?? 0);
    expect((await store.dueOutbox(5000, 10, new Set())).map((row) => row.id)).toEqual([a2]);
  });

  it('purges expired values and conversations, forgets people with nothing left, and ages out dedupe keys and statuses', async () => {
    const { store, file } = freshStore();
    const now = 1_000 * day;
    const [kept, old] = (
      await store.ingest(
        [message('a', 'kept', now), message('b', 'old', now)],
        [{ messageHash: hash('s'), status: 'read', at: now }],
      )
    ).inserted;
    const a = await store.ensurePerson(hash('a'), material);
    const b = await store.ensurePerson(hash('b'), material);
    await store.commitTurn(a.id, [
      { op: 'inbox-done', inboxId: kept ?? 0 },
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
    await store.commitTurn(b.id, [{ op: 'inbox-done', inboxId: old ?? 0 }]);

    expect(await store.purge(now + day)).toMatchObject({ fields: 0, conversations: 0, persons: 1 });
    expect(await store.findPerson(hash('b'))).toBeUndefined();
    expect(await store.purge(now + 3 * day)).toMatchObject({ fields: 1, conversations: 1, persons: 0 });
    // The dedupe keys age out after 8 days, the statuses after 30; processed_at is the real clock, so look far ahead.
    const report = await store.purge(Date.now() + 31 * day);
    expect(report).toMatchObject({ fields: 1, persons: 1, inboxKeys: 2, statuses: 1 });
    const db = new Database(file, { readonly: true });
    for (const table of ['persons', 'fields', 'conversations', 'inbox', 'statuses']) {
      expect({ table, rows: db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() }).toEqual({
        table,
        rows: { n: 0 },
      });
    }
    db.close();
  });

  it('keeps the consent ledger append-only, also through the storage’s own connection', async () => {
    const { store, file } = freshStore();
    await store.erasePerson(hash('nobody'), 1);
    const db = new Database(file);
    expect(() => db.prepare('UPDATE consent_ledger SET at = 2').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM consent_ledger').run()).toThrow(/append-only/);
    db.close();
    expect(await store.subjectRecords(hash('nobody'))).toMatchObject({
      ledger: [{ event: 'erased', purposes: [], at: 1 }],
      fields: [],
    });
    expect(await store.subjectRecords(hash('stranger'))).toBeUndefined();
  });

  it('refuses a database written by a newer runtime', () => {
    const { store, file } = freshStore();
    void store.close();
    const db = new Database(file);
    db.prepare("UPDATE meta SET value = ? WHERE key = 'schema'").run(Buffer.from('99'));
    db.close();
    expect(() => new SqliteStorage(file)).toThrow(/newer Amana runtime/);
  });
});
