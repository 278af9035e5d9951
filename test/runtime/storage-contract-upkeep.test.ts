import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { PersonMaterial } from '../../runtime/store/storage.ts';
import { storageBackends } from './helpers/storage-backends.ts';

/**
 * The erasure journal, its replay and the re-wrapping of person keys, on SQLite and a real
 * PostgreSQL (../../runtime/store/storage.ts): what one store does, the other does.
 */
const material = (): PersonMaterial => ({ wrappedKey: randomBytes(60), phoneSealed: randomBytes(40) });
const hash = (label: string) => Buffer.alloc(32, label);

const { backends, close } = await storageBackends('upkeep');
afterAll(close);

for (const { backend, skip } of backends) {
  describe.skipIf(skip)(`Storage upkeep: ${backend.name}`, () => {
    it('journals every erasure as a keyed hash and a time, append-only', async () => {
      const { store, raw } = await backend.open();
      const person = await store.ensurePerson(hash('a'), material);
      expect(await store.erasePerson(hash('a'), 5000)).toBe(true);
      expect(await store.erasePerson(hash('never-seen'), 6000)).toBe(false);
      // An erasure within a turn (the keyword, an erase step) is journalled too.
      const other = await store.ensurePerson(hash('b'), material);
      expect(await store.holdPerson(other.id)).toBe(true);
      await store.commitTurn(other.id, [{ op: 'erase', at: 7000 }]);
      expect(await store.erasureJournal()).toEqual([
        { subject: hash('a'), at: 5000 },
        { subject: hash('never-seen'), at: 6000 },
        { subject: hash('b'), at: 7000 },
      ]);
      // Nothing else is in the table: the keyed hash and the time.
      const stored = await raw.rows<Record<string, unknown>>('SELECT * FROM erasure_journal ORDER BY id');
      expect(stored.map((row) => Object.keys(row).sort())).toEqual(Array(3).fill(['at', 'id', 'subject']));
      expect(stored.map((row) => [row['subject'], Number(row['at'])])).toEqual([
        [hash('a'), 5000],
        [hash('never-seen'), 6000],
        [hash('b'), 7000],
      ]);
      expect(await raw.attempt('DELETE FROM erasure_journal')).toBeInstanceOf(Error);
      expect(await raw.attempt('UPDATE erasure_journal SET at = 0')).toBeInstanceOf(Error);
      expect(person.id).toBeGreaterThan(0);
    });

    it('replays a journal: erases whoever was known before the entry, keeps who came back after, twice the same', async () => {
      const { store, raw } = await backend.open();
      // As in a restored backup: a, b and c were known at times 1000..3000.
      const a = await store.ensurePerson(hash('a'), material);
      const b = await store.ensurePerson(hash('b'), material);
      expect(await store.holdPerson(a.id)).toBe(true);
      await store.commitTurn(a.id, [
        { op: 'field', key: 'name', value: randomBytes(30), collectedAt: 1000, expiresAt: 9e12 },
        { op: 'outbox', kind: 'message', payload: randomBytes(20), createdAt: 1000 },
      ]);
      const createdAt = (
        await raw.rows<{ created_at: number | string }>(`SELECT created_at FROM persons WHERE id = ${b.id}`)
      )[0]?.created_at;
      const later = Number(createdAt) + 60_000;
      const journal = [
        { subject: hash('a'), at: later },
        // b came back after this erasure (first seen later than it): b stays.
        { subject: hash('b'), at: Number(createdAt) - 60_000 },
        { subject: hash('z'), at: later },
      ];
      expect(await store.replayErasures(journal)).toEqual({ erased: 1, recorded: 3 });
      expect(await store.findPerson(hash('a'))).toBeUndefined();
      expect(await store.findPerson(hash('b'))).toBeDefined();
      expect(await raw.count('fields')).toBe(0);
      expect(await raw.count('outbox')).toBe(0);
      const records = await store.subjectRecords(hash('a'));
      expect(records?.person).toBeUndefined();
      expect(records?.ledger).toEqual([{ event: 'erased', purposes: [], at: later }]);
      expect(await store.replayErasures(journal)).toEqual({ erased: 0, recorded: 0 });
      expect((await store.subjectRecords(hash('a')))?.ledger).toHaveLength(1);
      expect(await store.erasureJournal()).toHaveLength(3);
    });

    it('hands out the persons not yet re-wrapped by a key, in batches, until none is left', async () => {
      const { store, raw } = await backend.open();
      const people = [];
      for (const label of ['p', 'q', 'r', 's', 't']) people.push(await store.ensurePerson(hash(label), material));
      const first = await store.personsNotWrappedBy('k2', 2);
      expect(first.map((person) => person.id)).toEqual(people.slice(0, 2).map((person) => person.id));
      const rewrapped = first.map((person) => ({ id: person.id, wrappedKey: Buffer.alloc(60, 7) }));
      await store.rewrapPersonKeys(rewrapped, 'k2');
      const rest = await store.personsNotWrappedBy('k2', 10);
      expect(rest.map((person) => person.id)).toEqual(people.slice(2).map((person) => person.id));
      expect((await store.findPerson(hash('p')))?.wrappedKey).toEqual(Buffer.alloc(60, 7));
      expect(await raw.count('persons', "key_id = 'k2'")).toBe(2);
      // A later rotation to another key takes every row again, the re-wrapped ones too.
      expect(await store.personsNotWrappedBy('k3', 10)).toHaveLength(5);
      await store.rewrapPersonKeys(
        rest.map((person) => ({ id: person.id, wrappedKey: person.wrappedKey })),
        'k2',
      );
      expect(await store.personsNotWrappedBy('k2', 10)).toEqual([]);
    });

    it('keeps its own values by name, written and deleted together', async () => {
      const { store } = await backend.open();
      expect(await store.readMeta('rotation')).toBeUndefined();
      await store.writeMeta({ rotation: Buffer.from('r1'), 'retired-keys': Buffer.from('[]') });
      await store.writeMeta({ rotation: Buffer.from('r2') });
      expect(await store.readMeta('rotation')).toEqual(Buffer.from('r2'));
      await store.writeMeta({ rotation: null });
      expect(await store.readMeta('rotation')).toBeUndefined();
      expect(await store.readMeta('retired-keys')).toEqual(Buffer.from('[]'));
    });
  });
}
