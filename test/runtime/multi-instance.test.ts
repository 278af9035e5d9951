import { createServer, request, type Server } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import {
  deliver,
  eventually,
  exportBot,
  freshKey,
  runBotCommand,
  sleep,
  startBot,
  removeExportedBots,
  type BotOptions,
  type RunningBot,
} from './helpers/bot.ts';
import { asRecord, FakeGraph } from './helpers/fake-graph.ts';
import { supportFlow } from './helpers/fixture-flow.ts';
import { testPostgres } from './helpers/postgres.ts';
import { buttonReply, single, text, wamid } from './helpers/payloads.ts';

const server = await testPostgres();

/**
 * Three `node server.js serve` on one PostgreSQL behind a round-robin forwarder (a load balancer
 * in miniature). A burst of signed deliveries goes to all three, with Meta-style redeliveries of
 * acknowledged messages to another instance; one instance gets kill -9 mid-burst and is started
 * again. Every acknowledged message is answered exactly once, in order per conversation, and an
 * erasure through one instance is what the others see.
 *
 * As in ./durability.test.ts, the fake Graph API stops answering shortly before the kill, so every
 * reply it counted as delivered was recorded as sent well before the kill; the one window no HTTP
 * client can close (dying between Graph's 200 and recording it) is outside this test.
 */
