import postgres from 'postgres';
import { StorePaused } from '../access.ts';
import { lockKeys } from './migrations.ts';

/** The column types the store reads as JavaScript numbers: ids and ms-since-epoch times (bigint). */
const types = {
  bigint: { to: 20, from: [20], serialize: (value: number) => String(value), parse: (value: string) => Number(value) },
};

type Types = { bigint: number };
/** A connection pool or a transaction: what the store's areas run their statements on. */
export type Db = postgres.ISql<Types>;
export type Pool = postgres.Sql<Types>;

/**
 * Opens a pool on `url` (postgres://user:password@host:port/database?sslmode=…, as libpq reads it).
 * Statements are prepared once per connection by the driver; notices are not printed (they are
 * the database's business, not the bot's log).
 */
export function connect(url: string, max = 10, connection: Record<string, string> = {}): Pool {
  return postgres(url, {
    max,
    connection,
    types,
    onnotice: () => undefined,
    connect_timeout: 10,
    idle_timeout: 0,
  });
}

/** Pools whose durable transactions hold the instance lock themselves: see {@link guardWrites}. */
const guarded = new WeakSet<Pool>();

/**
 * From now on, every durable transaction on `pool` ({@link transaction} and {@link pipelined}
 * without `lazy`) takes the instance lock shared for itself as its first statement, and fails with
 * {@link StorePaused} when it cannot: `rotate-key` holds the lock alone. This closes the gap between
 * the instance lock's session ending and the process noticing (./instances.ts: at once when the
 * connection closes, but up to 5 s when the network hangs): PostgreSQL frees the lock of a session it
 * ended at once, so `rotate-key` could start meanwhile, and a transaction of this process creating a
 * person would wrap their key with the master key being retired. Holding the lock for the
 * transaction, the write either commits before `rotate-key` can take the lock, or is refused. The
 * lazy ones (claims and leases) write nothing under the master key and go unguarded; so do the
 * batched turns, one statement each (they create no person). Not for a store opened alone
 * (`rotate-key` itself) nor before the lock is taken (migrations).
 */
export function guardWrites(pool: Pool): void {
  guarded.add(pool);
}

/**
 * The guard's statement: `pg_try_advisory_xact_lock_shared` answers false while another session
 * holds the lock alone, and the statement must then fail to abort the transaction (SQL has no
 * raise outside PL/pgSQL): 1 / 0 does, and {@link refusedByGuard} tells it from other failures.
 */
function guard(tx: Db) {
  return tx`SELECT 1 / pg_try_advisory_xact_lock_shared(${lockKeys.instance}::bigint)::int AS held`;
}

/** Whether `statement` (the guard) failed, once it has settled; then the error to throw instead. */
async function refusedByGuard(statement: Promise<unknown> | undefined): Promise<StorePaused | undefined> {
  if (!statement) return undefined;
  const failed = await statement.then(
    () => false,
    () => true,
  );
  return failed ? new StorePaused({ reason: 'lock-lost', since: Date.now() }) : undefined;
}

/**
 * Runs `work` in one transaction on a connection that holds nothing else, and gives the connection
 * back however it ends. Every transaction of several statements goes through here or through
 * {@link pipelined} (claims, erasing turns, the quick ingest), never through the driver's
 * `sql.begin` (the batched turns are one statement each, a transaction by themselves):
 * postgres.js 3.4.9 can write a pool transaction's BEGIN without reserving its connection when
 * BEGIN is the statement that fills the connection's pipeline (porsager/postgres#1189, #823), so
 * under load the transaction failed with UNSAFE_TRANSACTION — a webhook answered 503 — or other
 * statements could run inside it. A reserved connection runs only what is given to it, so BEGIN …
 * COMMIT on it is what it says. BEGIN goes out with the first statement of `work` (one round trip
 * less); BEGIN cannot fail on a connection that works.
 *
 * Options: `mode`, a transaction mode such as `ISOLATION LEVEL REPEATABLE READ READ ONLY`; `lazy`,
 * for bookkeeping the database may lose in a crash of its own (claims and leases, which run out and
 * are taken again): the commit does not wait for the write-ahead log to reach the disk. Anything
 * committed after it waits for that log up to its own commit, so no durable commit can depend on a
 * lazy one that was lost.
 */
