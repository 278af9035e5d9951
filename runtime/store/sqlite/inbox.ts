import type Database from 'better-sqlite3';
import { runtimeRetention } from '../../../flows/export/index.ts';
import type { InboxRow, IngestMessage, PersonRow, StatusRecord } from '../storage.ts';

const day = 24 * 60 * 60 * 1000;
/** Dedupe keys outlive Meta's 7 days of redelivery; statuses serve the operator. */
const { dedupeKeyDays, operationalRecordDays } = runtimeRetention;

interface InboxColumns {
  id: number;
  person_id: number;
  payload: Buffer;
  received_at: number;
}

/**
 * The durable inbox and the delivery statuses: what the webhook writes before it answers 200,
 * read back by the inbox worker. A processed row keeps only its dedupe hash.
 */
export class SqliteInbox {
  private readonly known;
  private readonly insert;
  private readonly recordStatus;
  private readonly pending;
  private readonly done;
  private readonly dropForPerson;
  private readonly pendingOfPerson;
  private readonly purgeKeys;
  private readonly purgeStatuses;
  private readonly countPending;
  private readonly oldestPending;

  constructor(db: Database.Database) {
    this.known = db.prepare<[Buffer], { id: number }>('SELECT id FROM inbox WHERE dedupe_hash = ?');
    this.insert = db.prepare<[Buffer, number, Buffer, number]>(
      'INSERT INTO inbox (dedupe_hash, person_id, payload, received_at) VALUES (?, ?, ?, ?)',
    );
    this.recordStatus = db.prepare<[Buffer, string, number, number | null, number]>(
      'INSERT INTO statuses (message_hash, status, at, error_code, recorded_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.pending = db.prepare<[string, number], InboxColumns>(
      `SELECT id, person_id, payload, received_at FROM inbox
       WHERE processed_at IS NULL AND person_id IS NOT NULL AND payload IS NOT NULL
         AND person_id NOT IN (SELECT value FROM json_each(?))
       ORDER BY id LIMIT ?`,
    );
    this.done = db.prepare<[number, number]>(
      'UPDATE inbox SET payload = NULL, person_id = NULL, processed_at = ? WHERE id = ? AND processed_at IS NULL',
    );
    this.dropForPerson = db.prepare<[number, number]>(
      'UPDATE inbox SET payload = NULL, person_id = NULL, processed_at = ? WHERE person_id = ?',
    );
    this.pendingOfPerson = db.prepare<[number], { payload: Buffer; received_at: number }>(
      'SELECT payload, received_at FROM inbox WHERE person_id = ? AND payload IS NOT NULL ORDER BY id',
    );
    this.purgeKeys = db.prepare<[number]>('DELETE FROM inbox WHERE processed_at IS NOT NULL AND processed_at <= ?');
    this.purgeStatuses = db.prepare<[number]>('DELETE FROM statuses WHERE recorded_at <= ?');
    this.countPending = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM inbox WHERE processed_at IS NULL');
    this.oldestPending = db.prepare<[], { at: number | null }>(
      'SELECT MIN(received_at) AS at FROM inbox WHERE processed_at IS NULL',
    );
  }

  /** Writes the new messages (skipping known dedupe hashes) and the statuses; inside a transaction. */
  ingest(
    messages: IngestMessage[],
    statuses: StatusRecord[],
    personFor: (message: IngestMessage) => PersonRow,
    now: number,
  ): { inserted: number[]; duplicates: number } {
    const inserted: number[] = [];
    let duplicates = 0;
    for (const message of messages) {
      if (this.known.get(message.dedupeHash)) {
        duplicates += 1;
        continue;
      }
      const person = personFor(message);
      const result = this.insert.run(message.dedupeHash, person.id, message.seal(person), message.receivedAt);
      inserted.push(Number(result.lastInsertRowid));
    }
    for (const status of statuses) {
      this.recordStatus.run(status.messageHash, status.status, status.at, status.errorCode ?? null, now);
    }
    return { inserted, duplicates };
  }

  /** Unprocessed rows in arrival order, but those of the people in `held`. */
  pendingExcept(held: ReadonlySet<number>, limit: number): InboxRow[] {
    return this.pending
      .all(JSON.stringify([...held]), limit)
      .map((row) => ({ id: row.id, personId: row.person_id, payload: row.payload, receivedAt: row.received_at }));
  }

  /** The message was processed: its payload and sender go, its dedupe hash stays. False when it already was. */
  markDone(inboxId: number, at: number): boolean {
    return this.done.run(at, inboxId).changes === 1;
  }

  /** Messages still waiting are sealed under a key about to go: drop them, keep their dedupe keys. */
  dropPendingOf(personId: number, at: number): void {
    this.dropForPerson.run(at, personId);
  }

  pendingOf(personId: number): { payload: Buffer; receivedAt: number }[] {
    return this.pendingOfPerson.all(personId).map((row) => ({ payload: row.payload, receivedAt: row.received_at }));
  }

  purge(now: number): { inboxKeys: number; statuses: number } {
    return {
      inboxKeys: this.purgeKeys.run(now - dedupeKeyDays * day).changes,
      statuses: this.purgeStatuses.run(now - operationalRecordDays * day).changes,
    };
  }

  pendingCount(): number {
    return this.countPending.get()?.n ?? 0;
  }

  /** When the oldest unprocessed message arrived, if one waits. */
  oldestPendingAt(): number | undefined {
    return this.oldestPending.get()?.at ?? undefined;
  }
}
