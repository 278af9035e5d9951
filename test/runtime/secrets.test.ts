import { randomBytes } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deliver,
  eventually,
  exportBot,
  freshKey,
  removeExportedBots,
  runBotCommand,
  startBot,
  type RunningBot,
} from './helpers/bot.ts';
import { asRecord, FakeGraph } from './helpers/fake-graph.ts';
import { single, text } from './helpers/payloads.ts';

/**
 * A lead form whose CRM request authenticates with `{{secret.CRM_TOKEN}}` (DESIGN.md §2): in the
 * Authorization header, and beside the customer's answer in another header. It passes `amana check`.
 */
function crmFlow(crmPort: number): Record<string, unknown> {
  const words = (en: string) => ({ en });
  const at = (y: number) => ({ x: 0, y });
  return {
    format: 'amana.flow',
    version: 1,
    id: 'crm-secret',
    name: 'Lead form with a CRM token',
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
    ],
    variables: [{ key: 'crm_answer' }],
    keywords: { human: { en: ['agent'] }, erase: { en: ['delete my data'] }, stop: { en: ['stop'] } },
    nodes: [
      { id: 'start', type: 'start', position: at(0) },
      { id: 'hello', type: 'disclosure', position: at(100), text: words('Hi! I am the assistant of Loja Teste.') },
      { id: 'ask', type: 'question', position: at(200), input: 'text', saveAs: 'note', text: words('Your note?') },
      {
        id: 'send',
        type: 'http',
        position: at(300),
        method: 'POST',
        url: `http://127.0.0.1:${crmPort}/leads`,
        recipient: 'crm',
        send: [],
        headers: {
          'Content-Type': 'application/json',
          Authorization: 'Bearer {{ secret.CRM_TOKEN }}',
          'X-Note': '{{note}}|{{secret.CRM_TOKEN}}',
        },
        body: '{"note": "{{note}}"}',
        saveResponse: [{ from: 'echo', to: 'crm_answer' }],
      },
      { id: 'thanks', type: 'end', position: at(400), text: words('Thanks, noted ({{crm_answer}}).') },
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

/** Every regular file under a folder (node_modules, a link to Amana's own, left out), with its bytes. */
function filesUnder(dir: string): { path: string; bytes: Buffer }[] {
  const found: { path: string; bytes: Buffer }[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) continue;
    if (stat.isDirectory()) found.push(...filesUnder(path));
    else found.push({ path, bytes: readFileSync(path) });
  }
  return found;
}

describe('exported bot: an integration secret reaches its recipient’s header and nothing else', () => {
  const graph = new FakeGraph();
  const crm = new FakeGraph();
  const token = `crm-${randomBytes(12).toString('hex')}`;
  let dir: string;
  let db: string;
  let key: string;
  let graphBase: string;
  let bot: RunningBot;

  beforeAll(async () => {
    graphBase = await graph.start();
    await crm.start();
    // A careless CRM echoes the Authorization header back; the bot must not keep it.
    crm.answer = (request) => ({ status: 201, body: { id: 'lead-1', echo: String(request.headers['authorization']) } });
    dir = exportBot(crmFlow(crm.port), 'secrets');
    db = join(dir, 'amana.db');
    key = freshKey();
    bot = await startBot({ dir, graphBase, key, db, env: { AMANA_SECRET_CRM_TOKEN: token } });
  });

  afterAll(async () => {
    await bot?.stop();
    await graph.stop();
    await crm.stop();
    removeExportedBots();
  });

  it('lists the secret in .env.example and the bundle README', () => {
    expect(readFileSync(join(dir, '.env.example'), 'utf8')).toMatch(/^AMANA_SECRET_CRM_TOKEN=$/m);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain('`AMANA_SECRET_CRM_TOKEN`');
  });

  it('refuses to start without the secret, naming the setting and never a value', () => {
    const result = runBotCommand({ dir, graphBase, key, db }, ['serve']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('AMANA_SECRET_CRM_TOKEN is not set');
    const spaced = runBotCommand({ dir, graphBase, key, db, env: { AMANA_SECRET_CRM_TOKEN: 'two words' } }, ['serve']);
    expect(spaced.code).toBe(2);
    expect(spaced.stderr).toContain('AMANA_SECRET_CRM_TOKEN holds spaces');
    expect(spaced.stderr).not.toContain('two words');
  });

  it('sends the token in the CRM’s header, and no file of the bundle holds it after the conversation', async () => {
    const from = '5511970000001';
    const forged = '{{secret.CRM_TOKEN}}';
    await deliver(bot.port, single({ from, name: 'Ana', message: text('hi') }));
    await deliver(bot.port, single({ from, name: 'Ana', message: text(forged) }));
    await eventually(() => graph.messagesTo(from).length >= 3, 20_000, 'three messages to the customer');

    expect(crm.requests).toHaveLength(1);
    const request = crm.requests[0]!;
    expect(request.headers['authorization']).toBe(`Bearer ${token}`);
    // The customer typed the placeholder: it travels encoded, and only the flow's own placeholder is filled.
    expect(request.headers['x-note']).toBe(`%7B%7Bsecret.CRM_TOKEN%7D%7D|${token}`);
    expect(asRecord(request.body)['note']).toBe(forged);
    const last = asRecord(graph.messagesTo(from).at(-1));
    expect(asRecord(last['text'])['body']).toBe('Thanks, noted (Bearer [secret]).');

    await bot.stop();
    writeFileSync(join(dir, 'bot.log'), bot.stdout + bot.stderr);
    const files = filesUnder(dir);
    expect(files.map((file) => file.path)).toEqual(expect.arrayContaining([db, join(dir, 'bot.log')]));
    expect(bot.stdout).toContain('recipient-called');
    for (const file of files) expect(file.bytes.includes(token), file.path).toBe(false);
  });
});
