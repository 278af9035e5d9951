import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import postgres from 'postgres';
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
import { FakeGraph } from './helpers/fake-graph.ts';
import { text } from './helpers/payloads.ts';
import { exportLeadCapture, leadCaptureCustomers, nameHeld } from './helpers/lead-capture.ts';
import { testPostgres } from './helpers/postgres.ts';

const server = await testPostgres();

/**
 * `rotate-key` on PostgreSQL with the real exported server.js: it refuses while any instance has
 * the database open (a running instance would go on wrapping new people under the retiring key),
 * or while claims on work are live, and names what keeps it out; once every instance is stopped it
 * runs, keeps instances out until it has finished, and nothing is lost.
 */
describe.skipIf(!server)('exported bot on PostgreSQL: rotate-key runs alone', () => {
  const graph = new FakeGraph();
  const bots: (RunningBot | undefined)[] = [undefined, undefined];
  let options: BotOptions;
  let db: postgres.Sql | undefined;
  const people = ['5511955570501', '5511955570502', '5511955570503'].map((phone) => ({
    phone,
    name: `Solo${randomBytes(3).toString('hex')}`,
  }));

  beforeAll(async () => {
    const url = (await server?.database('rotate_alone')) ?? '';
    db = postgres(url, { max: 1, onnotice: () => undefined });
    const dir = exportLeadCapture('rotate-pg');
    options = {
      dir,
      graphBase: await graph.start(),
      key: freshKey(),
      db: join(dir, 'unused.db'),
      env: { DATABASE_URL: url },
    };
  });

  afterAll(async () => {
    for (const bot of bots) await bot?.stop();
    await db?.end({ timeout: 5 });
    await graph.stop();
    await server?.stop();
    removeExportedBots();
  });

  const first = leadCaptureCustomers(graph, () => bots[0]);
  const second = leadCaptureCustomers(graph, () => bots[1]);
  const rotateTo = (key: string, extra: Record<string, string> = {}) =>
    runBotCommand({ ...options, env: { ...options.env, AMANA_DATA_KEY_NEW: key, ...extra } }, ['rotate-key']);
  const keyIds = async () => (await sql()`SELECT DISTINCT key_id FROM persons`).map((row) => row['key_id']);
  const sql = () => {
    if (!db) throw new Error('no database');
    return db;
  };

  it('refuses while instances run or claims are live, naming them; runs once all are stopped; keeps instances out meanwhile', async () => {
    bots[0] = await startBot(options);
    bots[1] = await startBot(options);
    const [one, two, three] = people;
    if (!one || !two || !three) throw new Error('three people');
    await first.giveName(one.phone, one.name);
    await second.giveName(two.phone, two.name);
    const newKey = freshKey();

    // Two idle instances: neither holds a claim now, both would wrap the next new person under the old key.
    const busy = rotateTo(newKey);
    expect(busy.code).toBe(2);
    expect(busy.stderr).toMatch(/rotate-key must run alone, but the database .* is in use: 2 other process\(es\)/);
    for (const bot of bots) expect(busy.stderr).toContain(`amana serve, pid ${bot?.child.pid} on `);
    expect(busy.stderr).toMatch(/Stop every instance of the bot first/);
    expect(busy.stdout).not.toMatch(/Rotating/);
    expect(await sql()`SELECT key FROM meta WHERE key = 'rotation'`).toHaveLength(0);
    expect(await keyIds()).toEqual([null]);

    // One stopped, the other still running: still refused, and it still works meanwhile.
    await bots[0]?.stop();
    bots[0] = undefined;
    const stillBusy = rotateTo(newKey);
    expect(stillBusy.code).toBe(2);
    expect(stillBusy.stderr).toMatch(/in use: 1 other process\(es\)/);
    expect(stillBusy.stderr).toContain(`pid ${bots[1]?.child.pid} on `);
    await second.giveName(three.phone, three.name);
    await bots[1]?.stop();
    bots[1] = undefined;

    // No process left, but a claim on a person's messages that has not run out (an instance killed a moment ago).
    await sql()`INSERT INTO inbox_leases (person_id, owner, until)
      SELECT id, 'killed-instance', now() + interval '1 hour' FROM persons ORDER BY id LIMIT 1`;
    const claimed = rotateTo(newKey);
    expect(claimed.code).toBe(2);
    expect(claimed.stderr).toMatch(/in use: 0 other process\(es\) have it open, and 1 claim\(s\) on work are live/);
    await sql()`DELETE FROM inbox_leases`;
    expect(await keyIds()).toEqual([null]);

    // Every instance stopped: it runs. Slowed down (a pause after each person key), so an instance and another command try to start meanwhile.
    const rotation = slowRotation(options, newKey, 2500);
    await eventually(() => rotation.output().includes('Re-wrapped 1 person key(s)'), 20_000, 'the first batch');
    for (const key of [options.key, newKey]) {
      const starting = runBotCommand({ ...options, key }, ['serve']);
      expect(starting.code).toBe(2);
      expect(starting.stderr).toMatch(/rotate-key is running on the database .*amana rotate-key, pid \d+ on /);
    }
    expect(runBotCommand(options, ['stats']).stderr).toMatch(/rotate-key is running/);
    expect(await rotation.exited).toBe(0);
    expect(rotation.output()).toMatch(/Done: 3 person key\(s\) re-wrapped/);
    expect(await keyIds()).toHaveLength(1);

    // Nothing lost: the new key reads everyone, the old one is refused, conversations go on.
    expect(runBotCommand(options, ['serve']).stderr).toMatch(/was replaced by rotate-key/);
    for (const { phone, name } of people) expect(nameHeld(options, phone, newKey)).toBe(name);
    options = { ...options, key: newKey };
    bots[0] = await startBot(options);
    const replies = await first.say(one.phone, text(`${one.name.toLowerCase()}@example.com`), 1);
    expect(replies.join('\n')).not.toMatch(/^Olá! 👋/);
    expect(bots[0].logs.filter((line) => line['level'] === 'error')).toEqual([]);
  }, 180_000);
});
