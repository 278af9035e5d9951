import type { StatsCount } from '../storage.ts';
import type { Db } from './connect.ts';

/**
 * The aggregate counters of `stats` (runtime/stats/), as in ../sqlite/stats.ts. Instances add to
 * the same rows: each turn adds its counts in one order (day, scope, item, metric), whatever order
 * it was given them in, so two turns never wait on each other's rows crosswise (no deadlock), and
 * holds them only until its commit.
 */
export const stats = {
  async apply(sql: Db, counts: readonly StatsCount[]): Promise<void> {
    for (const c of [...counts].sort(byKey)) {
      await sql`INSERT INTO stats_counts (day, scope, item, metric, count)
        VALUES (${c.day}, ${c.scope}, ${c.item}, ${c.metric}, ${Math.max(c.count, 0)})
        ON CONFLICT (day, scope, item, metric) DO UPDATE SET count = GREATEST(stats_counts.count + ${c.count}, 0)`;
    }
  },

  async counts(sql: Db, from: string, to: string): Promise<StatsCount[]> {
    // count::integer arrives as a JavaScript number (int4); bigint columns are parsed in ./connect.ts.
    return sql<StatsCount[]>`
      SELECT day, scope, item, metric, count::integer AS count FROM stats_counts
      WHERE day >= ${from} AND day <= ${to} AND count > 0 ORDER BY day, scope, item COLLATE "C", metric`;
  },
};

function byKey(a: StatsCount, b: StatsCount): number {
  const left = `${a.day}\u0000${a.scope}\u0000${a.item}\u0000${a.metric}`;
  const right = `${b.day}\u0000${b.scope}\u0000${b.item}\u0000${b.metric}`;
  return left < right ? -1 : left > right ? 1 : 0;
}
