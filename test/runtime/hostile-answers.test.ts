import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deliver,
  eventually,
  exportBot,
  freshKey,
  removeExportedBots,
  startBot,
  type RunningBot,
} from './helpers/bot.ts';
import { asRecord, FakeGraph } from './helpers/fake-graph.ts';
import { single, text } from './helpers/payloads.ts';

/**
 * A lead form whose request puts the customer's answer and WhatsApp name everywhere a template
 * can: the URL, a header, a JSON string and a bare JSON value. It passes `amana check`.
 */
function leadFlow(crmPort: number): Record<string, unknown> {
  const words = (en: string) => ({ en });
  const at = (y: number) => ({ x: 0, y });
  return {
    format: 'amana.flow',
    version: 1,
    id: 'hostile-answers',
    name: 'Lead form',
    languages: ['en'],
    controller: { name: 'Loja Teste Ltda', contact: 'privacy@loja.example' },
    purposes: [{ id: 'sales', label: words('Sales contact') }],
    recipients: [{ id: 'crm', name: 'Funil CRM', host: `127.0.0.1:${crmPort}`, country: 'BR' }],
    data: [
      {
        key: 'note',
        label: words('Note'),
        category: 'user.content',
        purposes: ['sales'],
        legalBasis: 'contract',
        retentionDays: 30,
        sharedWith: ['crm'],
      },
      {
        key: 'contact.name',
        label: words('WhatsApp name'),
        category: 'user.name',
        purposes: ['sales'],
        legalBasis: 'contract',
        retentionDays: 30,
        sharedWith: ['crm'],
      },
    ],
    variables: [],
    keywords: { human: { en: ['agent'] }, erase: { en: ['delete my data'] }, stop: { en: ['stop'] } },
    nodes: [
      { id: 'start', type: 'start', position: at(0) },
      {
        id: 'hello',
        type: 'disclosure',
        position: at(100),
        text: words('Hi! I am the automated assistant of Loja Teste.'),
      },
      {
        id: 'ask',
        type: 'question',
        position: at(200),
        input: 'text',
        saveAs: 'note',
        text: words('Anything we should know?'),
      },
      {
        id: 'send',
        type: 'http',
        position: at(300),
        method: 'POST',
        url: `http://127.0.0.1:${crmPort}/leads/{{note}}?by={{contact.name}}`,
        recipient: 'crm',
        send: [],
        headers: { 'Content-Type': 'application/json', 'X-Lead-Name': '{{contact.name}}', 'X-Note': '{{note}}' },
        body: '{"note": "{{note}}", "raw": {{note}}, "name": "{{contact.name}}"}',
      },
      { id: 'thanks', type: 'end', position: at(400), text: words('Thanks, noted.') },
      { id: 'sorry', type: 'end', position: at(400), text: words('Sorry, the CRM is down.') },
    ],
    edges: [
      { id: 'e1', from: 'start', to: 'hello' },
      { id: 'e2', from: 'hello', to: 'ask' },
      { id: 'e3', from: 'ask', to: 'send' },
      { id: 'e4', from: 'send', outcome: 'ok', to: 'thanks' },
      { id: 'e5', from: 'send', outcome: 'error', to: 'sorry' },
    ],
  };
}

/** Answers that broke turns: Arabic, emoji, a NUL, half an emoji, line breaks, JSON and XML. */
const known = [
  'أحمد',
  '🍕 pizza',
  'a\u0000b',
  'half \uD83D',
  '\uDE00 other half',
  'line\r\nX-Evil: yes',
  '1, "admin": true',
  '"/><admin/>',
  '\u202Eevil\u202C',
  '../../admin?x=1#y',
];

/**
 * The whole conversation, through the real exported server.js, with arbitrary Unicode answers
 * and WhatsApp names: every customer gets an answer, and the CRM gets a well-formed request.
 */
describe('exported bot: customers’ answers never break a turn', () => {
  const graph = new FakeGraph();
  const crm = new FakeGraph();
  let bot: RunningBot;

  beforeAll(async () => {
    const graphBase = await graph.start();
    await crm.start();
    crm.answer = () => ({ status: 201, body: { id: 'lead-1' } });
    const dir = exportBot(leadFlow(crm.port), 'hostile');
    bot = await startBot({ dir, graphBase, key: freshKey(), db: join(dir, 'amana.db') });
  });

  afterAll(async () => {
    await bot?.stop();
    await graph.stop();
    await crm.stop();
    removeExportedBots();
  });

  it('answers every message whatever the customer types, and sends the CRM only well-formed requests', async () => {
    const arbitrary = fc.sample(fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }), { numRuns: 30, seed: 11 });
    const names = fc.sample(fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }), { numRuns: 40, seed: 7 });
    const answers = [...known, ...arbitrary].filter((answer) => answer.trim() !== '');
    const customers = answers.map((answer, at) => ({ from: `5511970${String(at).padStart(6, '0')}`, answer }));
    for (const [at, customer] of customers.entries()) {
      const name = at < known.length ? known[at]! : names[at % names.length]!;
      await deliver(bot.port, single({ from: customer.from, name, message: text('hi') }));
      await deliver(bot.port, single({ from: customer.from, name, message: text(customer.answer) }));
    }
    await eventually(
      () => customers.every(({ from }) => graph.messagesTo(from).length >= 3),
      60_000,
      'three messages to every customer',
    );
    for (const { from, answer } of customers) {
      const last = asRecord(graph.messagesTo(from).at(-1));
      expect(asRecord(last['text'])['body'], JSON.stringify(answer)).toBe('Thanks, noted.');
    }
    expect(bot.events('turn-failed')).toEqual([]);
    expect(bot.events('message-dropped')).toEqual([]);
    expect(crm.requests).toHaveLength(customers.length);
    for (const request of crm.requests) {
      expect(Object.keys(asRecord(request.body))).toEqual(['note', 'raw', 'name']);
      expect(request.path.startsWith('/leads/')).toBe(true);
      expect(request.headers['x-evil']).toBeUndefined();
    }
    const injected = crm.requests.find((request) => asRecord(request.body)['note'] === '1, "admin": true');
    expect(asRecord(injected?.body)['raw']).toBe('1, "admin": true');
    const arabic = crm.requests.find((request) => asRecord(request.body)['note'] === 'أحمد');
    expect(decodeURIComponent(String(arabic?.headers['x-note']))).toBe('أحمد');
  });
});
