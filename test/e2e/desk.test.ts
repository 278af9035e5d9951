// The agent desk in Chromium against a real exported server.js and a fake Graph API: a customer
// asks for a person (signed webhook); an agent signs in with password and TOTP (enrolled from the
// page), sees only the fields the flow shares with her queue, replies (the Graph API receives it,
// the page shows its delivery status) and gives the conversation back, and the bot answers the
// next message; an agent of another queue gets 403 for that conversation and for supervisor pages;
// a change without the CSRF token fails; guessing passwords is slowed; on the bot's test clock a
// reply after 24 hours is refused; a supervisor, in Arabic right to left, reads the access log,
// downloads it as CSV and exports and erases a person's data. axe finds no serious problem.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliver, eventually, startBot, type BotOptions, type RunningBot } from '../runtime/helpers/bot.ts';
import { customerAsksForPerson } from '../runtime/helpers/desk.ts';
import { asRecord, FakeGraph } from '../runtime/helpers/fake-graph.ts';
import { change, delivery, single, status, text } from '../runtime/helpers/payloads.ts';
import type { DeskBrowser } from './desk-browser.ts';
import { expectNoSeriousViolations, soon, startDeskE2e, stopDeskE2e } from './desk-browser.ts';

const graph = new FakeGraph();
// Screenshots for a person to look at (the English conversation, the Arabic access log): test-results/desk/.
const shots = new URL('../../test-results/desk/', import.meta.url).pathname;
const eva = { phone: '5511944440001', name: 'Eva Balcão', email: 'eva.balcao@example.com', order: 'PED-55120' };
const fabio = { phone: '5511944440002', name: 'Fábio Lima', email: 'fabio.lima@example.com', order: 'PED-55121' };
let bot: RunningBot;
let options: BotOptions;
let browser: Browser;
let desk: DeskBrowser;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  ({ bot, options, browser, desk } = await startDeskE2e(
    'desk-e2e',
    graph,
    [
      ['Ana', 'agent', ['support']],
      ['Beto', 'agent', ['billing']],
      ['Caio', 'agent', ['billing']],
      ['Sara', 'supervisor'],
    ],
    () => bot.port,
  ));
}, 120_000);

afterAll(() => stopDeskE2e(graph, { bot, browser, desk }));

const newPage = (locale = 'en') => desk.newPage(locale);
const signIn = (page: Page, name: string, labels?: Parameters<DeskBrowser['signIn']>[2]) =>
  desk.signIn(page, name, labels);

/** What the bot's page can do without the page's own code: a change as a hostile script would send it. */
function postFromPage(page: Page, path: string, withToken: boolean): Promise<number> {
  return page.evaluate(
    async ({ path, withToken }) => {
      const me = await (await fetch('/desk/api/me')).json();
      const answer = await fetch(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(withToken ? { 'x-csrf-token': me.csrf } : {}) },
        body: JSON.stringify({ text: 'sent by a script' }),
      });
      return answer.status;
    },
    { path, withToken },
  );
}

