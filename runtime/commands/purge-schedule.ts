import { errorName, type Logger } from '../log.ts';
import type { Storage } from '../store/storage.ts';

/** `serve` purges expired values at start and then every hour (DESIGN.md §5, Retention). */
export const purgeEveryMs = 60 * 60 * 1000;
/** How soon a purge that failed is tried again, rather than at the next hour. */
export const purgeRetryMs = 60 * 1000;

export interface PurgeScheduleOptions {
  store: Pick<Storage, 'purge' | 'access'>;
  clock: () => number;
  log: Logger;
}

/**
 * The retention purge of a running bot. A paused store (it lost the instance lock,
 * ../store/access.ts) purges nothing; a purge that fails for another reason (the database
 * unreachable or busy) is tried again in a minute, and the hourly schedule goes on whatever
 * became of it. Its timers never keep the process alive, and {@link stop} clears them.
 */
export class PurgeSchedule {
  private hourly: NodeJS.Timeout | undefined;
  private retry: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly options: PurgeScheduleOptions) {}

  /** Purges every hour from now on (the first in an hour: `serve` runs one itself once it listens). */
  start(): void {
    if (this.stopped || this.hourly) return;
    this.hourly = setInterval(() => void this.run(), purgeEveryMs);
    this.hourly.unref();
  }

  /** Purges now (a retry due is then not needed); a failure is logged and tried again later, never thrown. */
  async run(): Promise<void> {
    clearTimeout(this.retry);
    this.retry = undefined;
    const { store, clock, log } = this.options;
    if (store.access.pause !== undefined || this.stopped) return;
    try {
      const report = await store.purge(clock());
      log.info('purged', { ...report });
    } catch (error) {
      log.error('purge-failed', { error: errorName(error) });
      if (store.access.pause === undefined && !this.stopped) {
        this.retry = setTimeout(() => void this.run(), purgeRetryMs);
        this.retry.unref();
      }
    }
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.hourly);
    clearTimeout(this.retry);
    this.hourly = undefined;
    this.retry = undefined;
  }
}