export async function transaction<T>(
  pool: Pool,
  work: (tx: Db) => Promise<T>,
  options: { mode?: TransactionMode; lazy?: boolean } = {},
): Promise<T> {
  const tx = await pool.reserve();
  try {
    const begin = tx.unsafe(options.mode ? `BEGIN ${options.mode}` : 'BEGIN').execute();
    begin.catch(() => undefined); // read below
    if (options.lazy) tx`SET LOCAL synchronous_commit TO OFF`.execute().catch(() => undefined);
    const held = !options.lazy && guarded.has(pool) ? guard(tx) : undefined;
    held?.execute();
    held?.catch(() => undefined); // read below
    let result: T;
    try {
      result = await work(tx);
      await begin;
      await held;
    } catch (error) {
      // A connection that broke needs no rollback (the server ended the transaction); the driver drops it.
      await tx.unsafe('ROLLBACK').catch(() => undefined);
      throw (await refusedByGuard(held)) ?? error;
    }
    await tx.unsafe('COMMIT');
    return result;
  } finally {
    tx.release();
  }
}

type TransactionMode = 'ISOLATION LEVEL REPEATABLE READ READ ONLY';

/**
 * One statement as a lazy transaction (see {@link transaction}), sent with its BEGIN and COMMIT in
 * one round trip: for the claims and leases every instance takes and gives back all the time.
 */
export async function lazily<T>(pool: Pool, statement: (tx: Db) => Promise<T> & { execute(): unknown }): Promise<T> {
  const [result] = await pipelined(pool, (tx, pipe) => [pipe.send(statement(tx))], { lazy: true });
  return result;
}

/**
 * A transaction sent as one {@link Pipeline} on a reserved connection: its BEGIN, what `build`
 * sends, and its COMMIT go out without waiting for one another; `build` awaits only where a
 * statement needs an answer first. Resolves to what `build` returned (statements it sent are
 * answered by then) once committed; rejects with the first statement that failed (the COMMIT then
 * rolled back), or with what `build` threw (the transaction is rolled back). `lazy` as in
 * {@link transaction}.
 */
export async function pipelined<T>(
  pool: Pool,
  build: (tx: Db, pipe: Pipeline) => T | Promise<T>,
  options: { lazy?: boolean } = {},
): Promise<T> {
  const tx = await pool.reserve();
  const pipe = new Pipeline();
  let held: Promise<unknown> | undefined;
  try {
    pipe.send(tx`BEGIN`);
    if (options.lazy) pipe.send(tx`SET LOCAL synchronous_commit TO OFF`);
    else if (guarded.has(pool)) held = pipe.send(guard(tx));
    const result = await build(tx, pipe);
    pipe.send(tx`COMMIT`);
    await pipe.settle();
    return result;
  } catch (error) {
    // Nothing to roll back when the COMMIT was sent (it rolled back itself); otherwise end the transaction here.
    await tx`ROLLBACK`.catch(() => undefined);
    // The first statement that failed says why; those after it only say the transaction was aborted.
    const first = await pipe.settle().then(
      () => error,
      (failure: unknown) => failure,
    );
    throw (await refusedByGuard(held)) ?? first;
  } finally {
    tx.release();
  }
}

/**
 * Statements of one transaction sent as they are made, without waiting for each answer: the driver
 * writes them to the connection together and the server runs them in that order, so a turn of
 * several statements costs one round trip instead of one each. A statement that fails aborts the
 * transaction, and every later one then fails too; {@link settle} waits for all of them and throws
 * the first failure, the one that says why. Checks that must stop a turn are therefore statements
 * that fail (see migration 7), never answers read before the next statement is sent.
 */
export class Pipeline {
  private readonly sent: Promise<unknown>[] = [];

  /** Sends `statement` now, after those sent before it; its outcome is also checked by {@link settle}. */
  send<T extends Promise<unknown> & { execute(): unknown }>(statement: T): T {
    statement.execute();
    // Seen here so that a failure is not reported as unhandled before settle() reads it.
    statement.catch(() => undefined);
    this.sent.push(statement);
    return statement;
  }

  /** Waits for every statement sent; throws the first failure. */
  async settle(): Promise<void> {
    const outcomes = await Promise.allSettled(this.sent);
    const failure = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failure) throw failure.reason;
  }
}

/** bytea[] and bigint[] parameters, for statements that take a whole batch at once. */
export const byteaArray = (sql: Db, values: Buffer[]) => sql.array(values, 17);
export const bigintArray = (sql: Db, values: number[]) => sql.array(values, 20);
