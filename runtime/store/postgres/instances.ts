import { hostname } from 'node:os';
import { basename } from 'node:path';
import postgres from 'postgres';
import type { StoreAccess, StorePause } from '../access.ts';
import { StoreInUse, type StoreUser } from '../storage.ts';
import { lockKeys } from './migrations.ts';

/**
 * Which processes have the database open, told by PostgreSQL itself: every process that opens
 * the store holds the instance lock, a session-level advisory lock, shared, on a connection of its
 * own for as long as it runs; `rotate-key` takes it exclusively, so it runs only when nobody else
 * has the database open, and nobody opens it while it runs. A process that dies loses its session
 * and with it the lock, at once: no heartbeat to wait out. (Session locks need a real session:
 * behind PgBouncer, use session pooling.)
 *
 * A process works only while it holds the lock. Its session can end under it (the database
 * restarts, the network is cut, someone runs pg_terminate_backend): the lock notices at once when
 * the connection closes, and within {@link probeEveryMs} + {@link probeTimeoutMs} when it hangs.
 * It then pauses the store (see ../access.ts) and takes the lock again on a fresh connection,
 * with backoff; while `rotate-key` holds it alone, the process stays paused. Work resumes once
 * the lock is back and the master key is still the database's.
 *
 * The lock is the whole rule, and the live claims on work (a person's messages, an outbox row)
 * only back it up: they name an instance that held the database within the last lease, e.g. one
 * killed a moment ago, or one of a runtime from before this lock.
 */
export class InstanceLock {
  private probeTimer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private attempts = 0;
  private released = false;
  private session: Session | undefined;

  private constructor(
    private readonly url: string,
    private readonly access: StoreAccess | undefined,
  ) {}

  /**
   * Takes the lock on a connection of its own (named after this process in pg_stat_activity), or
   * rejects with {@link StoreInUse} naming who holds it the other way. `exclusive` also refuses
   * while claims on work are live. The shared lock is watched and taken back when lost, pausing
   * `access` meanwhile.
   */
  static async take(url: string, exclusive: boolean, access?: StoreAccess): Promise<InstanceLock> {
    const lock = new InstanceLock(url, exclusive ? undefined : access);
    const session: Session = openSession(url, () => lock.lost(session));
    try {
      const got = await tryLock(session, exclusive);
      const claims = exclusive ? await liveClaims(session) : 0;
      if (!got || claims > 0)
        throw new StoreInUse({ holders: await lockHolders(session), claims, wanted: exclusive ? 'alone' : 'shared' });
    } catch (error) {
      await session.end({ timeout: 1 });
      throw error;
    }
    lock.session = session;
    if (lock.access) lock.probeTimer = setInterval(() => void lock.probe(), probeEveryMs).unref();
    return lock;
  }

  async release(): Promise<void> {
    this.released = true;
    clearInterval(this.probeTimer);
    clearTimeout(this.retryTimer);
    const session = this.session;
    this.session = undefined;
    await session?.end({ timeout: 5 });
  }

  /** A live connection can still hang (a network cut): a probe that does not answer in time counts as lost. */
  private async probe(): Promise<void> {
    const session = this.session;
    if (!session) return;
    const held = await within(probeTimeoutMs, holdsLock(session)).catch(() => false);
    if (!held) this.lost(session);
  }

  /** The session holding the lock is gone (or no longer holds it): pause, and take the lock again. */
  private lost(session: Session): void {
    if (this.released || session !== this.session) return;
    this.session = undefined;
    session.end({ timeout: 0 }).catch(() => undefined);
    this.access?.set({ reason: 'lock-lost', since: Date.now() });
    this.retryLater();
  }

  private retryLater(): void {
    if (this.released) return;
    const delay = Math.min(retryMaxMs, retryFirstMs * 2 ** this.attempts) * (0.75 + Math.random() / 2);
    this.attempts += 1;
    this.retryTimer = setTimeout(() => void this.retake(), delay);
    this.retryTimer.unref();
  }

  /**
   * One attempt on a fresh connection: take the shared lock, then let `access` confirm that the
   * master key is still the database's before work resumes. Refused by `rotate-key`: paused, and
   * tried again later; the key replaced meanwhile: paused for good, the lock given back.
   */
  private async retake(): Promise<void> {
    if (this.released || !this.access) return;
    const access = this.access;
    const session: Session = openSession(this.url, () => this.lost(session));
    try {
      const outcome = await within(retakeTimeoutMs, this.attempt(session, access));
      if (this.released) outcome.adopt = false;
      if (outcome.adopt) {
        this.session = session;
        this.attempts = 0;
        access.set(undefined);
        return;
      }
      await session.end({ timeout: 1 });
      if (outcome.pause) access.set(outcome.pause);
      if (outcome.again) this.retryLater();
    } catch {
      // The database did not answer: whatever kept the lock before, the session is what is missing now.
      await session.end({ timeout: 0 }).catch(() => undefined);
      if (!this.released) access.set({ reason: 'lock-lost', since: Date.now() });
      this.retryLater();
    }
  }

