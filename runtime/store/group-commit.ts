import type { Database } from 'better-sqlite3';

/** One queued write: runs inside the group's transaction and returns how to settle its caller. */
interface Pending {
  attempt(): () => void;
  fail(error: unknown): void;
}

/**
 * Group commit: writes requested during one turn of the event loop share one transaction, so one
 * fsync (synchronous=FULL) makes a whole burst of webhook deliveries durable. Each write runs in
 * its own savepoint: one failing rolls back alone and rejects only its own caller. Callers are
 * settled only after the transaction commits.
 */
export class GroupCommit {
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(private readonly db: Database) {}

  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({
        attempt: () => {
          try {
            const value = this.db.transaction(work)();
            return () => resolve(value);
          } catch (error) {
            return () => reject(error);
          }
        },
        fail: reject,
      });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Commits everything queued now, synchronously. */
  flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    let settlers: (() => void)[];
    try {
      settlers = this.db.transaction(() => batch.map((item) => item.attempt()))();
    } catch (error) {
      for (const item of batch) item.fail(error);
      return;
    }
    for (const settle of settlers) settle();
  }
}
