import type { StatsCount } from '../storage.ts';
import type { Db } from './connect.ts';

/**
 * Rows each counter is spread over (migration 7). Turns under way at once add to the counters every
 * conversation passes; in one row they would wait for each other's commits. A customer's turns all
 * go to the shard of their keyed phone hash (uniform, and the same across an erasure), so a
 * conversation leaving a cell takes back the count it put there, and a count never counted stays at
 * zero in its own row, as in ../sqlite/stats.ts.
 */
const shards = 64;

/** Which customer's shard: their person row (a normal turn), or their phone hash (after an erasure). */
export type StatsSubject = { personId: number } | { phoneHash: Buffer };

/**
 * The aggregate counters of `stats` (runtime/stats/), as in ../sqlite/stats.ts. Every turn adds its
 * counts in one order (day, scope, item, metric), so two turns in one shard never wait on each
 * other's rows crosswise (no deadlock), and hold them only until their commit.
 */
export const stats = {
  /** The statements adding a turn's counts, inside the turn's transaction, in one order whatever the caller's. */
  add(sql: Db, counts: readonly StatsCount[], subject: StatsSubject) {
    const shard =
      'phoneHash' in subject
        ? sql`${(subject.phoneHash[0] ?? 0) % shards}::smallint`
        : sql`(SELECT get_byte(phone_hash, 0) % ${shards} FROM persons WHERE id = ${subject.personId})`;
    return [...counts].sort(byKey).map(
      (c) => sql`INSERT INTO stats_counts (day, scope, item, metric, shard, count)
        VALUES (${c.day}, ${c.scope}, ${c.item}, ${c.metric}, ${shard}, ${Math.max(c.count, 0)})
        ON CONFLICT (day, scope, item, metric, shard) DO UPDATE SET count = GREATEST(stats_counts.count + ${c.count}, 0)`,
    );
  },

  /** Each counter as the sum of its shards; counters at zero are not returned. */
  async counts(sql: Db, from: string, to: string): Promise<StatsCount[]> {
    return sql<StatsCount[]>`
      SELECT day, scope, item, metric, sum(count)::integer AS count FROM stats_counts
      WHERE day >= ${from} AND day <= ${to}
      GROUP BY day, scope, item, metric HAVING sum(count) > 0
      ORDER BY day, scope, item COLLATE "C", metric`;
  },
};

function byKey(a: StatsCount, b: StatsCount): number {
  const left = `${a.day}\u0000${a.scope}\u0000${a.item}\u0000${a.metric}`;
  const right = `${b.day}\u0000${b.scope}\u0000${b.item}\u0000${b.metric}`;
  return left < right ? -1 : left > right ? 1 : 0;
}
