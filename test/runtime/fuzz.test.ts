import fc from 'fast-check';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signatureFor } from '../../runtime/webhook/signature.ts';
import {
  deliver,
  eventually,
  exportBot,
  freshKey,
  secrets,
  startBot,
  type RunningBot,
  removeExportedBots,
} from './helpers/bot.ts';
import { FakeGraph } from './helpers/fake-graph.ts';
import { supportFlow } from './helpers/fixture-flow.ts';
import { change, delivery, single, text } from './helpers/payloads.ts';

/**
 * 6,000+ malformed requests — random methods and paths, garbage bodies signed and unsigned,
 * WhatsApp payloads with values of the wrong type in every place, broken HTTP on raw sockets,
 * admin calls with nonsense — then a valid message. The bot must never crash, never answer 5xx,
 * and still answer the valid message.
 */
describe('exported bot: malformed requests', () => {
  const graph = new FakeGraph();
  let bot: RunningBot;
  const agent = new Agent({ keepAlive: true, maxSockets: 32 });

  beforeAll(async () => {
    const graphBase = await graph.start();
    const dir = exportBot(supportFlow({ stock: 9, desk: 9 }), 'fuzz');
    bot = await startBot({ dir, graphBase, key: freshKey(), db: join(dir, 'amana.db') });
  });

  afterAll(async () => {
    agent.destroy();
    await bot?.stop();
    await graph.stop();
    removeExportedBots();
  });

  interface Attempt {
    method: string;
    path: string;
    headers: Record<string, string>;
    body?: Buffer;
  }

  function send(attempt: Attempt): Promise<number> {
    return new Promise((resolve) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: bot.port,
          method: attempt.method,
          path: attempt.path,
          headers: attempt.headers,
          agent,
        },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
          response.on('error', () => resolve(-1));
        },
      );
      // A connection the bot closed (oversized body, bad request) is not a crash; the status is.
      req.on('error', () => resolve(-1));
      req.end(attempt.body);
    });
  }

  const signed = (body: Buffer): Record<string, string> => ({
    'content-type': 'application/json',
    'x-hub-signature-256': signatureFor(body, secrets.appSecret),
  });

  /** A valid delivery with one value somewhere replaced by an arbitrary JSON value (or removed). */
  const mutatedDelivery = fc
    .record({
      at: fc.array(fc.nat(20), { minLength: 1, maxLength: 8 }),
      value: fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.string(), fc.double(), fc.constant('5511999990000')),
    })
    .map(({ at, value }) => {
      const payload: unknown = delivery([change([{ from: '5511977770001', message: text('oi') }])]);
      mutate(payload, at, value);
      return Buffer.from(JSON.stringify(payload) ?? 'null');
    });

  function mutate(node: unknown, path: number[], value: unknown): void {
    let current = node;
    for (let depth = 0; depth < path.length; depth += 1) {
      if (typeof current !== 'object' || current === null) return;
      const keys = Object.keys(current);
      if (keys.length === 0) return;
      const key = keys[(path[depth] ?? 0) % keys.length] ?? '';
      const child: unknown = (current as Record<string, unknown>)[key];
      if (depth === path.length - 1 || typeof child !== 'object' || child === null) {
        if (value === undefined) delete (current as Record<string, unknown>)[key];
        else (current as Record<string, unknown>)[key] = value;
        return;
      }
      current = child;
    }
  }

  const attempts = fc.oneof(
    // Random method and path, random body.
    fc.record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'),
      path: fc.oneof(
        fc.constantFrom('/webhook', '/admin/handoffs', '/admin/status', '/healthz', '/', '/admin', '/webhook/'),
        fc.string({ maxLength: 300 }).map((path) => `/${encodeURIComponent(path)}`),
        fc.stringMatching(/^\/[A-Za-z0-9%?&=./_-]{0,200}$/),
        fc.string({ maxLength: 60 }).map((query) => `/webhook?${query.replace(/[^\x21-\x7e]/g, '%')}`),
      ),
      headers: fc.constant({}),
      body: fc.option(
        fc.uint8Array({ maxLength: 2048 }).map((bytes) => Buffer.from(bytes)),
        { nil: undefined },
      ),
    }),
    // Garbage, validly signed: the parser must cope with anything Meta's key could sign.
    fc
      .oneof(
        fc.uint8Array({ maxLength: 4096 }).map((bytes) => Buffer.from(bytes)),
        fc.jsonValue().map((value) => Buffer.from(JSON.stringify(value) ?? 'null')),
        mutatedDelivery,
      )
      .map((body): Attempt => ({ method: 'POST', path: '/webhook', headers: signed(body), body })),
    // Signature headers of every wrong shape.
    fc.record({
      method: fc.constant('POST'),
      path: fc.constant('/webhook'),
      headers: fc
        .string({ maxLength: 120 })
        .map((value) => ({ 'x-hub-signature-256': value.replace(/[^\x20-\x7e]/g, '') })),
      body: mutatedDelivery,
    }),
    // Admin calls with the right token and nonsense.
    fc.record({
      method: fc.constantFrom('GET', 'POST'),
      path: fc.oneof(
        fc.stringMatching(/^[A-Za-z0-9_-]{1,80}$/).map((ref) => `/admin/handoffs/${ref}`),
        fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/).map((ref) => `/admin/handoffs/${ref}/release`),
        fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/).map((ref) => `/admin/handoffs/${ref}/reply`),
      ),
      headers: fc.constant({ authorization: `Bearer ${secrets.adminToken}` }),
      body: fc.option(
        fc.jsonValue().map((value) => Buffer.from(JSON.stringify(value) ?? '')),
        { nil: undefined },
      ),
    }),
  );

  it('survives 6,000 malformed requests without a crash or a 5xx, then answers a valid message', async () => {
    const samples = fc.sample(attempts, { numRuns: 6000, seed: 20261123 });
    const statuses: number[] = [];
    for (let index = 0; index < samples.length; index += 32) {
      statuses.push(...(await Promise.all(samples.slice(index, index + 32).map(send))));
    }
    // Broken HTTP straight on the socket: the server answers 400 or closes, and lives on.
    const rawRequests = [
      'GARBAGE\r\n\r\n',
      'POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n',
      'POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\nContent-Length: 20\r\n\r\n0123456789',
      'POST /webhook HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nnot hex\r\n0\r\n\r\n',
      `GET /${'a'.repeat(70_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
      'GET /webhook HTTP/1.1\r\nHost: x\r\nX-Bad\x00Header: 1\r\n\r\n',
      'POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nshort',
    ];
    for (const raw of rawRequests) {
      const answer = await new Promise<string>((resolve) => {
        const socket = connect(bot.port, '127.0.0.1', () => socket.end(raw));
        let received = '';
        socket.setEncoding('latin1');
        socket.on('data', (chunk: string) => (received += chunk));
        socket.on('close', () => resolve(received));
        socket.on('error', () => resolve(received));
        socket.setTimeout(3000, () => socket.destroy());
      });
      expect(answer === '' || /^HTTP\/1\.1 [1-4]\d\d /.test(answer)).toBe(true);
      statuses.push(Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? -1));
    }

    expect(statuses.length).toBeGreaterThanOrEqual(6000);
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    // Most were answered (a few connections are closed on purpose, e.g. after a 413 or a 400).
    expect(statuses.filter((status) => status > 0).length).toBeGreaterThan(5900);
    expect(bot.child.exitCode).toBeNull();
    expect(bot.events('request-crashed')).toEqual([]);

    const from = '5511977779999';
    expect((await deliver(bot.port, single({ from, message: text('oi') }))).status).toBe(200);
    await eventually(() => graph.messagesTo(from).length >= 2, 10_000, 'the valid message to be answered');
  }, 120_000);
});
