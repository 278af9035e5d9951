import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { Storage } from '../../runtime/store/storage.ts';
import { hash, message, storageBackends } from './helpers/storage-backends.ts';

/**
 * The agent desk's part of the storage contract (runtime/store/desk-store.ts), on SQLite and a real
 * PostgreSQL: accounts, sessions, the sign-in rate limit's failures, reply delivery statuses and
 * the append-only access log.
 */
const { backends, close } = await storageBackends('desk');
afterAll(close);

async function waitingCustomer(store: Storage) {
  await store.ingest([message('customer', '1')], []);
  const [row] = await store.claimInbox(10, new Set());
  const personId = row?.personId ?? 0;
  await store.commitTurn(personId, [
    { op: 'inbox-done', inboxId: row?.id ?? 0 },
    {
      op: 'handoff-open',
      ref: 'ref-1',
      queue: 'support',
      nodeId: 'human',
      shared: randomBytes(20),
      at: 2000,
      expiresAt: 9e12,
    },
  ]);
  const reply = await store.commitTurn(personId, [
    { op: 'outbox', kind: 'message', payload: randomBytes(30), createdAt: 3000 },
    { op: 'handoff-message', author: 'agent', payload: randomBytes(30), at: 3000 },
  ]);
  const handoff = await store.handoff('ref-1');
  if (!handoff) throw new Error('no handoff');
  return { personId, handoff, outboxId: reply.outbox[0] ?? 0 };
}

