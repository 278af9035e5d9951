// Amana as a user installs it, without its development dependencies: the package is packed with
// `npm pack` (whose prepare script builds the CLI and the runtime) and the tarball installed into a
// temporary folder with `npm install --omit=dev`. From there `amana check` and `amana export` work, and
// the exported bot starts and verifies its webhook — so nothing the product runs is only a dev dependency
// (esbuild, tsx, TypeScript …) or a file outside the package.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, freshKey, secrets, startBot, type RunningBot } from '../runtime/helpers/bot.ts';
import { FakeGraph } from '../runtime/helpers/fake-graph.ts';
import { twoLanguageBundleFiles } from '../fixtures/bundle-files.ts';
import { useCompiledSqlite } from '../helpers/compiled-sqlite.ts';

const root = new URL('../../', import.meta.url).pathname;
const examples = join(root, 'flows/examples');
const manifest: { version: string; devDependencies: Record<string, string>; dependencies: Record<string, string> } =
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
let dir: string;
let installed: string;
let bot: RunningBot | undefined;
const graph = new FakeGraph();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'amana-installed-'));
  const packed = spawnSync('npm', ['pack', '--pack-destination', dir], { cwd: root, encoding: 'utf8' });
  expect(packed.status, packed.stderr).toBe(0);
  const tarball = readdirSync(dir).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack wrote no tarball: ${packed.stdout}`);

  installed = join(dir, 'user');
  mkdirSync(installed);
  writeFileSync(join(installed, 'package.json'), '{ "private": true }\n');
  const install = spawnSync(
    'npm',
    ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', join(dir, tarball)],
    { cwd: installed, encoding: 'utf8' },
  );
  expect(install.status, install.stderr).toBe(0);
  expect(useCompiledSqlite(installed)).toBe('');
}, 600_000);

afterAll(async () => {
  await bot?.stop();
  await graph.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The installed `amana` command, run as npm links it: node_modules/.bin/amana. */
function amana(...args: string[]) {
  const result = spawnSync(join(installed, 'node_modules', '.bin', 'amana'), args, {
    cwd: installed,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C', AMANA_LANG: '' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('Amana installed from its tarball without development dependencies', () => {
  it('holds the prebuilt programs and none of the sources or development dependencies', () => {
    const amanaDir = join(installed, 'node_modules', 'amana');
    // npm adds README.md and package.json to the files package.json lists.
    expect(readdirSync(amanaDir).sort()).toEqual(['README.md', 'bin', 'out', 'package.json']);
    expect(existsSync(join(amanaDir, 'out', 'cli', 'amana.mjs'))).toBe(true);
    expect(existsSync(join(amanaDir, 'out', 'runtime', 'server.js'))).toBe(true);
    expect(existsSync(join(amanaDir, 'cli'))).toBe(false);
    // The tools that built it are not there (some type packages are, as dependencies of React's packages).
    const buildTools = ['esbuild', 'tsx', 'typescript', 'vite', 'vitest', 'electron', 'electron-builder'];
    expect(buildTools.every((name) => name in manifest.devDependencies)).toBe(true);
    const present = buildTools.filter((name) => existsSync(join(installed, 'node_modules', name, 'package.json')));
    expect(present).toEqual([]);
  });

  it('prints its version and checks flows', () => {
    expect(amana('--version')).toMatchObject({
      code: 0,
      stdout: `${manifest.version}\n`,
    });
    const clean = amana('check', join(examples, 'lead-capture.flow.json'));
    expect(clean, clean.stderr).toMatchObject({ code: 0 });
    expect(clean.stderr).toContain('No problems found');
    const failing = amana('check', '--format', 'json', join(examples, 'noncompliant-demo.flow.json'));
    expect(failing.code).toBe(1);
    expect(JSON.parse(failing.stdout).diagnostics.map((found: { rule: string }) => found.rule)).toContain(
      'consent-before-collection',
    );
  });

  it('exports a bot whose server.js is the prebuilt runtime, and the bot starts and verifies its webhook', async () => {
    const botDir = join(dir, 'bot');
    const exported = amana('export', join(examples, 'lead-capture.flow.json'), '--out', botDir);
    expect(exported.code, exported.stderr).toBe(0);
    expect(readdirSync(botDir).sort()).toEqual(twoLanguageBundleFiles);
    expect(readFileSync(join(botDir, 'server.js'), 'utf8')).toBe(
      readFileSync(join(installed, 'node_modules', 'amana', 'out', 'runtime', 'server.js'), 'utf8'),
    );
    // The bot's own dependencies (better-sqlite3, postgres) are Amana's production dependencies too.
    const botManifest: { dependencies: Record<string, string> } = JSON.parse(
      readFileSync(join(botDir, 'package.json'), 'utf8'),
    );
    expect(Object.keys(botManifest.dependencies).filter((name) => !(name in manifest.dependencies))).toEqual([]);
    symlinkSync(join(installed, 'node_modules'), join(botDir, 'node_modules'));

    bot = await startBot({
      dir: botDir,
      graphBase: await graph.start(),
      key: freshKey(),
      db: join(botDir, 'amana.db'),
    });
    const challenge = await call(
      bot.port,
      'GET',
      `/webhook?hub.mode=subscribe&hub.verify_token=${secrets.verifyToken}&hub.challenge=20261201`,
    );
    expect(challenge).toEqual({ status: 200, body: '20261201' });
  }, 120_000);
});
