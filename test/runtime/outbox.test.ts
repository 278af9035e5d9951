import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  deliver,
  eventually,
  exportBot,
  freshKey,
  sleep,
  startBot,
  type RunningBot,
  removeExportedBots,
} from './helpers/bot.ts';
import { countRows, rows } from './helpers/database.ts';
import { asRecord, FakeGraph } from './helpers/fake-graph.ts';
import { supportFlow } from './helpers/fixture-flow.ts';
import { single, text } from './helpers/payloads.ts';

/**
 * The outbox: a failed send is retried with backoff on 5xx, 429, throttling codes and network
 * failures, given up on for a permanent 4xx, and never sent out of order or faster than the
 * configured rate.
 */
describe('exported bot: outbox to the Graph API', () => {
  const bots: RunningBot[] = [];
  const graphs: FakeGraph[] = [];

  afterEach(async () => {
    for (const bot of bots.splice(0)) await bot.stop();
    for (const graph of graphs.splice(0)) await graph.stop().catch(() => undefined);
    removeExportedBots();
  });

  async function launch(env: Record<string, string> = {}) {
    const graph = new FakeGraph();
    const graphBase = await graph.start();
    const dir = exportBot(supportFlow({ stock: 9, desk: 9 }), 'outbox');
    const db = join(dir, 'amana.db');
    const options = { dir, graphBase, key: freshKey(), db, env };
    const bot = await startBot(options);
    bots.push(bot);
    graphs.push(graph);
    return { graph, bot, db, options };
  }

  it('retries 5xx, 429 and throttling errors with growing delays, then delivers once and in order', async () => {
    const { graph, bot } = await launch();
    const failures = [
      { status: 500 },
      { status: 429 },
      { status: 400, body: { error: { message: 'rate', code: 130429, error_subcode: 2494055, fbtrace_id: 'x' } } },
    ];
    graph.answer = () => failures.shift() ?? { status: 200 };
    const from = '5511944440001';
    expect((await deliver(bot.port, single({ from, message: text('oi') }))).status).toBe(200);
    await eventually(() => graph.messagesTo(from).length === 2, 20_000, 'both replies');
    // Four attempts for the first message (three failures, then success), then the second.
    const attempts = graph.requests.map((request) => asRecord(request.body)['type']);
    expect(attempts).toEqual(['text', 'text', 'text', 'text', 'interactive']);
    const gaps = graph.requests.slice(1, 4).map((request, index) => request.at - (graph.requests[index]?.at ?? 0));
    // Equal jitter: retry n waits between half and all of 2^(n-1) seconds.
    expect(gaps[0]).toBeGreaterThanOrEqual(450);
    expect(gaps[1]).toBeGreaterThanOrEqual(950);
    expect(gaps[2]).toBeGreaterThanOrEqual(1950);
    const retries = bot.events('send-retry');
    expect(retries.map((line) => line['error'])).toEqual([
      'http 500 code 131000',
      'http 429 code 131000',
      'http 400 code 130429/2494055',
    ]);
    expect(bot.stdout.includes(from)).toBe(false);
  }, 30_000);

  it('gives up at once on a permanent error, keeps a record without content, and goes on with the next message', async () => {
    const { graph, bot, db } = await launch();
    let first = true;
    graph.answer = () => {
      if (!first) return { status: 200 };
      first = false;
      return {
        status: 400,
        body: { error: { message: '(#131026) Message undeliverable', code: 131026, fbtrace_id: 'x' } },
      };
    };
    const from = '5511944440002';
    await deliver(bot.port, single({ from, message: text('oi') }));
    await eventually(() => graph.messagesTo(from).length === 1, 10_000, 'the next message');
    // The bot records the send once Graph has answered, and its log reaches this process a moment later.
    await eventually(() => countRows(db, 'outbox') === 0, 10_000, 'the sent message recorded');
    await eventually(() => bot.events('send-failed').length > 0, 10_000, 'the failure logged');
    expect(graph.requests).toHaveLength(2);
    expect(rows(db, 'SELECT kind, attempts, error FROM failed_sends')).toEqual([
      { kind: 'message', attempts: 1, error: 'http 400 code 131026' },
    ]);
    expect(bot.events('send-failed')).toHaveLength(1);
    expect(countRows(db, 'outbox')).toBe(0);
  });

  it('keeps messages while the Graph API cannot be reached, and sends them when it can', async () => {
    const { graph, bot } = await launch();
    graph.answer = () => 'hold';
    const from = '5511944440003';
    const port = graph.port;
    await graph.stop();
    await deliver(bot.port, single({ from, message: text('oi') }));
    await eventually(() => bot.events('send-retry').length >= 1, 10_000, 'a failed attempt');
    expect(String(bot.events('send-retry')[0]?.['error'])).toMatch(/^network ECONNREFUSED/);
    const back = new FakeGraph();
    await back.startOn(port);
    graphs.push(back);
    await eventually(() => back.messagesTo(from).length === 2, 20_000, 'delivery after the outage');
  }, 30_000);

  it('sends no faster than AMANA_SEND_RATE messages per second', async () => {
    const { graph, bot } = await launch({ AMANA_SEND_RATE: '5' });
    const senders = Array.from({ length: 10 }, (_, index) => `55119444500${String(index).padStart(2, '0')}`);
    await Promise.all(senders.map((from) => deliver(bot.port, single({ from, message: text('oi') }))));
    await eventually(() => graph.delivered.length === 20, 20_000, 'all 20 replies');
    const times = graph.requests.map((request) => request.at);
    // A bucket of 5 tokens refilled at 5 per second: never more than 10 in any one second.
    for (const at of times)
      expect(times.filter((other) => other >= at && other < at + 1000).length).toBeLessThanOrEqual(10);
    expect((times.at(-1) ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(2000);
    await sleep(10);
  }, 30_000);

  it('holds only its own person’s messages while a request hangs; a stop ends it after a short grace and it goes again at the next start', async () => {
    const { graph, bot, db, options } = await launch();
    const stuck = '5511944460001';
    const others = ['5511944460002', '5511944460003', '5511944460004'];
    // Graph never answers the first request to `stuck` (a hung connection); the rest normally.
    graph.answer = (request) =>
      asRecord(request.body)['to'] === stuck &&
      graph.requests.filter((r) => asRecord(r.body)['to'] === stuck).length === 1
        ? 'hold'
        : { status: 200 };
    await deliver(bot.port, single({ from: stuck, message: text('oi') }));
    await eventually(() => graph.requests.length === 1, 10_000, 'the hung request');
    await Promise.all(others.map((from) => deliver(bot.port, single({ from, message: text('oi') }))));
    // Everyone else is answered in full while it hangs; `stuck` waits behind its first message.
    await eventually(() => others.every((from) => graph.messagesTo(from).length === 2), 10_000, 'the others’ replies');
    expect(graph.requests.filter((request) => asRecord(request.body)['to'] === stuck)).toHaveLength(1);

    // SIGTERM: the hung request is ended after the grace, not after its 15 s timeout.
    const stopping = performance.now();
    expect(await bot.stop()).toBe(0);
    expect(performance.now() - stopping).toBeLessThan(6_000);
    graph.releaseHeld();
    // It may have reached WhatsApp: the log says so, and the row stays to be sent again (at least once).
    const interrupted = bot.events('send-retry');
    expect(interrupted).toHaveLength(1);
    expect(interrupted[0]).toMatchObject({ kind: 'message', attempts: 1, maybeSent: true });
    expect(String(interrupted[0]?.['error'])).toMatch(/^stopped /);
    expect(countRows(db, 'outbox')).toBe(2);

    const again = await startBot(options);
    bots.push(again);
    await eventually(() => graph.messagesTo(stuck).length === 2, 15_000, 'the held replies after the restart');
    const toStuck = graph.requests.filter((request) => asRecord(request.body)['to'] === stuck);
    expect(toStuck.map((request) => asRecord(request.body)['type'])).toEqual(['text', 'text', 'interactive']);
    expect(toStuck[0]?.raw).toBe(toStuck[1]?.raw);
    await eventually(() => countRows(db, 'outbox') === 0, 10_000, 'the outbox emptied');
  }, 40_000);

  it('keeps a row whose outcome the store refuses, sends it no second time meanwhile, and records it once it can', async () => {
    const { graph, bot, db } = await launch();
    let answers = 0;
    graph.answer = () => (++answers === 1 ? { status: 503 } : { status: 200 });
    // The store refuses to change the outbox (a full disk, a broken database): neither the retry nor the send can be written.
    const writer = new Database(db);
    writer.exec(`CREATE TRIGGER refuse_update BEFORE UPDATE ON outbox BEGIN SELECT RAISE(ABORT, 'refused'); END;
                 CREATE TRIGGER refuse_delete BEFORE DELETE ON outbox BEGIN SELECT RAISE(ABORT, 'refused'); END;`);
    try {
      const from = '5511944460010';
      await deliver(bot.port, single({ from, message: text('oi') }));
      await eventually(() => bot.events('send-unrecorded').length >= 2, 10_000, 'the refused records');
      await sleep(1_500);
      // One request only: the row is not sent again while the sender knows what became of it.
      expect(graph.requests).toHaveLength(1);
      expect(countRows(db, 'outbox')).toBe(2);
      expect(countRows(db, 'failed_sends')).toBe(0);
      expect(bot.events('send-unrecorded')[0]).toMatchObject({ kind: 'message', sent: false, attempt: 1 });

      writer.exec('DROP TRIGGER refuse_update; DROP TRIGGER refuse_delete;');
      await eventually(() => graph.messagesTo(from).length === 2, 40_000, 'both replies once the store takes writes');
      await eventually(() => countRows(db, 'outbox') === 0, 10_000, 'the outbox emptied');
      expect(graph.requests.map((request) => asRecord(request.body)['type'])).toEqual(['text', 'text', 'interactive']);
      expect(countRows(db, 'failed_sends')).toBe(0);
      expect(bot.events('send-crashed')).toEqual([]);
    } finally {
      writer.close();
    }
  }, 60_000);
});
