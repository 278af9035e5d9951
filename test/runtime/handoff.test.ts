import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  admin,
  call,
  deliver,
  eventually,
  exportBot,
  freshKey,
  secrets,
  sleep,
  startBot,
  startSupportBot,
  type RunningBot,
  removeExportedBots,
} from './helpers/bot.ts';
import { asRecord, FakeGraph } from './helpers/fake-graph.ts';
import { supportFlow } from './helpers/fixture-flow.ts';
import { buttonReply, listReply, location, single, text, type MessageBody } from './helpers/payloads.ts';

/**
 * Handoff: the conversation waits for a person in the admin API with the fields the flow shares;
 * the bot is silent meanwhile; the agent replies and releases; the desk named by the queue gets
 * a signed notification with only the fields declared as shared with it. Every admin access is
 * logged, without values.
 */
describe('exported bot: handoff queue and admin API', () => {
  const graph = new FakeGraph();
  const recipients = new FakeGraph();
  const forwardSecret = 'forward-secret-for-tests';
  const customer = { phone: '5511966660001', name: 'Dora Handoff', email: 'dora.handoff@example.com' };
  let bot: RunningBot;
  let ref = '';

  beforeAll(async () => {
    ({ bot } = await startSupportBot('handoff', {
      graph,
      recipients,
      eta: 'sexta',
      env: { HANDOFF_FORWARD_SECRET: forwardSecret },
    }));
  });

  afterAll(async () => {
    await bot?.stop();
    await graph.stop();
    await recipients.stop();
    removeExportedBots();
  });

  async function say(message: MessageBody, replies: number): Promise<Record<string, unknown>[]> {
    const before = graph.messagesTo(customer.phone).length;
    await deliver(bot.port, single({ from: customer.phone, name: customer.name, message }));
    await eventually(() => graph.messagesTo(customer.phone).length >= before + replies, 10_000, `${replies} replies`);
    return graph.messagesTo(customer.phone).slice(before);
  }

  it('refuses the admin API without the right bearer token, and logs each attempt', async () => {
    expect((await call(bot.port, 'GET', '/admin/handoffs')).status).toBe(401);
    expect((await admin(bot.port, 'GET', '/admin/handoffs', undefined, 'wrong-token')).status).toBe(401);
    expect((await admin(bot.port, 'GET', '/admin/handoffs', undefined, `${secrets.adminToken}x`)).status).toBe(401);
    await eventually(() => bot.events('admin-access').length >= 3, 5000, 'three log lines');
    const denied = bot.events('admin-access').filter((line) => line['authorized'] === false);
    expect(denied).toHaveLength(3);
    expect(denied.every((line) => line['status'] === 401 && line['route'] === 'list')).toBe(true);
  });

  it('accepts the bearer scheme in any case, as HTTP says (RFC 9110)', async () => {
    for (const scheme of ['bearer', 'BEARER', 'Bearer']) {
      const answer = await call(bot.port, 'GET', '/admin/status', undefined, {
        authorization: `${scheme} ${secrets.adminToken}`,
      });
      expect(answer.status, scheme).toBe(200);
    }
  });

  it('puts the conversation in the queue with the fields the flow shares', async () => {
    await say(text('oi'), 2);
    await say(buttonReply('accept', 'Aceito'), 1);
    await say(listReply('delivery', 'Entrega'), 1);
    await say(location(-23.55, -46.63, undefined, 'Rua da Dora 12'), 1);
    const last = await say(text(customer.email), 2);
    expect(asRecord(last[1]?.['text'])['body']).toBe('Vou passar para uma pessoa.');

    const list = await admin(bot.port, 'GET', '/admin/handoffs');
    expect(list.status).toBe(200);
    const waiting = JSON.parse(list.body).handoffs;
    expect(waiting).toHaveLength(1);
    ref = waiting[0].ref;
    expect(ref).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(waiting[0]).toMatchObject({
      queue: 'desk',
      node: 'handoff',
      shared: {
        email: customer.email,
        topic: 'delivery',
        where: { latitude: -23.55, longitude: -46.63, address: 'Rua da Dora 12' },
      },
      labels: { email: { en: 'Email', 'pt-BR': 'E-mail' } },
      messageCount: 0,
    });
  });

  it('notifies the desk, signed, with only the fields declared as shared with it', async () => {
    await eventually(() => recipients.delivered.some((req) => req.path === '/desk'), 5000, 'the desk notification');
    const forward = recipients.delivered.find((req) => req.path === '/desk');
    const body = asRecord(forward?.body);
    expect(body).toMatchObject({
      event: 'handoff',
      flow: 'runtime-support',
      handoff: ref,
      queue: 'desk',
      shared: { email: customer.email },
    });
    expect(asRecord(body['shared'])['where']).toBeUndefined();
    // Signed over the time of sending and the body, so a desk can refuse a replayed notification.
    const timestamp = String(forward?.headers['x-amana-timestamp']);
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(120);
    const expected = `sha256=${createHmac('sha256', forwardSecret)
      .update(`${timestamp}.${forward?.raw ?? ''}`)
      .digest('hex')}`;
    expect(forward?.headers['x-amana-signature-256']).toBe(expected);
  });

  it('stays silent while a person has the chat: the customer’s messages go to the agent', async () => {
    const before = graph.messagesTo(customer.phone).length;
    await deliver(bot.port, single({ from: customer.phone, message: text('Ainda estou aqui, alguém?') }));
    await eventually(
      async () => JSON.parse((await admin(bot.port, 'GET', `/admin/handoffs/${ref}`)).body).messageCount === 1,
      5000,
      'the message to reach the agent',
    );
    await sleep(300);
    expect(graph.messagesTo(customer.phone)).toHaveLength(before);
    const detail = JSON.parse((await admin(bot.port, 'GET', `/admin/handoffs/${ref}`)).body);
    expect(detail.messages).toEqual([
      { author: 'customer', at: expect.any(String), content: { type: 'text', text: 'Ainda estou aqui, alguém?' } },
    ]);
    await eventually(
      () => recipients.delivered.some((req) => asRecord(req.body)['event'] === 'message'),
      5000,
      'the desk to get the message',
    );
  });

  it('sends the agent’s reply to the customer', async () => {
    const reply = await admin(bot.port, 'POST', `/admin/handoffs/${ref}/reply`, {
      text: 'Oi Dora, aqui é a Júlia. Seu pedido sai sexta.',
    });
    expect(reply.status).toBe(202);
    await eventually(
      () =>
        graph
          .messagesTo(customer.phone)
          .some((message) => asRecord(message['text'])['body'] === 'Oi Dora, aqui é a Júlia. Seu pedido sai sexta.'),
      5000,
      'the agent’s reply',
    );
    expect((await admin(bot.port, 'POST', `/admin/handoffs/${ref}/reply`, { text: '' })).status).toBe(400);
    expect((await admin(bot.port, 'POST', `/admin/handoffs/${ref}/reply`, { words: 'x' })).status).toBe(400);
  });

  it('sends a reply with an Idempotency-Key once, however often it is sent again; the key with another text is 422', async () => {
    const words = 'Júlia de novo: só uma vez, por favor.';
    const sent = () =>
      graph.messagesTo(customer.phone).filter((message) => asRecord(message['text'])['body'] === words).length;
    const path = `/admin/handoffs/${ref}/reply`;
    const reply = (body: unknown, key: string) =>
      call(bot.port, 'POST', path, JSON.stringify(body), {
        authorization: `Bearer ${secrets.adminToken}`,
        'content-type': 'application/json',
        'idempotency-key': key,
      });
    const key = '"8e03978e-40d5-43e8-bc93-6894a57f9324"';
    // The first, and two repeats sent at once (a client retrying a request whose answer it lost).
    const answers = await Promise.all([1, 2, 3].map(() => reply({ text: words }, key)));
    expect(answers.map((answer) => answer.status)).toEqual([202, 202, 202]);
    expect(
      answers.map((answer) => JSON.parse(answer.body)).sort((a, b) => Number(!!a.again) - Number(!!b.again)),
    ).toEqual([{ queued: true }, { queued: true, again: true }, { queued: true, again: true }]);
    await eventually(() => sent() === 1, 5000, 'the reply');
    // The same key unquoted is the same key (a Structured Fields string, which many clients send bare).
    expect(await reply({ text: words }, '8e03978e-40d5-43e8-bc93-6894a57f9324')).toEqual({
      status: 202,
      body: `${JSON.stringify({ queued: true, again: true })}\n`,
    });
    // Another text under the same key is a client's mistake: refused, nothing sent.
    const other = await reply({ text: 'Outra coisa.' }, key);
    expect(other.status).toBe(422);
    expect(JSON.parse(other.body).error).toMatch(/Idempotency-Key was already used for a reply with another text/);
    // A key that is no Structured Fields string of visible ASCII is refused before anything is sent.
    for (const bad of ['', 'two words', '"unterminated', 'x'.repeat(256), 'chave-não-ascii'])
      expect((await reply({ text: 'Nunca enviada.' }, bad)).status, bad).toBe(400);
    // Another key is another reply.
    expect((await reply({ text: words }, 'second-reply')).status).toBe(202);
    await eventually(() => sent() === 2, 5000, 'the second reply');
    await sleep(200);
    expect(sent()).toBe(2);
    expect(
      graph.messagesTo(customer.phone).some((message) => asRecord(message['text'])['body'] === 'Nunca enviada.'),
    ).toBe(false);
    // The key is the bot's bookkeeping: the conversation shows what was said, not the key.
    const detail = JSON.parse((await admin(bot.port, 'GET', `/admin/handoffs/${ref}`)).body);
    const agentSaid = detail.messages.filter((message: { author: string }) => message.author === 'agent');
    expect(agentSaid.map((message: { content: unknown }) => message.content)).toEqual([
      { type: 'text', text: 'Oi Dora, aqui é a Júlia. Seu pedido sai sexta.' },
      { type: 'text', text: words },
      { type: 'text', text: words },
    ]);
  });

  it('gives the conversation back to the bot on release, which goes on from the handoff node', async () => {
    const before = graph.messagesTo(customer.phone).length;
    const released = await admin(bot.port, 'POST', `/admin/handoffs/${ref}/release`);
    expect(released).toEqual({ status: 200, body: `${JSON.stringify({ released: ref })}\n` });
    await eventually(() => graph.messagesTo(customer.phone).length >= before + 2, 5000, 'the bot to go on');
    const after = graph
      .messagesTo(customer.phone)
      .slice(before)
      .map((message) => asRecord(message['text'])['body']);
    expect(after).toEqual(['Apagado.', 'Tchau!']);
    expect(JSON.parse((await admin(bot.port, 'GET', '/admin/handoffs')).body).handoffs).toEqual([]);
    expect((await admin(bot.port, 'POST', `/admin/handoffs/${ref}/release`)).status).toBe(404);
  });

  it('logs every admin access by route and outcome, never the values it returned', () => {
    const accesses = bot.events('admin-access');
    expect(accesses.filter((line) => line['authorized'] === true).map((line) => line['route'])).toEqual(
      expect.arrayContaining(['list', 'show', 'reply', 'release']),
    );
    expect(bot.stdout.includes(customer.email)).toBe(false);
    expect(bot.stdout.includes('Rua da Dora')).toBe(false);
    expect(bot.stdout.includes(customer.phone)).toBe(false);
    expect(bot.stdout.includes('Júlia')).toBe(false);
  });
});

describe('exported bot: admin API switched off', () => {
  it('answers 404 on /admin/ when ADMIN_TOKEN is not set, and says so at start', async () => {
    const graph = new FakeGraph();
    const graphBase = await graph.start();
    const dir = exportBot(supportFlow({ stock: 9, desk: 9 }), 'no-admin');
    const bot = await startBot({
      dir,
      graphBase,
      key: freshKey(),
      db: join(dir, 'amana.db'),
      env: { ADMIN_TOKEN: '' },
    });
    try {
      expect((await admin(bot.port, 'GET', '/admin/handoffs')).status).toBe(404);
      expect(bot.stderr).toMatch(/ADMIN_TOKEN is not set, so nobody can release them/);
    } finally {
      await bot.stop();
      await graph.stop();
      removeExportedBots();
    }
  });
});
