// The desktop app as `npm start` and `npm run dist` build it: the esbuild bundles of the main
// process and the preload. The main bundle runs (as CommonJS, like in Electron) against the fake
// `electron` and a real workspace; the preload bundle needs nothing Electron's sandbox lacks.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleShell } from '../../scripts/build-desktop.ts';

const root = new URL('../../', import.meta.url).pathname;
let app: string;

beforeAll(async () => {
  app = mkdtempSync(join(tmpdir(), 'amana-bundle-'));
  await bundleShell(join(app, 'out', 'electron'));
  mkdirSync(join(app, 'out', 'renderer'), { recursive: true });
  writeFileSync(join(app, 'out', 'renderer', 'index.html'), '<!doctype html><title>Amana</title>');
  mkdirSync(join(app, 'node_modules', 'electron'), { recursive: true });
  writeFileSync(join(app, 'node_modules', 'electron', 'index.js'), 'module.exports = globalThis.amanaFakeElectron;\n');
  symlinkSync(join(root, 'node_modules', 'better-sqlite3'), join(app, 'node_modules', 'better-sqlite3'), 'junction');
}, 60_000);

afterAll(() => rmSync(app, { recursive: true, force: true }));

describe('the bundled desktop shell', () => {
  it('starts from main.cjs, serves the studio page over IPC and refuses strangers', () => {
    const output = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        join(root, 'test', 'shell', 'run-bundled-main.ts'),
        join(app, 'out', 'electron', 'main.cjs'),
        app,
      ],
      { cwd: root, encoding: 'utf8', env: { ...process.env, AMANA_WORKSPACE: join(app, 'workspace.db') } },
    );
    expect(JSON.parse(output)).toEqual({
      listed: { ok: true, value: [] },
      refused: { ok: false, error: expect.objectContaining({ code: 'refused' }) },
      loaded: 'app://amana/index.html',
      sandbox: true,
      preload: join(app, 'out', 'electron', 'preload.cjs'),
    });
  });

  it('has a preload that requires electron and nothing else', () => {
    const preload = readFileSync(join(app, 'out', 'electron', 'preload.cjs'), 'utf8');
    expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1])).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld("amana"');
  });
});
