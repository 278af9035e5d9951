import { ledgerColumns, toLedgerEntry, toPerson, type LedgerColumns, type PersonColumns } from '../rows.ts';
import type { LedgerEntry, PersonMaterial, PersonRow } from '../storage.ts';
import { bigintArray, byteaArray, type Db } from './connect.ts';

/**
 * The people the bot has met and the append-only consent ledger, which outlives them (it keeps
 * the erasure event). Every method runs on the pool or inside a caller's transaction.
 */
export const subjects = {
  async byPhoneHash(sql: Db, phoneHash: Buffer): Promise<PersonRow | undefined> {
    const [row] = await sql<PersonColumns[]>`SELECT * FROM persons WHERE phone_hash = ${phoneHash}`;
    return row ? toPerson(row) : undefined;
  },

  /**
   * The people with these phone hashes who exist, by hex hash, locked until the transaction ends
   * against an erasure deleting them (FOR KEY SHARE: rows referring to them can still be written).
   */
  async byPhoneHashes(sql: Db, hashes: Buffer[]): Promise<Map<string, PersonRow>> {
    const rows = await sql<PersonColumns[]>`
      SELECT * FROM persons WHERE phone_hash = ANY(${byteaArray(sql, hashes)}) FOR KEY SHARE`;
    return new Map(rows.map((row) => [row.phone_hash.toString('hex'), toPerson(row)]));
  },

  /**
   * The people with these phone hashes, given those `found` by {@link byPhoneHashes}, created with
   * `material(hash)` where missing. Another instance creating the same person at the same time wins
   * quietly: its row is read back.
   */
  async ensureAll(
    sql: Db,
    wanted: Map<string, { phoneHash: Buffer; material: () => PersonMaterial; at: number }>,
    existing: ReadonlyMap<string, PersonRow>,
  ): Promise<Map<string, PersonRow>> {
    const found = new Map(
      [...wanted.keys()].flatMap((key) => {
        const person = existing.get(key);
        return person ? [[key, person] as const] : [];
      }),
    );
    const missing = [...wanted.entries()].filter(([key]) => !found.has(key));
    if (missing.length === 0) return found;
    // Inserted in one order (by hash) on every instance: two instances creating overlapping
    // people at once then wait for each other instead of deadlocking on the unique index.
    const created = missing
      .map(([, entry]) => ({ ...entry, ...entry.material() }))
      .sort((a, b) => Buffer.compare(a.phoneHash, b.phoneHash));
    const inserted = await sql<PersonColumns[]>`
      INSERT INTO persons (phone_hash, wrapped_key, phone_sealed, created_at)
      SELECT * FROM unnest(${byteaArray(
        sql,
        created.map((entry) => entry.phoneHash),
      )}::bytea[],
                           ${byteaArray(
                             sql,
                             created.map((entry) => entry.wrappedKey),
                           )}::bytea[],
                           ${byteaArray(
                             sql,
                             created.map((entry) => entry.phoneSealed),
                           )}::bytea[],
                           ${sql.array(
                             created.map((entry) => entry.at),
                             20,
                           )}::bigint[])
      ON CONFLICT (phone_hash) DO NOTHING
      RETURNING *`;
    for (const row of inserted) found.set(row.phone_hash.toString('hex'), toPerson(row));
    const raced = missing.filter(([key]) => !found.has(key)).map(([, entry]) => entry.phoneHash);
    if (raced.length > 0) {
      for (const row of await sql<
        PersonColumns[]
      >`SELECT * FROM persons WHERE phone_hash = ANY(${byteaArray(sql, raced)})`)
        found.set(row.phone_hash.toString('hex'), toPerson(row));
    }
    return found;
  },

  async add(sql: Db, phoneHash: Buffer, material: PersonMaterial, at: number): Promise<PersonRow> {
    const [row] = await sql<{ id: number }[]>`
      INSERT INTO persons (phone_hash, wrapped_key, phone_sealed, created_at)
      VALUES (${phoneHash}, ${material.wrappedKey}, ${material.phoneSealed}, ${at}) RETURNING id`;
    if (!row) throw new Error('the person was not created');
    return { id: row.id, phoneHash, ...material, createdAt: at };
  },

  /**
   * Locks the person's row until the transaction ends: a delivery being written for them is waited
   * for (it holds the row), and one that comes after waits, then finds them gone.
   */
  async lock(sql: Db, personId: number): Promise<void> {
    await sql`SELECT 1 FROM persons WHERE id = ${personId} FOR UPDATE`;
  },

  /** Deletes the person's row: their key goes, and by cascade everything sealed under it. */
  async delete(sql: Db, personId: number): Promise<void> {
    await sql`DELETE FROM persons WHERE id = ${personId}`;
  },

  appendLedger(sql: Db, phoneHash: Buffer, entry: LedgerEntry) {
    const [event, purposes, nodeId, flowVersion, wording, at] = ledgerColumns(entry);
    return sql`INSERT INTO consent_ledger (subject, event, purposes, node_id, flow_version, purpose_hashes, at)
      VALUES (${phoneHash}, ${event}, ${purposes}, ${nodeId}, ${flowVersion}, ${wording}, ${at})`;
  },

  /**
   * Records an erasure: in the erasure journal (keyed hash and time only) and as `erased` in the
   * consent ledger, each once per subject and time, so replaying a journal entry twice adds
   * nothing. True when the journal did not hold it yet.
   */
  async recordErasure(sql: Db, phoneHash: Buffer, at: number): Promise<boolean> {
    const [erased] = await sql<{ n: number }[]>`
      SELECT COUNT(*)::bigint AS n FROM consent_ledger WHERE subject = ${phoneHash} AND event = 'erased' AND at = ${at}`;
    if ((erased?.n ?? 0) === 0) await subjects.appendLedger(sql, phoneHash, { event: 'erased', purposes: [], at });
    const result = await sql`
      INSERT INTO erasure_journal (subject, at) VALUES (${phoneHash}, ${at}) ON CONFLICT (subject, at) DO NOTHING`;
    return result.count > 0;
  },

  async ledgerOf(sql: Db, phoneHash: Buffer): Promise<LedgerEntry[]> {
    const rows = await sql<LedgerColumns[]>`
      SELECT event, purposes, node_id, flow_version, purpose_hashes, at FROM consent_ledger WHERE subject = ${phoneHash} ORDER BY id`;
    return rows.map(toLedgerEntry);
  },

  /** Forgets people with nothing left about them; run after the other areas purged. */
  async purge(sql: Db): Promise<{ persons: number }> {
    const nothingLeft = sql`
        NOT EXISTS (SELECT 1 FROM fields f WHERE f.person_id = persons.id)
        AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.person_id = persons.id)
        AND NOT EXISTS (SELECT 1 FROM handoffs h WHERE h.person_id = persons.id)
        AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.person_id = persons.id)
        AND NOT EXISTS (SELECT 1 FROM inbox i WHERE i.person_id = persons.id AND i.processed_at IS NULL)`;
    // Locked first, skipping anyone a delivery is being written for right now (it holds their row);
    // then asked again in a statement of its own, which sees what was written before the lock: a
    // message acknowledged meanwhile never loses its person (its row would be left to nobody).
    const locked = await sql<{ id: number }[]>`SELECT id FROM persons WHERE ${nothingLeft} FOR UPDATE SKIP LOCKED`;
    if (locked.length === 0) return { persons: 0 };
    const result = await sql`
      DELETE FROM persons WHERE id = ANY(${bigintArray(
        sql,
        locked.map((row) => row.id),
      )}::bigint[]) AND ${nothingLeft}`;
    return { persons: result.count };
  },

  async count(sql: Db): Promise<number> {
    const [row] = await sql<{ n: number }[]>`SELECT COUNT(*)::bigint AS n FROM persons`;
    return row?.n ?? 0;
  },
};
