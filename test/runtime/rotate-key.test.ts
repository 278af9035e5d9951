import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  freshKey,
  removeExportedBots,
  runBotCommand,
  slowRotation,
  startBot,
  type BotOptions,
  type RunningBot,
} from './helpers/bot.ts';
import { rows } from './helpers/database.ts';
import { FakeGraph } from './helpers/fake-graph.ts';
import { text } from './helpers/payloads.ts';
import { exportLeadCapture, leadCaptureCustomers, nameHeld } from './helpers/lead-capture.ts';

/**
 * Issue 18 (key rotation) through the real exported `server.js` (the lead-capture example, a fake
 * Graph API): `rotate-key`, killed with SIGKILL in the middle and run again, leaves every
 * conversation readable under the new key only; the old key is refused at start.
 */
describe('exported bot: master key rotation', () => {
  const graph = new FakeGraph();
  let bot: RunningBot | undefined;
  let options: BotOptions;
  const people = ['5511955550301', '5511955550302', '5511955550303', '5511955550304', '5511955550305'].map((phone) => ({
    phone,
    name: `Rota${randomBytes(3).toString('hex')}`,
  }));

  beforeAll(async () => {
    const graphBase = await graph.start();
    const dir = exportLeadCapture('rotate');
    options = { dir, graphBase, key: freshKey(), db: join(dir, 'amana.db') };
    bot = await startBot(options);
  });

  afterAll(async () => {
    await bot?.stop();
    await graph.stop();
    removeExportedBots();
  });

  const { say, giveName } = leadCaptureCustomers(graph, () => bot);

  it('killed with SIGKILL mid-way and resumed, leaves every conversation readable under the new key only', async () => {
    for (const { phone, name } of people) await giveName(phone, name);
    await bot?.stop();
    bot = undefined;
    const oldKey = options.key;
    const newKey = freshKey();

    // Refused while the bot runs.
    const running = await startBot(options);
    const busy = runBotCommand({ ...options, env: { AMANA_DATA_KEY_NEW: newKey } }, ['rotate-key']);
    expect(busy.code).toBe(2);
    expect(busy.stderr).toMatch(/is in use by another process/);
    await running.stop();

    // One person key per batch, slowed down so the kill lands in the middle.
    const rotation = slowRotation(options, newKey, 400);
    await eventually(() => rotation.output().includes('Re-wrapped 2 person key(s)'), 20_000, 'two batches');
    rotation.child.kill('SIGKILL');
    await rotation.exited;
    const out = rotation.output();
    expect(out).toMatch(/Rotating the master key [0-9a-f]{16} → [0-9a-f]{16}/);
    expect(out).not.toMatch(/Done/);
    const halfway = rows<{ key_id: string | null }>(options.db, 'SELECT key_id FROM persons');
    expect(halfway.filter((row) => row.key_id !== null).length).toBeGreaterThanOrEqual(2);
    expect(halfway.filter((row) => row.key_id === null).length).toBeGreaterThanOrEqual(1);

    // Half-way, the bot starts with neither key.
    const withOld = runBotCommand(options, ['serve']);
    expect(withOld.code).toBe(2);
    expect(withOld.stderr).toMatch(/key rotation of .* is under way and unfinished/);
    const withNew = runBotCommand({ ...options, key: newKey }, ['serve']);
    expect(withNew.code).toBe(2);
    expect(withNew.stderr).toMatch(/is not the key the database/);
    // Another new key is refused while this rotation is unfinished.
    const other = runBotCommand({ ...options, env: { AMANA_DATA_KEY_NEW: freshKey() } }, ['rotate-key']);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/A rotation to another key \([0-9a-f]{16}\) is under way/);

    // The new key from a file this time: the same key, so the rotation resumes.
    const keyFile = join(options.dir, 'new.key');
    writeFileSync(keyFile, `${newKey}\n`, { mode: 0o600 });
    const resumed = runBotCommand(options, ['rotate-key', '--new-key-file', keyFile]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toMatch(/Resuming the rotation/);
    expect(resumed.stdout).toMatch(/Done: [1-3] person key\(s\) re-wrapped/);
    expect(rows(options.db, 'SELECT DISTINCT key_id FROM persons')).toHaveLength(1);

    // The old key is refused at start, by name; the new key reads every conversation.
    const refused = runBotCommand({ ...options, key: oldKey }, ['serve']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/was replaced by rotate-key on \d{4}-\d\d-\d\dT.* and is no longer accepted/);
    const exportOld = runBotCommand({ ...options, key: oldKey }, ['export-subject', '--phone', `+${people[0]?.phone}`]);
    expect(exportOld.code).toBe(2);
    for (const { phone, name } of people) expect(nameHeld(options, phone, newKey)).toBe(name);

    // The bot runs on the new key: phone hashes still find everyone, and conversations go on.
    options = { ...options, key: newKey };
    bot = await startBot(options);
    for (const { phone, name } of people) {
      const replies = await say(phone, text(`${name.toLowerCase()}@example.com`), 1);
      expect(replies.join('\n')).not.toMatch(/^Olá! 👋/);
    }
    expect(rows(options.db, 'SELECT COUNT(*) AS n FROM persons')).toEqual([{ n: people.length }]);
    expect(bot.logs.filter((line) => line['level'] === 'error')).toEqual([]);

    // And a rotation on to a third key works the same, the second key then refused.
    await bot.stop();
    bot = undefined;
    const third = freshKey();
    const next = runBotCommand({ ...options, env: { AMANA_DATA_KEY_NEW: third } }, ['rotate-key']);
    expect(next.code, next.stderr).toBe(0);
    expect(runBotCommand(options, ['serve']).stderr).toMatch(/was replaced by rotate-key/);
    for (const { phone, name } of people) expect(nameHeld(options, phone, third)).toBe(name);
  }, 180_000);
});
