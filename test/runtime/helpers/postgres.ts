import { randomBytes } from 'node:crypto';
import { createServer, connect as netConnect, type AddressInfo, type Socket } from 'node:net';
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

/**
 * A TCP forwarder to PostgreSQL on 127.0.0.1 whose network can be cut: while cut, it forwards
 * nothing either way and closes nothing (as a cable pulled out), and new connections hang.
 * `cut(name)` cuts only the connections whose startup message names an application_name starting
 * with `name` (the bot's instance lock session is `amana serve, pid …`), the others go on.
 */
export async function cuttableProxy(target: URL) {
  let cutting: ((startup: string) => boolean) | undefined;
  const sockets: Socket[] = [];
  const server = createServer((client) => {
    const upstream = netConnect(Number(target.port), target.hostname);
    sockets.push(client, upstream);
    // The client's first bytes are its startup message: key\0value\0 pairs, application_name among them.
    let startup: string | undefined;
    const forward = (from: Socket, to: Socket) =>
      from.on('data', (chunk: Buffer) => {
        if (from === client && startup === undefined) startup = chunk.toString('latin1');
        if (!cutting?.(startup ?? '')) to.write(chunk);
      });
    forward(client, upstream);
    forward(upstream, client);
    for (const socket of [client, upstream]) socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = new URL(target.href);
  address.port = String((server.address() as AddressInfo).port);
  return {
    url: address.href,
    cut: (name?: string) =>
      (cutting = name === undefined ? () => true : (startup) => startup.includes(`application_name\0${name}`)),
    restore: () => (cutting = undefined),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
