import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { signatureFor } from '../../../runtime/webhook/signature.ts';
import type { FakeGraph } from './fake-graph.ts';
import { supportFlow } from './fixture-flow.ts';

export const root = new URL('../../../', import.meta.url).pathname;
const scratch = join(root, '.amana-tmp');

/** Secrets every test bot runs with. */
export const secrets = {
  appSecret: 'test-app-secret-0123456789abcdef',
  verifyToken: 'test-verify-token',
  accessToken: 'EAAtestAccessToken',
  phoneNumberId: '106540352242922',
  adminToken: 'admin-token-for-tests-0123456789',
};

/**
 * Exports a flow with the real `amana export` command into a fresh folder and links Amana's own
 * node_modules there (standing in for `npm install`, which would fetch better-sqlite3).
 */
export function exportBot(flow: unknown, name: string): string {
  mkdirSync(scratch, { recursive: true });
  const dir = mkdtempSync(join(scratch, `${name}-`));
  exported.push(dir);
  const flowFile = join(dir, 'source.flow.json');
  writeFileSync(flowFile, JSON.stringify(flow, null, 2));
  const out = join(dir, 'bot');
  const result = spawnSync(process.execPath, [join(root, 'bin/amana.js'), 'export', flowFile, '--out', out], {
    cwd: root,
    env: { ...process.env, LANG: 'C' },
    encoding: 'utf8',
  });
  if (result.status !== 0)
    throw new Error(`amana export failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  symlinkSync(join(root, 'node_modules'), join(out, 'node_modules'));
  return out;
}

export function freshKey(): string {
  return randomBytes(32).toString('base64');
}

export interface BotOptions {
  dir: string;
  graphBase: string;
  key: string;
  db: string;
  env?: Record<string, string>;
  /** Options for node itself, before server.js (a benchmark's `--cpu-prof`, which NODE_OPTIONS refuses). */
  nodeArgs?: readonly string[];
}

/** A running `node server.js serve`, its JSON log lines and its port. */
export class RunningBot {
  readonly logs: Record<string, unknown>[] = [];
  stdout = '';
  stderr = '';
  port = 0;
  private exited: Promise<number | null>;

  constructor(readonly child: ChildProcess) {
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    child.stdout?.setEncoding('utf8');
    child.stderr?.setEncoding('utf8');
    let pending = '';
    child.stdout?.on('data', (chunk: string) => {
      this.stdout += chunk;
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        try {
          this.logs.push(JSON.parse(line));
        } catch {
          this.logs.push({ unparsed: line });
        }
      }
    });
    child.stderr?.on('data', (chunk: string) => (this.stderr += chunk));
  }

  /** Waits for the `listening` log line. */
  async ready(timeoutMs = 10_000): Promise<this> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const listening = this.logs.find((line) => line['event'] === 'listening');
      if (listening) {
        this.port = Number(listening['port']);
        return this;
      }
      if (this.child.exitCode !== null) throw new Error(`bot exited ${this.child.exitCode}: ${this.stderr}`);
      await sleep(10);
    }
    throw new Error(`bot not listening after ${timeoutMs} ms: ${this.stderr}`);
  }

  /** SIGKILL: no cleanup at all, as in a power cut of the process. */
  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  async stop(): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    return this.exited;
  }

  events(name: string): Record<string, unknown>[] {
    return this.logs.filter((line) => line['event'] === name);
  }
}

export function botEnv(options: BotOptions): Record<string, string> {
  return {
    PATH: process.env['PATH'] ?? '',
    LANG: 'C',
    PORT: '0',
    HOST: '127.0.0.1',
    WHATSAPP_APP_SECRET: secrets.appSecret,
    WHATSAPP_VERIFY_TOKEN: secrets.verifyToken,
    WHATSAPP_ACCESS_TOKEN: secrets.accessToken,
    WHATSAPP_PHONE_NUMBER_ID: secrets.phoneNumberId,
    GRAPH_API_BASE: `${options.graphBase}/v23.0`,
    AMANA_DATA_KEY: options.key,
    AMANA_DB: options.db,
    ADMIN_TOKEN: secrets.adminToken,
    ...options.env,
  };
}

export async function startBot(options: BotOptions): Promise<RunningBot> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), join(options.dir, 'server.js'), 'serve'], {
    cwd: options.dir,
    env: botEnv(options),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new RunningBot(child).ready();
}

/**
 * `node server.js rotate-key --batch 1` to `newKey`, paused `pauseMs` after each person key (so a
 * test can act in the middle), running in the background: its output so far, and its exit code.
 */
export function slowRotation(
  options: BotOptions,
  newKey: string,
  pauseMs: number,
): { child: ChildProcess; output(): string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [join(options.dir, 'server.js'), 'rotate-key', '--batch', '1'], {
    cwd: options.dir,
    env: { ...botEnv(options), AMANA_DATA_KEY_NEW: newKey, AMANA_TEST_ROTATE_PAUSE_MS: String(pauseMs) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, output: () => out, exited };
}

/** Runs another command of the exported server.js (purge, erase, export-subject…) to completion. */
export function runBotCommand(
  options: BotOptions,
  args: string[],
  input?: string,
): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(options.dir, 'server.js'), ...args], {
    cwd: options.dir,
    env: botEnv(options),
    encoding: 'utf8',
    ...(input === undefined ? {} : { input }),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface HttpResult {
  status: number;
  body: string;
}

/** One HTTP request to the bot on loopback. */
export function call(
  port: number,
  method: string,
  path: string,
  body?: string | Buffer,
  headers: Record<string, string> = {},
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
      response.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** POSTs a webhook delivery signed with the app secret, as Meta does. */
export function deliver(port: number, payload: unknown, secret = secrets.appSecret): Promise<HttpResult> {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  return call(port, 'POST', '/webhook', body, {
    'content-type': 'application/json',
    'x-hub-signature-256': signatureFor(body, secret),
  });
}

export function admin(
  port: number,
  method: string,
  path: string,
  body?: unknown,
  token = secrets.adminToken,
): Promise<HttpResult> {
  return call(port, method, path, body === undefined ? undefined : JSON.stringify(body), {
    authorization: `Bearer ${token}`,
    'content-type': 'application/json',
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until `check` returns true. */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(20);
  }
  throw new Error(`timed out waiting for ${what}`);
}

function removeTree(dir: string): void {
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
}

const exported: string[] = [];

/** Deletes the folders exportBot made in this test file (call from afterAll, once the bots stopped). */
export function removeExportedBots(): void {
  for (const dir of exported.splice(0)) removeTree(dir);
}

/**
 * The support flow's bot (./fixture-flow.ts), exported as `name` and started against `graph` (a
 * fake Graph API) and `recipients` (its stock API, which answers `/eta` with `eta`, and its help
 * desk, which accepts every handoff). Stop the bot, the fakes and the exported folders in afterAll.
 */
export async function startSupportBot(
  name: string,
  fakes: { graph: FakeGraph; recipients: FakeGraph; eta: string; env?: Record<string, string> },
): Promise<{ bot: RunningBot; options: BotOptions }> {
  const graphBase = await fakes.graph.start();
  await fakes.recipients.start();
  fakes.recipients.answer = (req) =>
    req.path.startsWith('/eta') ? { status: 200, body: { eta: fakes.eta } } : { status: 202, body: {} };
  const dir = exportBot(supportFlow({ stock: fakes.recipients.port, desk: fakes.recipients.port }), name);
  const options: BotOptions = { dir, graphBase, key: freshKey(), db: join(dir, 'amana.db'), env: fakes.env ?? {} };
  return { bot: await startBot(options), options };
}
