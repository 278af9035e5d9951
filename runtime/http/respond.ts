import type { ServerResponse } from 'node:http';

export function respond(
  response: ServerResponse,
  status: number,
  body = '',
  headers: Record<string, string> = {},
): void {
  if (response.headersSent) return;
  response.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  response.end(body);
}

export function respondJson(response: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  respond(response, status, `${JSON.stringify(value)}\n`, { 'content-type': 'application/json; charset=utf-8', ...headers });
}

/** Answers and closes the connection, so the rest of an oversized body is never read. */
export function refuseAndClose(response: ServerResponse, status: number, body: string): void {
  respond(response, status, body, { connection: 'close' });
  response.on('finish', () => response.req.socket.destroy());
}
