import { errorName, type Logger } from '../log.ts';
import { StorePaused } from '../store/access.ts';
import { TurnConflict, type InboxRow, type Storage } from '../store/storage.ts';

export interface InboxWorkerOptions {
  /** The inbox: claim people's pending rows, give them back, hold one person, mark a row done. */
  store: Pick<Storage, 'claimInbox' | 'releaseInbox' | 'holdPerson' | 'commitTurn' | 'shared' | 'access'>;
  process(row: InboxRow): Promise<void>;
  log: Logger;
}

/** Rows claimed from the inbox at a time, and the most held in memory waiting for their person. */
const pageSize = 500;
const maxQueued = 2000;
/** A message whose turn fails this many times (a bug, not a busy disk) is dropped, so it cannot block its sender forever. */
const maxAttempts = 3;
/** A shared store is also read this often: other instances write to it, and leases of crashed ones expire. */
const sharedPollMs = 1000;
/** How long an agent's action waits for another instance to finish with the person. */
const holdTimeoutMs = 15_000;
/** How long a failed turn waits before it is tried again. */
export const retryDelayMs = 2000;

/**
 * Feeds the inbox to the processor: the database is the queue, so rows left unprocessed by a
 * crash are simply found again at start (or, on a shared store, once the crashed instance's lease
 * on their person expires). The worker claims people, not single rows: a person's messages are
 * processed one at a time, in arrival order, by one instance; different people's turns run side
 * by side (and share group commits). A person is given back once their claimed rows are done.
 */
