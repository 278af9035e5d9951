import { runtimeRetention } from '../../../flows/export/index.ts';
import type { InboxRow, IngestMessage, PersonRow, StatusRecord } from '../storage.ts';
import { bigintArray, byteaArray, type Db } from './connect.ts';

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
 * The durable inbox, shared by every instance. A person's unprocessed messages are worked on by
 * the instance holding their lease (`inbox_leases`); a lease runs out `leaseSeconds` after its
 * owner last renewed it, so a crashed instance's people are taken over by the others.
 */
export const inbox = {
  /**
   * The statement writing messages, each sealed for its person, skipping dedupe hashes the inbox
   * holds (also one written by another instance now, or twice in `messages`); read what it wrote
   * with {@link written}. Throws when a message's person is not in `persons`.
   */
  write(sql: Db, messages: readonly IngestMessage[], persons: ReadonlyMap<string, PersonRow>) {
    const rows = messages.map((message) => {
      const person = persons.get(message.phoneHash.toString('hex'));
      if (!person) throw new Error('a message without its person');
      return { message, person, payload: message.seal(person) };
    });
    return sql<{ id: number; dedupe_hash: Buffer }[]>`
      INSERT INTO inbox (dedupe_hash, person_id, payload, received_at)
      SELECT * FROM unnest(${byteaArray(
        sql,
        rows.map((row) => row.message.dedupeHash),
      )}::bytea[],
                           ${bigintArray(
                             sql,
                             rows.map((row) => row.person.id),
                           )}::bigint[],
                           ${byteaArray(
                             sql,
                             rows.map((row) => row.payload),
                           )}::bytea[],
                           ${bigintArray(
                             sql,
                             rows.map((row) => row.message.receivedAt),
                           )}::bigint[])
      ON CONFLICT (dedupe_hash) DO NOTHING
      RETURNING id, dedupe_hash`;
  },

  /** The ids {@link write} gave, by hex dedupe hash. */
  written(rows: readonly { id: number; dedupe_hash: Buffer }[]): Map<string, number> {
    return new Map(rows.map((row) => [row.dedupe_hash.toString('hex'), row.id]));
  },

  /** Which of these dedupe hashes the inbox already holds. */
  async known(sql: Db, hashes: Buffer[]): Promise<Set<string>> {
    if (hashes.length === 0) return new Set();
    const rows = await sql<{ dedupe_hash: Buffer }[]>`
      SELECT dedupe_hash FROM inbox WHERE dedupe_hash = ANY(${byteaArray(sql, hashes)})`;
    return new Set(rows.map((row) => row.dedupe_hash.toString('hex')));
  },

  /** The statement recording delivery statuses (at least one). */
  statuses(sql: Db, statuses: readonly StatusRecord[], now: number) {
    return sql`
      INSERT INTO statuses (message_hash, status, at, error_code, recorded_at)
      SELECT h, s, a, e, ${now}::bigint FROM unnest(
        ${byteaArray(
          sql,
          statuses.map((status) => status.messageHash),
        )}::bytea[],
        ${sql.array(
          statuses.map((status) => status.status),
          25,
        )}::text[],
        ${bigintArray(
          sql,
          statuses.map((status) => status.at),
        )}::bigint[],
        ${sql.array(
          statuses.map((status) => status.errorCode ?? null),
          23,
        )}::integer[]) AS t(h, s, a, e)`;
  },

  /**
   * The statement leasing people with unprocessed messages whom nobody holds (or whose lease ran
   * out), skipping `held`, and returning their oldest unprocessed rows in arrival order (read them
   * with {@link toInboxRow}). One statement: two instances claiming at once never get the same person.
   */
  claim(sql: Db, owner: string, leaseSeconds: number, limit: number, held: ReadonlySet<number>) {
    return sql<InboxColumns[]>`
      WITH candidates AS (
        SELECT DISTINCT i.person_id FROM (
          SELECT person_id FROM inbox p
          WHERE processed_at IS NULL AND person_id IS NOT NULL
            AND NOT (person_id = ANY(${bigintArray(sql, [...held])}::bigint[]))
            AND NOT EXISTS (SELECT 1 FROM inbox_leases l
                            WHERE l.person_id = p.person_id AND l.owner <> ${owner} AND l.until >= now())
          ORDER BY id LIMIT ${limit}
        ) i
      ), leased AS (
        INSERT INTO inbox_leases (person_id, owner, until)
        SELECT person_id, ${owner}, now() + make_interval(secs => ${leaseSeconds}) FROM candidates ORDER BY person_id
        ON CONFLICT (person_id) DO UPDATE SET owner = excluded.owner, until = excluded.until
          WHERE inbox_leases.until < now() OR inbox_leases.owner = excluded.owner
        RETURNING person_id
      )
      SELECT i.id, i.person_id, i.payload, i.received_at FROM inbox i JOIN leased l ON l.person_id = i.person_id
      WHERE i.processed_at IS NULL AND i.payload IS NOT NULL
      ORDER BY i.id LIMIT ${limit}`;
  },

  /** The statement giving people back. */
  release(sql: Db, owner: string, personIds: readonly number[]) {
    return sql`DELETE FROM inbox_leases WHERE owner = ${owner} AND person_id = ANY(${bigintArray(sql, [...personIds])}::bigint[])`;
  },

  /** The statement leasing one person (for an agent's action); its count is 0 while another instance holds them. */
  hold(sql: Db, owner: string, leaseSeconds: number, personId: number) {
    return sql`
      INSERT INTO inbox_leases (person_id, owner, until)
      SELECT id, ${owner}, now() + make_interval(secs => ${leaseSeconds}) FROM persons WHERE id = ${personId}
      ON CONFLICT (person_id) DO UPDATE SET owner = excluded.owner, until = excluded.until
        WHERE inbox_leases.until < now() OR inbox_leases.owner = excluded.owner
      RETURNING person_id`;
  },

  /**
   * The statement keeping this instance's leases alive. It skips those locked at the moment rather
   * than wait for them: waiting, it held every lease it had renewed so far, and each turn for those
   * people waited behind it. A turn renews its own lease (migration 8); a lease locked by something
   * else (another instance's hold or claim waiting on it, an erasure) is renewed next time, a third
   * of a lease later. Should a lease still run out while its instance lives, another instance may
   * take the person over: the first one's next turn is then refused (AM001), so each message is
   * still processed once and in order.
   */
  renew(sql: Db, owner: string, leaseSeconds: number) {
    return sql`UPDATE inbox_leases SET until = now() + make_interval(secs => ${leaseSeconds})
      WHERE owner = ${owner} AND person_id IN (
        SELECT person_id FROM inbox_leases WHERE owner = ${owner} FOR NO KEY UPDATE SKIP LOCKED)`;
  },

  /** Messages still waiting are sealed under a key about to go: drop them, keep their dedupe keys. */
  async dropPendingOf(sql: Db, personId: number, at: number): Promise<void> {
    await sql`UPDATE inbox SET payload = NULL, person_id = NULL, processed_at = ${at} WHERE person_id = ${personId}`;
  },

  async pendingOf(sql: Db, personId: number): Promise<{ payload: Buffer; receivedAt: number }[]> {
    const rows = await sql<{ payload: Buffer; received_at: number }[]>`
      SELECT payload, received_at FROM inbox WHERE person_id = ${personId} AND payload IS NOT NULL ORDER BY id`;
    return rows.map((row) => ({ payload: row.payload, receivedAt: row.received_at }));
  },

  async purge(sql: Db, now: number): Promise<{ inboxKeys: number; statuses: number }> {
    const keys =
      await sql`DELETE FROM inbox WHERE processed_at IS NOT NULL AND processed_at <= ${now - dedupeKeyDays * day}`;
    const statuses = await sql`DELETE FROM statuses WHERE recorded_at <= ${now - operationalRecordDays * day}`;
    return { inboxKeys: keys.count, statuses: statuses.count };
  },

  async pendingCount(sql: Db): Promise<number> {
    const [row] = await sql<{ n: number }[]>`SELECT COUNT(*)::bigint AS n FROM inbox WHERE processed_at IS NULL`;
    return row?.n ?? 0;
  },

  async oldestPendingAt(sql: Db): Promise<number | undefined> {
    const [row] = await sql<
      { at: number | null }[]
    >`SELECT MIN(received_at) AS at FROM inbox WHERE processed_at IS NULL`;
    return row?.at ?? undefined;
  },
};

export function toInboxRow(row: InboxColumns): InboxRow {
  return { id: row.id, personId: row.person_id, payload: row.payload, receivedAt: row.received_at };
}
