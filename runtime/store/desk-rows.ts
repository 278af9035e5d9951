import {
  accessActions,
  type AccessRecord,
  type AgentRole,
  type AgentRow,
  type DeliveryState,
  type DeskSession,
  type ReplyStatus,
  type SessionStage,
} from './desk-store.ts';

/** The desk tables' columns as both stores return them, and their conversions (written once). */
export interface AgentColumns {
  id: number;
  name: string;
  role: string;
  queues: string;
  password_hash: string;
  totp_sealed: Buffer | null;
  disabled: number | boolean;
  created_at: number;
}

export interface SessionColumns {
  token_hash: Buffer;
  agent_id: number;
  stage: string;
  csrf: string;
  pending_totp: Buffer | null;
  address: string;
  created_at: number;
  last_seen_at: number;
}

export interface AccessColumns {
  id: number;
  at: number;
  agent_id: number | null;
  agent_name: string;
  action: string;
  target: string | null;
  address: string;
  outcome: string;
}

/** Names are compared without case and surrounding spaces ("Ana" and " ana" are one account). */
export function nameKey(name: string): string {
  return name.trim().toLocaleLowerCase('en');
}

export function toAgent(row: AgentColumns): AgentRow {
  const queues: unknown = JSON.parse(row.queues);
  return {
    id: row.id,
    name: row.name,
    role: row.role === 'supervisor' ? 'supervisor' : ('agent' satisfies AgentRole),
    queues: Array.isArray(queues) ? queues.filter((queue): queue is string => typeof queue === 'string') : [],
    passwordHash: row.password_hash,
    ...(row.totp_sealed ? { totpSealed: row.totp_sealed } : {}),
    disabled: row.disabled === true || row.disabled === 1,
    createdAt: row.created_at,
  };
}

const stages: readonly SessionStage[] = ['second-factor', 'enrol', 'signed-in'];

export function toDeskSession(row: SessionColumns): DeskSession {
  return {
    tokenHash: row.token_hash,
    agentId: row.agent_id,
    stage: stages.find((stage) => stage === row.stage) ?? 'second-factor',
    csrf: row.csrf,
    ...(row.pending_totp ? { pendingTotp: row.pending_totp } : {}),
    address: row.address,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
  };
}

export function toAccessRecord(row: AccessColumns): AccessRecord {
  return {
    id: row.id,
    at: row.at,
    ...(row.agent_id === null ? {} : { agentId: row.agent_id }),
    agentName: row.agent_name,
    // The column is text, so a new action needs no migration; an unknown one reads as a refusal.
    action: accessActions.find((action) => action === row.action) ?? 'forbidden',
    ...(row.target === null ? {} : { target: row.target }),
    address: row.address,
    outcome: row.outcome === 'ok' ? 'ok' : 'refused',
  };
}

export interface ReplyColumns {
  at: number;
  state: string;
  message_hash: Buffer | null;
}

/**
 * A reply's delivery state: failed when sending gave up or WhatsApp says so, else the furthest of
 * read, delivered and sent that WhatsApp reported (statuses can arrive out of order).
 */
export function toReplyStatus(row: ReplyColumns, statuses: readonly string[]): ReplyStatus {
  const rank: DeliveryState[] = ['sending', 'sent', 'delivered', 'read'];
  if (row.state === 'failed' || statuses.includes('failed')) return { at: row.at, state: 'failed' };
  const reported = statuses.flatMap((status) => rank.filter((state) => state === status));
  const recorded: DeliveryState = row.state === 'sent' ? 'sent' : 'sending';
  const state = [recorded, ...reported].reduce<DeliveryState>(
    (best, next) => (rank.indexOf(next) > rank.indexOf(best) ? next : best),
    'sending',
  );
  return { at: row.at, state };
}
