// A throwaway PostgreSQL cluster for the tests and the benchmark: initdb in a temporary folder,
// started on a free port on 127.0.0.1, deleted when stopped. PostgreSQL refuses to run as root,
// so as root the cluster belongs to the `postgres` user and its commands run through runuser.
//
//   node scripts/postgres-cluster.mjs start   # prints {"url": …, "dir": …} and leaves it running
//   node scripts/postgres-cluster.mjs stop <dir>
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The folder of initdb and pg_ctl: AMANA_PG_BIN, else Debian's newest /usr/lib/postgresql/N/bin, else PATH. */
export function postgresBinDir() {
  if (process.env.AMANA_PG_BIN) return process.env.AMANA_PG_BIN;
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((name) => existsSync(join(debian, name, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(debian, versions[0], 'bin');
  }
  const found = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  const path = found.stdout.trim();
  return path ? path.replace(/\/initdb$/, '') : undefined;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** How PostgreSQL's commands are run: directly, or as the `postgres` user when this process is root. */
function runner() {
  if (process.getuid?.() !== 0) return { run: (command, args) => [command, args] };
  return { run: (command, args) => ['runuser', ['-u', 'postgres', '--', command, ...args]] };
}

/** As root, the cluster's folder belongs to the `postgres` user, who runs its commands. */
function asOwner(dir) {
  if (process.getuid?.() === 0) {
    const id = (flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, id('-u'), id('-g'));
  }
  return runner();
}

function run(owner, command, args) {
  const [file, argv] = owner.run(command, args);
  const result = spawnSync(file, argv, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${command} failed (${result.status ?? result.error?.message}): ${result.stderr || result.stdout}`);
  }
}

/**
 * Starts a cluster; `durable` keeps fsync on (the benchmark), tests run without it (a crash of
 * the machine loses a throwaway cluster, nothing else); `settings` are more server settings
 * (`name=value`, each given as `-c`). Resolves to its URL and folder.
 */
export async function startCluster({ durable = false, settings: extra = [] } = {}) {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL is not installed (no initdb found; on Debian: apt-get install postgresql)');
  const dir = mkdtempSync(join(tmpdir(), 'amana-pg-'));
  const owner = asOwner(dir);
  const data = join(dir, 'data');
  const port = await freePort();
  try {
    run(owner, join(bin, 'initdb'), [
      '-D',
      data,
      '-A',
      'trust',
      '-U',
      'postgres',
      '-E',
      'UTF8',
      '--no-sync',
      '--locale=C',
    ]);
    const settings = [
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      '-c max_connections=200',
      ...(durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
      ...extra.map((setting) => `-c ${setting}`),
    ];
    run(owner, join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-o',
      settings.join(' '),
      '-l',
      join(dir, 'log'),
      '-w',
      '-t',
      '60',
      'start',
    ]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, dir };
}

export function stopCluster(dir) {
  const bin = postgresBinDir();
  const data = join(dir, 'data');
  if (bin && existsSync(data)) {
    const owner = {
      run: process.getuid?.() === 0 ? (c, a) => ['runuser', ['-u', 'postgres', '--', c, ...a]] : (c, a) => [c, a],
    };
    spawnSync(...owner.run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']), { stdio: 'ignore' });
  }
  rmSync(dir, { recursive: true, force: true });
}

if (process.argv[1] && import.meta.url === `file://${process.argv[1]}`) {
  const [command, dir] = process.argv.slice(2);
  if (command === 'start') {
    process.stdout.write(`${JSON.stringify(await startCluster({ durable: process.argv.includes('--durable') }))}\n`);
  } else if (command === 'stop' && dir) {
    stopCluster(dir);
  } else {
    process.stderr.write('usage: node scripts/postgres-cluster.mjs start [--durable] | stop <dir>\n');
    process.exitCode = 2;
  }
}
