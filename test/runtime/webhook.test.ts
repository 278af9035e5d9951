import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signatureFor } from '../../runtime/webhook/signature.ts';
import {
  call,
  deliver,
  eventually,
  secrets,
  startSupportBot,
  type RunningBot,
  removeExportedBots,
} from './helpers/bot.ts';
import { countRows, rows } from './helpers/database.ts';
import { asRecord, FakeGraph } from './helpers/fake-graph.ts';
import {
  audio,
  buttonReply,
  change,
  delivery,
  documentedPayload,
  documentFile,
  image,
  listReply,
  location,
  single,
  status,
  text,
  wamid,
} from './helpers/payloads.ts';

/**
 * The exported server.js against the WhatsApp Cloud API formats: Meta's documented payloads in,
 * the Graph API requests Meta documents out. Everything runs on loopback: a fake Graph API and a
 * fake recipient (the flow's stock API and help desk) record what the bot sends them.
 */
describe('exported bot: WhatsApp Cloud API webhook', () => {
  const graph = new FakeGraph();
  const recipients = new FakeGraph();
  let bot: RunningBot;
  let db: string;

  beforeAll(async () => {
    const started = await startSupportBot('webhook', { graph, recipients, eta: 'tomorrow' });
    bot = started.bot;
    db = started.options.db;
  });

  afterAll(async () => {
    await bot?.stop();
    await graph.stop();
    await recipients.stop();
    removeExportedBots();
  });

  /** Waits for `count` messages to one customer and returns all sent to them so far. */
  async function messagesTo(waId: string, count: number): Promise<Record<string, unknown>[]> {
    await eventually(() => graph.messagesTo(waId).length >= count, 10_000, `${count} messages to ${waId}`);
    return graph.messagesTo(waId);
  }

  it('answers Meta’s verification handshake with the challenge, and refuses a wrong token', async () => {
    const ok = await call(
      bot.port,
      'GET',
      `/webhook?hub.mode=subscribe&hub.verify_token=${secrets.verifyToken}&hub.challenge=1158201444`,
    );
    expect(ok).toEqual({ status: 200, body: '1158201444' });
    expect(
      (await call(bot.port, 'GET', '/webhook?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1')).status,
    ).toBe(403);
    expect(
      (
        await call(
          bot.port,
          'GET',
          `/webhook?hub.mode=unsubscribe&hub.verify_token=${secrets.verifyToken}&hub.challenge=1`,
        )
      ).status,
    ).toBe(403);
  });

  it('starts the flow on Meta’s documented text message: disclosure, then the consent buttons, as Graph API requests', async () => {
    const response = await deliver(bot.port, documentedPayload('text-message'));
    expect(response.status).toBe(200);
    const sent = await messagesTo('16505551234', 2);
    const requests = graph.delivered.filter((req) => asRecord(req.body)['to'] === '16505551234');
    for (const req of requests) {
      expect(req.method).toBe('POST');
      expect(req.path).toBe(`/v23.0/${secrets.phoneNumberId}/messages`);
      expect(req.headers['authorization']).toBe(`Bearer ${secrets.accessToken}`);
      expect(req.headers['content-type']).toBe('application/json');
    }
    // A +1 number gets the flow's English.
    expect(sent[0]).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '16505551234',
      type: 'text',
      text: {
        preview_url: false,
        body: 'Hi! I am the automated assistant of Loja Teste. Privacy notice: https://loja.example/privacy',
      },
    });
    expect(sent[1]).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '16505551234',
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'May we use what you tell us to help you?' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'accept', title: 'I agree' } },
            { type: 'reply', reply: { id: 'decline', title: 'I do not agree' } },
          ],
        },
      },
    });
  });

  it('reads Meta’s documented button_reply: an id that is not one of the consent buttons gets a hint', async () => {
    await deliver(bot.port, documentedPayload('button-reply'));
    const sent = await messagesTo('16505551234', 3);
    expect(asRecord(sent[2]?.['text'])['body']).toBe(
      'Please choose one of the options above: tap it, or reply with its number.',
    );
  });

  it('follows a conversation through button_reply, list_reply, location and text, calls the recipient, and hands off', async () => {
    const from = '5511987650001';
    await deliver(bot.port, single({ from, name: 'Ana', message: text('oi') }));
    const greeting = await messagesTo(from, 2);
    // A +55 number gets the flow's Brazilian Portuguese.
    expect(asRecord(greeting[0]?.['text'])['body']).toMatch(/^Olá! Sou o assistente automático/);

    await deliver(bot.port, single({ from, message: buttonReply('accept', 'Aceito') }));
    const list = (await messagesTo(from, 3))[2];
    expect(list).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: from,
      type: 'interactive',
      interactive: {
        type: 'list',
        body: { text: 'Como podemos ajudar?' },
        action: {
          button: 'Opções',
          sections: [
            {
              title: 'Pedidos',
              rows: [
                { id: 'delivery', title: 'Entrega', description: 'Cadê meu pedido?' },
                { id: 'returns', title: 'Devolução' },
              ],
            },
          ],
        },
      },
    });

    await deliver(bot.port, single({ from, message: listReply('delivery', 'Entrega', 'Cadê meu pedido?') }));
    expect(asRecord((await messagesTo(from, 4))[3]?.['text'])['body']).toBe('Envie o local de entrega.');

    await deliver(bot.port, single({ from, message: location(-23.5613, -46.6565, 'Casa', 'Av. Paulista, 1000') }));
    expect(asRecord((await messagesTo(from, 5))[4]?.['text'])['body']).toBe('Qual é o seu e-mail?');

    await deliver(bot.port, single({ from, message: text('ana@example.com') }));
    const after = await messagesTo(from, 7);
    expect(asRecord(after[5]?.['text'])['body']).toBe('Previsão: tomorrow.');
    expect(asRecord(after[6]?.['text'])['body']).toBe('Vou passar para uma pessoa.');
    const stockCall = recipients.requests.find((req) => req.path.startsWith('/eta'));
    expect(stockCall?.method).toBe('GET');
    expect(stockCall?.path).toBe('/eta?topic=delivery');
    // The desk receives the handoff with only the fields declared as shared with it.
    await eventually(() => recipients.requests.some((req) => req.path === '/desk'), 5000, 'the handoff forward');
    const forward = asRecord(recipients.requests.find((req) => req.path === '/desk')?.body);
    expect(forward['event']).toBe('handoff');
    expect(forward['queue']).toBe('desk');
    expect(forward['shared']).toEqual({ email: 'ana@example.com' });
  });

  it('reads images and documents on the returns path', async () => {
    const from = '5511987650002';
    await deliver(bot.port, single({ from, message: text('olá') }));
    await messagesTo(from, 2);
    await deliver(bot.port, single({ from, message: buttonReply('accept', 'Aceito') }));
    await messagesTo(from, 3);
    await deliver(bot.port, single({ from, message: listReply('returns', 'Devolução') }));
    expect(asRecord((await messagesTo(from, 4))[3]?.['text'])['body']).toBe('Envie uma foto do produto.');
    await deliver(bot.port, single({ from, message: image('1479537139650973', 'sofá rasgado') }));
    expect(asRecord((await messagesTo(from, 5))[4]?.['text'])['body']).toBe('Envie a nota fiscal (PDF).');
    await deliver(bot.port, single({ from, message: documentFile('1479537139650974', 'nota.pdf') }));
    expect(asRecord((await messagesTo(from, 6))[5]?.['text'])['body']).toBe('Qual é o seu e-mail?');
  });

  it('tells the customer what it can read when they send a kind of message the flow cannot take', async () => {
    const from = '5511987650003';
    await deliver(bot.port, single({ from, message: text('oi') }));
    await messagesTo(from, 2);
    await deliver(bot.port, single({ from, message: audio('998877') }));
    expect(asRecord((await messagesTo(from, 3))[2]?.['text'])['body']).toMatch(/^Desculpe, só consigo ler texto/);
  });

  it('handles every entry and change of a batched delivery', async () => {
    const senders = ['5511987650011', '5511987650012', '5511987650013', '5511987650014'];
    const batch = delivery(
      [
        change([{ from: senders[0] ?? '', message: text('oi') }]),
        change([{ from: senders[1] ?? '', message: text('oi') }]),
      ],
      [
        change([
          { from: senders[2] ?? '', message: text('oi') },
          { from: senders[3] ?? '', message: text('oi') },
        ]),
      ],
    );
    expect((await deliver(bot.port, batch)).status).toBe(200);
    for (const sender of senders) expect((await messagesTo(sender, 2)).length).toBe(2);
  });

  it('records status updates by message, without the recipient’s number', async () => {
    const before = countRows(db, 'statuses');
    const payload = delivery([
      change(
        [],
        [
          status('wamid.sent.1', 'sent', '5511987650001'),
          status('wamid.sent.1', 'delivered', '5511987650001'),
          status('wamid.sent.2', 'failed', '5511987650001', 131047),
        ],
      ),
    ]);
    expect((await deliver(bot.port, payload)).status).toBe(200);
    const recorded = rows<{ status: string; error_code: number | null; message_hash: Buffer }>(
      db,
      'SELECT status, error_code, message_hash FROM statuses ORDER BY rowid DESC LIMIT 3',
    ).reverse();
    expect(countRows(db, 'statuses')).toBe(before + 3);
    expect(recorded.map((row) => [row.status, row.error_code])).toEqual([
      ['sent', null],
      ['delivered', null],
      ['failed', 131047],
    ]);
    expect(recorded[0]?.message_hash.length).toBe(32);
    // The log line is written before the answer, but reaches this process through a pipe of its own.
    await eventually(
      () => bot.events('delivery-failed').some((line) => line['code'] === 131047),
      5000,
      'the failed delivery in the log',
    );
  });

  it('answers a message delivered several times (even at once) only once', async () => {
    const from = '5511987650021';
    const payload = single({ from, id: wamid(), message: text('oi') });
    const first = await Promise.all([
      deliver(bot.port, payload),
      deliver(bot.port, payload),
      deliver(bot.port, payload),
    ]);
    expect(first.map((response) => response.status)).toEqual([200, 200, 200]);
    await messagesTo(from, 2);
    expect((await deliver(bot.port, payload)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(graph.messagesTo(from)).toHaveLength(2);
  });

  it('refuses a bad or missing signature with 401 and stores nothing', async () => {
    const from = '5511987650031';
    const inboxBefore = countRows(db, 'inbox');
    const personsBefore = countRows(db, 'persons');
    const payload = JSON.stringify(single({ from, message: text('oi') }));
    const reserialised = JSON.stringify(JSON.parse(payload), null, 1);
    const attempts = [
      await call(bot.port, 'POST', '/webhook', payload, { 'content-type': 'application/json' }),
      await call(bot.port, 'POST', '/webhook', payload, {
        'x-hub-signature-256': signatureFor(payload, 'another-secret'),
      }),
      await call(bot.port, 'POST', '/webhook', reserialised, {
        'x-hub-signature-256': signatureFor(payload, secrets.appSecret),
      }),
      await call(bot.port, 'POST', '/webhook', payload, { 'x-hub-signature-256': 'sha256=' }),
      await call(bot.port, 'POST', '/webhook', payload, {
        'x-hub-signature-256': signatureFor(payload, secrets.appSecret).replace('sha256=', 'sha1='),
      }),
    ];
    expect(attempts.map((response) => response.status)).toEqual([401, 401, 401, 401, 401]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(countRows(db, 'inbox')).toBe(inboxBefore);
    expect(countRows(db, 'persons')).toBe(personsBefore);
    expect(graph.messagesTo(from)).toHaveLength(0);
  });

  it('ignores messages addressed to another business number', async () => {
    const from = '5511987650041';
    const ours = change([{ from, message: text('oi') }]);
    const payload = delivery([
      {
        ...ours,
        value: {
          ...asRecord(ours['value']),
          metadata: { display_phone_number: '15550000000', phone_number_id: '999999999' },
        },
      },
    ]);
    expect((await deliver(bot.port, payload)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(graph.messagesTo(from)).toHaveLength(0);
  });

  it('refuses bodies over 3 MB with 413, before reading them whole', async () => {
    const declared = await call(bot.port, 'POST', '/webhook', Buffer.alloc(3 * 1024 * 1024 + 1, 0x20), {
      'x-hub-signature-256': 'sha256=00',
    });
    expect(declared.status).toBe(413);

    // Chunked, no Content-Length: 64 KB chunks, up to 32 MB. The answer must come long before the end.
    const streamed = await new Promise<{ status: number; sentBytes: number }>((resolve, reject) => {
      let sent = 0;
      let status = 0;
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const req = request(
        { host: '127.0.0.1', port: bot.port, method: 'POST', path: '/webhook', agent: false },
        (response) => {
          status = response.statusCode ?? 0;
          response.resume();
          resolve({ status, sentBytes: sent });
        },
      );
      // The server answers 413 at once and closes only after the client has stopped sending, so
      // the answer is always read: a reset before it (or reading the whole 32 MB) fails.
      req.on('error', (error) => {
        if (!status) reject(new Error(`connection failed before the answer was read: ${error.message}`));
      });
      const pump = () => {
        while (sent < 32 * 1024 * 1024 && !status) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
    expect(streamed.status).toBe(413);
    expect(streamed.sentBytes).toBeLessThan(32 * 1024 * 1024);
    // Still answering.
    expect((await call(bot.port, 'GET', '/healthz')).status).toBe(200);
  });
});