  private async attempt(
    session: Session,
    access: StoreAccess,
  ): Promise<{ adopt: boolean; again?: boolean; pause?: StorePause }> {
    if (!(await tryLock(session, false))) {
      const holders = await lockHolders(session);
      return { adopt: false, again: true, pause: { reason: 'key-rotation', since: Date.now(), holders } };
    }
    const problem = await access.beforeResume();
    if (problem === undefined) return { adopt: true };
    return { adopt: false, pause: { reason: 'key-replaced', since: Date.now(), problem } };
  }
}

/** How often the held lock's session is asked whether it still holds it, and how long it may take to say. */
const probeEveryMs = 2000;
const probeTimeoutMs = 3000;
/** Backoff between attempts to take a lost lock back: the first, the longest, and how long one may take. */
const retryFirstMs = 250;
const retryMaxMs = 5000;
const retakeTimeoutMs = 10_000;

type Session = postgres.Sql;

/**
 * One connection that is never recycled (the driver closes a connection after 30 to 60 minutes by
 * default, and the lock would go with it) and never silently reopened: once it closes, `closed`
 * is told, and the lock is taken again on a new one.
 */
function openSession(url: string, closed: () => void): Session {
  return postgres(url, {
    max: 1,
    connection: { application_name: processName() },
    onnotice: () => undefined,
    onclose: closed,
    connect_timeout: 10,
    idle_timeout: 0,
    max_lifetime: 0,
  });
}

/** `work`'s outcome, or a rejection once `ms` have passed without it (a hung connection never answers). */
async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** `bigint` advisory keys appear in pg_locks as two 32-bit halves. */
const lockKey = { high: Math.floor(lockKeys.instance / 2 ** 32), low: lockKeys.instance % 2 ** 32 };

async function tryLock(session: Session, exclusive: boolean): Promise<boolean> {
  const [row] = exclusive
    ? await session<{ got: boolean }[]>`SELECT pg_try_advisory_lock(${lockKeys.instance}::bigint) AS got`
    : await session<{ got: boolean }[]>`SELECT pg_try_advisory_lock_shared(${lockKeys.instance}::bigint) AS got`;
  return row?.got === true;
}

async function holdsLock(session: Session): Promise<boolean> {
  const [row] = await session<{ held: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted
                   AND classid = ${lockKey.high} AND objid = ${lockKey.low} AND objsubid = 1) AS held`;
  return row?.held === true;
}

/** The other sessions holding the instance lock on this database, oldest first. */
async function lockHolders(session: Session): Promise<StoreUser[]> {
  const rows = await session<{ name: string | null; address: string | null; since: string | null }[]>`
    SELECT a.application_name AS name, host(a.client_addr) AS address,
           (extract(epoch FROM a.backend_start) * 1000)::bigint::text AS since
    FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
    WHERE l.locktype = 'advisory' AND l.granted AND l.pid <> pg_backend_pid()
      AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
      AND l.classid = ${lockKey.high} AND l.objid = ${lockKey.low} AND l.objsubid = 1
    ORDER BY a.backend_start`;
  return rows.map((row) => ({
    name: row.name || 'a process',
    ...(row.address ? { address: row.address } : {}),
    ...(row.since === null ? {} : { since: Number(row.since) }),
  }));
}

/** Claims on a person's messages or an outbox row that have not run out. */
async function liveClaims(session: Session): Promise<number> {
  const [row] = await session<{ n: string }[]>`
    SELECT ((SELECT COUNT(*) FROM inbox_leases WHERE until >= now())
          + (SELECT COUNT(*) FROM outbox WHERE claimed_until >= now()))::text AS n`;
  return Number(row?.n ?? 0);
}

/** How pg_stat_activity names this process, e.g. `amana serve, pid 4242 on web-1` (PostgreSQL keeps 63 bytes). */
function processName(): string {
  const command = basename(process.argv[1] ?? '') === 'server.js' && process.argv[2] ? ` ${process.argv[2]}` : '';
  return `amana${command}, pid ${process.pid} on ${hostname()}`.slice(0, 63);
}
