import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { PersonMaterial, Storage, TurnOp } from '../../runtime/store/storage.ts';
import { storageBackends } from './helpers/storage-backends.ts';

/**
 * Erasure that reaches recipients, as part of the storage contract (runtime/store/storage.ts), on
 * SQLite and a real PostgreSQL: the references recipients returned go with the person; an erasure
 * queues its requests durably and records them; due requests are claimed once (leased), retried
 * and settled; the recipients' erasure ledger is append-only and keeps no reference.
 */
const { backends, close } = await storageBackends('erasures');
afterAll(close);

const hash = (label: string) => Buffer.alloc(32, label);
const material = (): PersonMaterial => ({ wrappedKey: randomBytes(60), phoneSealed: randomBytes(40) });
const ref = (recipient: string, digest: string, complete = true): TurnOp => ({
  op: 'recipient-ref',
  recipient,
  refs: Buffer.from(`sealed ${digest}`),
  digest: hash(digest),
  complete,
  at: 10,
});

async function personWithRefs(store: Storage) {
  const person = await store.ensurePerson(hash('ana'), material);
  await store.holdPerson(person.id);
  await store.commitTurn(person.id, [ref('crm', 'lead-1'), ref('crm', 'lead-1'), ref('erp', 'none', false)]);
  return person;
}

for (const { backend, skip } of backends) {
  describe.skipIf(skip)(`Storage contract, erasure reaches recipients: ${backend.name}`, () => {
    it('keeps one row per distinct reference a recipient returned, and forgets them with the person', async () => {
      const { store, raw } = await backend.open();
      const person = await personWithRefs(store);
      expect(await store.recipientRefs(person.id)).toEqual([
        { recipient: 'crm', refs: Buffer.from('sealed lead-1'), complete: true },
        { recipient: 'erp', refs: Buffer.from('sealed none'), complete: false },
      ]);
      await store.erasePerson(hash('ana'), 20);
      expect(await raw.count('recipient_refs')).toBe(0);
      expect(await store.recipientRefs(person.id)).toEqual([]);
      await raw.close();
    });

    it('queues an erasure’s requests in the erasure’s own write, records each, and hands each out once until its lease runs out', async () => {
      const { store, raw } = await backend.open();
      await personWithRefs(store);
      await store.erasePerson(hash('ana'), 100, [
        { recipient: 'crm', request: Buffer.from('call crm') },
        { recipient: 'erp', problem: 'no reference' },
      ]);
      expect(await raw.count('persons')).toBe(0);
      expect(await store.nextErasureDue()).toBe(100);
      const [claimed, ...more] = await store.dueErasures(100, 10);
      expect(more).toEqual([]);
      expect(claimed).toMatchObject({
        subject: hash('ana'),
        recipient: 'crm',
        request: Buffer.from('call crm'),
        attempts: 0,
      });
      // Leased: not handed out again now, but again once the lease (at least a minute) has run out.
      expect(await store.dueErasures(100, 10)).toEqual([]);
      expect(await store.dueErasures(100 + 10 * 60 * 1000, 10)).toHaveLength(1);
      const records = await store.subjectRecords(hash('ana'));
      expect(records?.person).toBeUndefined();
      expect(records?.recipientErasures).toEqual([
        { recipient: 'crm', event: 'requested', at: 100 },
        { recipient: 'erp', event: 'failed', attempts: 0, detail: 'no reference', at: 100 },
      ]);
      await raw.close();
    });

    it('retries a request later and, once settled, deletes it and records the outcome', async () => {
      const { store, raw } = await backend.open();
      await store.erasePerson(hash('bia'), 100, [{ recipient: 'crm', request: Buffer.from('call crm') }]);
      const [first] = await store.dueErasures(100, 10);
      await store.erasureRetry(first?.id ?? 0, 1, 5000, 'http 503');
      expect(await store.dueErasures(4999, 10)).toEqual([]);
      expect(await store.nextErasureDue()).toBe(5000);
      const [second] = await store.dueErasures(5000, 10);
      expect(second).toMatchObject({ id: first?.id, attempts: 1 });
      await store.erasureSettled(second?.id ?? 0, { event: 'done', attempts: 2, status: 204, at: 5100 });
      expect(await raw.count('erase_requests')).toBe(0);
      expect(await store.nextErasureDue()).toBeUndefined();
      expect((await store.subjectRecords(hash('bia')))?.recipientErasures).toEqual([
        { recipient: 'crm', event: 'requested', at: 100 },
        { recipient: 'crm', event: 'done', attempts: 2, status: 204, at: 5100 },
      ]);
      // Settling again (another instance raced it) records nothing more.
      await store.erasureSettled(second?.id ?? 0, { event: 'failed', attempts: 3, at: 5200 });
      expect(await raw.count('recipient_erasures')).toBe(2);
      await raw.close();
    });

    it('keeps the recipients’ erasure ledger append-only, also against the database’s own users', async () => {
      const { store, raw } = await backend.open();
      await store.erasePerson(hash('caio'), 1, [{ recipient: 'crm', problem: 'no erase route' }]);
      expect(await raw.attempt('UPDATE recipient_erasures SET at = 2')).toMatchObject({
        message: expect.stringMatching(/append-only/),
      });
      expect(await raw.attempt('DELETE FROM recipient_erasures')).toMatchObject({
        message: expect.stringMatching(/append-only/),
      });
      expect((await store.subjectRecords(hash('caio')))?.recipientErasures).toEqual([
        { recipient: 'crm', event: 'failed', attempts: 0, detail: 'no erase route', at: 1 },
      ]);
      await raw.close();
    });
  });
}
