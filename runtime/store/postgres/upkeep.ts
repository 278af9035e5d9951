import { toPerson, type PersonColumns } from '../rows.ts';
import type { ErasureEntry, PersonRow, ReplayReport } from '../storage.ts';
import { bigintArray, byteaArray, type Db } from './connect.ts';
import { turns } from './turns.ts';

/**
 * The store's upkeep (see ../sqlite/upkeep.ts): its own values (`meta`), the erasure journal's
 * replay after a restore, and the re-wrapping of person keys under a new master key. Every method
 * runs on the pool or inside a caller's transaction.
 */
export const upkeep = {
  async meta(sql: Db, name: string): Promise<Buffer | undefined> {
    const [row] = await sql<{ value: Buffer }[]>`SELECT value FROM meta WHERE key = ${name}`;
    return row?.value;
  },

  async writeMeta(sql: Db, values: Record<string, Buffer | null>): Promise<void> {
    for (const [name, value] of Object.entries(values)) {
      if (value === null) await sql`DELETE FROM meta WHERE key = ${name}`;
      else
        await sql`INSERT INTO meta (key, value) VALUES (${name}, ${value})
          ON CONFLICT (key) DO UPDATE SET value = excluded.value`;
    }
  },

  async erasureJournal(sql: Db): Promise<ErasureEntry[]> {
    const rows = await sql<{ subject: Buffer; at: number }[]>`SELECT subject, at FROM erasure_journal ORDER BY id`;
    return rows.map((row) => ({ subject: row.subject, at: row.at }));
  },

  /** Each entry erased again the way a turn erases (./turns.ts), recipients aside: they were asked the first time. */
  async replay(sql: Db, entries: readonly ErasureEntry[]): Promise<ReplayReport> {
    const report: ReplayReport = { erased: 0, recorded: 0 };
    for (const entry of entries) {
      const [person] = await sql<{ id: number }[]>`
        SELECT id FROM persons WHERE phone_hash = ${entry.subject} AND created_at <= ${entry.at} FOR UPDATE`;
      if (await turns.erase(sql, entry.subject, person?.id, entry.at)) report.recorded += 1;
      if (person) report.erased += 1;
    }
    return report;
  },

  async personsNotWrappedBy(sql: Db, keyId: string, limit: number): Promise<PersonRow[]> {
    const rows = await sql<PersonColumns[]>`
      SELECT * FROM persons WHERE key_id IS DISTINCT FROM ${keyId} ORDER BY id LIMIT ${limit}`;
    return rows.map(toPerson);
  },

  async rewrapPersonKeys(sql: Db, rows: readonly { id: number; wrappedKey: Buffer }[], keyId: string): Promise<void> {
    if (rows.length === 0) return;
    await sql`
      UPDATE persons SET wrapped_key = batch.wrapped_key, key_id = ${keyId}
      FROM unnest(${bigintArray(
        sql,
        rows.map((row) => row.id),
      )}::bigint[], ${byteaArray(
        sql,
        rows.map((row) => row.wrappedKey),
      )}::bytea[]) AS batch(id, wrapped_key)
      WHERE persons.id = batch.id`;
  },
};
