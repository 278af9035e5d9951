import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { lockKeys } from '../../runtime/store/postgres/migrations.ts';
import {
  call,
  deliver,
  eventually,
  freshKey,
  removeExportedBots,
  sleep,
  slowRotation,
  startBot,
  type BotOptions,
  type RunningBot,
} from './helpers/bot.ts';
import { FakeGraph } from './helpers/fake-graph.ts';
import { exportLeadCapture, leadCaptureCustomers, nameHeld } from './helpers/lead-capture.ts';
import { buttonReply, single, text, wamid } from './helpers/payloads.ts';
import { cuttableProxy, testPostgres } from './helpers/postgres.ts';

const server = await testPostgres();

/**
 * The exported server.js on PostgreSQL when it loses the instance lock (runtime/store/postgres/
 * instances.ts): it pauses — claims no work, answers webhooks 503 so Meta delivers again, says why
 * in /healthz — and resumes by itself once it has the lock back, or stays paused when rotate-key
 * holds it, and for good once rotate-key has replaced its key. Nothing is lost, nothing answered twice.
 */
describe.skipIf(!server)('exported bot on PostgreSQL: a lost instance lock pauses the instance', () => {
  const graph = new FakeGraph();
  let bot: RunningBot | undefined;
  let options: BotOptions;
  let db: postgres.Sql | undefined;
  let url = '';
  const customers = leadCaptureCustomers(graph, () => bot);

  beforeAll(async () => {
    const dir = exportLeadCapture('instance-pause');
    options = { dir, graphBase: await graph.start(), key: freshKey(), db: join(dir, 'unused.db'), env: {} };
  });

  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
  });

  afterAll(async () => {
    await db?.end({ timeout: 5 });
    await graph.stop();
    await server?.stop();
    removeExportedBots();
  });

  /** A fresh database for each test, and the bot on it. */
  const startOnNewDatabase = async (label: string) => {
    await db?.end({ timeout: 5 });
    url = (await server?.database(label)) ?? '';
    db = postgres(url, { max: 2, onnotice: () => undefined });
    options = { ...options, key: freshKey(), env: { DATABASE_URL: url } };
    bot = await startBot(options);
    return bot;
  };
  const sql = () => {
    if (!db) throw new Error('no database');
    return db;
  };
  const running = () => {
    if (!bot) throw new Error('the bot is not running');
    return bot;
  };
  /** The backend of the bot's session holding the instance lock, as pg_stat_activity names it. */
  const lockSession = async (): Promise<number | undefined> => {
    const [row] = await sql()<{ pid: number }[]>`
      SELECT l.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND l.objid = ${lockKeys.instance % 2 ** 32} AND l.objsubid = 1
        AND a.application_name LIKE ${`amana serve, pid ${running().child.pid} on %`}`;
    return row?.pid;
  };
  /** A session named as rotate-key's is in pg_stat_activity (`amana rotate-key, pid <pid> on ops-1`), to take the lock its way. */
  const rotateKeySession = (pid: number) =>
    postgres(url, {
      max: 1,
      onnotice: () => undefined,
      connection: { application_name: `amana rotate-key, pid ${pid} on ops-1` },
    });
  const health = async () => {
    const answer = await call(running().port, 'GET', '/healthz');
    return { status: answer.status, body: JSON.parse(answer.body) as Record<string, unknown> };
  };
  const pauses = () =>
    running()
      .events('paused')
      .map((line) => line['reason']);
  const errors = () => running().logs.filter((line) => line['level'] === 'error');
  /** Meta's delivery of one message with a given id (a redelivery repeats the id). */
  const delivery = (phone: string, id: string, message: ReturnType<typeof text>) =>
    deliver(running().port, single({ from: phone, name: 'Maria', id, message }));
  const pendingInbox = async () =>
    Number((await sql()`SELECT count(*)::int AS n FROM inbox WHERE processed_at IS NULL`)[0]?.['n']);

  it('pauses when its lock session is ended, takes the lock back by itself and answers again', async () => {
    await startOnNewDatabase('pause_terminated');
    const phone = '5511955571101';
    await customers.say(phone, text('oi'), 2);
    const before = await lockSession();
    expect(before).toBeDefined();

    await sql()`SELECT pg_terminate_backend(${before ?? 0})`;
    await eventually(() => pauses().includes('lock-lost'), 10_000, 'the pause');
    await eventually(() => running().events('resumed').length === 1, 15_000, 'the instance to resume');
    const after = await lockSession();
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    expect((await health()).status).toBe(200);

    const replies = await customers.say(phone, buttonReply('planned', 'Móveis planejados'), 1);
    expect(replies).toHaveLength(1);
    expect(errors()).toEqual([]);
  }, 60_000);

  it('answers nobody while a session holds the lock alone as rotate-key does; afterwards each message exactly once', async () => {
    await startOnNewDatabase('pause_rotation');
    const phone = '5511955571102';
    await customers.say(phone, text('oi'), 2);
    const answered = graph.messagesTo(phone).length;

    // Accepted before the pause but not yet answered: another instance still holds this person (its lease has not run out).
    await sql()`INSERT INTO inbox_leases (person_id, owner, until)
      SELECT id, 'another-instance', now() + interval '1 hour' FROM persons
      ON CONFLICT (person_id) DO UPDATE SET owner = excluded.owner, until = excluded.until`;
    const waiting = wamid();
    expect((await delivery(phone, waiting, buttonReply('planned', 'Móveis planejados'))).status).toBe(200);
    expect(await pendingInbox()).toBe(1);

    // rotate-key's way: the exclusive lock, on a session named after the command; it waits for the ended session's lock to go.
    const rotation = rotateKeySession(7);
    try {
      await rotation`SELECT pg_terminate_backend(${(await lockSession()) ?? 0})`;
      await rotation`SELECT pg_advisory_lock(${lockKeys.instance}::bigint)`;
      await eventually(() => pauses().includes('key-rotation'), 10_000, 'the pause for the rotation');
      expect(
        running()
          .events('paused')
          .find((line) => line['reason'] === 'key-rotation')?.['by'],
      ).toBe('amana rotate-key, pid 7 on ops-1');
      const paused = await health();
      expect(paused.status).toBe(503);
      expect(paused.body).toMatchObject({ ok: false, paused: 'key-rotation' });
      expect(String(paused.body['reason'])).toMatch(
        /^Paused: rotate-key is running on the database \(amana rotate-key, pid 7 on ops-1 @ 127\.0\.0\.1, .*\)\. This instance answers no messages until it has finished/,
      );

      // The other instance's claim runs out: the waiting message could be claimed now, but not by a paused instance.
      await sql()`DELETE FROM inbox_leases`;
      // A message WhatsApp delivers during the pause is refused, so Meta delivers it again later; nothing is written.
      const during = wamid();
      const refused = await delivery(phone, during, buttonReply('accept', 'Aceito'));
      expect(refused.status).toBe(503);
      expect(await pendingInbox()).toBe(1);
      await sleep(3_000);
      expect(graph.messagesTo(phone)).toHaveLength(answered);
      expect(await pendingInbox()).toBe(1);
      expect(running().events('webhook-paused')).toHaveLength(1);

      await rotation.end({ timeout: 5 });
      await eventually(() => running().events('resumed').length === 1, 15_000, 'the instance to resume');
      expect((await health()).status).toBe(200);
      // The waiting message is answered (the consent question), once.
      await eventually(() => graph.messagesTo(phone).length === answered + 1, 15_000, 'the waiting answer');
      // Meta delivers the refused message again, and then once more: it is answered once (the name question).
      expect((await delivery(phone, during, buttonReply('accept', 'Aceito'))).status).toBe(200);
      await eventually(() => graph.messagesTo(phone).length === answered + 2, 15_000, 'the redelivered answer');
      expect((await delivery(phone, during, buttonReply('accept', 'Aceito'))).status).toBe(200);
      await sleep(2_000);
      expect(graph.messagesTo(phone)).toHaveLength(answered + 2);
      expect(await pendingInbox()).toBe(0);
      expect(errors()).toEqual([]);
    } finally {
      await rotation.end({ timeout: 1 });
    }
  }, 90_000);

  it('runs the retention purge when it resumes: what expired while it was paused is deleted then, not an hour later', async () => {
    await startOnNewDatabase('pause_purge');
    const phone = '5511955571104';
    await customers.say(phone, text('oi'), 2);
    await eventually(() => running().events('purged').length === 1, 10_000, 'the purge at start');

    const rotation = rotateKeySession(8);
    try {
      await rotation`SELECT pg_terminate_backend(${(await lockSession()) ?? 0})`;
      await rotation`SELECT pg_advisory_lock(${lockKeys.instance}::bigint)`;
      await eventually(() => pauses().includes('key-rotation'), 10_000, 'the pause for the rotation');
      // A record past its retention (failed sends are kept 30 days), as the hours of a long pause leave them.
      await sql()`INSERT INTO failed_sends (kind, attempts, error, at) VALUES ('message', 1, 'http 400 code 131026', 0)`;
      await sleep(1_500);
      expect((await sql()`SELECT count(*)::int AS n FROM failed_sends`)[0]?.['n']).toBe(1);
      expect(running().events('purged')).toHaveLength(1);
    } finally {
      await rotation.end({ timeout: 5 });
    }
    await eventually(() => running().events('resumed').length === 1, 15_000, 'the instance to resume');
    await eventually(() => running().events('purged').length === 2, 10_000, 'the purge at resume');
    expect(running().events('purged')[1]).toMatchObject({ failedSends: 1 });
    expect((await sql()`SELECT count(*)::int AS n FROM failed_sends`)[0]?.['n']).toBe(0);
    const order = running().logs.map((line) => line['event']);
    expect(order.lastIndexOf('purged')).toBeGreaterThan(order.indexOf('resumed'));
    expect(errors()).toEqual([]);
  }, 60_000);

  it('refuses every write while rotate-key holds the lock, also in the seconds before it notices its lock session is gone (a hung network)', async () => {
    await db?.end({ timeout: 5 });
    url = (await server?.database('pause_gap')) ?? '';
    db = postgres(url, { max: 2, onnotice: () => undefined });
    const proxy = await cuttableProxy(new URL(url));
    onTestFinished(() => proxy.close());
    options = { ...options, key: freshKey(), env: { DATABASE_URL: proxy.url } };
    bot = await startBot(options);
    await customers.say('5511955571105', text('oi'), 2);
    const session = await lockSession();
    expect(session).toBeDefined();

    // The network to the lock session hangs, and the database ends that session: its lock is free at
    // once, and rotate-key takes it, while the bot hears nothing until its probe gives up (3 to 5 s).
    const cutAt = performance.now();
    proxy.cut('amana serve');
    const rotation = rotateKeySession(9);
    try {
      await rotation`SELECT pg_terminate_backend(${session ?? 0})`;
      await rotation`SELECT pg_advisory_lock(${lockKeys.instance}::bigint)`;
      // A newcomer writes in that gap: creating them would wrap their key with the master key being retired.
      const newcomer = '5511955571106';
      const id = wamid();
      const answer = await delivery(newcomer, id, text('oi'));
      expect(performance.now() - cutAt).toBeLessThan(2_500);
      expect(pauses()).toEqual([]);
      expect(answer.status).toBe(503);
      expect((await sql()`SELECT count(*)::int AS n FROM persons`)[0]?.['n']).toBe(1);
      expect(await pendingInbox()).toBe(0);
      await eventually(() => pauses().includes('lock-lost'), 10_000, 'the probe to give up on the hung session');

      await rotation.end({ timeout: 5 });
      proxy.restore();
      await eventually(() => running().events('resumed').length === 1, 20_000, 'the instance to resume');
      // Meta delivers the refused message again: answered once.
      expect((await delivery(newcomer, id, text('oi'))).status).toBe(200);
      await eventually(() => graph.messagesTo(newcomer).length === 2, 15_000, 'the newcomer’s answers');
      expect(errors()).toEqual([]);
    } finally {
      await rotation.end({ timeout: 1 });
    }
  }, 60_000);

  it('stays paused while the real rotate-key runs, and for good once it replaced the key; restarted with the new key it answers what Meta delivers again', async () => {
    await startOnNewDatabase('pause_real_rotation');
    const phone = '5511955571103';
    await customers.giveName(phone, 'Rotacionada');
    // rotate-key refuses while claims on work are live: wait for the bot's to be given back.
    await eventually(
      async () =>
        Number(
          (
            await sql()`SELECT ((SELECT count(*) FROM inbox_leases WHERE until >= now())
              + (SELECT count(*) FROM outbox WHERE claimed_until >= now()))::int AS n`
          )[0]?.['n'],
        ) === 0,
      20_000,
      'no live claim',
    );

    // The instance is frozen while its lock session is ended and rotate-key starts: the lock is free for rotate-key.
    running().child.kill('SIGSTOP');
    const newKey = freshKey();
    let rotation: ReturnType<typeof slowRotation> | undefined;
    try {
      await sql()`SELECT pg_terminate_backend(${(await lockSession()) ?? 0})`;
      await eventually(async () => (await lockSession()) === undefined, 10_000, 'the lock session to end');
      rotation = slowRotation(options, newKey, 6_000);
      await eventually(() => rotation?.output().includes('Re-wrapped 1 person key(s)') ?? false, 20_000, 'a batch');
    } finally {
      running().child.kill('SIGCONT');
    }
    await eventually(() => pauses().includes('key-rotation'), 10_000, 'the pause for the rotation');
    expect(
      String(
        running()
          .events('paused')
          .find((line) => line['reason'] === 'key-rotation')?.['by'],
      ),
    ).toMatch(new RegExp(`^amana rotate-key, pid ${rotation?.child.pid} on `));
    const during = wamid();
    expect((await delivery(phone, during, text('ainda está aí?'))).status).toBe(503);

    expect(await rotation?.exited).toBe(0);
    await eventually(() => pauses().includes('key-replaced'), 15_000, 'the refusal of the retired key');
    const stopped = await health();
    expect(stopped.status).toBe(503);
    expect(stopped.body).toMatchObject({ ok: false, paused: 'key-replaced' });
    expect(String(stopped.body['reason'])).toMatch(
      /^Stopped: This AMANA_DATA_KEY was replaced by rotate-key on .* Set AMANA_DATA_KEY to the new key\. Then restart this instance/,
    );
    expect((await delivery(phone, during, text('ainda está aí?'))).status).toBe(503);
    expect(await pendingInbox()).toBe(0);
    // It holds the lock no more: nothing keeps the new key's instances out.
    expect(await lockSession()).toBeUndefined();

    await bot?.stop();
    options = { ...options, key: newKey };
    bot = await startBot(options);
    const answered = graph.messagesTo(phone).length;
    expect((await delivery(phone, during, text('ainda está aí?'))).status).toBe(200);
    await eventually(() => graph.messagesTo(phone).length === answered + 1, 15_000, 'the answer after the restart');
    expect((await delivery(phone, during, text('ainda está aí?'))).status).toBe(200);
    await sleep(2_000);
    expect(graph.messagesTo(phone)).toHaveLength(answered + 1);
    expect(nameHeld(options, phone, newKey)).toBe('Rotacionada');
    expect(errors()).toEqual([]);
  }, 120_000);
});