for (const { backend, skip } of backends) {
  describe.skipIf(skip)(`Storage contract, agent desk: ${backend.name}`, () => {
    it('adds accounts once per name, whatever its case, and changes them', async () => {
      const { store } = await backend.open();
      const desk = store.desk;
      const ana = await desk.addAgent({
        name: 'Ana Souza',
        role: 'agent',
        queues: ['support', 'billing'],
        passwordHash: 'h1',
        createdAt: 5,
      });
      expect(ana).toMatchObject({
        name: 'Ana Souza',
        role: 'agent',
        queues: ['support', 'billing'],
        disabled: false,
        createdAt: 5,
      });
      expect(
        await desk.addAgent({ name: ' ana souza ', role: 'supervisor', queues: [], passwordHash: 'h2', createdAt: 6 }),
      ).toBeUndefined();
      await desk.addAgent({ name: 'Bruno', role: 'supervisor', queues: [], passwordHash: 'h3', createdAt: 7 });
      expect((await desk.agents()).map((agent) => agent.name)).toEqual(['Ana Souza', 'Bruno']);
      const id = ana?.id ?? 0;
      expect(
        await desk.updateAgent(id, { passwordHash: 'h9', totpSealed: Buffer.from('sealed'), disabled: true }),
      ).toBe(true);
      expect(await desk.agentByName('ANA SOUZA')).toMatchObject({
        passwordHash: 'h9',
        totpSealed: Buffer.from('sealed'),
        disabled: true,
      });
      expect(await desk.updateAgent(id, { totpSealed: null, disabled: false })).toBe(true);
      const changed = await desk.agentById(id);
      expect(changed?.totpSealed).toBeUndefined();
      expect(changed).toMatchObject({ passwordHash: 'h9', disabled: false });
      expect(await desk.updateAgent(9999, { disabled: true })).toBe(false);
    });

    it('takes each TOTP step and each recovery code once', async () => {
      const { store } = await backend.open();
      const agent = await store.desk.addAgent({
        name: 'Caio',
        role: 'agent',
        queues: ['support'],
        passwordHash: 'h',
        createdAt: 1,
      });
      const id = agent?.id ?? 0;
      expect(await store.desk.useTotpStep(id, 100)).toBe(true);
      expect(await store.desk.useTotpStep(id, 100)).toBe(false);
      expect(await store.desk.useTotpStep(id, 99)).toBe(false);
      expect(await store.desk.useTotpStep(id, 101)).toBe(true);
      await store.desk.setRecoveryCodes(id, [hash('a'), hash('b')]);
      expect(await store.desk.useRecoveryCode(id, hash('a'))).toBe(true);
      expect(await store.desk.useRecoveryCode(id, hash('a'))).toBe(false);
      expect(await store.desk.recoveryCodesLeft(id)).toBe(1);
      await store.desk.setRecoveryCodes(id, []);
      expect(await store.desk.recoveryCodesLeft(id)).toBe(0);
    });

    it('keeps sessions by token hash, touches, ends and forgets idle ones', async () => {
      const { store } = await backend.open();
      const agent = await store.desk.addAgent({
        name: 'Dora',
        role: 'agent',
        queues: ['support'],
        passwordHash: 'h',
        createdAt: 1,
      });
      const id = agent?.id ?? 0;
      const session = (label: string, lastSeenAt: number) => ({
        tokenHash: hash(label),
        agentId: id,
        stage: 'signed-in' as const,
        csrf: `csrf-${label}`,
        address: '127.0.0.1',
        createdAt: 10,
        lastSeenAt,
      });
      await store.desk.createSession({ ...session('one', 10), stage: 'enrol', pendingTotp: Buffer.from('pending') });
      await store.desk.createSession(session('two', 10));
      await store.desk.createSession(session('three', 10));
      expect(await store.desk.session(hash('one'))).toEqual({
        ...session('one', 10),
        stage: 'enrol',
        pendingTotp: Buffer.from('pending'),
      });
      await store.desk.touchSession(hash('two'), 50);
      expect(await store.desk.endIdleSessions(20)).toBe(2);
      expect(await store.desk.session(hash('two'))).toMatchObject({ lastSeenAt: 50 });
      await store.desk.endSession(hash('two'));
      expect(await store.desk.session(hash('two'))).toBeUndefined();
      await store.desk.createSession(session('four', 60));
      await store.desk.endSessionsOf(id);
      expect(await store.desk.session(hash('four'))).toBeUndefined();
    });

    it('counts failed sign-ins per key within a window and forgets old ones', async () => {
      const { store, raw } = await backend.open();
      await store.desk.recordSignInFailure([hash('account'), hash('address')], 100, 0);
      await store.desk.recordSignInFailure([hash('account')], 200, 0);
      expect(await store.desk.signInFailures(hash('account'), 0)).toEqual({ count: 2, oldest: 100 });
      expect(await store.desk.signInFailures(hash('account'), 150)).toEqual({ count: 1, oldest: 200 });
      expect(await store.desk.signInFailures(hash('nobody'), 0)).toEqual({ count: 0 });
      await store.desk.recordSignInFailure([hash('other')], 300, 150);
      expect(await raw.count('sign_in_failures')).toBe(2);
      await store.desk.clearSignInFailures(hash('account'));
      expect(await store.desk.signInFailures(hash('account'), 0)).toEqual({ count: 0 });
      await raw.close();
    });

    it('follows an agent’s reply from the outbox to WhatsApp’s statuses, and forgets it with the handoff', async () => {
      const { store, raw } = await backend.open();
      const { handoff, outboxId } = await waitingCustomer(store);
      await store.desk.trackReply(handoff.id, outboxId, 3000);
      expect(await store.desk.replyStatuses(handoff.id)).toEqual([{ at: 3000, state: 'sending' }]);
      await store.outboxSent(outboxId, hash('wamid'));
      expect(await store.desk.replyStatuses(handoff.id)).toEqual([{ at: 3000, state: 'sent' }]);
      await store.ingest(
        [],
        [
          { messageHash: hash('wamid'), status: 'read', at: 5000 },
          { messageHash: hash('wamid'), status: 'delivered', at: 5000 },
        ],
      );
      expect(await store.desk.replyStatuses(handoff.id)).toEqual([{ at: 3000, state: 'read' }]);
      await store.commitTurn(handoff.personId, [{ op: 'handoff-release' }]);
      expect(await raw.count('desk_replies')).toBe(0);
      await raw.close();
    });

    it('marks a reply that could not be sent, and one sent before it was tracked', async () => {
      const { store } = await backend.open();
      const { handoff, outboxId } = await waitingCustomer(store);
      await store.outboxFailed(outboxId, 3, 'http 400', 4000);
      await store.desk.trackReply(handoff.id, outboxId, 3000);
      // Gone from the outbox before it was tracked: it left; the failure above is the failed_sends record's.
      expect(await store.desk.replyStatuses(handoff.id)).toEqual([{ at: 3000, state: 'sent' }]);
      const again = await store.commitTurn(handoff.personId, [
        { op: 'outbox', kind: 'message', payload: randomBytes(30), createdAt: 6000 },
        { op: 'handoff-message', author: 'agent', payload: randomBytes(30), at: 6000 },
      ]);
      await store.desk.trackReply(handoff.id, again.outbox[0] ?? 0, 6000);
      await store.outboxFailed(again.outbox[0] ?? 0, 3, 'http 400', 7000);
      expect(await store.desk.replyStatuses(handoff.id)).toEqual([
        { at: 3000, state: 'sent' },
        { at: 6000, state: 'failed' },
      ]);
    });

    it('keeps the access log append-only, newest first, page by page', async () => {
      const { store, raw } = await backend.open();
      for (let at = 1; at <= 5; at += 1)
        await store.desk.appendAccess({
          at,
          ...(at === 1 ? {} : { agentId: 1 }),
          agentName: at === 1 ? '' : 'Ana',
          action: at === 1 ? 'sign-in-refused' : 'view',
          ...(at === 1 ? {} : { target: `ref-${at}` }),
          address: '127.0.0.1',
          outcome: at === 1 ? 'refused' : 'ok',
        });
      const newest = await store.desk.accessLog(2);
      expect(newest.map((entry) => entry.at)).toEqual([5, 4]);
      expect(newest[0]).toMatchObject({
        agentId: 1,
        agentName: 'Ana',
        action: 'view',
        target: 'ref-5',
        address: '127.0.0.1',
        outcome: 'ok',
      });
      const older = await store.desk.accessLog(10, newest[1]?.id);
      expect(older.map((entry) => entry.at)).toEqual([3, 2, 1]);
      expect(older[2]).toEqual({
        id: older[2]?.id,
        at: 1,
        agentName: '',
        action: 'sign-in-refused',
        address: '127.0.0.1',
        outcome: 'refused',
      });
      expect(await raw.attempt('UPDATE access_log SET agent_name = 1')).toMatchObject({
        message: expect.stringMatching(/append-only/),
      });
      expect(await raw.attempt('DELETE FROM access_log')).toMatchObject({
        message: expect.stringMatching(/append-only/),
      });
      expect(await raw.count('access_log')).toBe(5);
      await raw.close();
    });
  });
}
