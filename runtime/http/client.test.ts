import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { send } from './client.ts';

/** A port on 127.0.0.1 that nothing listens on (taken, then given back). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const servers: { close(): void; closeAllConnections(): void }[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

/** An HTTP server on 127.0.0.1 answering with `handle`; counts the connections it accepted and the bodies it read. */
async function serve(handle: (request: IncomingMessage, response: ServerResponse, body: string) => void) {
  const seen = { connections: 0, closed: 0, bodies: [] as string[], authorization: [] as (string | undefined)[] };
  const server = createHttpServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.bodies.push(body);
      seen.authorization.push(request.headers.authorization);
      handle(request, response, body);
    });
  });
  server.on('connection', (socket: Socket) => {
    seen.connections += 1;
    socket.on('close', () => (seen.closed += 1));
    socket.on('error', () => undefined);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, seen };
}

describe('HTTP client', () => {
  it('answers the status and body, also for errors, and reuses its connection', async () => {
    const { url, seen } = await serve((request, response, body) => {
      response.writeHead(request.url === '/missing' ? 404 : 200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ got: body, type: request.headers['content-type'], length: request.headers['content-length'] }),
      );
    });
    const first = await send('POST', `${url}/messages?x=1`, { 'content-type': 'application/json' }, '{"ção":1}', 2000);
    expect(first).toEqual({
      ok: true,
      status: 200,
      body: JSON.stringify({ got: '{"ção":1}', type: 'application/json', length: '11' }),
    });
    expect(await send('GET', `${url}/missing`, {}, undefined, 2000)).toMatchObject({ ok: true, status: 404 });
    for (let index = 0; index < 8; index += 1) {
      expect(await send('POST', `${url}/messages`, {}, 'again', 2000)).toMatchObject({ ok: true, status: 200 });
    }
    // Kept alive: ten requests one after another did not open ten connections.
    expect(seen.connections).toBeLessThanOrEqual(2);
  });

  it('says why no response came by the error’s code, never by its message (which may quote the URL)', async () => {
    const port = await closedPort();
    const refused = await send('POST', `http://127.0.0.1:${port}/leads?phone=5511912345678`, {}, '{}', 2000);
    expect(refused).toEqual({ ok: false, error: 'network', detail: 'ECONNREFUSED', maybeArrived: false });

    // A header that cannot be sent is refused with node's code, before anything leaves.
    const badHeader = await send('GET', `http://127.0.0.1:${port}/`, { authorization: 'Bearer a\nb' }, undefined, 2000);
    expect(badHeader).toEqual({ ok: false, error: 'bad-request', detail: 'ERR_INVALID_CHAR', maybeArrived: false });
    const badName = await send('GET', `http://127.0.0.1:${port}/`, { 'bad name': 'x' }, undefined, 2000);
    expect(badName).toEqual({ ok: false, error: 'bad-request', detail: 'ERR_INVALID_HTTP_TOKEN', maybeArrived: false });

    // Headers undici sets itself or does not support are refused too, as nothing left.
    const { url, seen } = await serve((_request, response) => response.end('ok'));
    for (const [name, code] of [
      ['Transfer-Encoding', 'UND_ERR_INVALID_ARG'],
      ['Content-Length', 'UND_ERR_INVALID_ARG'],
      ['Expect', 'UND_ERR_NOT_SUPPORTED'],
    ] as const) {
      const value = name === 'Content-Length' ? 'ten' : name === 'Expect' ? '100-continue' : 'chunked';
      expect(await send('POST', url, { [name]: value }, '{}', 2000)).toEqual({
        ok: false,
        error: 'bad-request',
        detail: code,
        maybeArrived: false,
      });
    }
    expect(seen.bodies).toEqual([]);

    expect(await send('GET', 'ftp://127.0.0.1/', {}, undefined, 2000)).toEqual({
      ok: false,
      error: 'bad-url',
      detail: 'ftp:',
      maybeArrived: false,
    });
  });

  it('gives up at its deadline on a request that left whole: it may have arrived', async () => {
    const { url, seen } = await serve(() => undefined);
    const started = performance.now();
    const outcome = await send('POST', `${url}/slow`, {}, 'hello', 300);
    expect(outcome).toEqual({ ok: false, error: 'timeout', detail: 'no answer in 300 ms', maybeArrived: true });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(seen.bodies).toEqual(['hello']);
  });

  it('ends at the stop, saying whether the request had left', async () => {
    const { url } = await serve(() => undefined);
    const stop = new AbortController();
    const waiting = send('POST', `${url}/held`, {}, 'hello', 10_000, stop.signal);
    await new Promise((resolve) => setTimeout(resolve, 200));
    stop.abort();
    expect(await waiting).toEqual({
      ok: false,
      error: 'stopped',
      detail: 'no answer before the stop',
      maybeArrived: true,
    });
    expect(await send('POST', `${url}/held`, {}, 'hello', 10_000, stop.signal)).toEqual({
      ok: false,
      error: 'stopped',
      detail: 'before sending',
      maybeArrived: false,
    });
  });

  it('refuses an answer over 1 MB', async () => {
    const { url } = await serve((_request, response) => {
      response.writeHead(200);
      response.end(Buffer.alloc(1024 * 1024 + 1, 97));
    });
    expect(await send('GET', url, {}, undefined, 5000)).toEqual({
      ok: false,
      error: 'too-large',
      detail: 'response over 1048576 bytes',
      maybeArrived: true,
    });
  });

  it('sends a user name and password in the URL as Basic authentication, unless told otherwise', async () => {
    const { url, seen } = await serve((_request, response) => response.end('ok'));
    const withUser = url.replace('http://', 'http://ana%40shop:s%C3%A9same@');
    expect(await send('GET', `${withUser}/a`, {}, undefined, 2000)).toMatchObject({ ok: true, status: 200 });
    expect(await send('GET', `${withUser}/b`, { Authorization: 'Bearer t' }, undefined, 2000)).toMatchObject({
      ok: true,
    });
    expect(await send('GET', `${url}/c`, {}, undefined, 2000)).toMatchObject({ ok: true });
    // Credentials that do not decode are a bad request, as node:http made them.
    expect(await send('GET', url.replace('http://', 'http://ana:%E0%A4%A@'), {}, undefined, 2000)).toEqual({
      ok: false,
      error: 'bad-request',
      detail: 'URIError',
      maybeArrived: false,
    });
    expect(seen.authorization).toEqual([
      `Basic ${Buffer.from('ana@shop:sésame').toString('base64')}`,
      'Bearer t',
      undefined,
    ]);
  });

  it('lets 64 requests to one origin run at once; one that ends while waiting its turn closes no connection', async () => {
    let answer: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const { url, seen } = await serve((_request, response) => void answered.then(() => response.end('ok')));
    const running = Array.from({ length: 64 }, (_, index) => send('POST', url, {}, `r${index}`, 10_000));
    while (seen.bodies.length < 64) await new Promise((resolve) => setTimeout(resolve, 10));
    // The 65th waits for one of the 64, and its deadline comes first: it never left.
    expect(await send('POST', url, {}, 'late', 200)).toEqual({
      ok: false,
      error: 'timeout',
      detail: 'no answer in 200 ms',
      maybeArrived: false,
    });
    const stop = new AbortController();
    const stopped = send('POST', url, {}, 'stopped', 10_000, stop.signal);
    stop.abort();
    expect(await stopped).toMatchObject({ error: 'stopped', maybeArrived: false });
    answer();
    for (const outcome of await Promise.all(running)) expect(outcome).toMatchObject({ ok: true, status: 200 });
    expect(await send('POST', url, {}, 'after', 2000)).toMatchObject({ ok: true, status: 200 });
    expect(seen.bodies).not.toContain('late');
    expect(seen.bodies).not.toContain('stopped');
    // Nothing closed; the request after may find the 64 still finishing and open one more.
    expect(seen.closed).toBe(0);
    expect(seen.connections).toBeGreaterThanOrEqual(64);
    expect(seen.connections).toBeLessThanOrEqual(65);
  });
});
