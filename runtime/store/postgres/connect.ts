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
export function connect(url: string, max = 10): Pool {
  return postgres(url, {
    max,
    types,
    onnotice: () => undefined,
    connect_timeout: 10,
    idle_timeout: 0,
  });
}

/** bytea[] and bigint[] parameters, for statements that take a whole batch at once. */
export const byteaArray = (sql: Db, values: Buffer[]) => sql.array(values, 17);
export const bigintArray = (sql: Db, values: number[]) => sql.array(values, 20);
