import {
  queuedRecipientErasures,
  toEraseRequest,
  toRecipientErasure,
  toRecipientRef,
  type EraseRequestColumns,
  type RecipientErasureColumns,
  type RecipientRefColumns,
} from '../erasure-rows.ts';
import type {
  EraseRequest,
  EraseRequestRow,
  RecipientErasureEntry,
  RecipientErasureOutcome,
  RecipientRefRow,
} from '../storage.ts';
import type { Db } from './connect.ts';

/**
 * Erasure that reaches recipients, on PostgreSQL: the references recipients returned, the erase
 * requests shared by every instance (each claimed by one, by moving its due time past a lease,
 * with `SKIP LOCKED`), and the append-only ledger of what each recipient was asked and answered.
 */
export const recipientErasures = {
  async refs(sql: Db, personId: number): Promise<RecipientRefRow[]> {
    const rows = await sql<RecipientRefColumns[]>`
      SELECT recipient, refs, complete FROM recipient_refs WHERE person_id = ${personId} ORDER BY at, recipient`;
    return rows.map(toRecipientRef);
  },

  /** Queues an erasure's requests and records each (../erasure-rows.ts); inside the erasure's transaction. */
  async queue(sql: Db, subject: Buffer, requests: readonly EraseRequest[], at: number): Promise<void> {
    for (const { entry, call } of queuedRecipientErasures(requests, at)) {
      if (call)
        await sql`INSERT INTO erase_requests (subject, recipient, request, next_attempt_at, created_at)
          VALUES (${subject}, ${entry.recipient}, ${call}, ${at}, ${at})`;
      await record(sql, subject, entry);
    }
  },

  async claim(sql: Db, now: number, limit: number, leaseUntil: number): Promise<EraseRequestRow[]> {
    const rows = await sql<EraseRequestColumns[]>`
      WITH picked AS (
        SELECT id FROM erase_requests WHERE next_attempt_at <= ${now}
        ORDER BY next_attempt_at, id LIMIT ${limit} FOR UPDATE SKIP LOCKED
      )
      UPDATE erase_requests e SET next_attempt_at = ${leaseUntil} FROM picked WHERE e.id = picked.id
      RETURNING e.id, e.subject, e.recipient, e.request, e.attempts, e.created_at`;
    return rows.map(toEraseRequest).sort((a, b) => a.id - b.id);
  },

  async nextDueAt(sql: Db): Promise<number | undefined> {
    const [row] = await sql<{ due: number | null }[]>`SELECT MIN(next_attempt_at) AS due FROM erase_requests`;
    return row?.due ?? undefined;
  },

  async retryLater(sql: Db, id: number, attempts: number, nextAttemptAt: number, error: string): Promise<void> {
    await sql`UPDATE erase_requests SET attempts = ${attempts}, next_attempt_at = ${nextAttemptAt}, last_error = ${error}
      WHERE id = ${id}`;
  },

  async settle(sql: Db, id: number, outcome: RecipientErasureOutcome): Promise<void> {
    const [request] = await sql<{ subject: Buffer; recipient: string }[]>`
      DELETE FROM erase_requests WHERE id = ${id} RETURNING subject, recipient`;
    if (request) await record(sql, request.subject, { recipient: request.recipient, ...outcome });
  },

  async ledgerOf(sql: Db, subject: Buffer): Promise<RecipientErasureEntry[]> {
    const rows = await sql<RecipientErasureColumns[]>`
      SELECT recipient, event, attempts, status, detail, at FROM recipient_erasures WHERE subject = ${subject} ORDER BY id`;
    return rows.map(toRecipientErasure);
  },
};

async function record(sql: Db, subject: Buffer, entry: RecipientErasureEntry): Promise<void> {
  await sql`INSERT INTO recipient_erasures (subject, recipient, event, attempts, status, detail, at)
    VALUES (${subject}, ${entry.recipient}, ${entry.event}, ${entry.attempts ?? null}, ${entry.status ?? null},
      ${entry.detail ?? null}, ${entry.at})`;
}
