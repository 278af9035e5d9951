import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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
import { countRows } from './helpers/database.ts';
import { asRecord, FakeGraph } from './helpers/fake-graph.ts';
import { supportFlow } from './helpers/fixture-flow.ts';
import { buttonReply, single, text, wamid } from './helpers/payloads.ts';

/**
 * kill -9 in the middle of a burst: webhook deliveries still arriving, turns being processed,
 * replies in flight to the Graph API. After a restart on the same database, and after Meta's
 * redelivery of whatever was not acknowledged, every message is answered exactly once, in order.
 *
 * The fake Graph API stops answering shortly before the kill, so a request it never answered
 * counts as not delivered (the bot must send it again), while every request it did answer was
 * answered well before the kill. The one window no HTTP client can close — the bot dying in
 * the microseconds between Graph's 200 and its own record of it — is outside this test.
 */
describe('exported bot: crash during a burst', () => {
  const graph = new FakeGraph();
  let bot: RunningBot | undefined;

  afterAll(async () => {
    await bot?.stop();
    await graph.stop();
    removeExportedBots();
  });

  it('answers every acknowledged message exactly once after kill -9 and a restart', async () => {
    const graphBase = await graph.start();
    const dir = exportBot(supportFlow({ stock: 9, desk: 9 }), 'durability');
    const options = { dir, graphBase, key: freshKey(), db: join(dir, 'amana.db') };
    const first = await startBot(options);
    bot = first;

    let killing = false;
    graph.onRequest = () => {
      if (killing || graph.requests.length < 25) return;
      killing = true;
      setTimeout(() => void first.kill(), 150);
    };
    graph.answer = () => (killing ? 'hold' : { status: 200 });

    // 150 people write once (2 replies each); 20 write twice in a row (3 replies: the second
    // message answers the consent question, so it must be processed after the first).
    const once = Array.from({ length: 150 }, (_, index) => `55119${String(10_000_000 + index)}`);
    const twice = Array.from({ length: 20 }, (_, index) => `55219${String(10_000_000 + index)}`);
    const payloads = new Map<string, Record<string, unknown>[]>();
    for (const phone of once) payloads.set(phone, [single({ from: phone, id: wamid(), message: text('oi') })]);
    for (const phone of twice) {
      payloads.set(phone, [
        single({ from: phone, id: wamid(), message: text('oi') }),
        single({ from: phone, id: wamid(), message: buttonReply('accept', 'Aceito') }),
      ]);
    }

    const acknowledged = new Set<Record<string, unknown>>();
    const unacknowledged: Record<string, unknown>[] = [];
    const post = async (payload: Record<string, unknown>) => {
      try {
        if ((await deliver(first.port, payload)).status === 200) acknowledged.add(payload);
        else unacknowledged.push(payload);
      } catch {
        unacknowledged.push(payload);
      }
    };
    // The burst: one delivery every few milliseconds; a person's second message only after the first was acknowledged.
    const sends: Promise<void>[] = [];
    for (const [phone, messages] of payloads) {
      sends.push(
        (async () => {
          for (const payload of messages) {
            await post(payload);
            if (!acknowledged.has(payload)) {
              // The bot is down: Meta keeps the rest of this person's messages for later, in order.
              unacknowledged.push(...messages.slice(messages.indexOf(payload) + 1));
              return;
            }
          }
        })(),
      );
      await sleep(phone.startsWith('5521') ? 3 : 4);
    }
    await Promise.all(sends);
    await eventually(() => first.child.exitCode !== null || first.child.signalCode !== null, 10_000, 'the kill');

    // The crash really happened mid-burst: some deliveries were refused, some replies not yet sent.
    expect(unacknowledged.length).toBeGreaterThan(0);
    expect(acknowledged.size).toBeGreaterThan(0);
    expect(graph.delivered.length).toBeLessThan(150 * 2 + 20 * 3);
    expect(countRows(options.db, 'inbox')).toBeGreaterThanOrEqual(acknowledged.size);

    graph.releaseHeld();
    killing = false;
    graph.onRequest = () => undefined;
    graph.answer = () => ({ status: 200 });
    const second = await startBot(options);
    bot = second;
    // Meta redelivers what was not acknowledged, and (as it may) some of what was.
    const replayed = [...acknowledged].slice(0, 25);
    for (const payload of [...unacknowledged, ...replayed])
      expect((await deliver(second.port, payload)).status).toBe(200);

    const expected = (phone: string) => (phone.startsWith('5521') ? 3 : 2);
    const everyone = [...once, ...twice];
    // A generous wait: under the whole suite's load the restarted bot has been seen to need over 30 s.
    await eventually(
      () => everyone.every((phone) => graph.messagesTo(phone).length >= expected(phone)),
      60_000,
      'every message answered',
    ).catch((error: unknown) => {
      // Say what was missing and what the restarted bot reported, so a failure explains itself.
      const missing = everyone.filter((phone) => graph.messagesTo(phone).length < expected(phone));
      const reported = ['turn-failed', 'message-dropped', 'send-retry', 'send-failed', 'inbox-read-failed']
        .map((event) => `${event} × ${second.events(event).length}`)
        .join(', ');
      throw new Error(
        `${String(error)}: ${missing.length} of ${everyone.length} people not fully answered; ` +
          `${countRows(options.db, 'inbox', 'processed_at IS NULL')} inbox rows pending, ` +
          `${countRows(options.db, 'outbox')} outbox rows; the restarted bot logged ${reported}`,
      );
    });
    await sleep(1000);
    for (const phone of everyone) {
      const sent = graph.messagesTo(phone);
      const kinds = sent.map((message) =>
        message['type'] === 'interactive' ? asRecord(message['interactive'])['type'] : message['type'],
      );
      expect({ phone, kinds }).toEqual({
        phone,
        kinds: expected(phone) === 3 ? ['text', 'button', 'list'] : ['text', 'button'],
      });
    }
    expect(countRows(options.db, 'inbox', 'processed_at IS NULL')).toBe(0);
    expect(countRows(options.db, 'outbox')).toBe(0);
  }, 150_000);
});
