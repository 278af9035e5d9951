import type { StoreUser } from './storage.ts';

/**
 * Why this process may not work on the store now. Only a store several processes share pauses
 * (PostgreSQL, ./postgres/instances.ts): a process works only while it holds the instance lock,
 * so that `rotate-key` never runs while it writes with the old master key.
 */
export type StorePause =
  /** Its database session holding the instance lock ended (database restart, network cut, pg_terminate_backend): it is taking the lock again. */
  | { reason: 'lock-lost'; since: number }
  /** `rotate-key` holds the lock alone: the process waits for it to finish. */
  | { reason: 'key-rotation'; since: number; holders: StoreUser[] }
  /**
   * The lock is back, but the database no longer takes this process's master key (rotate-key
   * replaced it, or left a rotation unfinished): `problem` says so in the operator's words, and
   * only a restart with the new key resumes work.
   */
  | { reason: 'key-replaced'; since: number; problem: string };

/**
 * Whether this process may work on its store, and who wants to know when that changes (the
 * server pauses and resumes its workers, /healthz says why). A store that is never shared is
 * always open.
 */
export class StoreAccess {
  private current: StorePause | undefined;
  private readonly listeners: ((pause: StorePause | undefined) => void)[] = [];

  /**
   * Asked each time the lock is taken back, before work resumes: a problem (in the operator's
   * words) keeps the process paused for good. The store's opener sets it (../store/open.ts).
   */
  beforeResume: () => Promise<string | undefined> = () => Promise.resolve(undefined);

  /** Undefined while the process may work; else why not. */
  get pause(): StorePause | undefined {
    return this.current;
  }

  /** For writes that need the master key: rejects them with {@link StorePaused} while paused. */
  assertOpen(): void {
    if (this.current) throw new StorePaused(this.current);
  }

  onChange(listener: (pause: StorePause | undefined) => void): void {
    this.listeners.push(listener);
  }

  /** Records a new state; listeners hear of it when it opens, or pauses for another reason. */
  set(pause: StorePause | undefined): void {
    if (pause?.reason === this.current?.reason) return;
    this.current = pause;
    for (const listener of this.listeners) listener(pause);
  }
}

/** The store refused a write because this process is paused (see {@link StorePause}). */
export class StorePaused extends Error {
  override name = 'StorePaused';

  constructor(readonly pause: StorePause) {
    super(`the store is paused: ${pause.reason}`);
  }
}
