import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  freshKey,
  removeExportedBots,
  runBotCommand,
  startBot,
  type BotOptions,
  type RunningBot,
} from './helpers/bot.ts';
import { containsValue, databaseBytes, rows } from './helpers/database.ts';
import { FakeGraph } from './helpers/fake-graph.ts';
import { text } from './helpers/payloads.ts';
import { exportLeadCapture, leadCaptureCustomers } from './helpers/lead-capture.ts';

/**
 * Issue 18 (backups) through the real exported `server.js` (the lead-capture example, a fake Graph
 * API): a backup taken while the bot serves, restored after someone was erased, does not bring
 * that person back; wrong keys, damaged files and existing files are refused and lose nothing.
 */
describe('exported bot: encrypted backups and the erasure journal', () => {
  const graph = new FakeGraph();
  let bot: RunningBot | undefined;
  let options: BotOptions;
  const erasedPhone = '5511955550201';
  const keptPhone = '5511955550202';
  const erasedName = `Canary${randomBytes(4).toString('hex')}`;
  const keptName = `Keeper${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    const graphBase = await graph.start();
    const dir = exportLeadCapture('backup');
    options = { dir, graphBase, key: freshKey(), db: join(dir, 'amana.db') };
    bot = await startBot(options);
  });

  afterAll(async () => {
    await bot?.stop();
    await graph.stop();
    removeExportedBots();
  });

  const { say, giveName } = leadCaptureCustomers(graph, () => bot);

  const fileHash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
  const subject = (phone: string, env: Record<string, string> = {}) => {
    const result = runBotCommand({ ...options, env }, ['export-subject', '--phone', `+${phone}`]);
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as {
      subject: { firstSeen: string | null };
      fields: { key: string; value: unknown }[];
    };
  };

  it('a backup taken before an erasure, restored after it, does not bring the person back', async () => {
    await giveName(erasedPhone, erasedName);
    await giveName(keptPhone, keptName);

    // Online: the bot keeps serving while the backup is taken.
    const backup = join(options.dir, 'before-erasure.amana');
    const taken = runBotCommand(options, ['backup', '--out', backup]);
    expect(taken.code, taken.stderr).toBe(0);
    expect(taken.stdout).toMatch(/^Backup written: .*before-erasure\.amana \(\d+ bytes/);
    expect(readFileSync(backup).subarray(0, 8).toString('latin1')).toBe('AMANABAK');
    expect(containsValue(readFileSync(backup), erasedName)).toBe(false);
    expect(containsValue(readFileSync(backup), erasedPhone)).toBe(false);

    await say(erasedPhone, text('apagar meus dados'), 1);
    await eventually(() => rows(options.db, 'SELECT * FROM erasure_journal').length === 1, 10_000, 'the journal entry');
    // The journal holds a keyed hash and a time, and nothing else.
    const [entry] = rows<Record<string, unknown>>(options.db, 'SELECT * FROM erasure_journal');
    expect(Object.keys(entry ?? {}).sort()).toEqual(['at', 'id', 'subject']);
    expect((entry?.['subject'] as Buffer).length).toBe(32);
    expect(containsValue(entry?.['subject'] as Buffer, erasedPhone)).toBe(false);

    // Not over a running bot, even with --force.
    const busy = runBotCommand(options, ['restore', '--from', backup, '--force']);
    expect(busy.code).toBe(2);
    expect(busy.stderr).toMatch(/is in use by another process/);
    await bot?.stop();
    bot = undefined;

    const before = fileHash(options.db);
    const unforced = runBotCommand(options, ['restore', '--from', backup]);
    expect(unforced.code).toBe(2);
    expect(unforced.stderr).toMatch(/exists\. Restoring replaces it: run again with --force/);
    expect(fileHash(options.db)).toBe(before);

    const restored = runBotCommand(options, ['restore', '--from', backup, '--force']);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/Erased again: 1 person\(s\) erased after the backup was taken/);

    const erased = subject(erasedPhone);
    expect(erased.subject.firstSeen).toBeNull();
    expect(erased.fields).toEqual([]);
    expect(JSON.stringify(erased)).not.toContain(erasedName);
    expect(subject(keptPhone).fields).toContainEqual(expect.objectContaining({ key: 'name', value: keptName }));
    for (const file of [options.db, `${options.db}-wal`]) {
      if (existsSync(file)) expect(containsValue(readFileSync(file), erasedName), file).toBe(false);
    }
    expect(containsValue(databaseBytes(options.db), erasedPhone)).toBe(false);
    expect(rows(options.db, 'SELECT COUNT(*) AS n FROM persons')).toEqual([{ n: 1 }]);
    // The restored database keeps the journal, for a restore of an even older backup.
    expect(rows(options.db, 'SELECT COUNT(*) AS n FROM erasure_journal')).toEqual([{ n: 1 }]);
    expect(readdirLeftovers(options.dir)).toEqual([]);

    // The customer who was erased starts again as a new person.
    bot = await startBot(options);
    await say(erasedPhone, text('oi'), 2);
    expect(subject(erasedPhone).fields).toEqual([]);
  }, 120_000);

  it('refuses a wrong key, a damaged or cut backup, a file that is no backup, and an existing output, changing nothing', async () => {
    const backup = join(options.dir, 'checks.amana');
    const taken = runBotCommand(options, ['backup', '--out', backup]);
    expect(taken.code, taken.stderr).toBe(0);
    await bot?.stop();
    bot = undefined;
    const before = fileHash(options.db);
    const backupBytes = readFileSync(backup);

    const again = runBotCommand(options, ['backup', '--out', backup]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists; nothing was written/);
    expect(readFileSync(backup)).toEqual(backupBytes);

    const wrongKey = runBotCommand({ ...options, key: freshKey() }, ['restore', '--from', backup, '--force']);
    expect(wrongKey.code).toBe(2);
    expect(wrongKey.stderr).toMatch(
      /was made with the master key [0-9a-f]{16}, and AMANA_DATA_KEY is the key [0-9a-f]{16}/,
    );

    const cut = join(options.dir, 'cut.amana');
    writeFileSync(cut, backupBytes.subarray(0, backupBytes.length - 100));
    const cutResult = runBotCommand(options, ['restore', '--from', cut, '--force']);
    expect(cutResult.code).toBe(2);
    expect(cutResult.stderr).toMatch(/is damaged or incomplete \(.*\); nothing was changed/);

    const altered = Buffer.from(backupBytes);
    altered[200] = (altered[200] ?? 0) ^ 0x40;
    const alteredFile = join(options.dir, 'altered.amana');
    writeFileSync(alteredFile, altered);
    const alteredResult = runBotCommand(options, ['restore', '--from', alteredFile, '--force']);
    expect(alteredResult.code).toBe(2);
    expect(alteredResult.stderr).toMatch(/does not authenticate/);

    const notBackup = runBotCommand(options, ['restore', '--from', options.db, '--force']);
    expect(notBackup.code).toBe(2);
    expect(notBackup.stderr).toMatch(/is not an Amana backup/);

    const missing = runBotCommand(options, ['restore', '--from', join(options.dir, 'nowhere.amana'), '--force']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Cannot read .*nowhere\.amana \(ENOENT/);

    const typo = runBotCommand(options, ['restore', '--form', backup]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/--form/);

    expect(fileHash(options.db)).toBe(before);
    expect(readdirLeftovers(options.dir)).toEqual([]);
    expect(subject(keptPhone).fields).toContainEqual(expect.objectContaining({ key: 'name', value: keptName }));
  }, 60_000);

  it('saves the journal and replays it (the PostgreSQL procedure, here on SQLite)', async () => {
    const journal = join(options.dir, 'erasures.json');
    const saved = runBotCommand(options, ['save-erasures', '--out', journal]);
    expect(saved.code, saved.stderr).toBe(0);
    const file = JSON.parse(readFileSync(journal, 'utf8'));
    expect(file).toEqual({
      format: 'amana-erasure-journal',
      version: 1,
      entries: [{ subject: expect.stringMatching(/^[0-9a-f]{64}$/), at: expect.any(Number) }],
    });
    const replayed = runBotCommand(options, ['replay-erasures', '--from', journal]);
    expect(replayed.code, replayed.stderr).toBe(0);
    expect(replayed.stdout).toMatch(/Replayed 1 erasure\(s\): 0 person\(s\) erased again/);
    writeFileSync(journal, '{"format":"something else"}');
    const bad = runBotCommand(options, ['replay-erasures', '--from', journal]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not an erasure journal/);
  }, 60_000);
});

/** Temporary files a backup or restore would leave behind in the bundle folder. */
function readdirLeftovers(dir: string): string[] {
  return readdirSync(dir).filter((name) => /\.tmp(-wal|-shm|-journal)?$/.test(name));
}
