import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  admin,
  deliver,
  eventually,
  removeExportedBots,
  runBotCommand,
  type BotOptions,
  type RunningBot,
} from './helpers/bot.ts';
import { rows } from './helpers/database.ts';
import { customerAsksForPerson, startDeskBot } from './helpers/desk.ts';
import { FakeGraph } from './helpers/fake-graph.ts';
import { buttonReply, single, text, type MessageBody } from './helpers/payloads.ts';

/**
 * `node server.js stats` and `GET /admin/stats` on the real exported bot: fourteen customers take
 * known paths through the desk shop's flow (test/runtime/helpers/desk-flow.ts), and the report
 * counts exactly those conversations per step, suppresses every count from 1 to 4, computes no
 * rate from a hidden count, and its table holds nothing about any of the people.
 */
describe('exported bot: analytics without personal data', () => {
  const graph = new FakeGraph();
  let bot: RunningBot;
  let options: BotOptions;
  const today = new Date().toISOString().slice(0, 10);
  const customers = Array.from({ length: 14 }, (_, index) => ({
    phone: `55119444${String(index).padStart(5, '0')}`,
    name: `Cliente ${index}`,
    email: `cliente${index}@example.com`,
    order: `PED-77${index}`,
  }));
  const support = customers.slice(0, 7);
  const billing = customers.slice(7, 10);
  const [declinerA, declinerB, quiet, stopper] = customers.slice(10) as [
    (typeof customers)[number],
    (typeof customers)[number],
    (typeof customers)[number],
    (typeof customers)[number],
  ];

  const say = async (customer: (typeof customers)[number], message: MessageBody, replies: number) => {
    const before = graph.messagesTo(customer.phone).length;
    const answer = await deliver(bot.port, single({ from: customer.phone, name: customer.name, message }));
    expect(answer.status).toBe(200);
    await eventually(
      () => graph.messagesTo(customer.phone).length >= before + replies,
      20_000,
      `${replies} replies to ${customer.name}`,
    );
  };
  const settled = () =>
    eventually(
      async () => {
        const status = JSON.parse((await admin(bot.port, 'GET', '/admin/status')).body);
        return status.pendingInbox === 0 && status.pendingOutbox === 0;
      },
      20_000,
      'inbox and outbox empty',
    );

  beforeAll(async () => {
    ({ bot, options } = await startDeskBot('stats', graph));
    await Promise.all([
      ...support.map((customer) => customerAsksForPerson(bot, graph, customer, 'support')),
      ...billing.map((customer) => customerAsksForPerson(bot, graph, customer, 'billing')),
      ...[declinerA, declinerB].map(async (customer) => {
        await say(customer, text('oi'), 2);
        await say(customer, buttonReply('decline', 'No'), 1);
      }),
      say(quiet, text('hello'), 2),
      (async () => {
        await say(stopper, text('hello'), 2);
        await say(stopper, buttonReply('accept', 'Yes'), 1);
        await say(stopper, text(stopper.email), 1);
        await deliver(bot.port, single({ from: stopper.phone, name: stopper.name, message: text('stop') }));
      })(),
    ]);
    // Agents give five of the seven support conversations back; those customers then finish.
    const waiting = JSON.parse((await admin(bot.port, 'GET', '/admin/handoffs')).body).handoffs as {
      ref: string;
      queue: string;
    }[];
    const released = waiting.filter((handoff) => handoff.queue === 'support').slice(0, 5);
    expect(released).toHaveLength(5);
    for (const handoff of released)
      expect((await admin(bot.port, 'POST', `/admin/handoffs/${handoff.ref}/release`)).status).toBe(200);
    await settled();
    const back = support.filter((customer) =>
      graph.messagesTo(customer.phone).some((message) => JSON.stringify(message).includes('O bot voltou')),
    );
    expect(back).toHaveLength(5);
    await Promise.all(back.map((customer) => say(customer, text('não, obrigado'), 1)));
    await settled();
  }, 180_000);

  afterAll(async () => {
    await bot?.stop();
    await graph.stop();
    removeExportedBots();
  });

  it('counts the scripted conversations per step and suppresses every count from 1 to 4', async () => {
    const answer = await admin(bot.port, 'GET', `/admin/stats?from=${today}&to=${today}`);
    expect(answer.status).toBe(200);
    const report = JSON.parse(answer.body);
    expect(report).toMatchObject({ flow: { id: 'desk-shop' }, from: today, to: today, suppressBelow: 5 });
    const day = (id: string) => report.steps.find((step: { id: string }) => step.id === id)?.days[0];
    const cells = (reached: unknown, left: unknown, ended: unknown, handedOff: unknown, optedOut: unknown) => ({
      day: today,
      reached,
      left,
      ended,
      'handed-off': handedOff,
      'opted-out': optedOut,
    });
    expect(day('start')).toEqual(cells(14, 0, 0, 0, 0));
    expect(day('hello')).toEqual(cells(14, 0, 0, 0, 0));
    // One customer said hello and nothing more: they left at the consent question.
    expect(day('consent')).toEqual(cells(14, '< 5', 0, 0, 0));
    expect(day('ask-email')).toEqual(cells(11, 0, 0, 0, 0));
    // One customer wrote "stop" at the order question.
    expect(day('ask-order')).toEqual(cells(11, '< 5', 0, 0, '< 5'));
    expect(day('team')).toEqual(cells(10, 0, 0, 0, 0));
    // Seven handed off; five given back (they moved on), two still with a person.
    expect(day('to-support')).toEqual(cells(7, '< 5', 0, 7, 0));
    expect(day('to-billing')).toEqual(cells('< 5', '< 5', 0, '< 5', 0));
    expect(day('anything-else')).toEqual(cells(5, 0, 0, 0, 0));
    expect(day('bye')).toEqual(cells(5, 0, 5, 0, 0));
    expect(day('declined')).toEqual(cells('< 5', 0, '< 5', 0, 0));
    const toBilling = report.steps.find((step: { id: string }) => step.id === 'to-billing');
    expect(toBilling.total).toEqual({ reached: 0, left: 0, ended: 0, 'handed-off': 0, 'opted-out': 0 });
    expect(toBilling.incomplete).toEqual(['reached', 'left', 'handed-off']);
    // Eleven granted, two declined: the declines are hidden, and so is the rate they would give away.
    expect(report.purposes).toEqual([
      {
        id: 'support',
        total: { granted: 11, declined: 0, grantedRate: null },
        incomplete: ['declined'],
        days: [{ day: today, granted: 11, declined: '< 5', grantedRate: null }],
      },
    ]);
    // The raw counters underneath are exact (the suppression is in what is shown, not in what is counted).
    const raw = rows<{ item: string; metric: string; count: number }>(
      options.db,
      "SELECT item, metric, count FROM stats_counts WHERE item IN ('to-billing', 'declined') ORDER BY item, metric",
    );
    expect(raw).toEqual([
      { item: 'declined', metric: 'ended', count: 2 },
      { item: 'declined', metric: 'reached', count: 2 },
      { item: 'to-billing', metric: 'handed-off', count: 3 },
      { item: 'to-billing', metric: 'left', count: 3 },
      { item: 'to-billing', metric: 'reached', count: 3 },
    ]);
  });

  it('prints the same report with `node server.js stats`, as text and as JSON, for any range of days', async () => {
    const api = JSON.parse((await admin(bot.port, 'GET', `/admin/stats?from=${today}&to=${today}`)).body);
    const json = runBotCommand(options, ['stats', '--from', today, `--to=${today}`, '--json']);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(api);

    const printed = runBotCommand(options, ['stats']);
    expect(printed.code, printed.stderr).toBe(0);
    expect(printed.stdout).toContain('Statistics of "Desk shop"');
    // Steps named as their cards read and purposes by their label, as the desk's statistics name them;
    // a total of counts all from 1 to 4 says so instead of "≥ 0".
    const hidden = 'hidden: under 5 on each day';
    expect(printed.stdout).toMatch(
      new RegExp(`^Human handoff: Passing you to our support team\\. {2,}7 {2,}${hidden} {2,}0 {2,}7 {2,}0$`, 'm'),
    );
    expect(printed.stdout).toMatch(
      new RegExp(
        `^Human handoff: Passing you to our billing team\\. {2,}${hidden} {2,}${hidden} {2,}0 {2,}${hidden} {2,}0$`,
        'm',
      ),
    );
    expect(printed.stdout).toMatch(new RegExp(`^Customer support {2,}11 {2,}${hidden} {2,}—$`, 'm'));
    expect(printed.stdout).toMatch(/^Question: What is your email\? {2,}11 /m);
    // Each day's row is named the same way and keeps its hidden counts as "< 5".
    expect(printed.stdout).toMatch(
      /^Human handoff: Passing you to our billing team\. {2,}< 5 {2,}< 5 {2,}0 {2,}< 5 {2,}0$/m,
    );
    expect(printed.stdout).not.toMatch(/^(to-support|to-billing|support|ask-email|start) /m);
    expect(printed.stdout).not.toContain('≥ 0');
    // No count from 1 to 4 is printed anywhere below the heading (which explains the "< 5").
    expect(printed.stdout.split('\n').slice(1).join('\n')).not.toMatch(/(^|\s)[1-4](\s|$)/m);

    const portuguese = runBotCommand({ ...options, env: { AMANA_LANG: 'pt-BR' } }, ['stats']);
    expect(portuguese.stdout).toContain('Conversas por etapa');
    expect(portuguese.stdout).toMatch(/^Pergunta: Qual é o seu e-mail\? {2,}11 /m);
    expect(portuguese.stdout).toMatch(/^Atendimento {2,}11 {2,}oculto: menos de 5 em cada dia {2,}—$/m);

    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const later = runBotCommand(options, ['stats', '--from', tomorrow, '--to', tomorrow]);
    expect(later.code).toBe(0);
    expect(later.stdout).toContain('Nothing was counted in these days.');

    const backwards = runBotCommand(options, ['stats', '--from', tomorrow, '--to', today]);
    expect(backwards.code).toBe(2);
    expect(backwards.stderr).toContain('--from must not be after --to');
    const badDay = runBotCommand(options, ['stats', '--from', '2026-13-01']);
    expect(badDay.code).toBe(2);
    expect(badDay.stderr).toContain('YYYY-MM-DD');
    const unknown = runBotCommand(options, ['stats', '--by-person']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--by-person'");
  });

  it('keeps in its table nothing that identifies a person: steps, purposes, days and counts only', () => {
    const table = rows<Record<string, unknown>>(options.db, 'SELECT * FROM stats_counts');
    expect(table.length).toBeGreaterThan(10);
    const nodeIds = ['start', 'hello', 'consent', 'ask-email', 'ask-order', 'team', 'to-support', 'to-billing'];
    const known = new Set([...nodeIds, 'anything-else', 'bye', 'declined', 'support']);
    for (const row of table) {
      expect(Object.keys(row).sort()).toEqual(['count', 'day', 'item', 'metric', 'scope']);
      expect(row['day']).toBe(today);
      expect(known.has(String(row['item'])), String(row['item'])).toBe(true);
      expect(['step', 'purpose']).toContain(row['scope']);
      expect(typeof row['count']).toBe('number');
    }
    const everything = JSON.stringify(table);
    for (const customer of customers) {
      for (const value of [customer.phone, customer.phone.slice(-8), customer.email, customer.order, customer.name])
        expect(everything).not.toContain(value);
    }
    // No row id either: the order rows were written in says nothing about who came when.
    expect(() => rows(options.db, 'SELECT rowid FROM stats_counts')).toThrow(/rowid/);
  });
});
