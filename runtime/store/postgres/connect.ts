import postgres from 'postgres';

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

/**
 * Runs `work` in one transaction on a connection that holds nothing else, and gives the connection
 * back however it ends. Every transaction of the store goes through here, never through the
 * driver's `sql.begin`: postgres.js 3.4.9 can write a pool transaction's BEGIN without reserving
 * its connection when BEGIN is the statement that fills the connection's pipeline (porsager/
 * postgres#1189, #823), so under load the transaction failed with UNSAFE_TRANSACTION — a webhook
 * answered 503 — or other statements could run inside it. A reserved connection runs only what is
 * given to it, so BEGIN … COMMIT on it is what it says. `mode` is a transaction mode such as
 * `ISOLATION LEVEL REPEATABLE READ READ ONLY`.
 */
export async function transaction<T>(pool: Pool, work: (tx: Db) => Promise<T>, mode?: TransactionMode): Promise<T> {
  const tx = await pool.reserve();
  try {
    await tx.unsafe(mode ? `BEGIN ${mode}` : 'BEGIN');
    let result: T;
    try {
      result = await work(tx);
    } catch (error) {
      // A connection that broke needs no rollback (the server ended the transaction); the driver drops it.
      await tx.unsafe('ROLLBACK').catch(() => undefined);
      throw error;
    }
    await tx.unsafe('COMMIT');
    return result;
  } finally {
    tx.release();
  }
}

type TransactionMode = 'ISOLATION LEVEL REPEATABLE READ READ ONLY';

/** bytea[] and bigint[] parameters, for statements that take a whole batch at once. */
export const byteaArray = (sql: Db, values: Buffer[]) => sql.array(values, 17);
export const bigintArray = (sql: Db, values: number[]) => sql.array(values, 20);
