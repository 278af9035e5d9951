import { createHash, randomBytes } from 'node:crypto';
import type { Keyring } from '../crypto/keyring.ts';
import { nameKey } from '../store/desk-rows.ts';
import type { AgentRow, DeskSession, DeskStore } from '../store/desk-store.ts';
import type { RefusalReason } from './access-reasons.ts';
import { verifyPassword } from './password.ts';
import { newTotpSecret, totpStep } from './totp.ts';

/**
 * Signing in to the desk: a password (scrypt), then a TOTP code (or a recovery code); the first
 * time, the second factor is enrolled instead. Each stage is a server-side session named by a
 * random token kept in an HttpOnly cookie; the store has only the token's SHA-256.
 *
 * Numbers from OWASP's Authentication and Session Management cheat sheets: sessions end after
 * 30 minutes idle and 12 hours at most; sign-in is refused for a while after 5 failures for one
 * account or 20 from one address within 15 minutes (so one address cannot lock everyone out
 * faster than that, and one account cannot be guessed from many addresses).
 */
export const deskLimits = {
  idleMs: 30 * 60 * 1000,
  absoluteMs: 12 * 60 * 60 * 1000,
  /** A password given, the second factor still owed: a short stage. */
  pendingMs: 10 * 60 * 1000,
  failureWindowMs: 15 * 60 * 1000,
  accountFailures: 5,
  addressFailures: 20,
  recoveryCodes: 10,
} as const;

export interface SignInContext {
  store: DeskStore;
  keyring: Keyring;
  /** The desk's clock (sessions, the rate limit). TOTP codes use the real time of the phone that makes them. */
  clock(): number;
}

export type SignInResult =
  | { ok: true; token: string; session: DeskSession; agent: AgentRow }
  | { ok: false; reason: Exclude<RefusalReason, 'too-many'> }
  | { ok: false; reason: 'too-many'; retryAfterSeconds: number };

/** A random session token (256 bits) and the hash the store keeps of it. */
function newToken(): { token: string; tokenHash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: tokenHash(token) };
}

