import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { startCluster, stopCluster } from '../../../scripts/postgres-cluster.mjs';

export interface TestPostgres {
  /** The server's admin address (database `postgres`). */
  url: string;
  /** A new, empty database on it; dropped by {@link stop}. */
  database(label: string): Promise<string>;
  /** Drops the databases made here and stops the cluster if this file started it. */
  stop(): Promise<void>;
}

/**
 * The PostgreSQL server the tests run against: AMANA_TEST_DATABASE_URL when it is set (`.ci/run`
 * and `npm test` start one cluster for the whole run), else a throwaway cluster started for this
 * test file. Undefined — after a loud warning — only when no server can be started here: the
 * PostgreSQL tests are then skipped, and CI (which installs PostgreSQL) never skips them.
 */
export async function testPostgres(): Promise<TestPostgres | undefined> {
  let url = process.env['AMANA_TEST_DATABASE_URL'];
  let cluster: string | undefined;
  if (!url) {
    try {
      const started = await startCluster();
      url = started.url;
      cluster = started.dir;
    } catch (error) {
      if (process.env['AMANA_REQUIRE_POSTGRES'])
        throw new Error(`AMANA_REQUIRE_POSTGRES is set, but no PostgreSQL server could be started: ${String(error)}`);
      console.warn(
        `\n⚠ ⚠ ⚠  PostgreSQL tests SKIPPED: no PostgreSQL server could be started here (${error instanceof Error ? error.message : String(error)}).\n` +
          '        Install PostgreSQL (Debian: apt-get install postgresql) or set AMANA_TEST_DATABASE_URL. CI runs them.\n',
      );
      return undefined;
    }
  }
  const admin = postgres(url, { max: 2, onnotice: () => undefined });
  const made: string[] = [];
  return {
    url,
    async database(label: string) {
      const name = `amana_${label.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
      await admin.unsafe(`CREATE DATABASE ${name}`);
      made.push(name);
      const address = new URL(url ?? '');
      address.pathname = `/${name}`;
      return address.href;
    },
    async stop() {
      for (const name of made)
        await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await admin.end({ timeout: 5 });
      if (cluster) stopCluster(cluster);
    },
  };
}