describe.skipIf(!server)('exported bot: three instances on one PostgreSQL', () => {
  const graph = new FakeGraph();
  const bots: (RunningBot | undefined)[] = [];
  let balancer: Server | undefined;

  afterAll(async () => {
    for (const bot of bots) await bot?.stop();
    balancer?.close();
    await graph.stop();
    await server?.stop();
    removeExportedBots();
  });

  it('answers every acknowledged message exactly once, in order, through a crash and a restart', async () => {
    const graphBase = await graph.start();
    const dir = exportBot(supportFlow({ stock: 9, desk: 9 }), 'instances');
    const url = await server?.database('instances');
    const options: BotOptions = { dir, graphBase, key: freshKey(), db: 'unused.db', env: { DATABASE_URL: url ?? '' } };
    for (let index = 0; index < 3; index += 1) bots.push(await startBot(options));
    const ports = () =>
      bots.flatMap((bot) => (bot && bot.child.exitCode === null && !bot.child.signalCode ? [bot.port] : []));

    // Round robin over the instances that are up, as a load balancer with health checks does.
    let turn = 0;
    balancer = createServer((incoming, outgoing) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        const up = ports();
        const port = up[turn++ % up.length];
        const forward = request(
          {
            host: '127.0.0.1',
            port,
            method: incoming.method,
            path: incoming.url,
            headers: incoming.headers,
            agent: false,
          },
          (answer) => {
            outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(outgoing);
          },
        );
        forward.on('error', () => {
          outgoing.writeHead(502);
          outgoing.end();
        });
        forward.end(Buffer.concat(chunks));
      });
    });
    await new Promise<void>((resolve) => balancer?.listen(0, '127.0.0.1', resolve));
    const address = balancer.address();
    const front = typeof address === 'object' && address ? address.port : 0;

    const victim = bots[1];
    let killing = false;
    graph.onRequest = () => {
      if (killing || graph.requests.length < 40) return;
      killing = true;
      // Three seconds between the last answered request and the kill: every send the fake API answered
      // has been recorded as sent by then, even on this shared, loaded machine.
      setTimeout(() => void victim?.kill(), 3000);
    };
    graph.answer = () => (killing ? 'hold' : { status: 200 });

    // 150 people write once (2 replies each); 30 write twice in a row (3 replies: the second
    // message answers the consent question, so it must be processed after the first).
    const once = Array.from({ length: 150 }, (_, index) => `55119${String(20_000_000 + index)}`);
    const twice = Array.from({ length: 30 }, (_, index) => `55219${String(20_000_000 + index)}`);
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
    let redelivered = 0;
    const post = async (payload: Record<string, unknown>) => {
      try {
        if ((await deliver(front, payload)).status === 200) acknowledged.add(payload);
        else unacknowledged.push(payload);
      } catch {
        unacknowledged.push(payload);
      }
    };
    const sends: Promise<void>[] = [];
    let count = 0;
    for (const [phone, messages] of payloads) {
      count += 1;
      const redeliver = count % 7 === 0;
      sends.push(
        (async () => {
          for (const payload of messages) {
            await post(payload);
            if (!acknowledged.has(payload)) {
              // Meta keeps the rest of this person's messages for later, in order.
              unacknowledged.push(...messages.slice(messages.indexOf(payload) + 1));
              return;
            }
            // Meta delivers some messages twice; the second copy goes to whichever instance.
            if (redeliver) {
              redelivered += 1;
              await post(payload);
            }
          }
        })(),
      );
      await sleep(phone.startsWith('5521') ? 3 : 4);
    }
    await Promise.all(sends);
    await eventually(() => victim?.child.signalCode === 'SIGKILL', 10_000, 'the kill');
    expect(killing).toBe(true);
    expect(redelivered).toBeGreaterThan(0);
    expect(acknowledged.size).toBeGreaterThan(0);

    // The victim comes back (a process manager restarts it); Meta redelivers what was refused.
    graph.releaseHeld();
    graph.onRequest = () => undefined;
    graph.answer = () => ({ status: 200 });
    bots[1] = await startBot(options);
    for (const payload of unacknowledged) expect((await deliver(front, payload)).status).toBe(200);

    const expected = (phone: string) => (phone.startsWith('5521') ? 3 : 2);
    const everyone = [...once, ...twice];
    await eventually(
      () => everyone.every((phone) => graph.messagesTo(phone).length >= expected(phone)),
      60_000,
      'every message answered',
    );
    await sleep(1500);
    for (const phone of everyone) {
      const kinds = graph
        .messagesTo(phone)
        .map((message) =>
          message['type'] === 'interactive' ? asRecord(message['interactive'])['type'] : message['type'],
        );
      expect({ phone, kinds }).toEqual({
        phone,
        kinds: expected(phone) === 3 ? ['text', 'button', 'list'] : ['text', 'button'],
      });
    }
    // Every instance did part of the work.
    for (const bot of [bots[0], bots[2]])
      expect(bot?.events('webhook-duplicates').length ?? 0).toBeGreaterThanOrEqual(0);

    // Erasure through one instance is what the others see: the person's next message, to another
    // instance, is answered from the conversation the erasure left (no value collected before it),
    // and export-subject, a third process, finds nothing but the ledger's record of the erasure.
    const [first, , third] = bots;
    const phone = twice[0] ?? '';
    const before = graph.messagesTo(phone).length;
    const erase = single({ from: phone, id: wamid(), message: text('apagar meus dados') });
    expect((await deliver(first?.port ?? 0, erase)).status).toBe(200);
    await eventually(() => graph.messagesTo(phone).length > before, 10_000, 'the erasure confirmed');
    expect(asRecord(graph.messagesTo(phone)[before]?.['text'])['body']).toMatch(/apaguei os dados/);
    await sleep(500);
    const afterErasure = graph.messagesTo(phone).length;
    expect((await deliver(third?.port ?? 0, single({ from: phone, id: wamid(), message: text('oi') }))).status).toBe(
      200,
    );
    await eventually(() => graph.messagesTo(phone).length > afterErasure, 10_000, 'the next answer');
    const subject = runBotCommand(options, ['export-subject', '--phone', phone]);
    expect(subject.code).toBe(0);
    const report = JSON.parse(subject.stdout);
    expect(report.fields).toEqual([]);
    expect(report.consentLedger.map((entry: { event: string }) => entry.event)).toContain('erased');
  }, 150_000);
});
