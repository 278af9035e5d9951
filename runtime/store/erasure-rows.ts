import type {
  EraseRequest,
  EraseRequestRow,
  LedgerEntry,
  RecipientErasureEntry,
  RecipientRefRow,
  SubjectRecords,
} from './storage.ts';

/**
 * The columns of the recipient-erasure tables as both stores return them (SQLite keeps booleans
 * as 0 and 1) and their conversions to the rows of ./storage.ts.
 */
export interface RecipientRefColumns {
  recipient: string;
  refs: Buffer;
  complete: number | boolean;
}
export interface EraseRequestColumns {
  id: number;
  subject: Buffer;
  recipient: string;
  request: Buffer;
  attempts: number;
  created_at: number;
}
export interface RecipientErasureColumns {
  recipient: string;
  event: RecipientErasureEntry['event'];
  attempts: number | null;
  status: number | null;
  detail: string | null;
  at: number;
}

export function toRecipientRef(row: RecipientRefColumns): RecipientRefRow {
  return { recipient: row.recipient, refs: row.refs, complete: row.complete === true || row.complete === 1 };
}

export function toEraseRequest(row: EraseRequestColumns): EraseRequestRow {
  return {
    id: row.id,
    subject: row.subject,
    recipient: row.recipient,
    request: row.request,
    attempts: row.attempts,
    createdAt: row.created_at,
  };
}

export function toRecipientErasure(row: RecipientErasureColumns): RecipientErasureEntry {
  return {
    recipient: row.recipient,
    event: row.event,
    ...(row.attempts === null ? {} : { attempts: row.attempts }),
    ...(row.status === null ? {} : { status: row.status }),
    ...(row.detail === null ? {} : { detail: row.detail }),
    at: row.at,
  };
}

/** One recipient of an erasure, as a store writes it (see {@link queuedRecipientErasures}). */
export interface QueuedRecipientErasure {
  /** The recipients' erasure ledger entry: `requested`, or `failed` at once. */
  entry: RecipientErasureEntry;
  /** The sealed call to queue in `erase_requests`; absent when the recipient cannot be asked. */
  call?: Buffer;
}

/**
 * What an erasure writes for the recipients to be told, in their order: a recipient with a call
 * is queued and recorded as `requested`; one without (it returned no reference, or the flow lost
 * its erase route) cannot be asked, so it is recorded as `failed` at once, with no attempt.
 */
export function queuedRecipientErasures(requests: readonly EraseRequest[], at: number): QueuedRecipientErasure[] {
  return requests.map(({ recipient, request, problem }) =>
    request
      ? { entry: { recipient, event: 'requested', at }, call: request }
      : { entry: { recipient, event: 'failed', detail: problem ?? 'no reference', attempts: 0, at } },
  );
}

/** What both stores hold about a subject with no person row left (after an erasure): only the two ledgers. */
export function ledgersOnly(ledger: LedgerEntry[], recipientErasures: RecipientErasureEntry[]): SubjectRecords {
  return { fields: [], ledger, recipientErasures, handoffs: [], pendingInbox: [], pendingOutbox: [] };
}
