import type Database from 'better-sqlite3';
import { toPerson, type PersonColumns } from '../rows.ts';
import type { ErasureEntry, PersonRow, ReplayReport } from '../storage.ts';
import type { SqliteTurns } from './turns.ts';

/**
 * The store's upkeep: its own values (`meta`), the erasure journal's replay after a restore, and
 * the re-wrapping of person keys under a new master key (`rotate-key`). Every method runs inside
 * the caller's write.
 */
export class SqliteUpkeep {
  private readonly getMeta;
  private readonly setMeta;
  private readonly deleteMeta;
  private readonly journal;
  private readonly knownBefore;
  private readonly notWrappedBy;
  private readonly rewrap;

  constructor(
    db: Database.Database,
    private readonly turns: SqliteTurns,
  ) {
    this.getMeta = db.prepare<[string], { value: Buffer }>('SELECT value FROM meta WHERE key = ?');
    this.setMeta = db.prepare<[string, Buffer]>(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    this.deleteMeta = db.prepare<[string]>('DELETE FROM meta WHERE key = ?');
    this.journal = db.prepare<[], { subject: Buffer; at: number }>(
      'SELECT subject, at FROM erasure_journal ORDER BY id',
    );
    this.knownBefore = db.prepare<[Buffer, number], { id: number }>(
      'SELECT id FROM persons WHERE phone_hash = ? AND created_at <= ?',
    );
    this.notWrappedBy = db.prepare<[string, number], PersonColumns>(
      'SELECT * FROM persons WHERE key_id IS NULL OR key_id <> ? ORDER BY id LIMIT ?',
    );
    this.rewrap = db.prepare<[Buffer, string, number]>('UPDATE persons SET wrapped_key = ?, key_id = ? WHERE id = ?');
  }

  meta(name: string): Buffer | undefined {
    return this.getMeta.get(name)?.value;
  }

  writeMeta(values: Record<string, Buffer | null>): void {
    for (const [name, value] of Object.entries(values)) {
      if (value === null) this.deleteMeta.run(name);
      else this.setMeta.run(name, value);
    }
  }

  erasureJournal(): ErasureEntry[] {
    return this.journal.all().map((row) => ({ subject: row.subject, at: row.at }));
  }

  /** Each entry erased again the way a turn erases (../sqlite/turns.ts), recipients aside: they were asked the first time. */
  replay(entries: readonly ErasureEntry[]): ReplayReport {
    const report: ReplayReport = { erased: 0, recorded: 0 };
    for (const entry of entries) {
      const person = this.knownBefore.get(entry.subject, entry.at);
      if (this.turns.erase(entry.subject, person?.id, entry.at)) report.recorded += 1;
      if (person) report.erased += 1;
    }
    return report;
  }

  personsNotWrappedBy(keyId: string, limit: number): PersonRow[] {
    return this.notWrappedBy.all(keyId, limit).map(toPerson);
  }

  rewrapPersonKeys(rows: readonly { id: number; wrappedKey: Buffer }[], keyId: string): void {
    for (const row of rows) this.rewrap.run(row.wrappedKey, keyId, row.id);
  }
}
