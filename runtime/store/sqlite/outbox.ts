import type Database from 'better-sqlite3';
import { runtimeRetention } from '../../../flows/export/index.ts';
import { toOutbox, type OutboxWithPersonColumns } from '../rows.ts';
import { TokenBucket } from '../../outbox/token-bucket.ts';
import type { DueOutbox, OutboxKind } from '../storage.ts';

const day = 24 * 60 * 60 * 1000;
/** Failed-send records serve the operator for as long as statuses do. */
const { operationalRecordDays } = runtimeRetention;

/** What the bot still has to send (Graph API messages and desk forwards), oldest first per person. */
export class SqliteOutbox {
  private readonly due;
  private readonly nextDue;
  private readonly insert;
  private readonly remove;
  private readonly replySent;
  private readonly replyFailed;
  private readonly retry;
  private readonly kindOf;
  private readonly recordFailure;
  private readonly pendingOfPerson;
  private readonly purgeFailures;
  private readonly countAll;
  /** One instance per SQLite file, so the send rate is counted here, in memory. */
  private bucket: { rate: number; tokens: TokenBucket } | undefined;

  constructor(db: Database.Database) {
    this.due = db.prepare<[number, string, number], OutboxWithPersonColumns>(
      `SELECT o.id, o.person_id, o.kind, o.payload, o.attempts, o.created_at,
              p.id AS p_id, p.phone_hash, p.wrapped_key, p.phone_sealed, p.created_at AS p_created_at
       FROM outbox o JOIN persons p ON p.id = o.person_id
       WHERE o.next_attempt_at <= ?
         AND NOT EXISTS (SELECT 1 FROM outbox earlier WHERE earlier.person_id = o.person_id AND earlier.id < o.id)
         AND o.person_id NOT IN (SELECT value FROM json_each(?))
       ORDER BY o.id LIMIT ?`,
    );
    // Only each person's oldest row can go next; later rows wait behind it whatever their time.
    this.nextDue = db.prepare<[], { due: number | null }>(
      'SELECT MIN(next_attempt_at) AS due FROM outbox WHERE id IN (SELECT MIN(id) FROM outbox GROUP BY person_id)',
    );
    this.insert = db.prepare<[number, OutboxKind, Buffer, number, number]>(
      'INSERT INTO outbox (person_id, kind, payload, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.remove = db.prepare<[number]>('DELETE FROM outbox WHERE id = ?');
    this.replySent = db.prepare<[Buffer | null, number]>(
      "UPDATE desk_replies SET state = 'sent', message_hash = ? WHERE outbox_id = ?",
    );
    this.replyFailed = db.prepare<[number]>("UPDATE desk_replies SET state = 'failed' WHERE outbox_id = ?");
    this.retry = db.prepare<[number, number, string, number]>(
      'UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?',
    );
    this.kindOf = db.prepare<[number], { kind: string }>('SELECT kind FROM outbox WHERE id = ?');
    this.recordFailure = db.prepare<[string, number, string, number]>(
      'INSERT INTO failed_sends (kind, attempts, error, at) VALUES (?, ?, ?, ?)',
    );
    this.pendingOfPerson = db.prepare<[number], { kind: OutboxKind; payload: Buffer; created_at: number }>(
      'SELECT kind, payload, created_at FROM outbox WHERE person_id = ? ORDER BY id',
    );
    this.purgeFailures = db.prepare<[number]>('DELETE FROM failed_sends WHERE at <= ?');
    this.countAll = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM outbox');
  }

  dueRows(now: number, limit: number, busy: ReadonlySet<number>, rate: number): DueOutbox {
    if (this.bucket?.rate !== rate) this.bucket = { rate, tokens: new TokenBucket(rate) };
    const { tokens } = this.bucket;
    const room = Math.min(limit, tokens.available());
    const rows = room > 0 ? this.due.all(now, JSON.stringify([...busy]), room).map(toOutbox) : [];
    for (let taken = 0; taken < rows.length; taken += 1) tokens.take();
    const waitMs = room < limit && rows.length === room ? tokens.waitMs() : 0;
    const nextDueAt = rows.length === 0 && waitMs === 0 ? this.nextDueAt() : undefined;
    return { rows, waitMs, ...(nextDueAt === undefined ? {} : { nextDueAt }) };
  }

  nextDueAt(): number | undefined {
    return this.nextDue.get()?.due ?? undefined;
  }

  /** Queues a row; returns its id. */
  add(personId: number, kind: OutboxKind, payload: Buffer, createdAt: number): number {
    return Number(this.insert.run(personId, kind, payload, createdAt, createdAt).lastInsertRowid);
  }

  /** The row goes; an agent's reply tracked by the desk keeps the message's hash for its delivery status. */
  sent(id: number, messageHash?: Buffer): void {
    this.remove.run(id);
    this.replySent.run(messageHash ?? null, id);
  }

  retryLater(id: number, attempts: number, nextAttemptAt: number, error: string): void {
    this.retry.run(attempts, nextAttemptAt, error, id);
  }

  /** Gives up on a row: it goes, and the operator keeps a record without person or payload. */
  failed(id: number, attempts: number, error: string, at: number): void {
    const row = this.kindOf.get(id);
    this.remove.run(id);
    this.replyFailed.run(id);
    if (row) this.recordFailure.run(row.kind, attempts, error, at);
  }

  pendingOf(personId: number): { kind: OutboxKind; payload: Buffer; createdAt: number }[] {
    return this.pendingOfPerson
      .all(personId)
      .map((row) => ({ kind: row.kind, payload: row.payload, createdAt: row.created_at }));
  }

  purge(now: number): { failedSends: number } {
    return { failedSends: this.purgeFailures.run(now - operationalRecordDays * day).changes };
  }

  count(): number {
    return this.countAll.get()?.n ?? 0;
  }
}
