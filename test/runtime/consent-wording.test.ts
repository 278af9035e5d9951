import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deliver,
  eventually,
  exportBot,
  freshKey,
  removeExportedBots,
  sleep,
  startBot,
  type BotOptions,
  type RunningBot,
} from './helpers/bot.ts';
import { rows } from './helpers/database.ts';
import { asRecord, FakeGraph } from './helpers/fake-graph.ts';
import { buttonReply, single, text, type MessageBody } from './helpers/payloads.ts';

/**
 * Consent follows the notice (issue 18), through the real exported `server.js` and a fake Graph
 * API: each consent is recorded with the flow version and its purpose's wording; a re-export that
 * rewords a purpose makes a returning customer hear that the notice changed (with its link, in
 * their language) and answer the consent step again, while a purpose that reads the same is not
 * asked again — also after a re-export that changed something else.
 */
const notice = 'https://loja.example/privacidade';
const words = (en: string, pt: string, ar: string) => ({ en, 'pt-BR': pt, ar });

function shopFlow(version: { support: ReturnType<typeof words>; hello: string }): Record<string, unknown> {
  const at = (y: number) => ({ x: 0, y });
  return {
    format: 'amana.flow',
    version: 1,
    id: 'consent-wording',
    name: 'Loja Teste',
    languages: ['en', 'pt-BR', 'ar'],
    controller: { name: 'Loja Teste Ltda', contact: 'privacy@loja.example', privacyNoticeUrl: notice },
    purposes: [
      { id: 'support', label: version.support },
      { id: 'offers', label: words('Offers and news', 'Ofertas e novidades', 'العروض والأخبار') },
    ],
    recipients: [],
    data: [
      {
        key: 'email',
        label: words('Email', 'E-mail', 'البريد الإلكتروني'),
        category: 'user.contact.email',
        purposes: ['support', 'offers'],
        legalBasis: 'consent',
        retentionDays: 30,
      },
    ],
    variables: [],
    keywords: {
      human: { en: ['agent'], 'pt-BR': ['atendente'], ar: ['موظف'] },
      erase: { en: ['delete my data'], 'pt-BR': ['apagar meus dados'], ar: ['احذف بياناتي'] },
      stop: { en: ['stop'], 'pt-BR': ['parar'], ar: ['توقف'] },
    },
    nodes: [
      { id: 'start', type: 'start', position: at(0) },
      {
        id: 'hello',
        type: 'disclosure',
        position: at(100),
        text: words(
          `${version.hello} I am an automated assistant.`,
          `${version.hello} Sou um assistente automático.`,
          `${version.hello} أنا مساعد آلي.`,
        ),
      },
      {
        id: 'ask-support',
        type: 'consent',
        purposes: ['support'],
        position: at(200),
        text: words(
          'May we keep your email to answer you?',
          'Podemos guardar seu e-mail para responder?',
          'هل نحفظ بريدك للرد عليك؟',
        ),
      },
      {
        id: 'ask-email',
        type: 'question',
        input: 'email',
        saveAs: 'email',
        position: at(300),
        text: words('What is your email?', 'Qual é o seu e-mail?', 'ما بريدك الإلكتروني؟'),
      },
      {
        id: 'ask-offers',
        type: 'consent',
        purposes: ['offers'],
        position: at(400),
        text: words(
          'Shall we send offers to {{email}}?',
          'Podemos enviar ofertas para {{email}}?',
          'هل نرسل العروض إلى {{email}}؟',
        ),
      },
      { id: 'thanks', type: 'end', position: at(500), text: words('Thank you!', 'Obrigado!', 'شكرًا!') },
      { id: 'bye', type: 'end', position: at(600), text: words('Goodbye!', 'Até logo!', 'مع السلامة!') },
    ],
    edges: [
      { id: 'e1', from: 'start', to: 'hello' },
      { id: 'e2', from: 'hello', to: 'ask-support' },
      { id: 'e3', from: 'ask-support', outcome: 'granted', to: 'ask-email' },
      { id: 'e4', from: 'ask-support', outcome: 'declined', to: 'bye' },
      { id: 'e5', from: 'ask-email', to: 'ask-offers' },
      { id: 'e6', from: 'ask-offers', outcome: 'granted', to: 'thanks' },
      { id: 'e7', from: 'ask-offers', outcome: 'declined', to: 'thanks' },
    ],
  };
}

const support = words('Answering your request', 'Responder ao seu pedido', 'الرد على طلبك');
const versions = {
  first: shopFlow({ support, hello: 'Hi!' }),
  // The support purpose reworded in one language: every earlier grant of it lapses.
  reworded: shopFlow({
    support: { ...support, 'pt-BR': 'Responder ao seu pedido e pesquisar sua satisfação' },
    hello: 'Hi!',
  }),
  // Only the greeting changed: every purpose reads as before.
  greeting: shopFlow({
    support: { ...support, 'pt-BR': 'Responder ao seu pedido e pesquisar sua satisfação' },
    hello: 'Hello!',
  }),
};