describe('the agent desk in the browser', { timeout: 180_000 }, () => {
  let ana: Page;
  let evaRef = '';
  let fabioRef = '';

  it('lets an agent sign in with password and TOTP, see only the shared fields, reply, and give the conversation back', async () => {
    await customerAsksForPerson(bot, graph, eva, 'support');
    ana = await newPage();
    await signIn(ana, 'Ana');
    const item = ana.getByRole('button', { name: /^support: waiting/ });
    await item.waitFor();
    await expectNoSeriousViolations(ana, 'queue');
    evaRef = (await item.getAttribute('data-ref')) ?? '';
    await item.click();
    await ana.getByRole('heading', { name: 'Conversation in support' }).waitFor();
    const fields = ana.locator('dl.fields');
    await soon(() => fields.textContent()).toBe(`Email${eva.email}`);
    expect(await ana.locator('main').textContent()).not.toContain(eva.order);
    expect(await ana.locator('main').textContent()).not.toContain(eva.phone);
    await expect
      .poll(() => ana.locator('.window-notice').textContent())
      .toMatch(/^You can reply for 23 h 5\d min more\./);
    await expectNoSeriousViolations(ana, 'conversation');

    const before = graph.messagesTo(eva.phone).length;
    await ana.getByLabel('Your reply').fill('Olá Eva, aqui é a Ana. Vou verificar o pedido.');
    await ana.getByRole('button', { name: 'Send' }).click();
    await eventually(() => graph.messagesTo(eva.phone).length > before, 10_000, 'the reply at the Graph API');
    expect(asRecord(graph.messagesTo(eva.phone).at(-1)?.['text'])['body']).toBe(
      'Olá Eva, aqui é a Ana. Vou verificar o pedido.',
    );
    const reply = ana.locator('.messages .from-agent').last();
    await expect
      .poll(() => reply.locator('.content').textContent())
      .toBe('Olá Eva, aqui é a Ana. Vou verificar o pedido.');
    await soon(() => reply.locator('.status').textContent()).toBe('sent');
    // WhatsApp reports the reply delivered, then read: the page follows without reloading.
    const sent = graph.delivered.filter((request) => asRecord(request.body)['to'] === eva.phone).at(-1);
    const [answeredId] = (asRecord(sent?.answered)['messages'] as { id: string }[] | undefined) ?? [];
    const replyId = answeredId?.id ?? '';
    await deliver(
      bot.port,
      delivery([change([], [status(replyId, 'delivered', eva.phone), status(replyId, 'read', eva.phone)])]),
    );
    await soon(() => reply.locator('.status').textContent()).toBe('read');
    await ana.screenshot({ path: join(shots, 'en-conversation.png'), fullPage: true });

    // The customer writes while the agent has the chat: it appears without reloading, and the bot stays silent.
    const botBefore = graph.messagesTo(eva.phone).length;
    await deliver(bot.port, single({ from: eva.phone, name: eva.name, message: text('Obrigada!') }));
    await soon(() => ana.locator('.messages .from-customer .content').last().textContent()).toBe('Obrigada!');
    expect(graph.messagesTo(eva.phone).length).toBe(botBefore);

    await ana.getByRole('button', { name: 'Give back to the bot' }).click();
    await soon(() => ana.getByRole('status').textContent()).toBe('The conversation went back to the bot.');
    // The button is gone with the conversation: the keyboard is taken back to the list.
    await soon(() => ana.evaluate(() => document.activeElement?.id)).toBe('queue-heading');
    await eventually(() => graph.messagesTo(eva.phone).length > botBefore, 10_000, 'the bot taking over');
    expect(asRecord(graph.messagesTo(eva.phone).at(-1)?.['text'])['body']).toBe('O bot voltou. Mais alguma coisa?');
    await deliver(bot.port, single({ from: eva.phone, name: eva.name, message: text('No, thanks') }));
    await eventually(() => graph.messagesTo(eva.phone).length > botBefore + 1, 10_000, 'the bot answering');
    expect(asRecord(graph.messagesTo(eva.phone).at(-1)?.['text'])['body']).toBe(
      `Obrigado, seguimos com o pedido ${eva.order}. Tchau!`,
    );
  });

  it('shows new conversations without reloading', async () => {
    await soon(() => ana.getByText('Nobody is waiting.').count()).toBe(1);
    await customerAsksForPerson(bot, graph, fabio, 'support');
    await soon(() => ana.getByRole('button', { name: /^support: waiting/ }).count()).toBe(1);
  });

  it('refuses another queue’s conversation and the supervisor pages to an agent (403), and a change without the CSRF token', async () => {
    fabioRef = (await ana.getByRole('button', { name: /^support: waiting/ }).getAttribute('data-ref')) ?? '';
    const beto = await newPage();
    await signIn(beto, 'Beto');
    await beto.getByText('Nobody is waiting.').waitFor();
    const refused = beto.waitForResponse((response) => response.url().includes(`/desk/api/conversations/${fabioRef}`));
    await beto.goto(`http://127.0.0.1:${bot.port}/desk/?c=${fabioRef}`);
    expect((await refused).status()).toBe(403);
    await beto.getByText('Your account cannot open this.').waitFor();
    expect(await beto.locator('main').textContent()).not.toContain(fabio.email);

    const logPage = await beto.goto(`http://127.0.0.1:${bot.port}/desk/access-log`);
    expect(logPage?.status()).toBe(403);
    await beto.getByRole('heading', { name: 'This page is for supervisors.' }).waitFor();
    expect((await beto.goto(`http://127.0.0.1:${bot.port}/desk/subjects`))?.status()).toBe(403);

    expect(await postFromPage(beto, `/desk/api/conversations/${fabioRef}/reply`, true)).toBe(403);
    expect(await postFromPage(ana, `/desk/api/conversations/${fabioRef}/reply`, false)).toBe(403);
    expect(graph.messagesTo(fabio.phone).map((message) => asRecord(message['text'])['body'])).not.toContain(
      'sent by a script',
    );
  });

  it('keeps a reply the bot did not answer, says so, and sends it once when the agent tries again', async () => {
    await ana.getByRole('button', { name: /^support: waiting/ }).click();
    await ana.getByRole('heading', { name: 'Conversation in support' }).waitFor();
    const box = ana.getByLabel('Your reply');
    const send = ana.getByRole('button', { name: 'Send' });
    const notice = () => ana.getByRole('status').textContent();
    const words = 'Fábio, vou verificar o seu pedido agora.';
    const sentToFabio = () =>
      graph.messagesTo(fabio.phone).filter((message) => asRecord(message['text'])['body'] === words).length;
    const provokedFrom = desk.problems.length;

    // Offline: nothing reaches the bot. The agent reads why, the reply stays, the buttons still work.
    await box.fill(words);
    await ana.context().setOffline(true);
    await send.click();
    await soon(notice).toBe(
      'The desk could not reach the bot, so your reply may not have gone. It is still in the box: press Send again when the connection is back. It will not be sent twice.',
    );
    expect(await box.inputValue()).toBe(words);
    expect(await send.getAttribute('aria-disabled')).toBeNull();
    await ana.getByRole('button', { name: 'Give back to the bot' }).click();
    await soon(notice).toBe(
      'The desk could not reach the bot, so the conversation may not have gone back to it. Try again when the connection is back.',
    );
    // Signing out needs the bot too: the page stays, and says the session goes on.
    await ana.getByRole('button', { name: 'Sign out' }).click();
    await soon(notice).toBe(
      'The desk could not reach the bot, so you are still signed in. Try again when the connection is back.',
    );
    expect(await box.inputValue()).toBe(words);
    // The page's own polling says it apart, and stops saying it once the bot answers again.
    const offline = ana.getByRole('alert').filter({ hasText: 'The desk cannot reach the bot right now.' });
    await offline.waitFor();
    await ana.context().setOffline(false);
    await soon(() => offline.count()).toBe(0);
    expect(sentToFabio()).toBe(0);

    // Online, but the answer is lost on its way back: the bot sent the reply, the page cannot know.
    await ana.route('**/desk/api/conversations/*/reply', async (route) => {
      await route.fetch();
      await route.abort('internetdisconnected');
    });
    await ana.getByRole('status').evaluate((status) => (status.textContent = ''));
    await send.click();
    await soon(notice).toMatch(/^The desk could not reach the bot, so your reply may not have gone\./);
    await eventually(() => sentToFabio() === 1, 10_000, 'the reply at the Graph API');
    expect(await box.inputValue()).toBe(words);
    await ana.unroute('**/desk/api/conversations/*/reply');

    // Pressing Send again (from the keyboard) is answered as done: the box empties, the customer has it once.
    await send.focus();
    await ana.keyboard.press('Enter');
    await soon(() => box.inputValue()).toBe('');
    expect(await notice()).toBe('');
    await soon(() => ana.locator('.messages .from-agent .content').allTextContents()).toEqual([words]);
    expect(sentToFabio()).toBe(1);
    // Chromium logs the refused connections as console errors; nothing else went wrong (no unhandled rejection).
    for (const problem of desk.problems.splice(provokedFrom)) expect(problem).toMatch(/ERR_INTERNET_DISCONNECTED/);
  });

  it('slows down guessing: after five wrong passwords the right one waits too, with a clear message', async () => {
    const guesser = await newPage();
    await guesser.goto(`http://127.0.0.1:${bot.port}/desk/`);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await guesser.getByLabel('Your name').fill('Caio');
      await guesser.getByLabel('Password').fill(`guess-${attempt}`);
      await guesser.getByRole('button', { name: 'Sign in' }).click();
      await expect
        .poll(() => guesser.getByRole('status').textContent())
        .toBe('That name and password do not match an account.');
      await guesser.getByRole('status').evaluate((status) => (status.textContent = ''));
    }
    await guesser.getByLabel('Your name').fill('Caio');
    await guesser.getByLabel('Password').fill(desk.passwords['Caio'] ?? '');
    await guesser.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => guesser.getByRole('status').textContent())
      .toBe('Too many attempts. For safety, wait 15 minute(s) and try again.');
    expect(await guesser.getByLabel('Code').count()).toBe(0);
  });

  it('refuses a reply 24 hours after the customer’s last message, on the bot’s test clock', async () => {
    // The pages open so far would keep asking the stopped bot: close them first.
    await desk.closeAll();
    await bot.stop();
    bot = await startBot({ ...options, env: { AMANA_NOW_OFFSET_DAYS: '1.05' } });
    ana = await newPage();
    await signIn(ana, 'Ana');
    const item = ana.getByRole('button', { name: /^support: waiting/ });
    await soon(() => item.textContent()).toMatch(/reply time is over$/);
    await item.click();
    await expect
      .poll(() => ana.locator('.window-notice').textContent())
      .toBe(
        'More than 24 hours have passed since the customer’s last message, so WhatsApp no longer accepts a reply. When the customer writes again, you can answer.',
      );
    expect(await ana.getByRole('button', { name: 'Send' }).isDisabled()).toBe(true);
    const ref = (await item.getAttribute('data-ref')) ?? '';
    const before = graph.requests.length;
    expect(await postFromPage(ana, `/desk/api/conversations/${ref}/reply`, true)).toBe(409);
    expect(graph.requests.length).toBe(before);
  });

  it('lets a supervisor, in Arabic right to left, read the access log, download it, and export and erase a person’s data', async () => {
    const sara = await newPage('ar');
    await signIn(sara, 'Sara', { name: 'اسمك', password: 'كلمة المرور', signIn: 'دخول', code: 'الرمز', go: 'متابعة' });
    expect(await sara.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      'ar',
      'rtl',
    ]);
    await sara.getByRole('heading', { name: 'بانتظار شخص' }).waitFor();
    await expectNoSeriousViolations(sara, 'queue (ar)');

    await sara.getByRole('link', { name: 'سجل الوصول' }).click();
    await sara.getByRole('heading', { name: 'سجل الوصول', level: 1 }).waitFor();
    const actions = sara.locator('tbody td[data-action]');
    await soon(() => actions.count()).toBeGreaterThan(10);
    const logged = new Set(await actions.evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-action'))));
    for (const action of [
      'sign-in',
      'enrolled',
      'second-factor',
      'sign-in-refused',
      'view',
      'reply',
      'release',
      'reply-refused',
      'forbidden',
    ])
      expect([...logged], action).toContain(action);
    expect(await sara.locator('tbody').textContent()).toContain('فتح محادثة');
    expect(await sara.locator('tbody').textContent()).toContain(evaRef);
    // Why each refusal happened, in words; the codes the bot records (and the CSV keeps) are not shown.
    const about = (code: string) => sara.locator(`tbody td[data-target="${code}"]`).first().textContent();
    expect(await about('wrong')).toBe('اسم أو كلمة مرور خاطئة');
    expect(await about('too-many')).toBe('محاولات كثيرة جدًا: رُفض لبعض الوقت حتى لو كان صحيحًا');
    expect(await about('/desk/access-log')).toBe('سجل الوصول، ولا يقرؤه إلا المشرفون');
    expect(await about(`csrf conversations/${fabioRef}/reply`)).toBe(
      `تغيير في المحادثة ${fabioRef} من صفحة قديمة أو من موقع آخر، حُظر`,
    );
    expect(await sara.locator('tbody').textContent()).not.toMatch(/too-many|csrf|\/desk\//);
    // Fewer entries than a page: no button for older ones.
    expect(await sara.getByRole('button', { name: 'عرض قيود أقدم' }).isVisible()).toBe(false);
    await expectNoSeriousViolations(sara, 'access log (ar)');
    await sara.screenshot({ path: join(shots, 'ar-access-log.png'), fullPage: true });
    const [download] = await Promise.all([
      sara.waitForEvent('download'),
      sara.getByRole('link', { name: 'تنزيل بصيغة CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    expect(csv.split('\r\n')[0]).toBe('id,time,account,action,target,address,outcome');
    expect(csv).toMatch(new RegExp(`,Ana,view,${evaRef},127\\.0\\.0\\.1,ok\\r\\n`));
    for (const value of [eva.email, eva.phone, eva.order, eva.name, fabio.email, fabio.phone])
      expect(csv).not.toContain(value);

    await sara.getByRole('link', { name: 'طلبات البيانات الشخصية' }).click();
    await sara.getByLabel('رقم واتساب مع رمز الدولة').fill(`+${fabio.phone}`);
    // A failure says what happened, and keeps the number and the tick: the bot failing (a 500, which
    // Chromium answers here in the bot's place, since the real bot cannot be made to fail on purpose
    // without harming its database), then no connection at all (Chromium offline, the bot untouched).
    const provokedFrom = desk.problems.length;
    const phoneField = sara.getByLabel('رقم واتساب مع رمز الدولة');
    const tick = sara.getByLabel('أفهم أن المحو لا يمكن التراجع عنه');
    await tick.check();
    await sara.route('**/desk/api/subjects/erase', (route) =>
      route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":"internal"}' }),
    );
    await sara.getByRole('button', { name: 'محو كل ما يُحتفظ به' }).click();
    await soon(() => sara.getByRole('status').textContent()).toBe(
      'لم يستطع البوت فعل ذلك، ولم يتغيّر شيء. حاول مرة أخرى بعد قليل.',
    );
    await sara.unroute('**/desk/api/subjects/erase');
    expect(await phoneField.inputValue()).toBe(`+${fabio.phone}`);
    expect(await tick.isChecked()).toBe(true);
    await sara.context().setOffline(true);
    await sara.getByRole('button', { name: 'تنزيل كل ما يُحتفظ به' }).click();
    await soon(() => sara.getByRole('status').textContent()).toBe(
      'لم يستطع المكتب الوصول إلى البوت، فلا يعرف إن كان هذا قد تم. تحقّق من الاتصال وحاول مرة أخرى؛ تكرار ذلك لا يضر.',
    );
    await sara.context().setOffline(false);
    expect(await phoneField.inputValue()).toBe(`+${fabio.phone}`);
    expect(await tick.isChecked()).toBe(true);
    await tick.uncheck();
    // Chromium logs the two provoked failures as console errors; nothing else.
    for (const problem of desk.problems.splice(provokedFrom))
      expect(problem).toMatch(/status of 500|ERR_INTERNET_DISCONNECTED/);
    const [exported] = await Promise.all([
      sara.waitForEvent('download'),
      sara.getByRole('button', { name: 'تنزيل كل ما يُحتفظ به' }).click(),
    ]);
    const report = JSON.parse(readFileSync((await exported.path()) ?? '', 'utf8'));
    expect(report.subject.phone).toBe(`+${fabio.phone}`);
    expect(report.fields.map((field: { key: string; value: unknown }) => [field.key, field.value])).toEqual(
      expect.arrayContaining([
        ['email', fabio.email],
        ['order', fabio.order],
      ]),
    );
    await expectNoSeriousViolations(sara, 'personal data requests (ar)');
    await sara.getByRole('button', { name: 'محو كل ما يُحتفظ به' }).click();
    await soon(() => sara.getByRole('status').textContent()).toBe('ضع علامة في المربع لتأكيد المحو أولًا.');
    await sara.getByLabel('أفهم أن المحو لا يمكن التراجع عنه').check();
    await sara.getByRole('button', { name: 'محو كل ما يُحتفظ به' }).click();
    await expect
      .poll(() => sara.getByRole('status').textContent())
      .toBe('تم المحو. لم يعد يُحتفظ بأي شيء عن هذا الرقم.');
    // Fábio's handoff went with his data: the queue is empty for Ana too.
    await ana.goto(`http://127.0.0.1:${bot.port}/desk/`);
    await ana.getByText('Nobody is waiting.').waitFor();

    await sara.getByRole('link', { name: 'سجل الوصول' }).click();
    await expect
      .poll(async () =>
        (
          await sara
            .locator('tbody td[data-action]')
            .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-action')))
        ).slice(0, 4),
      )
      .toEqual(expect.arrayContaining(['erase', 'export']));
    expect(desk.problems).toEqual([]);
  });

  it('shows a supervisor the statistics as charts with their tables, in English and right to left in Arabic; not to an agent', async () => {
    // Five more customers reach the support team: enough for counts of 5 and more beside hidden ones.
    const more = Array.from({ length: 5 }, (_, index) => ({
      phone: `55119444410${index}`,
      name: `Cliente ${index}`,
      email: `cliente${index}@example.com`,
      order: `PED-6600${index}`,
    }));
    await Promise.all(more.map((customer) => customerAsksForPerson(bot, graph, customer, 'support')));
    const sara = await newPage('en');
    await signIn(sara, 'Sara');
    await sara.getByRole('link', { name: 'Statistics' }).click();
    await sara.getByRole('heading', { name: 'Statistics', level: 1 }).waitFor();
    const steps = sara.getByRole('figure', { name: /^Conversations per step, / });
    await steps.waitFor();
    // The chart: a bar per count shown, none for a hidden one, and hidden from screen readers.
    const chart = steps.locator('svg[data-chart="stats-steps"]');
    expect(await chart.getAttribute('aria-hidden')).toBe('true');
    await soon(() => chart.locator('rect[data-value]').count()).toBeGreaterThan(3);
    const bar = chart.locator('rect[data-value="5"]').first();
    expect(Number(await bar.getAttribute('x'))).toBe(170);
    // The table is its text alternative. The bot's clock is a day on since the earlier tests: Eva and
    // Fábio's counts of yesterday are under 5 (hidden, so the totals say "≥"), today's five are shown.
    // Steps are named as their cards read in the flow (kind and first words), never by their ids.
    const table = sara.getByRole('table', { name: /^Conversations per step, / });
    const row = (step: string) =>
      table
        .getByRole('row', { name: new RegExp(`^${step.replace(/[.?]/g, '\\$&')} `) })
        .getByRole('cell')
        .allTextContents();
    expect(await table.getByRole('rowheader').allTextContents()).toEqual([
      'Start',
      'Bot disclosure: Hi! I am the automated assistant…',
      'Consent: May we use what you tell…',
      'Question: What is your email?',
      'Question: What is your order number?',
      'Buttons: Which team do you need?',
      'Human handoff: Passing you to our support team.',
      'Human handoff: Passing you to our billing team.',
      'Question: The bot is back. Anything else?',
      'End: Thank you, we keep following order…',
      'End: Alright, nothing kept.',
    ]);
    expect(await table.getByRole('columnheader').allTextContents()).toEqual([
      'Step',
      'Reached',
      'Left there',
      'Ended',
      'Handed off',
      'Opted out',
    ]);
    expect(await row('Start')).toEqual(['≥ 5', '0', '0', '0', '0']);
    expect(await row('Human handoff: Passing you to our support team.')).toEqual(['≥ 5', '≥ 5', '0', '≥ 5', '0']);
    expect(await row('Human handoff: Passing you to our billing team.')).toEqual(['0', '0', '0', '0', '0']);
    // A total of hidden counts only says so in words, instead of a true but empty "≥ 0".
    expect(await row('Question: The bot is back. Anything else?')).toEqual([
      'hidden: under 5 on each day',
      '0',
      '0',
      '0',
      '0',
    ]);
    expect(await table.textContent()).not.toContain('≥ 0');
    const consent = sara.getByRole('table', { name: /^Consent per purpose, / });
    expect(
      await consent
        .getByRole('row', { name: /^Customer support / })
        .getByRole('cell')
        .allTextContents(),
    ).toEqual(['≥ 5', '0', '—']);
    // Per day: yesterday's two are hidden (no bar), today's five are drawn.
    const days = sara.getByRole('table', { name: /^Conversations started per day, / });
    expect(await days.locator('tbody td').allTextContents()).toEqual(['< 5', '5']);
    expect(await sara.locator('svg[data-chart="stats-days"] rect[data-value]').count()).toBe(1);
    await expectNoSeriousViolations(sara, 'statistics (en)');
    await sara.screenshot({ path: join(shots, 'en-statistics.png'), fullPage: true });

    // A range with nothing in it says so; the access log records each look, with the range only.
    await sara.getByLabel('From', { exact: true }).fill('2020-01-01');
    await sara.getByLabel('To', { exact: true }).fill('2020-01-31');
    await sara.getByRole('button', { name: 'Show' }).click();
    await sara.getByText('Nothing was counted in these days.').waitFor();

    // The same supervisor switches the desk to Arabic: the page is mirrored, charts included.
    const arabic = sara;
    await arabic.getByLabel('Language').selectOption('ar');
    const mirrored = arabic.getByRole('figure', { name: /^المحادثات لكل خطوة، / });
    await mirrored.waitFor();
    expect(await arabic.evaluate(() => document.documentElement.dir)).toBe('rtl');
    // Right to left the bars grow leftwards from the labels on the right: they end where the labels begin.
    const arabicBar = mirrored.locator('rect[data-value="5"]').first();
    expect(Number(await arabicBar.getAttribute('x')) + Number(await arabicBar.getAttribute('width'))).toBe(470);
    const arabicTable = arabic.getByRole('table', { name: /^المحادثات لكل خطوة، / });
    expect(await arabicTable.getByRole('columnheader').first().textContent()).toBe('الخطوة');
    // Kinds in Arabic; the flow is written in English and Portuguese, so its words come in English, marked so.
    const arabicNames = arabicTable.getByRole('rowheader');
    expect(await arabicNames.first().textContent()).toBe('البداية');
    const supportStep = arabicNames.filter({ hasText: 'Passing you to our support team.' });
    expect(await supportStep.textContent()).toBe('تحويل إلى موظف: Passing you to our support team.');
    expect(await supportStep.locator('bdi').getAttribute('lang')).toBe('en');
    expect(await arabicTable.getByRole('cell', { name: 'مخفي: أقل من 5 في كل يوم' }).count()).toBe(3);
    await expectNoSeriousViolations(arabic, 'statistics (ar)');
    await arabic.screenshot({ path: join(shots, 'ar-statistics.png'), fullPage: true });

    // An agent has no link to it, and the page and its data are refused.
    const beto = await newPage('en');
    await signIn(beto, 'Beto');
    expect(await beto.getByRole('link', { name: 'Statistics' }).count()).toBe(0);
    await beto.goto(`http://127.0.0.1:${bot.port}/desk/stats`);
    await beto.getByRole('heading', { name: 'This page is for supervisors.' }).waitFor();
    expect(await beto.evaluate(async () => (await fetch('/desk/api/stats')).status)).toBe(403);

    await sara.getByLabel('اللغة').selectOption('en');
    await sara.getByRole('link', { name: 'Access log' }).click();
    const statsViews = sara.locator('tbody td[data-action="stats-view"]');
    await soon(() => statsViews.count()).toBeGreaterThanOrEqual(3);
    expect(await sara.locator('tbody').textContent()).toContain('2020-01-01 to 2020-01-31');
    expect(desk.problems).toEqual([]);
  });
});
