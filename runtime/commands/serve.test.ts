import { createHook } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { buildBundle } from '../../flows/export/index.ts';
import { parseFlow } from '../../flows/index.ts';
import { supportFlow } from '../../test/runtime/helpers/fixture-flow.ts';
import { sqliteInUse } from '../store/sqlite/in-use.ts';
import { serve } from './serve.ts';

const runtimeSources = new URL('../', import.meta.url).pathname;

/** A bundle folder as `amana export` writes it, with only what `serve` reads (flow.json, manifest.json). */
function bundleFolder(): string {
  const parsed = parseFlow(supportFlow({ stock: 9, desk: 9 }));
  if (!parsed.ok) throw new Error('the fixture flow does not parse');
  const built = buildBundle(parsed.flow, {
    serverJs: '',
    appVersion: '0.0.0-test',
    exportedAt: '2026-01-01T00:00:00.000Z',
    language: 'en',
    betterSqlite3: '*',
    postgres: '*',
  });
  if (!built.ok) throw new Error('the fixture flow does not export');
  const dir = mkdtempSync(join(tmpdir(), 'amana-serve-'));
  for (const name of ['flow.json', 'manifest.json']) writeFileSync(join(dir, name), built.files[name] ?? '');
  return dir;
}

/**
 * The timers the runtime's own code starts (its stack names a file under runtime/) and has not yet
 * cleared or seen fire: what would still run after `serve` gave everything back.
 */
function trackRuntimeTimers() {
  const live = new Map<number, string>();
  const started: string[] = [];
  const hook = createHook({
    init(id, type) {
      if (type !== 'Timeout') return;
      const stack = new Error().stack ?? '';
      const ours = stack.split('\n').find((frame) => frame.includes(runtimeSources) && !frame.includes('.test.ts'));
      if (!ours) return;
      live.set(id, ours.trim());
      started.push(ours.trim());
    },
    destroy(id) {
      live.delete(id);
    },
  });
  hook.enable();
  return { live, started, stop: () => hook.disable() };
}

describe('serve', () => {
  let taken: Server | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await new Promise<void>((resolve) => (taken ? taken.close(() => resolve()) : resolve()));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('gives back everything it opened when its port is taken: store, timers, workers and signal handlers', async () => {
    dir = bundleFolder();
    const listening = createServer();
    taken = listening;
    await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', () => resolve()));
    const address = listening.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const db = join(dir, 'amana.db');
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let said = '';
    stderr.on('data', (chunk: Buffer) => (said += chunk.toString()));
    let logged = '';
    stdout.on('data', (chunk: Buffer) => (logged += chunk.toString()));
    const signalHandlers = () => [process.listenerCount('SIGTERM'), process.listenerCount('SIGINT')];
    const handlersBefore = signalHandlers();

    const timers = trackRuntimeTimers();
    let code: number | undefined;
    try {
      code = await serve({
        stdout,
        stderr,
        stdin: new PassThrough(),
        baseDir: dir,
        language: 'en',
        env: {
          PORT: String(port),
          HOST: '127.0.0.1',
          WHATSAPP_APP_SECRET: 'test-app-secret-0123456789abcdef',
          WHATSAPP_VERIFY_TOKEN: 'test-verify-token',
          WHATSAPP_ACCESS_TOKEN: 'EAAtestAccessToken',
          WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
          GRAPH_API_BASE: 'http://127.0.0.1:9/v23.0',
          AMANA_DATA_KEY: randomBytes(32).toString('base64'),
          AMANA_DB: db,
          ADMIN_TOKEN: 'admin-token-for-tests-0123456789',
        },
      });
      // Destroy hooks are called after the current turn of the event loop.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      timers.stop();
    }

    expect(code).toBe(2);
    expect(said).toContain(`port ${port} on 127.0.0.1 is already in use`);
    expect(logged).not.toContain('"listening"');
    // The store is closed: nothing holds the SQLite file open any more.
    expect(sqliteInUse(db)).toBe(false);
    // No timer of the purge schedule, the workers or the store is left to fire (and it did start some).
    expect(timers.started.length).toBeGreaterThan(0);
    expect([...timers.live.values()]).toEqual([]);
    // Nor a handler that would stop a bot that is not there.
    expect(signalHandlers()).toEqual(handlersBefore);
  });
});
