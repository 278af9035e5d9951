import type { Logger } from '../log.ts';
import type { InboxRow, Storage } from '../store/storage.ts';

export interface InboxWorkerOptions {
  /** The inbox: read pending rows, mark a row done. */
  store: Pick<Storage, 'pendingInbox' | 'commitTurn'>;
  process(row: InboxRow): Promise<void>;
  log: Logger;
}

/** Rows read from the inbox at a time, and the most held in memory waiting for their person. */
const pageSize = 500;
const maxQueued = 2000;
/** A message whose turn fails this many times (a bug, not a busy disk) is dropped, so it cannot block its sender forever. */
const maxAttempts = 3;
/** How long a failed turn waits before it is tried again. */
export const retryDelayMs = 2000;

/**
 * Feeds the inbox to the processor: the database is the queue, so rows left unprocessed by a
 * crash are simply found again at start. Messages of one person are processed one at a time, in
 * arrival order; different people's turns run side by side (and share group commits).
 */
export class InboxWorker {
  private readonly chains = new Map<number, Promise<void>>();
  /** Rows scheduled and not yet done, so a re-read never schedules one twice. */
  private readonly scheduled = new Set<number>();
  private readonly failures = new Map<number, number>();
  private lastQueued = 0;
  /** Failed rows are read again from just before the first of them, when the retry timer fires. */
  private retryFrom = Number.POSITIVE_INFINITY;
  private queued = 0;
  private pumping = false;
  private again = false;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: InboxWorkerOptions) {}

  /** New rows were committed (or the worker starts): read them. */
  notify(): void {
    if (!this.stopped) void this.pump();
  }

  /**
   * Runs `work` for a person once their earlier turns are done, and keeps later ones waiting
   * until it is (admin releases and replies go through here too).
   */
  exclusive<T>(personId: number, work: () => Promise<T>): Promise<T> {
    const previous = this.chains.get(personId) ?? Promise.resolve();
    const run = previous.then(work);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    this.chains.set(personId, tail);
    void tail.then(() => {
      if (this.chains.get(personId) === tail) this.chains.delete(personId);
    });
    return run;
  }

  /** Stops reading new rows and waits for the turns under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await Promise.all([...this.chains.values()]);
  }

  private async pump(): Promise<void> {
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = true;
    try {
      do {
        this.again = false;
        while (!this.stopped && this.queued < maxQueued) {
          const rows = await this.options.store.pendingInbox(
            this.lastQueued,
            Math.min(pageSize, maxQueued - this.queued),
          );
          for (const row of rows) this.schedule(row);
          if (rows.length === 0) break;
        }
      } while (this.again && !this.stopped);
    } catch (error) {
      this.options.log.error('inbox-read-failed', { error: error instanceof Error ? error.name : 'unknown' });
      this.retryLater();
    } finally {
      this.pumping = false;
    }
  }

  private schedule(row: InboxRow): void {
    this.lastQueued = Math.max(this.lastQueued, row.id);
    if (this.scheduled.has(row.id)) return;
    this.scheduled.add(row.id);
    this.queued += 1;
    this.exclusive(row.personId, () => this.options.process(row))
      .then(() => this.failures.delete(row.id))
      .catch((error: unknown) => this.failed(row, error))
      .finally(() => {
        this.scheduled.delete(row.id);
        this.queued -= 1;
        if (this.queued < maxQueued / 2) this.notify();
      });
  }

  private async failed(row: InboxRow, error: unknown): Promise<void> {
    const attempts = (this.failures.get(row.id) ?? 0) + 1;
    const reason = error instanceof Error ? error.name : 'unknown';
    if (attempts < maxAttempts) {
      // Still unprocessed in the database: read again from there once the retry delay is over
      // (not at once: the next read would otherwise find it again straight away).
      this.failures.set(row.id, attempts);
      this.options.log.error('turn-failed', { inbox: row.id, attempts, error: reason });
      this.retryFrom = Math.min(this.retryFrom, row.id - 1);
      this.retryLater();
      return;
    }
    this.failures.delete(row.id);
    this.options.log.error('message-dropped', { inbox: row.id, attempts, error: reason });
    await this.options.store
      .commitTurn(row.personId, [{ op: 'inbox-done', inboxId: row.id }])
      .catch(() => this.retryLater());
  }

  private retryLater(): void {
    if (this.stopped || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.lastQueued = Math.min(this.lastQueued, this.retryFrom);
      this.retryFrom = Number.POSITIVE_INFINITY;
      this.notify();
    }, retryDelayMs);
  }
}
