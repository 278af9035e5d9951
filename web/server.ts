import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { UiLanguage } from '../flows/i18n/index.ts';
import type { AmanaApi } from '../shared/api.ts';
import { maxFlowFileBytes } from '../shared/limits.ts';
import { dispatch } from '../services/studio/dispatch.ts';
import { send, sendJson } from './http-reply.ts';
import { webText } from './messages.ts';
import { BodyTooLargeError, readBody } from './read-body.ts';
import { readStaticFile } from '../services/files/static-file.ts';
import { tokensMatch } from './token.ts';

export interface WebHostOptions {
  api: AmanaApi;
  /** The built interface (vite's output). */
  rendererDir: string;
  /** The launch's secret; requests to /api without it are refused. */
  token: string;
  /** 0 picks a free port. */
  port: number;
  language: () => UiLanguage;
  logError: (error: unknown) => void;
}

export interface WebHost {
  port: number;
  /** The one line `npm run web` prints: the address to open, with the token. */
  url: string;
  close(): Promise<void>;
}

/** The header the interface sends the launch token in (never a cookie: cookies are shared by every port of 127.0.0.1). */
export const tokenHeader = 'x-amana-token';

// JSON escapes quotes and newlines, so a request carrying a flow file is somewhat larger than the file.
const maxRequestBytes = 2 * maxFlowFileBytes;

/**
 * The browser edition's host: the built interface and the studio's API over HTTP, on 127.0.0.1
 * only. Every request must name this host and port exactly (a DNS-rebinding page cannot), and
 * every API request must carry the launch token and come from the studio's own page.
 */
export function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const server = createServer((request, response) => {
    handle(request, response, options, portOf()).catch((error: unknown) => {
      options.logError(error);
      if (!response.headersSent) sendJson(response, 500, failure('internal', ''));
      else response.destroy();
    });
  });
  const portOf = () => {
    const address = server.address();
    return typeof address === 'object' && address !== null ? address.port : options.port;
  };

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      const port = portOf();
      resolve({
        port,
        url: `http://127.0.0.1:${port}/?token=${options.token}`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

async function handle(request: IncomingMessage, response: ServerResponse, options: WebHostOptions, port: number) {
  const language = options.language();
  const refuse = (status: number, key: Parameters<typeof webText>[1], params = {}) =>
    sendJson(response, status, failure('refused', webText(language, key, params)));

  if (request.headers.host !== `127.0.0.1:${port}`) return refuse(403, 'wrong-host', { port });
  const path = new URL(request.url ?? '/', `http://127.0.0.1:${port}`).pathname;

  if (!path.startsWith('/api/')) {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return refuse(405, 'method-not-allowed', { method: request.method ?? '' });
    const file = await readStaticFile(options.rendererDir, path);
    if (!file) return refuse(404, 'not-found');
    return request.method === 'HEAD'
      ? send(response, 200, file.contentType, Buffer.alloc(0))
      : send(response, 200, file.contentType, file.body);
  }

  if (request.method !== 'POST') return refuse(405, 'method-not-allowed', { method: request.method ?? '' });
  const site = request.headers['sec-fetch-site'];
  const origin = request.headers.origin;
  if (
    (site !== undefined && site !== 'same-origin') ||
    (origin !== undefined && origin !== `http://127.0.0.1:${port}`)
  ) {
    return refuse(403, 'cross-site');
  }
  const presented = request.headers[tokenHeader];
  if (presented === undefined) return refuse(401, 'missing-token');
  if (!tokensMatch(Array.isArray(presented) ? presented.join(',') : presented, options.token)) {
    return refuse(403, 'wrong-token');
  }
  if (!/^application\/json(;|$)/.test(request.headers['content-type'] ?? '')) return refuse(415, 'not-json');

  let body: unknown;
  try {
    body = JSON.parse(await readBody(request, maxRequestBytes));
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      response.setHeader('Connection', 'close');
      return refuse(413, 'too-large');
    }
    return refuse(400, 'bad-request');
  }
  if (typeof body !== 'object' || body === null || !('args' in body) || !Array.isArray(body.args)) {
    return refuse(400, 'bad-request');
  }
  const reply = await dispatch(options.api, path.slice('/api/'.length), body.args, options);
  sendJson(response, 200, reply);
}

function failure(code: 'refused' | 'internal', message: string) {
  return { ok: false, error: { code, message } };
}
