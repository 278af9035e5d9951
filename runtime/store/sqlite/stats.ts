import type Database from 'better-sqlite3';
import type { StatsCount } from '../storage.ts';

/**
 * The aggregate counters of `stats` (runtime/stats/): added to in the turn's own transaction, never
 * below zero, read back per day. They hold no person, value or time finer than a day.
 */
export class SqliteStats {
  private readonly add;
  private readonly between;

  constructor(db: Database.Database) {
    this.add = db.prepare<[string, string, string, string, number, number]>(
      `INSERT INTO stats_counts (day, scope, item, metric, count) VALUES (?, ?, ?, ?, max(?, 0))
       ON CONFLICT (day, scope, item, metric) DO UPDATE SET count = max(count + ?, 0)`,
    );
    this.between = db.prepare<[string, string], StatsCount>(
      `SELECT day, scope, item, metric, count FROM stats_counts
       WHERE day >= ? AND day <= ? AND count > 0 ORDER BY day, scope, item, metric`,
    );
  }

  /** Adds each count to its counter; inside the caller's transaction. */
  apply(counts: readonly StatsCount[]): void {
    for (const c of counts) this.add.run(c.day, c.scope, c.item, c.metric, c.count, c.count);
  }

  counts(from: string, to: string): StatsCount[] {
    return this.between.all(from, to);
  }
}
