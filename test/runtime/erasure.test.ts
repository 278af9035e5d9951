import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deliver,
  eventually,
  exportBot,
  freshKey,
  removeExportedBots,
  root,
  sleep,
  startBot,
  type BotOptions,
  type RunningBot,
} from './helpers/bot.ts';
import { rows } from './helpers/database.ts';
import { asRecord, FakeGraph } from './helpers/fake-graph.ts';
import { buttonReply, single, text, type MessageBody } from './helpers/payloads.ts';

/**
 * Issue 20 through the real exported `server.js` (the lead-capture example, a fake Graph API):
 * a customer who asks to be forgotten in the middle of the conversation gets the confirmation and
 * nothing more; their next message starts a new conversation from Start, as for a new person, and
 * nothing the bot says afterwards depends on what it forgot.
 */
describe('exported bot: erasure in the middle of a conversation', () => {
  const graph = new FakeGraph();
  let bot: RunningBot;
  let options: BotOptions;

  beforeAll(async () => {
    const graphBase = await graph.start();
    const flow = JSON.parse(readFileSync(join(root, 'flows/examples/lead-capture.flow.json'), 'utf8'));
    const dir = exportBot(flow, 'erasure');
    options = { dir, graphBase, key: freshKey(), db: join(dir, 'amana.db') };
    bot = await startBot(options);
  });

  afterAll(async () => {
    await bot?.stop();
    await graph.stop();
    removeExportedBots();
  });

  /** What the customer reads in one WhatsApp message (text body, or an interactive message's body). */
  const readable = (message: Record<string, unknown>) =>
    String(asRecord(message['text'])['body'] ?? asRecord(asRecord(message['interactive'])['body'])['text'] ?? '');

  async function say(phone: string, message: MessageBody, replies: number): Promise<string[]> {
    const before = graph.messagesTo(phone).length;
    expect((await deliver(bot.port, single({ from: phone, name: 'Maria', message }))).status).toBe(200);
    await eventually(() => graph.messagesTo(phone).length >= before + replies, 10_000, `${replies} replies`);
    await sleep(300); // nothing more arrives than expected
    return graph.messagesTo(phone).slice(before).map(readable);
  }

  it('confirms and ends; the next message starts anew from Start and is not taken as an answer', async () => {
    const phone = '5511955550101';
    expect(await say(phone, text('oi'), 2)).toEqual([
      expect.stringMatching(/^Olá! 👋 Aqui é o assistente virtual/),
      'Para qual tipo de produto você quer um orçamento?',
    ]);
    await say(phone, buttonReply('planned', 'Móveis planejados'), 1);
    await say(phone, buttonReply('accept', 'Aceito'), 1);
    expect(await say(phone, text('Maria Canarinho'), 1)).toEqual(['Obrigado, Maria Canarinho! Qual é o seu e-mail?']);

    const erased = await say(phone, text('apagar meus dados'), 1);
    expect(erased).toEqual(['Pronto: apaguei os dados que você informou nesta conversa.']);

    const anew = await say(phone, text('maria@example.com'), 2);
    expect(anew[0]).toMatch(/^Olá! 👋 Aqui é o assistente virtual/);
    expect(anew.join('\n')).not.toMatch(/Maria Canarinho|, !|maria@example\.com/);
    expect(rows(options.db, 'SELECT key FROM fields')).toEqual([]);
    expect(bot.events('erased')).toHaveLength(1);
  });

  it('never says a sentence with a hole after the erasure, at any later question', async () => {
    const phone = '5511955550102';
    await say(phone, text('oi'), 2);
    await say(phone, buttonReply('sofas', 'Sofás'), 1);
    await say(phone, buttonReply('accept', 'Aceito'), 1);
    await say(phone, text('Joana Canarinho'), 1);
    expect(await say(phone, text('excluir meus dados'), 1)).toHaveLength(1);
    await say(phone, text('oi'), 2);
    await say(phone, buttonReply('decor', 'Decoração'), 1);
    await say(phone, buttonReply('accept', 'Aceito'), 1);
    expect(await say(phone, text('Bia'), 1)).toEqual(['Obrigado, Bia! Qual é o seu e-mail?']);
    const said = graph.messagesTo(phone).map(readable);
    const afterErasure = said.slice(said.findIndex((message) => message.includes('apaguei os dados')));
    expect(afterErasure.join('\n')).not.toContain('Joana');
    expect(said.filter((message) => /\s[,!.?]|\{\{/.test(message.replace(/\n/g, '')))).toEqual([]);
  });
});
