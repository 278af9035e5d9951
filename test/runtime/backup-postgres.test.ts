import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresBinDir } from '../../scripts/postgres-cluster.mjs';
import {
  freshKey,
  removeExportedBots,
  runBotCommand,
  startBot,
  type BotOptions,
  type RunningBot,
} from './helpers/bot.ts';
import { FakeGraph } from './helpers/fake-graph.ts';
import { text } from './helpers/payloads.ts';
import { exportLeadCapture, leadCaptureCustomers } from './helpers/lead-capture.ts';
import { testPostgres } from './helpers/postgres.ts';

const server = await testPostgres();

/**
 * The bundle README's PostgreSQL procedure, run as written against a real PostgreSQL and the
 * exported server.js: pg_dump before an erasure, then save-erasures, pg_restore and
 * replay-erasures; the erased person does not come back. Then rotate-key on PostgreSQL.
 */
describe.skipIf(!server)('exported bot on PostgreSQL: pg_dump, the erasure journal and rotate-key', () => {
  const graph = new FakeGraph();
  let bot: RunningBot | undefined;
  let options: BotOptions;
  let url = '';
  const erased = { phone: '5511955560401', name: `Pg${randomBytes(4).toString('hex')}` };
  const kept = { phone: '5511955560402', name: `Pk${randomBytes(4).toString('hex')}` };
  const bin = (name: string) => join(postgresBinDir() ?? '/usr/bin', name);

  beforeAll(async () => {
    url = (await server?.database('backup')) ?? '';
    const graphBase = await graph.start();
    const dir = exportLeadCapture('backup-pg');
    options = { dir, graphBase, key: freshKey(), db: join(dir, 'unused.db'), env: { DATABASE_URL: url } };
    bot = await startBot(options);
  });

  afterAll(async () => {
    await bot?.stop();
    await graph.stop();
    await server?.stop();
    removeExportedBots();
  });

  const { say, giveName } = leadCaptureCustomers(graph, () => bot);

  const subject = (phone: string, key = options.key) => {
    const result = runBotCommand({ ...options, key }, ['export-subject', '--phone', `+${phone}`]);
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as { subject: { firstSeen: string | null }; fields: { value: unknown }[] };
  };

  it('pg_dump before an erasure, pg_restore after it with the journal replayed: the person stays erased', async () => {
    for (const person of [erased, kept]) await giveName(person.phone, person.name);
    const dump = join(options.dir, 'amana.dump');
    const dumped = spawnSync(bin('pg_dump'), ['--format=custom', `--file=${dump}`, url], { encoding: 'utf8' });
    expect(dumped.status, dumped.stderr).toBe(0);

    await say(erased.phone, text('apagar meus dados'), 1);
    await bot?.stop();
    bot = undefined;

    const backup = runBotCommand(options, ['backup', '--out', join(options.dir, 'x.amana')]);
    expect(backup.code).toBe(2);
    expect(backup.stderr).toMatch(/On PostgreSQL use pg_dump/);

    // The README's steps, in order.
    const journal = join(options.dir, 'erasures.json');
    const saved = runBotCommand(options, ['save-erasures', '--out', journal]);
    expect(saved.code, saved.stderr).toBe(0);
    expect(saved.stdout).toMatch(/1 erasure\(s\)/);
    const restored = spawnSync(bin('pg_restore'), ['--clean', '--if-exists', '--no-owner', `--dbname=${url}`, dump], {
      encoding: 'utf8',
    });
    expect(restored.status, restored.stderr).toBe(0);
    // Without the replay, the restore would have brought the person back.
    expect(subject(erased.phone).fields.map((field) => field.value)).toContain(erased.name);
    const replayed = runBotCommand(options, ['replay-erasures', '--from', journal]);
    expect(replayed.code, replayed.stderr).toBe(0);
    expect(replayed.stdout).toMatch(/Replayed 1 erasure\(s\): 1 person\(s\) erased again/);

    const gone = subject(erased.phone);
    expect(gone.subject.firstSeen).toBeNull();
    expect(gone.fields).toEqual([]);
    expect(subject(kept.phone).fields.map((field) => field.value)).toContain(kept.name);
  }, 120_000);

  it('rotate-key re-wraps every person key on PostgreSQL; the old key is refused, the new one reads everything', async () => {
    const newKey = freshKey();
    const rotated = runBotCommand({ ...options, env: { ...options.env, AMANA_DATA_KEY_NEW: newKey } }, ['rotate-key']);
    expect(rotated.code, rotated.stderr).toBe(0);
    expect(rotated.stdout).toMatch(/Done: 1 person key\(s\) re-wrapped/);
    const refused = runBotCommand(options, ['serve']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/was replaced by rotate-key/);
    expect(subject(kept.phone, newKey).fields.map((field) => field.value)).toContain(kept.name);
  }, 60_000);
});
