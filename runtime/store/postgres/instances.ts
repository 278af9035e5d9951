import { hostname } from 'node:os';
import { basename } from 'node:path';
import { StoreInUse, type StoreUser } from '../storage.ts';
import { connect, type Db, type Pool } from './connect.ts';
import { lockKeys } from './migrations.ts';

/**
 * Which processes have the database open, told by PostgreSQL itself: every process that opens
 * the store holds the instance lock, a session-level advisory lock, shared, on a connection of its
 * own for as long as it runs; `rotate-key` takes it exclusively, so it runs only when nobody else
 * has the database open, and nobody opens it while it runs. A process that dies loses its session
 * and with it the lock, at once: no heartbeat to wait out. (Session locks need a real session:
 * behind PgBouncer, use session pooling.)
 *
 * The lock is the whole rule, and the live claims on work (a person's messages, an outbox row)
 * only back it up: they name an instance that held the database within the last lease, e.g. one
 * killed a moment ago, or one of a runtime from before this lock.
 */
export class InstanceLock {
  private lost = false;

  private constructor(
    private readonly session: Pool,
    readonly exclusive: boolean,
  ) {}

  /**
   * Takes the lock on a connection of its own (named after this process in pg_stat_activity), or
   * rejects with {@link StoreInUse} naming who holds it the other way. `exclusive` also refuses
   * while claims on work are live.
   */
  static async take(url: string, exclusive: boolean): Promise<InstanceLock> {
    const session = connect(url, 1, { application_name: processName() });
    try {
      const got = await tryLock(session, exclusive);
      const claims = exclusive ? await liveClaims(session) : 0;
      if (got && claims === 0) return new InstanceLock(session, exclusive);
      throw new StoreInUse({ holders: await lockHolders(session), claims, wanted: exclusive ? 'alone' : 'shared' });
    } catch (error) {
      await session.end({ timeout: 1 });
      throw error;
    }
  }

  /** False once {@link check} could not take the lock back. */
  get held(): boolean {
    return !this.lost;
  }

  /**
   * The driver reconnects a connection that broke, and the new session holds no lock: take it
   * again. Lost for good when that fails (`rotate-key` runs meanwhile): this process's master key
   * may be on its way out, so /healthz fails and it must be restarted.
   */
  async check(): Promise<void> {
    if (this.lost) return;
    const [row] = await this.session<{ held: boolean }[]>`
      SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted
                     AND classid = ${lockKey.high} AND objid = ${lockKey.low} AND objsubid = 1) AS held`;
    if (!row?.held) this.lost = !(await tryLock(this.session, this.exclusive));
  }

  async release(): Promise<void> {
    await this.session.end({ timeout: 5 });
  }
}

/** `bigint` advisory keys appear in pg_locks as two 32-bit halves. */
const lockKey = { high: Math.floor(lockKeys.instance / 2 ** 32), low: lockKeys.instance % 2 ** 32 };

async function tryLock(session: Db, exclusive: boolean): Promise<boolean> {
  const [row] = exclusive
    ? await session<{ got: boolean }[]>`SELECT pg_try_advisory_lock(${lockKeys.instance}::bigint) AS got`
    : await session<{ got: boolean }[]>`SELECT pg_try_advisory_lock_shared(${lockKeys.instance}::bigint) AS got`;
  return row?.got === true;
}

/** The other sessions holding the instance lock on this database, oldest first. */
async function lockHolders(session: Db): Promise<StoreUser[]> {
  const rows = await session<{ name: string | null; address: string | null; since: number | null }[]>`
    SELECT a.application_name AS name, host(a.client_addr) AS address,
           (extract(epoch FROM a.backend_start) * 1000)::bigint AS since
    FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
    WHERE l.locktype = 'advisory' AND l.granted AND l.pid <> pg_backend_pid()
      AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
      AND l.classid = ${lockKey.high} AND l.objid = ${lockKey.low} AND l.objsubid = 1
    ORDER BY a.backend_start`;
  return rows.map((row) => ({
    name: row.name || 'a process',
    ...(row.address ? { address: row.address } : {}),
    ...(row.since === null ? {} : { since: row.since }),
  }));
}

/** Claims on a person's messages or an outbox row that have not run out. */
async function liveClaims(session: Db): Promise<number> {
  const [row] = await session<{ n: number }[]>`
    SELECT (SELECT COUNT(*) FROM inbox_leases WHERE until >= now())
         + (SELECT COUNT(*) FROM outbox WHERE claimed_until >= now()) AS n`;
  return row?.n ?? 0;
}

/** How pg_stat_activity names this process, e.g. `amana serve, pid 4242 on web-1` (PostgreSQL keeps 63 bytes). */
function processName(): string {
  const command = basename(process.argv[1] ?? '') === 'server.js' && process.argv[2] ? ` ${process.argv[2]}` : '';
  return `amana${command}, pid ${process.pid} on ${hostname()}`.slice(0, 63);
}
