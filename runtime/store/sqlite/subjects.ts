import type Database from 'better-sqlite3';
import { ledgerColumns, toLedgerEntry, toPerson, type LedgerColumns, type PersonColumns } from '../rows.ts';
import type { LedgerEntry, PersonMaterial, PersonRow } from '../storage.ts';

/**
 * The people the bot has met (keyed hash of the number, wrapped data key, sealed number) and the
 * append-only consent ledger, which outlives them: it keeps the erasure event.
 */
export class SqliteSubjects {
  private readonly byId;
  private readonly byHash;
  private readonly insert;
  private readonly remove;
  private readonly appendEntry;
  private readonly journalEntry;
  private readonly erasedAt;
  private readonly ledgerOfSubject;
  private readonly forgetIdle;
  private readonly countAll;

  constructor(db: Database.Database) {
    this.byId = db.prepare<[number], PersonColumns>('SELECT * FROM persons WHERE id = ?');
    this.byHash = db.prepare<[Buffer], PersonColumns>('SELECT * FROM persons WHERE phone_hash = ?');
    this.insert = db.prepare<[Buffer, Buffer, Buffer, number]>(
      'INSERT INTO persons (phone_hash, wrapped_key, phone_sealed, created_at) VALUES (?, ?, ?, ?)',
    );
    this.remove = db.prepare<[number]>('DELETE FROM persons WHERE id = ?');
    this.appendEntry = db.prepare<[Buffer, ...ReturnType<typeof ledgerColumns>]>(
      `INSERT INTO consent_ledger (subject, event, purposes, node_id, flow_version, purpose_hashes, at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.journalEntry = db.prepare<[Buffer, number]>(
      'INSERT INTO erasure_journal (subject, at) VALUES (?, ?) ON CONFLICT (subject, at) DO NOTHING',
    );
    this.erasedAt = db.prepare<[Buffer, number], { n: number }>(
      "SELECT COUNT(*) AS n FROM consent_ledger WHERE subject = ? AND event = 'erased' AND at = ?",
    );
    this.ledgerOfSubject = db.prepare<[Buffer], LedgerColumns>(
      'SELECT event, purposes, node_id, flow_version, purpose_hashes, at FROM consent_ledger WHERE subject = ? ORDER BY id',
    );
    // A person with nothing left about them (no values, conversation, handoff or pending work)
    // is forgotten too: their key and sealed number go.
    this.forgetIdle = db.prepare<[]>(
      `DELETE FROM persons WHERE
         NOT EXISTS (SELECT 1 FROM fields f WHERE f.person_id = persons.id)
         AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.person_id = persons.id)
         AND NOT EXISTS (SELECT 1 FROM handoffs h WHERE h.person_id = persons.id)
         AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.person_id = persons.id)
         AND NOT EXISTS (SELECT 1 FROM inbox i WHERE i.person_id = persons.id AND i.processed_at IS NULL)`,
    );
    this.countAll = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM persons');
  }

  byIdNow(id: number): PersonRow | undefined {
    const row = this.byId.get(id);
    return row ? toPerson(row) : undefined;
  }

  byPhoneHash(phoneHash: Buffer): PersonRow | undefined {
    const row = this.byHash.get(phoneHash);
    return row ? toPerson(row) : undefined;
  }

  /** Finds the person with this phone hash, or creates them with `material()`. */
  ensure(phoneHash: Buffer, material: () => PersonMaterial, at: number): PersonRow {
    return this.byPhoneHash(phoneHash) ?? this.add(phoneHash, material(), at);
  }

  add(phoneHash: Buffer, material: PersonMaterial, at: number): PersonRow {
    const result = this.insert.run(phoneHash, material.wrappedKey, material.phoneSealed, at);
    return { id: Number(result.lastInsertRowid), phoneHash, ...material, createdAt: at };
  }

  /** Deletes the person's row: their key goes, and by cascade everything sealed under it. */
  delete(personId: number): void {
    this.remove.run(personId);
  }

  appendLedger(phoneHash: Buffer, entry: LedgerEntry): void {
    this.appendEntry.run(phoneHash, ...ledgerColumns(entry));
  }

  /**
   * Records an erasure: in the erasure journal (keyed hash and time only) and as `erased` in the
   * consent ledger, each once per subject and time, so replaying a journal entry twice adds
   * nothing. True when the journal did not hold it yet.
   */
  recordErasure(phoneHash: Buffer, at: number): boolean {
    if ((this.erasedAt.get(phoneHash, at)?.n ?? 0) === 0)
      this.appendLedger(phoneHash, { event: 'erased', purposes: [], at });
    return this.journalEntry.run(phoneHash, at).changes > 0;
  }

  /** The consent ledger of one subject (also after their erasure: it keeps the erasure event). */
  ledgerOf(phoneHash: Buffer): LedgerEntry[] {
    return this.ledgerOfSubject.all(phoneHash).map(toLedgerEntry);
  }

  /** Forgets people with nothing left about them; run after the other areas purged. */
  purge(): { persons: number } {
    return { persons: this.forgetIdle.run().changes };
  }

  count(): number {
    return this.countAll.get()?.n ?? 0;
  }
}
