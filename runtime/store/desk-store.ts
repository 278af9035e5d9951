/**
 * What the agent desk keeps (both stores implement it): the people who answer handed-off
 * customers, their sign-in sessions, failed sign-ins (for the rate limit) and the access log.
 *
 * None of it is a customer's personal value. Secrets are kept only as hashes (passwords with
 * scrypt, session tokens and recovery codes with SHA-256) or sealed under a key derived from the
 * master key (the TOTP secret). The access log is append-only, enforced by the database.
 */
export interface DeskStore {
  /** Adds an account; undefined when the name (compared without case) is taken. */
  addAgent(agent: NewAgent): Promise<AgentRow | undefined>;
  agents(): Promise<AgentRow[]>;
  agentById(id: number): Promise<AgentRow | undefined>;
  /** Compared without case: "Ana" and "ana" are one account. */
  agentByName(name: string): Promise<AgentRow | undefined>;
  /** False when there is no such account. */
  updateAgent(id: number, change: AgentChange): Promise<boolean>;
  /**
   * Takes a TOTP time step for the account: true only when it is later than the last one used,
   * so a code is accepted once, by whichever instance sees it first (RFC 6238 §5.2).
   */
  useTotpStep(agentId: number, step: number): Promise<boolean>;
  /** Replaces the account's recovery codes (their hashes). */
  setRecoveryCodes(agentId: number, hashes: Buffer[]): Promise<void>;
  /** Uses up one recovery code: true when it was the account's and unused. */
  useRecoveryCode(agentId: number, hash: Buffer): Promise<boolean>;
  recoveryCodesLeft(agentId: number): Promise<number>;

  createSession(session: DeskSession): Promise<void>;
  session(tokenHash: Buffer): Promise<DeskSession | undefined>;
  touchSession(tokenHash: Buffer, at: number): Promise<void>;
  endSession(tokenHash: Buffer): Promise<void>;
  /** Ends every session of an account (disabled, new password). */
  endSessionsOf(agentId: number): Promise<void>;
  /** Forgets sessions last seen before `before`. */
  endIdleSessions(before: number): Promise<number>;

  /** Records a failed sign-in under each key (an account, an address: keyed hashes); forgets failures before `forgetBefore`. */
  recordSignInFailure(keys: Buffer[], at: number, forgetBefore: number): Promise<void>;
  /** Failed sign-ins under the key since `since`, and when the oldest of them happened. */
  signInFailures(key: Buffer, since: number): Promise<{ count: number; oldest?: number }>;
  clearSignInFailures(key: Buffer): Promise<void>;

  /** Follows an agent's reply (its outbox row) until WhatsApp says it was delivered or read. */
  trackReply(handoffId: number, outboxId: number, at: number): Promise<void>;
  /** The handoff's tracked replies, in the order they were written. */
  replyStatuses(handoffId: number): Promise<ReplyStatus[]>;

  appendAccess(entry: AccessEntry): Promise<void>;
  /** Newest first, at most `limit`, optionally only before an entry id (paging). */
  accessLog(limit: number, beforeId?: number): Promise<AccessRecord[]>;
}

export type AgentRole = 'agent' | 'supervisor';

export interface NewAgent {
  name: string;
  role: AgentRole;
  /** The handoff queues the account answers (a supervisor sees every queue whatever this says). */
  queues: string[];
  passwordHash: string;
  createdAt: number;
}

export interface AgentRow extends NewAgent {
  id: number;
  /** The TOTP secret sealed under the desk key, once the second factor is enrolled. */
  totpSealed?: Buffer;
  disabled: boolean;
}

export interface AgentChange {
  passwordHash?: string;
  /** null: the second factor is to be enrolled again at the next sign-in. */
  totpSealed?: Buffer | null;
  disabled?: boolean;
}

/** Where a sign-in stands: password given, second factor still owed (or to be enrolled first). */
export type SessionStage = 'second-factor' | 'enrol' | 'signed-in';

export interface DeskSession {
  /** SHA-256 of the cookie's token: the token itself is never stored. */
  tokenHash: Buffer;
  agentId: number;
  stage: SessionStage;
  /** The anti-CSRF token the page sends back in a header with every change. */
  csrf: string;
  /** While enrolling: the new TOTP secret, sealed, until the first code proves it. */
  pendingTotp?: Buffer;
  address: string;
  createdAt: number;
  lastSeenAt: number;
}

/** Where an agent's reply is: in the outbox, accepted by WhatsApp, delivered, read, or given up. */
export type DeliveryState = 'sending' | 'sent' | 'delivered' | 'read' | 'failed';

export interface ReplyStatus {
  /** When the reply was written (the agent's message in the handoff has the same time). */
  at: number;
  state: DeliveryState;
}

/** What the access log records: who, what, when, from where — never a customer's value. */
export const accessActions = [
  'sign-in',
  'sign-in-refused',
  'second-factor',
  'second-factor-refused',
  'enrolled',
  'recovery-code-used',
  'sign-out',
  'view',
  'reply',
  'reply-refused',
  'release',
  'erase',
  'export',
  'access-log-view',
  'access-log-export',
  'stats-view',
  'forbidden',
] as const;
export type AccessAction = (typeof accessActions)[number];

export interface AccessEntry {
  at: number;
  /** Absent for a sign-in with a name that is no account. */
  agentId?: number;
  agentName: string;
  action: AccessAction;
  /** A handoff's random ref, a queue id, or a subject's short keyed-hash reference. */
  target?: string;
  /** The network address the request came from. */
  address: string;
  outcome: 'ok' | 'refused';
}

export interface AccessRecord extends AccessEntry {
  id: number;
}
