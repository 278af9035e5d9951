import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  botEnv,
  deliver,
  eventually,
  exportBot,
  freshKey,
  removeExportedBots,
  runBotCommand,
  startBot,
  type BotOptions,
  type RunningBot,
} from './helpers/bot.ts';
import { asRecord, FakeGraph, type RecordedRequest } from './helpers/fake-graph.ts';
import { single, text } from './helpers/payloads.ts';

/**
 * Erasure reaches recipients (issue 18), against the real exported server.js with a fake Graph API
 * and a fake CRM on 127.0.0.1: the CRM returns a lead id when the lead is sent; erasing the
 * customer (keyword, or `node server.js erase`) asks the CRM to delete that lead through its erase
 * route, retries while it answers 503, and the recipients' erasure ledger, shown by
 * `export-subject`, records what was asked and how it ended — never the lead id.
 */
function leadFlow(crmPort: number, eraseHeaders?: Record<string, string>): Record<string, unknown> {
  const words = (en: string) => ({ en });
  const at = (y: number) => ({ x: 0, y });
  return {
    format: 'amana.flow',
    version: 1,
    id: 'crm-erase',
    name: 'Lead form whose CRM forgets on request',
    languages: ['en'],
    controller: { name: 'Loja Teste Ltda', contact: 'privacy@loja.example' },
    purposes: [{ id: 'sales', label: words('Sales contact') }],
    recipients: [
      {
        id: 'crm',
        name: 'Funil CRM',
        host: `127.0.0.1:${crmPort}`,
        country: 'BR',
        erase: {
          method: 'DELETE',
          url: `http://127.0.0.1:${crmPort}/leads/{{lead_id}}`,
          ...(eraseHeaders ? { headers: eraseHeaders } : {}),
        },
      },
    ],
    data: [
      {
        key: 'email',
        label: words('Email'),
        category: 'user.contact.email',
        purposes: ['sales'],
        legalBasis: 'contract',
        retentionDays: 30,
        sharedWith: ['crm'],
      },
    ],
    variables: [{ key: 'lead_id', label: words('The CRM’s id of the lead') }],
    keywords: { human: { en: ['agent'] }, erase: { en: ['delete my data'] }, stop: { en: ['stop'] } },
    nodes: [
      { id: 'start', type: 'start', position: at(0) },
      { id: 'hello', type: 'disclosure', position: at(100), text: words('Hi! I am the assistant of Loja Teste.') },
      { id: 'ask', type: 'question', position: at(200), input: 'email', saveAs: 'email', text: words('Your email?') },
      {
        id: 'send',
        type: 'http',
        position: at(300),
        method: 'POST',
        url: `http://127.0.0.1:${crmPort}/leads`,
        recipient: 'crm',
        send: ['email'],
        saveResponse: [{ from: '$.id', to: 'lead_id' }],
      },
      { id: 'thanks', type: 'end', position: at(400), text: words('Thanks, we will write to {{email}}.') },
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

/** A command of server.js run alongside this process, which keeps answering as the fake CRM meanwhile. */
function runAlongside(
  options: BotOptions,
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [join(options.dir, 'server.js'), ...args], {
    cwd: options.dir,
    env: botEnv(options),
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

/** The running bot of one describe, its fake CRM, and what the tests ask of them. */
interface CrmBot {
  readonly bot: RunningBot;
  readonly dir: string;
  readonly db: string;
  /** The bot's settings, with `env` added (for a command run beside it). */
  options(env?: Record<string, string>): BotOptions;
  /** The DELETE requests the CRM received for one lead. */
  deletes(lead: string): RecordedRequest[];
  /** The recipients' erasure ledger of one person, as `export-subject` prints it. */
  erasures(phone: string): Record<string, unknown>[];
  /** A customer gives their e-mail, which the bot sends to the CRM as a lead; the lead's id. */
  leadSent(from: string): Promise<string>;
}

/**
 * Exports leadFlow for the tests of one describe and runs it against a fake Graph API and a fake
 * CRM that answers a POST with the next lead id and a DELETE with `deleteStatus` (started before
 * them, stopped after).
 */
function crmBotFor(
  name: string,
  setup: {
    eraseHeaders?: Record<string, string>;
    env?: Record<string, string>;
    deleteStatus(request: RecordedRequest): number;
  },
): CrmBot {
  const graph = new FakeGraph();
  const crm = new FakeGraph();
  let leads = 0;
  let dir = '';
  let key = '';
  let graphBase = '';
  let bot: RunningBot | undefined;
  const running = (): RunningBot => {
    if (!bot) throw new Error('the bot has not started');
    return bot;
  };
  const options = (env: Record<string, string> = {}): BotOptions => ({
    dir,
    graphBase,
    key,
    db: join(dir, 'amana.db'),
    env,
  });

  beforeAll(async () => {
    graphBase = await graph.start();
    await crm.start();
    crm.answer = (request) => {
      if (request.method !== 'POST') return { status: setup.deleteStatus(request), body: {} };
      leads += 1;
      return { status: 201, body: { id: `lead-${leads}`, stage: 'new' } };
    };
    dir = exportBot(leadFlow(crm.port, setup.eraseHeaders), name);
    key = freshKey();
    bot = await startBot(options(setup.env));
  });

  afterAll(async () => {
    await bot?.stop();
    await graph.stop();
    await crm.stop();
    removeExportedBots();
  });

  return {
    get bot() {
      return running();
    },
    get dir() {
      return dir;
    },
    get db() {
      return join(dir, 'amana.db');
    },
    options,
    deletes: (lead) =>
      crm.requests.filter((request) => request.method === 'DELETE' && request.path === `/leads/${lead}`),
    erasures(phone) {
      const result = runBotCommand(options(), ['export-subject', '--phone', phone]);
      expect(result.code, result.stderr).toBe(0);
      return (JSON.parse(result.stdout) as { recipientErasures: Record<string, unknown>[] }).recipientErasures;
    },
    async leadSent(from) {
      const port = running().port;
      await deliver(port, single({ from, name: 'Ana', message: text('hi') }));
      await eventually(() => graph.messagesTo(from).length >= 2, 20_000, 'the disclosure and the question');
      await deliver(port, single({ from, name: 'Ana', message: text(`ana.${from}@example.com`) }));
      await eventually(() => graph.messagesTo(from).length >= 3, 20_000, 'the thanks');
      expect(asRecord(asRecord(graph.messagesTo(from).at(-1))['text'])['body']).toContain('Thanks');
      return `lead-${leads}`;
    },
  };
}

describe('exported bot: erasure reaches the recipients that received the data', () => {
  /** How the CRM answers the next DELETE of each lead, in order (then 204). */
  const deleteAnswers = new Map<string, number[]>();
  const crm = crmBotFor('recipient-erasure', {
    deleteStatus: (request) => deleteAnswers.get(request.path.split('/').at(-1) ?? '')?.shift() ?? 204,
  });

  it('asks the CRM to delete the lead it returned, retries while it answers 503, and records the outcome', async () => {
    const { bot, deletes } = crm;
    const from = '5511970000101';
    const lead = await crm.leadSent(from);
    deleteAnswers.set(lead, [503]);
    await deliver(bot.port, single({ from, name: 'Ana', message: text('delete my data') }));
    await eventually(() => deletes(lead).length >= 2, 20_000, 'the erase route called twice');
    await eventually(() => bot.events('recipient-erased').length >= 1, 10_000, 'the erasure settled');

    expect(deletes(lead).map((request) => request.path)).toEqual([`/leads/${lead}`, `/leads/${lead}`]);
    expect(bot.events('recipient-erasure-retry')).toMatchObject([{ recipient: 'crm', attempts: 1, error: 'http 503' }]);
    const erasures = crm.erasures(from);
    expect(erasures).toEqual([
      expect.objectContaining({ recipient: 'crm', recipientName: 'Funil CRM', event: 'requested' }),
      expect.objectContaining({ recipient: 'crm', event: 'done', status: 204, attempts: 2 }),
    ]);
    // The ledger says who was asked and how it went; the reference itself is gone with the request.
    expect(JSON.stringify(erasures)).not.toContain(lead);
    const store = new Database(crm.db, { readonly: true });
    expect(store.prepare('SELECT COUNT(*) AS n FROM erase_requests').get()).toEqual({ n: 0 });
    expect(store.prepare('SELECT COUNT(*) AS n FROM recipient_refs').get()).toEqual({ n: 0 });
    store.close();
    // The log names the recipient and the outcome, never the URL with the lead id.
    expect(bot.stdout).not.toContain(lead);
  });

  it('`node server.js erase` asks the CRM too, says what it answered, and export-subject shows it', async () => {
    const from = '5511970000102';
    const lead = await crm.leadSent(from);
    const erased = await runAlongside(crm.options(), ['erase', '--phone', `+${from}`]);
    expect(erased.code, erased.stderr).toBe(0);
    expect(erased.stdout).toContain('Funil CRM was asked to erase its copy and did (HTTP 204).');
    expect(crm.deletes(lead)).toHaveLength(1);
    expect(crm.erasures(from)).toEqual([
      expect.objectContaining({ recipient: 'crm', event: 'requested' }),
      expect.objectContaining({ recipient: 'crm', event: 'done', status: 204, attempts: 1 }),
    ]);
  });

  it('records a refusal the CRM gives (a 4xx other than 404) as failed at once, with its status', async () => {
    const from = '5511970000103';
    const lead = await crm.leadSent(from);
    deleteAnswers.set(lead, [403]);
    const erased = await runAlongside(crm.options({ LANG: 'pt_BR.UTF-8' }), ['erase', '--phone', from]);
    expect(erased.stdout).toContain('Não foi possível pedir a Funil CRM que apague a cópia dele (http 403).');
    expect(crm.deletes(lead)).toHaveLength(1);
    expect(crm.erasures(from).at(-1)).toMatchObject({ event: 'failed', status: 403, detail: 'http 403' });
  });
});

/**
 * A CRM whose delete API wants its API token (`Authorization: Bearer …`, 401 without it): the erase
 * route's header reads `{{secret.CRM_TOKEN}}`, which the bot fills from AMANA_SECRET_CRM_TOKEN as it
 * calls, and never writes to the ledger, the store or the log.
 */
describe('exported bot: an erase route that authenticates with the CRM’s API token', () => {
  const token = `crm-${randomBytes(12).toString('hex')}`;
  const crm = crmBotFor('recipient-erasure-token', {
    eraseHeaders: { Authorization: 'Bearer {{secret.CRM_TOKEN}}' },
    env: { AMANA_SECRET_CRM_TOKEN: token },
    deleteStatus: (request) => (request.headers.authorization === `Bearer ${token}` ? 204 : 401),
  });
  const authorizations = (lead: string) => crm.deletes(lead).map((request) => request.headers.authorization);

  it('lists the token among the settings and does not start without it', () => {
    expect(readFileSync(join(crm.dir, '.env.example'), 'utf8')).toMatch(/^AMANA_SECRET_CRM_TOKEN=$/m);
    expect(readFileSync(join(crm.dir, 'README.md'), 'utf8')).toContain(
      '| `AMANA_SECRET_CRM_TOKEN` | Required by this flow: the API token Funil CRM gave you.',
    );
    const refused = runBotCommand(crm.options(), ['serve']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('AMANA_SECRET_CRM_TOKEN is not set');
  });

  it('sends the token with the erase call, and the CRM erases; the ledger, the store and the log never hold it', async () => {
    const { bot } = crm;
    const from = '5511970000201';
    const lead = await crm.leadSent(from);
    await deliver(bot.port, single({ from, name: 'Ana', message: text('delete my data') }));
    await eventually(() => bot.events('recipient-erased').length >= 1, 20_000, 'the erasure settled');
    expect(authorizations(lead)).toEqual([`Bearer ${token}`]);
    const erasures = crm.erasures(from);
    expect(erasures.at(-1)).toMatchObject({ recipient: 'crm', event: 'done', status: 204, attempts: 1 });
    expect(JSON.stringify(erasures)).not.toContain(token);
    expect(bot.stdout).not.toContain(token);
    for (const file of [crm.db, `${crm.db}-wal`]) expect(readFileSync(file).includes(token)).toBe(false);
  });

  it('`node server.js erase` without the token records the failure, naming the setting, and calls nobody', async () => {
    const from = '5511970000202';
    const lead = await crm.leadSent(from);
    const erased = await runAlongside(crm.options(), ['erase', '--phone', `+${from}`]);
    expect(erased.code, erased.stderr).toBe(0);
    expect(erased.stdout).toContain(
      'Funil CRM could not be asked to erase its copy (AMANA_SECRET_CRM_TOKEN not set). Ask them by other means.',
    );
    expect(crm.deletes(lead)).toEqual([]);
    expect(crm.erasures(from).at(-1)).toMatchObject({ event: 'failed', detail: 'AMANA_SECRET_CRM_TOKEN not set' });
  });

  it('with a wrong token the CRM answers 401, recorded at once as failed with its status', async () => {
    const from = '5511970000203';
    const lead = await crm.leadSent(from);
    const erased = await runAlongside(crm.options({ AMANA_SECRET_CRM_TOKEN: 'not-the-token' }), [
      'erase',
      '--phone',
      from,
    ]);
    expect(erased.code, erased.stderr).toBe(0);
    expect(erased.stdout).toContain('Funil CRM could not be asked to erase its copy (http 401).');
    expect(authorizations(lead)).toEqual(['Bearer not-the-token']);
    expect(crm.erasures(from).at(-1)).toMatchObject({ event: 'failed', status: 401, detail: 'http 401', attempts: 1 });
    expect(erased.stdout).not.toContain('not-the-token');
  });
});
