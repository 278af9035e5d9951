import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  botEnv,
  exportBot,
  freshKey,
  runBotCommand,
  startBot,
  type BotOptions,
  removeExportedBots,
} from './helpers/bot.ts';
import { FakeGraph } from './helpers/fake-graph.ts';
import { supportFlow } from './helpers/fixture-flow.ts';
import { spawnSync } from 'node:child_process';

/**
 * Every setting is checked when the bot starts, all problems at once, in words an operator can
 * act on — and never echoing a secret. Settings come from the environment or a .env beside
 * server.js; flow.json must be the one exported.
 */
describe('exported bot: settings and start-up checks', () => {
  const graph = new FakeGraph();
  let dir: string;
  let options: BotOptions;

  beforeAll(async () => {
    const graphBase = await graph.start();
    dir = exportBot(supportFlow({ stock: 9, desk: 9 }), 'config');
    options = { dir, graphBase, key: freshKey(), db: join(dir, 'amana.db') };
  });

  afterAll(async () => {
    await graph.stop();
    removeExportedBots();
  });

  /** Runs `serve` with exactly these variables (no defaults from the test harness). */
  function serveWith(env: Record<string, string>): { code: number | null; stderr: string } {
    const result = spawnSync(process.execPath, [join(dir, 'server.js'), 'serve'], {
      cwd: dir,
      env: { PATH: process.env['PATH'] ?? '', LANG: 'C', ...env },
      encoding: 'utf8',
      timeout: 10_000,
    });
    return { code: result.status, stderr: result.stderr };
  }

  it('lists every missing setting at once and exits 2, before serving anything', () => {
    const { code, stderr } = serveWith({});
    expect(code).toBe(2);
    expect(stderr).toContain('The bot cannot start. Fix these settings');
    for (const name of [
      'AMANA_DATA_KEY',
      'WHATSAPP_APP_SECRET',
      'WHATSAPP_VERIFY_TOKEN',
      'WHATSAPP_ACCESS_TOKEN',
      'WHATSAPP_PHONE_NUMBER_ID',
    ]) {
      expect(stderr).toContain(`${name} is not set.`);
    }
    expect(stderr).toContain('node server.js keygen');
  });

  it('explains a malformed data key, port, phone number id or Graph address', () => {
    const base = botEnv(options);
    const cases: [Record<string, string>, RegExp][] = [
      [{ AMANA_DATA_KEY: 'not base64!' }, /AMANA_DATA_KEY is not base64 text/],
      [
        { AMANA_DATA_KEY: Buffer.alloc(16, 1).toString('base64') },
        /exactly 32 bytes in base64 \(44 characters\); it holds 16 bytes/,
      ],
      [{ AMANA_DATA_KEY_FILE: 'key.txt' }, /Set AMANA_DATA_KEY or AMANA_DATA_KEY_FILE, not both/],
      [{ PORT: '70000' }, /PORT must be a whole number from 0 to 65535; it is "70000"/],
      [{ WHATSAPP_PHONE_NUMBER_ID: '+5511912345678' }, /WHATSAPP_PHONE_NUMBER_ID must be digits only/],
      [{ GRAPH_API_BASE: 'http://graph.example.com/v23.0' }, /may use http:\/\/ only for a server on this machine/],
      [{ GRAPH_API_BASE: 'graph.facebook.com' }, /GRAPH_API_BASE must be an address such as/],
      [{ ADMIN_TOKEN: 'short' }, /ADMIN_TOKEN must be at least 24 characters/],
    ];
    for (const [change, message] of cases) {
      const { code, stderr } = serveWith({ ...base, ...change });
      expect({ change, code }).toEqual({ change, code: 2 });
      expect(stderr).toMatch(message);
    }
  });

  it('never quotes a secret in its messages', () => {
    const secret = 'EAA secret-token-with-space-9f8e7d';
    const { code, stderr } = serveWith({
      ...botEnv(options),
      WHATSAPP_ACCESS_TOKEN: secret,
      AMANA_DATA_KEY: 'c2VjcmV0LWtleS12YWx1ZQ==',
    });
    expect(code).toBe(2);
    expect(stderr).toContain('WHATSAPP_ACCESS_TOKEN contains spaces or line breaks');
    expect(stderr).not.toContain('secret-token-with-space');
    expect(stderr).not.toContain('c2VjcmV0LWtleS12YWx1ZQ');
  });

  it('speaks Portuguese and Arabic to the operator', () => {
    expect(serveWith({ AMANA_LANG: 'pt-BR' }).stderr).toContain('O bot não pode iniciar');
    expect(serveWith({ AMANA_LANG: 'ar' }).stderr).toContain('لا يمكن تشغيل البوت');
  });

  it('reads settings from a .env file beside server.js, the environment winning; points at bad lines', async () => {
    const env = botEnv(options);
    const file = Object.entries(env)
      .filter(([name]) => name !== 'PATH' && name !== 'LANG')
      .map(([name, value], index) =>
        index % 2 === 0 ? `export ${name}="${value}"` : `${name}='${value}' # set by the test`,
      )
      .join('\n');
    try {
      writeFileSync(join(dir, '.env'), `# settings\n${file}\n`);
      // Only PATH and LANG come from the environment; everything else from the file.
      const fromFile = spawnSync(
        process.execPath,
        [join(dir, 'server.js'), 'export-subject', '--phone', '+5511900000000'],
        {
          cwd: dir,
          env: { PATH: process.env['PATH'] ?? '', LANG: 'C' },
          encoding: 'utf8',
        },
      );
      expect(fromFile.status).toBe(0);
      // The environment wins over the file.
      const overridden = serveWith({ WHATSAPP_PHONE_NUMBER_ID: 'abc' });
      expect(overridden.code).toBe(2);
      expect(overridden.stderr).toContain('WHATSAPP_PHONE_NUMBER_ID must be digits only');
      expect(overridden.stderr).not.toContain('is not set');

      writeFileSync(join(dir, '.env'), `${file}\nTHIS LINE IS BROKEN\nAMANA_TYPO=1\n`);
      const broken = serveWith({ PORT: '0' });
      expect(broken.code).toBe(2);
      expect(broken.stderr).toContain(`.env: line(s) ${file.split('\n').length + 1} are not NAME=value.`);
      expect(broken.stderr).toContain('AMANA_TYPO is not a setting the bot knows');
    } finally {
      writeFileSync(join(dir, '.env'), '');
    }
  });

  it('reads the key from AMANA_DATA_KEY_FILE and warns when others can read that file', async () => {
    writeFileSync(join(dir, 'data.key'), `${options.key}\n`);
    chmodSync(join(dir, 'data.key'), 0o644);
    const bot = await startBot({ ...options, env: { AMANA_DATA_KEY: '', AMANA_DATA_KEY_FILE: 'data.key' } });
    expect(bot.stderr).toMatch(/can be read by other users of this machine\. Run: chmod 600/);
    await bot.stop();
    chmodSync(join(dir, 'data.key'), 0o600);
    const quiet = await startBot({ ...options, env: { AMANA_DATA_KEY: '', AMANA_DATA_KEY_FILE: 'data.key' } });
    expect(quiet.stderr).not.toMatch(/can be read by other users/);
    await quiet.stop();
  });

  it('warns when others can read the .env file, which holds the bot’s secrets', async () => {
    try {
      writeFileSync(join(dir, '.env'), `AMANA_DATA_KEY=${options.key}\n`);
      chmodSync(join(dir, '.env'), 0o644);
      const bot = await startBot(options);
      expect(bot.stderr).toMatch(
        /\.env holds the bot’s secrets and can be read by other users of this machine\. Run: chmod 600/,
      );
      await bot.stop();
      chmodSync(join(dir, '.env'), 0o600);
      const quiet = await startBot(options);
      expect(quiet.stderr).not.toMatch(/can be read by other users/);
      await quiet.stop();
    } finally {
      writeFileSync(join(dir, '.env'), '');
    }
  });

  it('creates the database and its WAL readable by their owner only, and narrows ones left open', async () => {
    const db = join(dir, 'private.db');
    const bot = await startBot({ ...options, db });
    const mode = (path: string) => statSync(path).mode & 0o777;
    expect(mode(db)).toBe(0o600);
    expect(mode(`${db}-wal`)).toBe(0o600);
    await bot.stop();
    chmodSync(db, 0o644);
    const again = await startBot({ ...options, db });
    expect(mode(db)).toBe(0o600);
    await again.stop();
  });

  it('refuses a key other than the one the database was created with', async () => {
    const bot = await startBot(options);
    await bot.stop();
    const { code, stderr } = serveWith({ ...botEnv(options), AMANA_DATA_KEY: freshKey() });
    expect(code).toBe(2);
    expect(stderr).toMatch(/AMANA_DATA_KEY is not the key the database .* was created with/);
  });

  it('refuses to start when flow.json was edited after the export', () => {
    const flowFile = join(dir, 'flow.json');
    const original = readFileSync(flowFile, 'utf8');
    writeFileSync(flowFile, original.replace('"Bye!"', '"Bye now!"'));
    try {
      const { code, stderr } = serveWith(botEnv(options));
      expect(code).toBe(2);
      expect(stderr).toMatch(/flow\.json has changed since it was exported/);
    } finally {
      writeFileSync(flowFile, original);
    }
  });

  it('says in plain words when its port is taken or its address is not this machine’s, and exits 2 holding nothing', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', () => resolve()));
    try {
      const port = (taken.address() as AddressInfo).port;
      const inUse = serveWith({ ...botEnv(options), PORT: String(port) });
      expect(inUse.code).toBe(2);
      expect(inUse.stderr).toContain(
        `The bot cannot start: port ${port} on 127.0.0.1 is already in use (another program, or another copy of this bot, listens there).`,
      );
      expect(inUse.stderr).not.toMatch(/\n\s+at /);
      const elsewhere = serveWith({ ...botEnv(options), HOST: '192.0.2.1', LANG: 'pt_BR.UTF-8' });
      expect(elsewhere.code).toBe(2);
      expect(elsewhere.stderr).toContain(
        'O bot não pode iniciar: não consegue escutar na porta 0 em 192.0.2.1 (EADDRNOTAVAIL).',
      );
      expect(elsewhere.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await new Promise<void>((resolve) => taken.close(() => resolve()));
    }
    // The database was given back: a bot starts on it at once.
    const bot = await startBot(options);
    expect(await bot.stop()).toBe(0);
  });

  it('stops cleanly on SIGTERM', async () => {
    const bot = await startBot(options);
    expect(await bot.stop()).toBe(0);
    expect(bot.events('stopped')).toHaveLength(1);
  });

  it('prints a fresh 32-byte key with keygen, and its usage for unknown commands', () => {
    const keys = [runBotCommand(options, ['keygen']).stdout.trim(), runBotCommand(options, ['keygen']).stdout.trim()];
    expect(keys[0]).not.toBe(keys[1]);
    for (const key of keys) expect(Buffer.from(key, 'base64')).toHaveLength(32);
    const unknown = runBotCommand(options, ['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "frobnicate"');
    expect(runBotCommand(options, ['erase']).stderr).toContain('--phone');
  });
});
