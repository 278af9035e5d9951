import type Database from 'better-sqlite3';
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
  TurnOp,
} from '../storage.ts';

/**
 * Erasure that reaches recipients (DESIGN.md §2 `recipients[].erase`): the references recipients
 * returned for each person, the erase requests queued when the person is erased, and the
 * append-only ledger of what each recipient was asked and how it answered.
 */
export class SqliteRecipientErasures {
  private readonly upsertRef;
  private readonly refsOf;
  private readonly insertRequest;
  private readonly due;
  private readonly lease;
  private readonly nextDue;
  private readonly retry;
  private readonly requestOf;
  private readonly remove;
  private readonly append;
  private readonly ledgerOfSubject;

  constructor(db: Database.Database) {
    // One row per distinct set of references (the digest tells them apart without opening them).
    this.upsertRef = db.prepare<[number, string, Buffer, Buffer, number, number]>(
      `INSERT INTO recipient_refs (person_id, recipient, digest, refs, complete, at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (person_id, recipient, digest) DO UPDATE SET at = excluded.at`,
    );
    this.refsOf = db.prepare<[number], RecipientRefColumns>(
      'SELECT recipient, refs, complete FROM recipient_refs WHERE person_id = ? ORDER BY at, recipient',
    );
    this.insertRequest = db.prepare<[Buffer, string, Buffer, number, number]>(
      'INSERT INTO erase_requests (subject, recipient, request, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.due = db.prepare<[number, number], EraseRequestColumns>(
      `SELECT id, subject, recipient, request, attempts, created_at FROM erase_requests
       WHERE next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`,
    );
    this.lease = db.prepare<[number, number]>('UPDATE erase_requests SET next_attempt_at = ? WHERE id = ?');
    this.nextDue = db.prepare<[], { due: number | null }>('SELECT MIN(next_attempt_at) AS due FROM erase_requests');
    this.retry = db.prepare<[number, number, string, number]>(
      'UPDATE erase_requests SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?',
    );
    this.requestOf = db.prepare<[number], { subject: Buffer; recipient: string }>(
      'SELECT subject, recipient FROM erase_requests WHERE id = ?',
    );
    this.remove = db.prepare<[number]>('DELETE FROM erase_requests WHERE id = ?');
    this.append = db.prepare<[Buffer, string, string, number | null, number | null, string | null, number]>(
      `INSERT INTO recipient_erasures (subject, recipient, event, attempts, status, detail, at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.ledgerOfSubject = db.prepare<[Buffer], RecipientErasureColumns>(
      'SELECT recipient, event, attempts, status, detail, at FROM recipient_erasures WHERE subject = ? ORDER BY id',
    );
  }

  recordRef(personId: number, op: Extract<TurnOp, { op: 'recipient-ref' }>): void {
    this.upsertRef.run(personId, op.recipient, op.digest, op.refs, op.complete ? 1 : 0, op.at);
  }

  refs(personId: number): RecipientRefRow[] {
    return this.refsOf.all(personId).map(toRecipientRef);
  }

  /** Queues an erasure's requests and records each (../erasure-rows.ts); inside the erasure's transaction. */
  queue(subject: Buffer, requests: readonly EraseRequest[], at: number): void {
    for (const { entry, call } of queuedRecipientErasures(requests, at)) {
      if (call) this.insertRequest.run(subject, entry.recipient, call, at, at);
      this.record(subject, entry);
    }
  }

  /** Due requests, each leased until `leaseUntil` (one instance per SQLite file, but a crash mid-call must not lose it). */
  claim(now: number, limit: number, leaseUntil: number): EraseRequestRow[] {
    const rows = this.due.all(now, limit).map(toEraseRequest);
    for (const row of rows) this.lease.run(leaseUntil, row.id);
    return rows;
  }

  nextDueAt(): number | undefined {
    return this.nextDue.get()?.due ?? undefined;
  }

  retryLater(id: number, attempts: number, nextAttemptAt: number, error: string): void {
    this.retry.run(attempts, nextAttemptAt, error, id);
  }

  settle(id: number, outcome: RecipientErasureOutcome): void {
    const request = this.requestOf.get(id);
    if (!request) return;
    this.remove.run(id);
    this.record(request.subject, { recipient: request.recipient, ...outcome });
  }

  ledgerOf(subject: Buffer): RecipientErasureEntry[] {
    return this.ledgerOfSubject.all(subject).map(toRecipientErasure);
  }

  private record(subject: Buffer, entry: RecipientErasureEntry): void {
    this.append.run(
      subject,
      entry.recipient,
      entry.event,
      entry.attempts ?? null,
      entry.status ?? null,
      entry.detail ?? null,
      entry.at,
    );
  }
}