export class InboxWorker {
  private readonly chains = new Map<number, Promise<void>>();
  /** People whose claimed rows are queued here, or an agent's action runs for (not given back until all are done). */
  private readonly held = new Set<number>();
  /**
   * How many works hold each person in {@link held} (their claimed rows, an agent's action): the
   * person is given back when the last is done, not while another still waits its turn.
   */
  private readonly holds = new Map<number, number>();
  /** People done with, to give back at the next read. */
  private readonly finished = new Set<number>();
  private readonly failures = new Map<number, number>();
  /** People whose last turn failed: not claimed again until the retry delay has passed. */
  private readonly resting = new Set<number>();
  private queued = 0;
  private pumping = false;
  private again = false;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private pollTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: InboxWorkerOptions) {}

  /** New rows were committed (or the worker starts): read them. */
  notify(): void {
    if (this.stopped) return;
    if (this.options.store.shared && !this.pollTimer) {
      this.pollTimer = setInterval(() => this.notify(), sharedPollMs);
      this.pollTimer.unref();
    }
    void this.pump();
  }

  /**
   * Runs `work` for a person once their earlier turns are done, and keeps later ones waiting
   * until it is (admin releases and replies go through here). On a shared store the person is
   * claimed first, so no other instance runs a turn for them meanwhile.
   */
  exclusive<T>(personId: number, work: () => Promise<T>): Promise<T> {
    return this.chain(personId, async () => {
      if (this.held.has(personId)) return work();
      await this.hold(personId);
      this.enter(personId);
      try {
        return await work();
      } finally {
        this.leave(personId);
        this.giveBack(personId);
      }
    });
  }

  /** Stops reading new rows, waits for the turns under way and gives their people back. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.pollTimer) clearInterval(this.pollTimer);
    await Promise.all([...this.chains.values()]);
    await this.releaseFinished();
  }

  private chain<T>(personId: number, work: () => Promise<T>): Promise<T> {
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

  private async hold(personId: number): Promise<void> {
    const deadline = Date.now() + holdTimeoutMs;
    while (!(await this.options.store.holdPerson(personId))) {
      if (Date.now() > deadline) throw new Error('another instance keeps this person busy');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
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
        await this.releaseFinished();
        while (!this.stopped && this.queued < maxQueued) {
          const skip = this.resting.size === 0 ? this.held : new Set([...this.held, ...this.resting]);
          const rows = await this.options.store.claimInbox(Math.min(pageSize, maxQueued - this.queued), skip);
          this.schedule(rows);
          if (rows.length === 0) break;
        }
      } while (this.again && !this.stopped);
    } catch (error) {
      this.options.log.error('inbox-read-failed', { error: errorName(error) });
      this.retryLater();
    } finally {
      this.pumping = false;
    }
  }

  private async releaseFinished(): Promise<void> {
    if (this.finished.size === 0) return;
    const people = [...this.finished].filter((personId) => !this.held.has(personId));
    this.finished.clear();
    if (people.length === 0) return;
    try {
      await this.options.store.releaseInbox(people);
    } catch (error) {
      // Still leased here, and renewed while this instance lives: given back at the next read.
      for (const personId of people) this.finished.add(personId);
      throw error;
    }
  }

  private enter(personId: number): void {
    this.holds.set(personId, (this.holds.get(personId) ?? 0) + 1);
    this.held.add(personId);
  }

  private leave(personId: number): void {
    const left = (this.holds.get(personId) ?? 1) - 1;
    if (left > 0) return void this.holds.set(personId, left);
    this.holds.delete(personId);
    this.held.delete(personId);
  }

  private giveBack(personId: number): void {
    this.finished.add(personId);
    this.notify();
  }

  /** Queues claimed rows, grouped by person in arrival order. */
  private schedule(rows: InboxRow[]): void {
    const byPerson = new Map<number, InboxRow[]>();
    for (const row of rows) {
      const list = byPerson.get(row.personId);
      if (list) list.push(row);
      else byPerson.set(row.personId, [row]);
    }
    for (const [personId, list] of byPerson) {
      this.enter(personId);
      this.queued += list.length;
      void this.chain(personId, () => this.processInOrder(list)).finally(() => {
        this.leave(personId);
        this.queued -= list.length;
        this.giveBack(personId);
      });
    }
  }

  /**
   * One person's claimed rows, in order; a failure stops the rest, which stay in the inbox for later.
   * So does a pause of the store (it lost the instance lock): the rows are not failures, and are
   * claimed again, here or elsewhere, once an instance may work.
   */
  private async processInOrder(rows: InboxRow[]): Promise<void> {
    for (const row of rows) {
      if (this.options.store.access.pause) return;
      try {
        await this.options.process(row);
        this.failures.delete(row.id);
      } catch (error) {
        if (error instanceof TurnConflict) {
          // Another instance processed it or took the person over: their turn stands, not ours.
          this.options.log.info('turn-taken-over', { inbox: row.id });
          return;
        }
        if (error instanceof StorePaused) {
          this.options.log.info('turn-paused', { inbox: row.id, reason: error.pause.reason });
          return;
        }
        if (!(await this.failed(row, error))) return;
      }
    }
  }

  /** Counts a failure; true when the row was dropped (the person's next rows may go on). */
  private async failed(row: InboxRow, error: unknown): Promise<boolean> {
    const attempts = (this.failures.get(row.id) ?? 0) + 1;
    const reason = errorName(error);
    if (attempts < maxAttempts) {
      // Still unprocessed in the database: claimed again from there a little later.
      this.failures.set(row.id, attempts);
      this.resting.add(row.personId);
      this.options.log.error('turn-failed', { inbox: row.id, attempts, error: reason });
      this.retryLater();
      return false;
    }
    this.failures.delete(row.id);
    this.options.log.error('message-dropped', { inbox: row.id, attempts, error: reason });
    try {
      await this.options.store.commitTurn(row.personId, [{ op: 'inbox-done', inboxId: row.id }]);
      return true;
    } catch {
      this.resting.add(row.personId);
      this.retryLater();
      return false;
    }
  }

  private retryLater(): void {
    if (this.stopped || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.resting.clear();
      this.notify();
    }, retryDelayMs);
  }
}