function tokenHash(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/**
 * Checks the name and password. Refused — without saying which of the two was wrong — while the
 * account or the address has too many recent failures, even when the password is right.
 */
export async function signInWithPassword(
  context: SignInContext,
  name: string,
  password: string,
  address: string,
): Promise<SignInResult> {
  const { store, keyring } = context;
  const now = context.clock();
  const keys = failureKeys(keyring, name, address);
  const blocked = await retryAfter(context, keys, now);
  if (blocked !== undefined) return { ok: false, reason: 'too-many', retryAfterSeconds: blocked };
  const agent = await store.agentByName(name);
  // Hash even for an unknown name, so the answer takes as long either way.
  const matches = await verifyPassword(password, agent?.passwordHash ?? unknownAccountHash);
  if (!agent || !matches) {
    await store.recordSignInFailure([keys.account, keys.address], now, now - deskLimits.failureWindowMs);
    return { ok: false, reason: 'wrong' };
  }
  if (agent.disabled) return { ok: false, reason: 'disabled' };
  await store.clearSignInFailures(keys.account);
  await store.endIdleSessions(now - deskLimits.idleMs);
  const enrol = agent.totpSealed === undefined;
  const { token, tokenHash: hash } = newToken();
  const session: DeskSession = {
    tokenHash: hash,
    agentId: agent.id,
    stage: enrol ? 'enrol' : 'second-factor',
    csrf: randomBytes(24).toString('base64url'),
    ...(enrol ? { pendingTotp: keyring.sealDeskSecret(newTotpSecret(), pendingPurpose(agent.id)) } : {}),
    address,
    createdAt: now,
    lastSeenAt: now,
  };
  await store.createSession(session);
  return { ok: true, token, session, agent };
}

export type SecondFactorResult =
  | { ok: true; token: string; session: DeskSession; recoveryCodes?: string[]; usedRecoveryCode?: boolean }
  | { ok: false; reason: Extract<RefusalReason, 'wrong'> }
  | { ok: false; reason: 'too-many'; retryAfterSeconds: number };

/**
 * The second step: a TOTP code (each accepted once), or one of the account's recovery codes; on
 * enrolment, the first code from the new secret, which then becomes the account's, with a fresh
 * set of recovery codes shown once. Success replaces the session with a new one (a new token, so
 * a token seen before the second factor is worth nothing after it).
 */
export async function completeSecondFactor(
  context: SignInContext,
  session: DeskSession,
  agent: AgentRow,
  code: string,
  realNow: number,
): Promise<SecondFactorResult> {
  const { store, keyring } = context;
  const now = context.clock();
  const keys = failureKeys(keyring, agent.name, session.address);
  const blocked = await retryAfter(context, keys, now);
  if (blocked !== undefined) return { ok: false, reason: 'too-many', retryAfterSeconds: blocked };
  let recoveryCodes: string[] | undefined;
  let usedRecoveryCode = false;
  if (session.stage === 'enrol' && session.pendingTotp) {
    const secret = keyring.openDeskSecret(session.pendingTotp, pendingPurpose(agent.id));
    const step = totpStep(secret, code, realNow);
    if (step === undefined) return failed(context, keys, now);
    await store.updateAgent(agent.id, { totpSealed: keyring.sealDeskSecret(secret, totpPurpose(agent.id)) });
    await store.useTotpStep(agent.id, step);
    recoveryCodes = Array.from({ length: deskLimits.recoveryCodes }, newRecoveryCode);
    await store.setRecoveryCodes(agent.id, recoveryCodes.map(recoveryHash));
  } else if (session.stage === 'second-factor' && agent.totpSealed) {
    const secret = keyring.openDeskSecret(agent.totpSealed, totpPurpose(agent.id));
    const step = totpStep(secret, code, realNow);
    if (step !== undefined) {
      if (!(await store.useTotpStep(agent.id, step))) return failed(context, keys, now);
    } else if (await store.useRecoveryCode(agent.id, recoveryHash(code))) {
      usedRecoveryCode = true;
    } else {
      return failed(context, keys, now);
    }
  } else {
    return { ok: false, reason: 'wrong' };
  }
  await store.clearSignInFailures(keys.account);
  await store.endSession(session.tokenHash);
  const { token, tokenHash: hash } = newToken();
  const signedIn: DeskSession = {
    tokenHash: hash,
    agentId: agent.id,
    stage: 'signed-in',
    csrf: randomBytes(24).toString('base64url'),
    address: session.address,
    createdAt: now,
    lastSeenAt: now,
  };
  await store.createSession(signedIn);
  return {
    ok: true,
    token,
    session: signedIn,
    ...(recoveryCodes ? { recoveryCodes } : {}),
    ...(usedRecoveryCode ? { usedRecoveryCode } : {}),
  };
}

/** The secret being enrolled, for the QR code and for typing in by hand. */
export function pendingSecret(keyring: Keyring, session: DeskSession): Buffer | undefined {
  return session.pendingTotp ? keyring.openDeskSecret(session.pendingTotp, pendingPurpose(session.agentId)) : undefined;
}

/**
 * The session a token names, with its account, while it lasts: not idle too long, not older than
 * the absolute limit, its account not disabled. An expired one is deleted.
 */
export async function currentSession(
  context: SignInContext,
  token: string | undefined,
): Promise<{ session: DeskSession; agent: AgentRow } | undefined> {
  if (!token) return undefined;
  const { store } = context;
  const now = context.clock();
  const session = await store.session(tokenHash(token));
  if (!session) return undefined;
  const limit = session.stage === 'signed-in' ? deskLimits.idleMs : deskLimits.pendingMs;
  const agent = await store.agentById(session.agentId);
  if (!agent || agent.disabled || now - session.lastSeenAt > limit || now - session.createdAt > deskLimits.absoluteMs) {
    await store.endSession(session.tokenHash);
    return undefined;
  }
  return { session, agent };
}

/** Recovery codes: 10 characters in two groups (about 50 bits), each usable once. */
function newRecoveryCode(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const chars = [...randomBytes(10)].map((byte) => alphabet[byte % alphabet.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

function recoveryHash(code: string): Buffer {
  return createHash('sha256')
    .update(
      code
        .trim()
        .toLowerCase()
        .replace(/[^a-z0-9]/g, ''),
    )
    .digest();
}

const totpPurpose = (agentId: number) => `totp:${agentId}`;
const pendingPurpose = (agentId: number) => `totp-pending:${agentId}`;

/** A hash no password matches, checked for unknown names so that they answer as slowly as known ones. */
const unknownAccountHash = [
  'scrypt',
  32768,
  8,
  1,
  Buffer.alloc(16).toString('base64'),
  Buffer.alloc(32).toString('base64'),
].join('$');

function failureKeys(keyring: Keyring, name: string, address: string): { account: Buffer; address: Buffer } {
  return {
    account: keyring.deskHash(`account\0${nameKey(name)}`),
    address: keyring.deskHash(`address\0${address}`),
  };
}

async function retryAfter(
  context: SignInContext,
  keys: { account: Buffer; address: Buffer },
  now: number,
): Promise<number | undefined> {
  // A failure counts for the window's length, then no more.
  const since = now - deskLimits.failureWindowMs + 1;
  const [account, address] = await Promise.all([
    context.store.signInFailures(keys.account, since),
    context.store.signInFailures(keys.address, since),
  ]);
  const waits = [
    account.count >= deskLimits.accountFailures ? account.oldest : undefined,
    address.count >= deskLimits.addressFailures ? address.oldest : undefined,
  ].flatMap((oldest) => (oldest === undefined ? [] : [oldest + deskLimits.failureWindowMs - now]));
  return waits.length > 0 ? Math.max(1, Math.ceil(Math.max(...waits) / 1000)) : undefined;
}

async function failed(
  context: SignInContext,
  keys: { account: Buffer; address: Buffer },
  now: number,
): Promise<SecondFactorResult> {
  await context.store.recordSignInFailure([keys.account, keys.address], now, now - deskLimits.failureWindowMs);
  return { ok: false, reason: 'wrong' };
}
