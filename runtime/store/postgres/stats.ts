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

/**
 * The aggregate counters of `stats` (runtime/stats/), as in ../sqlite/stats.ts. A turn's counts are
 * added by migration 8's amana_stats_add, in one order whoever adds them, so two turns in one
 * shard never wait on each other's rows crosswise (no deadlock), and hold them only until their
 * commit.
 */
export const stats = {
  /** The shard of a customer's counts, from their keyed phone hash (as amana_turns reads it from their person row). */
  shardOf(phoneHash: Buffer): number {
    return (phoneHash[0] ?? 0) % shards;
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
