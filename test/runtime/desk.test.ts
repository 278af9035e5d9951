import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  removeExportedBots,
  runBotCommand,
  startBot,
  type BotOptions,
  type RunningBot,
} from './helpers/bot.ts';
import { addAgent, customerAsksForPerson, DeskClient, rawCall, startDeskBot } from './helpers/desk.ts';
import { asRecord, FakeGraph } from './helpers/fake-graph.ts';

/**
 * The agent desk's accounts and API on a real exported server.js: `agent` commands, sign-in with a
 * password and TOTP, CSRF, queues per account, the rate limit, replies through the outbox with
 * their delivery status, the 24-hour window on the bot's test clock, and the access log.
 * (test/e2e/desk.test.ts drives the same desk through the page in Chromium.)
 */
describe('exported bot: agent desk accounts and API', () => {
  const graph = new FakeGraph();
  const customer = { phone: '5511955550001', name: 'Eva Balcão', email: 'eva.balcao@example.com', order: 'PED-99817' };
  let bot: RunningBot;
  let options: BotOptions;
  const passwords: Record<string, string> = {};
  // One client per account: its authenticator secret is learnt at enrolment, and each TOTP step is taken once.
  let ana: DeskClient;
  let beto: DeskClient;
  let sara: DeskClient;

  beforeAll(async () => {
    ({ bot, options } = await startDeskBot('desk-api', graph));
    passwords['Ana'] = addAgent(options, 'Ana', 'agent', ['support']);
    passwords['Beto'] = addAgent(options, 'Beto', 'agent', ['billing']);
    passwords['Sara'] = addAgent(options, 'Sara', 'supervisor');
    ana = new DeskClient(bot.port);
    beto = new DeskClient(bot.port);
    sara = new DeskClient(bot.port);
  }, 60_000);

  afterAll(async () => {
    await bot?.stop();
    await graph.stop();
    removeExportedBots();
  });

  it('manages accounts from the command line, refusing bad input with a clear message', () => {
    const run = (...args: string[]) => runBotCommand(options, ['agent', ...args]);
    expect(run('add', '--name', 'ana', '--role', 'agent', '--queue', 'support')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('There is already an account named "ana"'),
    });
    expect(run('add', '--name', 'Caio', '--role', 'agent', '--queue', 'sales')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('The flow has no queue "sales". Its queues: support and billing.'),
    });
    expect(run('add', '--name', 'Caio', '--role', 'boss')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('agent or supervisor'),
    });
    expect(run('add', '--name', 'Caio', '--role', 'agent')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('at least one queue'),
    });
    expect(run('add', '--nmae', 'Caio')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('"--nmae" is not an option'),
    });
    expect(run('disable', '--name', 'Nobody')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('no account named "Nobody"'),
    });
    const listed = run('list');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('Ana  agent  support  second factor not set up yet');
    expect(listed.stdout).toContain('Sara  supervisor  every queue');
    // Passwords are never stored as they are.
    expect(listed.stdout).not.toContain(passwords['Ana']);
  });

  it('signs in with password and TOTP, shows the desk page under a strict CSP, and refuses changes without the CSRF token', async () => {
    const page = await rawCall(bot.port, 'GET', '/desk/', undefined);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.body).not.toMatch(/<script>|style=/);
    const script = await rawCall(bot.port, 'GET', '/desk/assets/desk.js', undefined);
    expect(script.status).toBe(200);
    expect(script.body.length).toBeGreaterThan(1000);

    const client = ana;
    await client.signIn('Ana', passwords['Ana'] ?? '');
    expect(client.cookie).toMatch(/^amana_desk=/);
    expect(client.recoveryCodes).toHaveLength(10);
    expect(client.json(await client.request('GET', '/desk/api/me'))).toMatchObject({
      stage: 'signed-in',
      agent: { name: 'Ana', role: 'agent', queues: ['support'] },
    });
    const withoutToken = await rawCall(bot.port, 'POST', '/desk/api/sign-out', {}, client.cookie);
    expect(withoutToken.status).toBe(403);
    expect(JSON.parse(withoutToken.body)).toEqual({ error: 'csrf' });
    const otherSite = await rawCall(bot.port, 'POST', '/desk/api/sign-out', {}, client.cookie, client.csrf, {
      origin: 'https://evil.example',
    });
    expect(otherSite.status).toBe(403);
    expect((await client.request('GET', '/desk/api/me')).status).toBe(200);
  });

  it('sets the session cookie HttpOnly and SameSite=Strict, and Secure behind https', async () => {
    const answer = await rawCall(
      bot.port,
      'POST',
      '/desk/api/sign-in',
      { name: 'Sara', password: passwords['Sara'] },
      '',
      '',
      {
        'x-forwarded-proto': 'https',
      },
    );
    expect(answer.status).toBe(200);
    expect(answer.setCookie).toMatch(/^amana_desk=[\w-]{43}; Path=\/desk\/; HttpOnly; SameSite=Strict; Secure$/);
  });

  it('shows an agent only their queues and only the shared fields; another queue and supervisor pages are 403', async () => {
    await customerAsksForPerson(bot, graph, customer, 'support');
    const client = ana;
    const queue = client.json(await client.request('GET', '/desk/api/conversations'));
    const [waiting] = Array.isArray(queue['conversations']) ? queue['conversations'] : [];
    const ref = String(asRecord(waiting)['ref']);
    expect(asRecord(waiting)).toMatchObject({ queue: 'support', window: { open: true } });
    const shown = await client.request('GET', `/desk/api/conversations/${ref}`);
    expect(shown.status).toBe(200);
    expect(shown.body).toContain(customer.email);
    expect(shown.body).not.toContain(customer.order);
    expect(shown.body).not.toContain(customer.phone);

    await beto.signIn('Beto', passwords['Beto'] ?? '');
    expect(beto.json(await beto.request('GET', '/desk/api/conversations'))['conversations']).toEqual([]);
    expect((await beto.request('GET', `/desk/api/conversations/${ref}`)).status).toBe(403);
    expect((await beto.request('POST', `/desk/api/conversations/${ref}/reply`, { text: 'hi' })).status).toBe(403);
    expect((await beto.request('GET', '/desk/api/access-log')).status).toBe(403);
    expect((await beto.request('GET', '/desk/access-log')).status).toBe(403);
    expect((await beto.request('POST', '/desk/api/subjects/export', { phone: customer.phone })).status).toBe(403);
  });

  it('sends a reply through the outbox and shows its delivery status', async () => {
    const client = ana;
    const [waiting] =
      (client.json(await client.request('GET', '/desk/api/conversations'))['conversations'] as unknown[]) ?? [];
    const ref = String(asRecord(waiting)['ref']);
    const before = graph.messagesTo(customer.phone).length;
    expect(
      (await client.request('POST', `/desk/api/conversations/${ref}/reply`, { text: 'Olá Eva, aqui é a Ana.' })).status,
    ).toBe(202);
    await eventually(() => graph.messagesTo(customer.phone).length > before, 10_000, 'the reply');
    expect(asRecord(graph.messagesTo(customer.phone).at(-1)?.['text'])['body']).toBe('Olá Eva, aqui é a Ana.');
    await eventually(
      async () => {
        const detail = client.json(await client.request('GET', `/desk/api/conversations/${ref}`));
        const messages = Array.isArray(detail['messages']) ? detail['messages'] : [];
        return asRecord(messages.at(-1))['status'] === 'sent';
      },
      10_000,
      'status sent',
    );
  });

  it('sends a reply with a key once, however often it is sent again (all at once too), and refuses a malformed key', async () => {
    const client = ana;
    const [waiting] =
      (client.json(await client.request('GET', '/desk/api/conversations'))['conversations'] as unknown[]) ?? [];
    const ref = String(asRecord(waiting)['ref']);
    const path = `/desk/api/conversations/${ref}/reply`;
    const words = 'Uma vez só, por favor.';
    const sent = () =>
      graph.messagesTo(customer.phone).filter((message) => asRecord(message['text'])['body'] === words).length;
    const key = 'a'.repeat(32);
    const answers = await Promise.all([1, 2, 3].map(() => client.request('POST', path, { text: words, key })));
    expect(answers.map((answer) => answer.status)).toEqual([202, 202, 202]);
    expect(answers.filter((answer) => client.json(answer)['again'] === true)).toHaveLength(2);
    await eventually(() => sent() === 1, 10_000, 'the reply');
    expect(client.json(await client.request('POST', path, { text: words, key }))).toEqual({
      queued: true,
      again: true,
    });
    const detail = client.json(await client.request('GET', `/desk/api/conversations/${ref}`));
    const agentSaid = (Array.isArray(detail['messages']) ? detail['messages'] : []).filter(
      (message) => asRecord(asRecord(message)['content'])['text'] === words,
    );
    expect(agentSaid).toHaveLength(1);
    // Another key is another reply; a key that is not 32 hex digits is refused before anything is sent.
    expect((await client.request('POST', path, { text: words, key: 'b'.repeat(32) })).status).toBe(202);
    await eventually(() => sent() === 2, 10_000, 'the second reply');
    for (const bad of ['short', 'A'.repeat(32), 7]) {
      const refused = await client.request('POST', path, { text: words, key: bad });
      expect([refused.status, client.json(refused)['error']]).toEqual([400, 'bad-key']);
    }
    expect(sent()).toBe(2);
  });

  it('slows brute force: after five wrong passwords even the right one waits, with a clear message', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const wrong = await rawCall(bot.port, 'POST', '/desk/api/sign-in', {
        name: 'Beto',
        password: `guess-${attempt}`,
      });
      expect(wrong.status).toBe(401);
      expect(JSON.parse(wrong.body)).toEqual({ error: 'wrong-sign-in' });
    }
    const blocked = await rawCall(bot.port, 'POST', '/desk/api/sign-in', { name: 'Beto', password: passwords['Beto'] });
    expect(blocked.status).toBe(429);
    expect(JSON.parse(blocked.body)).toMatchObject({ error: 'too-many', retryAfterSeconds: expect.any(Number) });
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(800);
  });

  it('refuses a reply once 24 hours have passed since the customer wrote (the bot’s test clock)', async () => {
    await bot.stop();
    bot = await startBot({ ...options, env: { AMANA_NOW_OFFSET_DAYS: '1.05' } });
    const client = new DeskClient(bot.port);
    // A day later the session is long over; the authenticator's code of this step was used, so a recovery code.
    expect((await client.request('GET', '/desk/api/me')).body).toContain('signed-out');
    await client.signIn('Ana', passwords['Ana'] ?? '', { recoveryCode: ana.recoveryCodes[0] ?? '' });
    const [waiting] =
      (client.json(await client.request('GET', '/desk/api/conversations'))['conversations'] as unknown[]) ?? [];
    const ref = String(asRecord(waiting)['ref']);
    expect(asRecord(waiting)).toMatchObject({ window: { open: false } });
    const before = graph.requests.length;
    const late = await client.request('POST', `/desk/api/conversations/${ref}/reply`, { text: 'Still there?' });
    expect(late.status).toBe(409);
    expect(client.json(late)).toMatchObject({ error: 'window-closed' });
    expect(graph.requests.length).toBe(before);
  });

  it('lets supervisors read the access log and download it as CSV, without personal values', async () => {
    sara = new DeskClient(bot.port);
    await sara.signIn('Sara', passwords['Sara'] ?? '');
    const log = sara.json(await sara.request('GET', '/desk/api/access-log'));
    const actions = (Array.isArray(log['entries']) ? log['entries'] : []).map((entry) => asRecord(entry)['action']);
    for (const action of ['sign-in', 'enrolled', 'view', 'reply', 'reply-refused', 'forbidden', 'sign-in-refused'])
      expect(actions, action).toContain(action);
    const csv = await sara.request('GET', '/desk/api/access-log.csv');
    expect(csv.status).toBe(200);
    expect(csv.body.split('\r\n')[0]).toBe('id,time,account,action,target,address,outcome');
    expect(csv.body).toMatch(/,Ana,reply,'?[\w-]+,127\.0\.0\.1,ok\r\n/);
    for (const secret of [customer.email, customer.phone, customer.order, customer.name])
      expect(csv.body).not.toContain(secret);
  });

  it('gives a supervisor a person’s data as they will receive it: what was said, none of the bot’s bookkeeping', async () => {
    const download = await sara.request('POST', '/desk/api/subjects/export', { phone: customer.phone });
    expect(download.status).toBe(200);
    const report = sara.json(download);
    const [handoff] = Array.isArray(report['handoffs']) ? report['handoffs'] : [];
    const messages = asRecord(handoff)['messages'];
    const agentSaid = (Array.isArray(messages) ? messages : [])
      .map(asRecord)
      .filter((message) => message['author'] === 'agent')
      .map((message) => message['content']);
    // The replies as the customer read them; the keys the page sent them with (see the keyed-reply test) stay inside the bot.
    expect(agentSaid).toContainEqual({ type: 'text', text: 'Uma vez só, por favor.' });
    for (const content of agentSaid) expect(Object.keys(asRecord(content)).sort()).toEqual(['text', 'type']);
    expect(download.body).not.toContain('a'.repeat(32));
    expect(download.body).not.toContain('b'.repeat(32));
    // The conversation's state without the statistics' marks of which step counters it added to.
    const state = asRecord(asRecord(report['conversation'])['state']);
    expect(state).toHaveProperty('variables');
    expect(state).not.toHaveProperty('counted');
  });
});
