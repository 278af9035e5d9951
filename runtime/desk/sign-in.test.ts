import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Keyring } from '../crypto/keyring.ts';
import { SqliteStorage } from '../store/sqlite/storage.ts';
import { hashPassword } from './password.ts';
import {
  completeSecondFactor,
  currentSession,
  deskLimits,
  pendingSecret,
  signInWithPassword,
  type SignInContext,
} from './sign-in.ts';
import { totpCode } from './totp.ts';

describe('signing in to the desk', () => {
  let store: SqliteStorage;
  let context: SignInContext;
  let now: number;
  const realNow = 1_800_000_000_000;

  beforeEach(async () => {
    store = new SqliteStorage(join(mkdtempSync(join(tmpdir(), 'amana-desk-')), 'amana.db'));
    now = 1_000_000;
    context = { store: store.desk, keyring: new Keyring(Buffer.alloc(32, 7)), clock: () => now };
    await store.desk.addAgent({
      name: 'Ana Souza',
      role: 'agent',
      queues: ['support'],
      passwordHash: await hashPassword('first-password'),
      createdAt: now,
    });
  });
  afterEach(() => store.close());

  async function enrolled() {
    const first = await signInWithPassword(context, 'ana souza', 'first-password', '10.0.0.1');
    if (!first.ok) throw new Error('sign-in refused');
    const secret = pendingSecret(context.keyring, first.session);
    if (!secret) throw new Error('no pending secret');
    const done = await completeSecondFactor(context, first.session, first.agent, totpCode(secret, realNow), realNow);
    if (!done.ok) throw new Error('enrolment refused');
    return { secret, recoveryCodes: done.recoveryCodes ?? [], token: done.token };
  }

  it('enrols the second factor at the first sign-in, then asks for a code every time', async () => {
    const { secret, recoveryCodes, token } = await enrolled();
    expect(recoveryCodes).toHaveLength(deskLimits.recoveryCodes);
    expect((await currentSession(context, token))?.session.stage).toBe('signed-in');
    const again = await signInWithPassword(context, 'Ana Souza', 'first-password', '10.0.0.1');
    expect(again.ok && again.session.stage).toBe('second-factor');
    if (!again.ok) return;
    // The code of the step just used is refused (each code once), the next step's is accepted.
    expect(await completeSecondFactor(context, again.session, again.agent, totpCode(secret, realNow), realNow)).toEqual(
      {
        ok: false,
        reason: 'wrong',
      },
    );
    const next = await completeSecondFactor(
      context,
      again.session,
      again.agent,
      totpCode(secret, realNow + 30_000),
      realNow,
    );
    expect(next.ok).toBe(true);
    // The token of the password stage is worth nothing afterwards.
    expect(await currentSession(context, undefined)).toBeUndefined();
  });

  it('takes each recovery code once', async () => {
    const { recoveryCodes } = await enrolled();
    const code = recoveryCodes[0] ?? '';
    const first = await signInWithPassword(context, 'Ana Souza', 'first-password', '10.0.0.1');
    if (!first.ok) throw new Error('refused');
    const used = await completeSecondFactor(context, first.session, first.agent, code.toUpperCase(), realNow);
    expect(used).toMatchObject({ ok: true, usedRecoveryCode: true });
    expect(await store.desk.recoveryCodesLeft(first.agent.id)).toBe(deskLimits.recoveryCodes - 1);
    const second = await signInWithPassword(context, 'Ana Souza', 'first-password', '10.0.0.1');
    if (!second.ok) throw new Error('refused');
    expect(await completeSecondFactor(context, second.session, second.agent, code, realNow)).toMatchObject({
      ok: false,
    });
  });

  it('slows guessing down: after five failures the right password is refused too, for fifteen minutes', async () => {
    for (let attempt = 0; attempt < deskLimits.accountFailures; attempt += 1) {
      expect(await signInWithPassword(context, 'Ana Souza', `guess-${attempt}`, `10.0.1.${attempt}`)).toEqual({
        ok: false,
        reason: 'wrong',
      });
    }
    const blocked = await signInWithPassword(context, 'Ana Souza', 'first-password', '10.0.9.9');
    expect(blocked).toEqual({ ok: false, reason: 'too-many', retryAfterSeconds: 15 * 60 });
    now += deskLimits.failureWindowMs;
    expect((await signInWithPassword(context, 'Ana Souza', 'first-password', '10.0.9.9')).ok).toBe(true);
  });

  it('limits one address across accounts, names known or not', async () => {
    for (let attempt = 0; attempt < deskLimits.addressFailures; attempt += 1)
      await signInWithPassword(context, `nobody-${attempt}`, 'x', '192.0.2.7');
    expect(await signInWithPassword(context, 'Ana Souza', 'first-password', '192.0.2.7')).toMatchObject({
      ok: false,
      reason: 'too-many',
    });
    expect((await signInWithPassword(context, 'Ana Souza', 'first-password', '192.0.2.8')).ok).toBe(true);
  });

  it('ends a session after 30 minutes idle, and at once when the account is disabled', async () => {
    const { token } = await enrolled();
    now += deskLimits.idleMs - 1;
    expect(await currentSession(context, token)).toBeDefined();
    await store.desk.touchSession((await currentSession(context, token))?.session.tokenHash ?? Buffer.alloc(0), now);
    now += deskLimits.idleMs + 1;
    expect(await currentSession(context, token)).toBeUndefined();

    const other = await signInWithPassword(context, 'Ana Souza', 'first-password', '10.0.0.1');
    if (!other.ok) throw new Error('refused');
    await store.desk.updateAgent(other.agent.id, { disabled: true });
    expect(await currentSession(context, other.token)).toBeUndefined();
    expect(await signInWithPassword(context, 'Ana Souza', 'first-password', '10.0.0.1')).toEqual({
      ok: false,
      reason: 'disabled',
    });
  });
});
