import { runtimeRetention } from '../../../flows/export/index.ts';
import { toOutbox, type OutboxWithPersonColumns } from '../rows.ts';
import type { DueOutbox, OutboxKind } from '../storage.ts';
import { bigintArray, type Db } from './connect.ts';

const day = 24 * 60 * 60 * 1000;

/** A row sent, with the keyed hash of its WhatsApp message id when the desk tracks its delivery. */
export interface SentMark {
  id: number;
  messageHash: Buffer | null;
}
/** Failed-send records serve the operator for as long as statuses do. */
const { operationalRecordDays } = runtimeRetention;

/**
 * What the bot still has to send, shared by every instance. A row is claimed by the instance
 * sending it (until `claimed_until`, renewed while it lives); only each person's oldest row can
 * be claimed, so one person's messages leave in order, one at a time, from whichever instance.
 */
export const outbox = {
  /** Creates the business number's token bucket, full, unless an instance did. */
  async ensureBucket(sql: Db, phoneNumber: string, rate: number): Promise<void> {
    await sql`INSERT INTO send_buckets (phone_number, tokens, refilled_at) VALUES (${phoneNumber}, ${rate}, now())
      ON CONFLICT (phone_number) DO NOTHING`;
  },

  /**
   * The statement claiming due rows, at most as many as the business number's shared token bucket
   * ({@link ensureBucket}) holds (WhatsApp counts its throughput per number, not per instance), and
   * taking that many tokens; read its rows with {@link due}. The rows are locked first and the
   * bucket row only when there are some, for the rest of the statement: instances claiming at once
   * share it without overdrawing, and one finding nothing (another took the rows) neither waits for
   * it nor makes the others wait. Such a claim says instead when the next row becomes due, as
   * {@link nextDueAt} would. The refill is counted up to the moment the bucket is locked
   * (`clock_timestamp()`), not from when the statement began (`now()`): a claim that waited for it
   * while one begun later took it would set the refill time back, and the time between would be
   * counted twice.
   */
  claimDue(
    sql: Db,
    owner: string,
    claimSeconds: number,
    phoneNumber: string,
    rate: number,
    now: number,
    limit: number,
    busy: ReadonlySet<number>,
  ) {
    return sql<(OutboxWithPersonColumns & { available: number | null; next_due: number | null })[]>`
      WITH locked AS (
        SELECT o.id FROM outbox o
        WHERE o.next_attempt_at <= ${now}
          AND (o.claimed_until IS NULL OR o.claimed_until < now())
          AND NOT EXISTS (SELECT 1 FROM outbox earlier WHERE earlier.person_id = o.person_id AND earlier.id < o.id)
          AND NOT (o.person_id = ANY(${bigintArray(sql, [...busy])}::bigint[]))
        ORDER BY o.id
        LIMIT ${limit}
        FOR UPDATE OF o SKIP LOCKED
      ), locked_bucket AS (
        SELECT tokens, refilled_at FROM send_buckets WHERE phone_number = ${phoneNumber} FOR UPDATE
      ), bucket AS (
        SELECT least(${rate}::float8, tokens + greatest(0, extract(epoch FROM t.at - refilled_at)) * ${rate}::float8) AS available, t.at
        FROM locked_bucket, LATERAL (SELECT clock_timestamp() AS at) t
      ), picked AS (
        SELECT id FROM locked ORDER BY id
        LIMIT CASE WHEN EXISTS (SELECT 1 FROM locked) THEN (SELECT floor(available)::int FROM bucket) ELSE 0 END
      ), claimed AS (
        UPDATE outbox o SET claimed_by = ${owner}, claimed_until = now() + make_interval(secs => ${claimSeconds})
        FROM picked WHERE o.id = picked.id
        RETURNING o.id, o.person_id, o.kind, o.payload, o.attempts, o.created_at
      ), spent AS (
        UPDATE send_buckets SET tokens = (SELECT available FROM bucket) - (SELECT count(*) FROM picked),
          refilled_at = (SELECT at FROM bucket)
        WHERE phone_number = ${phoneNumber} AND EXISTS (SELECT 1 FROM locked)
        RETURNING tokens
      )
      SELECT c.*, p.id AS p_id, p.phone_hash, p.wrapped_key, p.phone_sealed, p.created_at AS p_created_at,
             NULL::float8 AS available, NULL::bigint AS next_due
      FROM claimed c JOIN persons p ON p.id = c.person_id
      UNION ALL
      SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, (SELECT tokens FROM spent),
             CASE WHEN NOT EXISTS (SELECT 1 FROM locked) THEN (
               SELECT MIN(next_attempt_at) FROM outbox o
               WHERE (o.claimed_until IS NULL OR o.claimed_until < now())
                 AND NOT EXISTS (SELECT 1 FROM outbox earlier WHERE earlier.person_id = o.person_id AND earlier.id < o.id))
             END
      ORDER BY 1`;
  },

  /**
   * What {@link claimDue} claimed, how long to wait when the bucket held some back, and, when it
   * found nothing it could take, when the next row becomes due.
   */
  due(
    rows: readonly (OutboxWithPersonColumns & { available: number | null; next_due: number | null })[],
    limit: number,
    rate: number,
  ): DueOutbox {
    const last = rows.at(-1);
    const left = last?.available ?? rate;
    const claimed = rows.filter((row) => row.id !== null).map(toOutbox);
    const heldBack = claimed.length < limit && left < 1;
    const nextDueAt = last?.next_due ?? undefined;
    return {
      rows: claimed,
      waitMs: heldBack ? Math.ceil(((1 - left) / rate) * 1000) : 0,
      ...(nextDueAt === undefined ? {} : { nextDueAt }),
    };
  },

  /** When the next row that can go (each person's oldest, not being sent) becomes due. */
  async nextDueAt(sql: Db): Promise<number | undefined> {
    const [row] = await sql<{ due: number | null }[]>`
      SELECT MIN(next_attempt_at) AS due FROM outbox o
      WHERE (o.claimed_until IS NULL OR o.claimed_until < now())
        AND NOT EXISTS (SELECT 1 FROM outbox earlier WHERE earlier.person_id = o.person_id AND earlier.id < o.id)`;
    return row?.due ?? undefined;
  },

  /** The rows go; an agent's reply tracked by the desk keeps the message's hash for its delivery status. */
  async sent(sql: Db, marks: readonly SentMark[]): Promise<void> {
    await sql`WITH sent AS (
        SELECT * FROM unnest(${bigintArray(
          sql,
          marks.map((mark) => mark.id),
        )}::bigint[], ${sql.array(
          marks.map((mark) => mark.messageHash),
          17,
        )}::bytea[]) AS t(id, message_hash)
      ), gone AS (DELETE FROM outbox WHERE id IN (SELECT id FROM sent) RETURNING id)
      UPDATE desk_replies d SET state = 'sent', message_hash = sent.message_hash FROM sent
      WHERE d.outbox_id = sent.id AND sent.id IN (SELECT id FROM gone)`;
  },

  async retryLater(sql: Db, id: number, attempts: number, nextAttemptAt: number, error: string): Promise<void> {
    await sql`UPDATE outbox SET attempts = ${attempts}, next_attempt_at = ${nextAttemptAt}, last_error = ${error},
      claimed_by = NULL, claimed_until = NULL WHERE id = ${id}`;
  },

  /** Gives up on a row: it goes, and the operator keeps a record without person or payload. */
  async failed(sql: Db, id: number, attempts: number, error: string, at: number): Promise<void> {
    await sql`WITH gone AS (DELETE FROM outbox WHERE id = ${id} RETURNING id, kind),
      desk AS (UPDATE desk_replies SET state = 'failed' WHERE outbox_id IN (SELECT id FROM gone))
      INSERT INTO failed_sends (kind, attempts, error, at) SELECT kind, ${attempts}, ${error}, ${at} FROM gone`;
  },

  /** The statement keeping this instance's claims alive while it sends. */
  renew(sql: Db, owner: string, claimSeconds: number) {
    return sql`UPDATE outbox SET claimed_until = now() + make_interval(secs => ${claimSeconds}) WHERE claimed_by = ${owner}`;
  },

  async pendingOf(sql: Db, personId: number): Promise<{ kind: OutboxKind; payload: Buffer; createdAt: number }[]> {
    const rows = await sql<{ kind: OutboxKind; payload: Buffer; created_at: number }[]>`
      SELECT kind, payload, created_at FROM outbox WHERE person_id = ${personId} ORDER BY id`;
    return rows.map((row) => ({ kind: row.kind, payload: row.payload, createdAt: row.created_at }));
  },

  async purge(sql: Db, now: number): Promise<{ failedSends: number }> {
    const result = await sql`DELETE FROM failed_sends WHERE at <= ${now - operationalRecordDays * day}`;
    return { failedSends: result.count };
  },

  async count(sql: Db): Promise<number> {
    const [row] = await sql<{ n: number }[]>`SELECT COUNT(*)::bigint AS n FROM outbox`;
    return row?.n ?? 0;
  },
};
