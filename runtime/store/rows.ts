import type {
  ConversationRow,
  HandoffMessageRow,
  HandoffRow,
  LedgerEntry,
  OutboxKind,
  OutboxRow,
  PersonRow,
} from './storage.ts';

/**
 * The tables' columns as both stores return them (snake_case, times as ms since the epoch) and
 * the conversions to the rows of ./storage.ts, written once for SQLite and PostgreSQL.
 */
export interface PersonColumns {
  id: number;
  phone_hash: Buffer;
  wrapped_key: Buffer;
  phone_sealed: Buffer;
  created_at: number;
}
export interface ConversationColumns {
  state: Buffer;
  updated_at: number;
  values_expire_at: number | null;
  expires_at: number;
}
export interface HandoffColumns {
  id: number;
  ref: string;
  person_id: number;
  queue: string;
  node_id: string;
  shared: Buffer;
  created_at: number;
  expires_at: number;
}
/** An outbox row joined with its person (the person's own columns prefixed `p_`). */
export interface OutboxWithPersonColumns {
  id: number;
  person_id: number;
  kind: OutboxKind;
  payload: Buffer;
  attempts: number;
  created_at: number;
  p_id: number;
  phone_hash: Buffer;
  wrapped_key: Buffer;
  phone_sealed: Buffer;
  p_created_at: number;
}
export interface LedgerColumns {
  event: LedgerEntry['event'];
  purposes: string;
  node_id: string | null;
  flow_version: string | null;
  purpose_hashes: string | null;
  at: number;
}
export interface HandoffMessageColumns {
  id: number;
  handoff_id: number;
  author: 'customer' | 'agent';
  payload: Buffer;
  at: number;
}
export interface FieldColumns {
  key: string;
  value: Buffer;
  collected_at: number;
  expires_at: number;
}

export function toPerson(row: PersonColumns): PersonRow {
  return {
    id: row.id,
    phoneHash: row.phone_hash,
    wrappedKey: row.wrapped_key,
    phoneSealed: row.phone_sealed,
    createdAt: row.created_at,
  };
}

export function toConversation(row: ConversationColumns): ConversationRow {
  return {
    state: row.state,
    updatedAt: row.updated_at,
    ...(row.values_expire_at === null ? {} : { valuesExpireAt: row.values_expire_at }),
    expiresAt: row.expires_at,
  };
}

export function toHandoff(row: HandoffColumns, person: PersonRow): HandoffRow {
  return {
    id: row.id,
    ref: row.ref,
    personId: row.person_id,
    queue: row.queue,
    nodeId: row.node_id,
    shared: row.shared,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    person,
  };
}

export function toHandoffMessage(row: HandoffMessageColumns): HandoffMessageRow {
  return { id: row.id, handoffId: row.handoff_id, author: row.author, payload: row.payload, at: row.at };
}

export function toOutbox(row: OutboxWithPersonColumns): OutboxRow {
  return {
    id: row.id,
    personId: row.person_id,
    kind: row.kind,
    payload: row.payload,
    attempts: row.attempts,
    createdAt: row.created_at,
    person: {
      id: row.p_id,
      phoneHash: row.phone_hash,
      wrappedKey: row.wrapped_key,
      phoneSealed: row.phone_sealed,
      createdAt: row.p_created_at,
    },
  };
}

export function toField(row: FieldColumns): { key: string; value: Buffer; collectedAt: number; expiresAt: number } {
  return { key: row.key, value: row.value, collectedAt: row.collected_at, expiresAt: row.expires_at };
}

export function toLedgerEntry(row: LedgerColumns): LedgerEntry {
  return {
    event: row.event,
    purposes: parsePurposes(row.purposes),
    ...(row.node_id === null ? {} : { nodeId: row.node_id }),
    ...(row.flow_version === null ? {} : { flowVersion: row.flow_version }),
    ...(row.purpose_hashes === null ? {} : { wording: parseWording(row.purpose_hashes) }),
    at: row.at,
  };
}

/** A new ledger entry as columns: event, purposes, node_id, flow_version, purpose_hashes, at. */
export function ledgerColumns(
  entry: LedgerEntry,
): [string, string, string | null, string | null, string | null, number] {
  return [
    entry.event,
    JSON.stringify(entry.purposes),
    entry.nodeId ?? null,
    entry.flowVersion ?? null,
    entry.wording ? JSON.stringify(entry.wording) : null,
    entry.at,
  ];
}

function parseWording(json: string): Record<string, string> {
  const value: unknown = JSON.parse(json);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

function parsePurposes(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.map(String) : [];
}
