import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, call, removeExportedBots, runBotCommand, type BotOptions, type RunningBot } from './helpers/bot.ts';
import { customerAsksForPerson, startDeskBot } from './helpers/desk.ts';
import { FakeGraph } from './helpers/fake-graph.ts';

/**
 * The bearer-token admin API stays for integrations, described by an OpenAPI 3.1 document that
 * ships inside server.js: every operation it describes answers on the real bot with a status it
 * documents, and the bodies match its schemas.
 */
describe('exported bot: the admin API’s OpenAPI document', () => {
  const graph = new FakeGraph();
  let bot: RunningBot;
  let options: BotOptions;
  let document: Record<string, unknown>;

  beforeAll(async () => {
    ({ bot, options } = await startDeskBot('openapi', graph));
    await customerAsksForPerson(
      bot,
      graph,
      { phone: '5511933330001', name: 'Gil', email: 'gil@example.com', order: 'PED-1' },
      'support',
    );
  }, 60_000);

  afterAll(async () => {
    await bot?.stop();
    await graph.stop();
    removeExportedBots();
  });

  it('is served without a token and printed by `node server.js openapi`, the same document', async () => {
    const served = await call(bot.port, 'GET', '/admin/openapi.json');
    expect(served.status).toBe(200);
    document = JSON.parse(served.body);
    expect(document).toMatchObject({ openapi: '3.1.0', info: { title: 'Desk shop: admin API' } });
    const printed = runBotCommand(options, ['openapi']);
    expect(printed.code).toBe(0);
    expect(JSON.parse(printed.stdout)).toEqual(document);
  });

  it('describes every admin route, each answering with a status it documents and a body its schema accepts', async () => {
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    ajv.addSchema({ $id: 'doc', components: (document as { components: unknown }).components });
    const paths = document['paths'] as Record<string, Record<string, { responses: Record<string, unknown> }>>;
    const ref = JSON.parse((await admin(bot.port, 'GET', '/admin/handoffs')).body).handoffs[0].ref as string;
    // Release last: it ends the handoff the others read.
    const order = ['get', 'post'];
    const operations = Object.entries(paths)
      .flatMap(([path, item]) =>
        Object.entries(item)
          .filter(([method]) => order.includes(method))
          .map(([method, operation]) => ({ path, method, operation })),
      )
      .sort((a, b) => Number(a.path.endsWith('/release')) - Number(b.path.endsWith('/release')));
    expect(operations.map((op) => `${op.method.toUpperCase()} ${op.path}`).sort()).toEqual([
      'GET /admin/handoffs',
      'GET /admin/handoffs/{ref}',
      'GET /admin/stats',
      'GET /admin/status',
      'POST /admin/handoffs/{ref}/release',
      'POST /admin/handoffs/{ref}/reply',
    ]);
    for (const { path, method, operation } of operations) {
      const url = path.replace('{ref}', ref);
      const answer = await admin(bot.port, method.toUpperCase(), url, method === 'post' ? { text: 'Olá!' } : undefined);
      const documented = operation.responses[String(answer.status)] as
        { content: { 'application/json': { schema: unknown } } } | undefined;
      expect(documented, `${method} ${path} answered ${answer.status}`).toBeDefined();
      const schema = JSON.parse(
        JSON.stringify(documented?.content['application/json'].schema).replaceAll('"#/components', '"doc#/components'),
      );
      const valid = ajv.validate(schema, JSON.parse(answer.body));
      expect(valid, `${method} ${path}: ${ajv.errorsText()}`).toBe(true);
      const unauthorized = await call(bot.port, method.toUpperCase(), url);
      expect(operation.responses[String(unauthorized.status)], `${path} without a token`).toBeDefined();
      expect(unauthorized.status).toBe(401);
    }
  });

  it('documents the stats report: a range answers a body its schema accepts, a bad day the documented 400', async () => {
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    ajv.addSchema({ $id: 'doc', components: (document as { components: unknown }).components });
    const operation = (document['paths'] as Record<string, Record<string, { responses: Record<string, unknown> }>>)[
      '/admin/stats'
    ]?.['get'];
    expect(operation).toBeDefined();
    const today = new Date().toISOString().slice(0, 10);
    const answer = await admin(bot.port, 'GET', `/admin/stats?from=${today}&to=${today}`);
    expect(answer.status).toBe(200);
    const report = JSON.parse(answer.body);
    expect(ajv.validate({ $ref: 'doc#/components/schemas/Stats' }, report), ajv.errorsText()).toBe(true);
    // The one customer of beforeAll: every count of theirs is under 5, so shown as "< 5", never as 1.
    const consent = report.steps.find((step: { id: string }) => step.id === 'consent');
    expect(consent.days).toEqual([{ day: today, reached: '< 5', left: 0, ended: 0, 'handed-off': 0, 'opted-out': 0 }]);
    expect(consent.total.reached).toBe(0);
    expect(consent.incomplete).toEqual(['reached']);
    const bad = await admin(bot.port, 'GET', '/admin/stats?from=2026-02-30');
    expect(bad.status).toBe(400);
    expect(operation?.responses['400']).toBeDefined();
    expect(ajv.validate({ $ref: 'doc#/components/schemas/Error' }, JSON.parse(bad.body))).toBe(true);
  });
});