describe('exported bot: consent follows the notice', () => {
  const graph = new FakeGraph();
  const key = freshKey();
  let graphBase = '';
  let db = '';
  let bot: RunningBot | undefined;
  const dirs: Record<keyof typeof versions, string> = { first: '', reworded: '', greeting: '' };

  beforeAll(async () => {
    graphBase = await graph.start();
    for (const name of Object.keys(versions) as (keyof typeof versions)[])
      dirs[name] = exportBot(versions[name], `consent-${name}`);
    db = join(dirs.first, 'amana.db');
  });

  afterAll(async () => {
    await bot?.stop();
    await graph.stop();
    removeExportedBots();
  });

  /** Stops the running bot and starts the export `name` on the same database and key (a re-deploy). */
  async function deploy(name: keyof typeof versions): Promise<void> {
    await bot?.stop();
    const options: BotOptions = { dir: dirs[name], graphBase, key, db };
    bot = await startBot(options);
  }

  const readable = (message: Record<string, unknown>) =>
    String(asRecord(message['text'])['body'] ?? asRecord(asRecord(message['interactive'])['body'])['text'] ?? '');

  async function say(phone: string, message: MessageBody, replies: number): Promise<string[]> {
    const before = graph.messagesTo(phone).length;
    expect((await deliver(bot?.port ?? 0, single({ from: phone, name: 'Cliente', message }))).status).toBe(200);
    await eventually(() => graph.messagesTo(phone).length >= before + replies, 10_000, `${replies} replies`);
    await sleep(300); // nothing more arrives than expected
    return graph.messagesTo(phone).slice(before).map(readable);
  }

  const flowVersion = (name: keyof typeof versions): string =>
    asRecord(asRecord(JSON.parse(readFileSync(join(dirs[name], 'manifest.json'), 'utf8')))['flow'])['sha256'] as string;

  const ana = '5511955550201'; // Brazil: Portuguese
  const omar = '966501234567'; // Saudi Arabia: Arabic

  it('records each consent with the flow version and the wording it was given for', async () => {
    await deploy('first');
    for (const phone of [ana, omar]) {
      expect(await say(phone, text('oi'), 2)).toHaveLength(2);
      expect(await say(phone, buttonReply('accept', 'Aceito'), 1)).toHaveLength(1);
      expect(await say(phone, text(`${phone}@example.com`), 1)).toHaveLength(1);
      expect(await say(phone, buttonReply('accept', 'Aceito'), 1)).toHaveLength(1);
    }
    const ledger = rows<{ event: string; purposes: string; flow_version: string; purpose_hashes: string }>(
      db,
      'SELECT event, purposes, flow_version, purpose_hashes FROM consent_ledger ORDER BY id',
    );
    expect(ledger.map((row) => [row.event, JSON.parse(row.purposes), row.flow_version])).toEqual([
      ['granted', ['support'], flowVersion('first')],
      ['granted', ['offers'], flowVersion('first')],
      ['granted', ['support'], flowVersion('first')],
      ['granted', ['offers'], flowVersion('first')],
    ]);
    expect(Object.keys(JSON.parse(ledger[0]?.purpose_hashes ?? '{}'))).toEqual(['support']);
    expect(JSON.parse(ledger[0]?.purpose_hashes ?? '{}')['support']).toMatch(/^[0-9a-f]{64}$/);
  });

  it('after a re-export that rewords a purpose, tells a returning customer the notice changed and asks again', async () => {
    await deploy('reworded');
    const opening = await say(ana, text('oi de novo'), 3);
    expect(opening).toEqual([
      'Hi! Sou um assistente automático.',
      `Nosso aviso de privacidade mudou desde que você concordou com: Responder ao seu pedido e pesquisar sua satisfação. Você pode lê-lo aqui: ${notice}\nPor favor, responda de novo abaixo.`,
      'Podemos guardar seu e-mail para responder?',
    ]);
    expect(await say(ana, buttonReply('accept', 'Aceito'), 1)).toEqual(['Qual é o seu e-mail?']);
    // The offers purpose reads as before: its consent still holds, and its step does not ask again.
    expect(await say(ana, text('ana@example.com'), 1)).toEqual(['Obrigado!']);

    const arabic = await say(omar, text('مرحبا'), 3);
    expect(arabic[1]).toBe(
      `تغيّر إشعار الخصوصية لدينا منذ أن وافقت على: الرد على طلبك. يمكنك قراءته هنا: ${notice}\nمن فضلك أجب مرة أخرى أدناه.`,
    );
    expect(arabic[2]).toBe('هل نحفظ بريدك للرد عليك؟');
    // Declining now withdraws it: the e-mail is not asked for.
    expect(await say(omar, buttonReply('decline', 'لا أوافق'), 1)).toEqual(['مع السلامة!']);

    const ledger = rows<{ event: string; purposes: string; flow_version: string; purpose_hashes: string }>(
      db,
      'SELECT event, purposes, flow_version, purpose_hashes FROM consent_ledger ORDER BY id',
    );
    const since = ledger.slice(4);
    expect(since.map((row) => [row.event, JSON.parse(row.purposes), row.flow_version])).toEqual([
      ['granted', ['support'], flowVersion('reworded')],
      ['declined', ['support'], flowVersion('reworded')],
    ]);
    const hashOf = (row: { purpose_hashes: string } | undefined) => JSON.parse(row?.purpose_hashes ?? '{}')['support'];
    expect(hashOf(since[0])).not.toBe(hashOf(ledger[0]));
    expect(hashOf(since[1])).toBe(hashOf(since[0]));
    expect(bot?.events('consent-lapsed').map((line) => line['purposes'])).toEqual(['support', 'support']);
  });

  it('after a re-export that leaves every purpose as it was, asks a returning customer nothing again', async () => {
    await deploy('greeting');
    expect(await say(ana, text('olá'), 2)).toEqual(['Hello! Sou um assistente automático.', 'Qual é o seu e-mail?']);
    expect(await say(ana, text('ana@example.com'), 1)).toEqual(['Obrigado!']);
    expect(bot?.events('consent-lapsed')).toEqual([]);
    // Omar declined: he is asked as anyone who has not agreed, without being told of a change.
    expect(await say(omar, text('مرحبا'), 2)).toEqual(['Hello! أنا مساعد آلي.', 'هل نحفظ بريدك للرد عليك؟']);
  });
});
