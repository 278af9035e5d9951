import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { errorName, type Logger } from '../log.ts';
import { StorePaused } from '../store/access.ts';
import { respond, respondJson } from './respond.ts';

export type Handler = (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<void>;

export interface Routes {
  webhook: Handler;
  admin: Handler;
  /** `/desk/…`: the agent desk (page and API). */
  desk: Handler;
  /** `/healthz` (GET or HEAD): the database reachable, the inbox lag. */
  health: Handler;
}

/**
 * The bot's HTTP server: `/webhook` for Meta, `/desk/` for agents, `/admin/…` for integrations, `/healthz` for load
 * balancers. Whatever a request holds, it gets an answer in the 4xx range at worst; only a
 * failure of the bot itself is a 5xx.
 */
export function botServer(routes: Routes, log: Logger): Server {
  const server = createServer((request, response) => {
    void dispatch(routes, request, response).catch((error: unknown) => {
      // An agent's or an integration's action while the instance is paused: not a failure of the bot, try again shortly.
      if (error instanceof StorePaused) {
        log.warn('request-paused', { reason: error.pause.reason });
        return respondJson(response, 503, { error: 'paused' }, { 'retry-after': '5' });
      }
      log.error('request-crashed', { error: errorName(error) });
      respond(response, 500, 'internal error\n');
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 30_000;
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    else socket.destroy();
  });
  return server;
}

async function dispatch(routes: Routes, request: IncomingMessage, response: ServerResponse): Promise<void> {
  let url: URL;
  try {
    url = new URL(request.url ?? '/', 'http://bot.invalid');
  } catch {
    return respond(response, 400, 'bad request\n');
  }
  if (url.pathname === '/webhook') return routes.webhook(request, response, url);
  if (url.pathname === '/admin' || url.pathname.startsWith('/admin/')) return routes.admin(request, response, url);
  if (url.pathname === '/desk' || url.pathname.startsWith('/desk/')) return routes.desk(request, response, url);
  if (url.pathname === '/healthz' && (request.method === 'GET' || request.method === 'HEAD')) {
    return routes.health(request, response, url);
  }
  respond(response, 404, 'not found\n');
}
