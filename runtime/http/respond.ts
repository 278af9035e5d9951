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

export function respondJson(
  response: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  respond(response, status, `${JSON.stringify(value)}\n`, {
    'content-type': 'application/json; charset=utf-8',
    ...headers,
  });
}

/**
 * "Lingering close", as web servers do it: after refusing a body, what the client is still sending
 * is read and thrown away (never held) for up to 5 s or 64 MB, so the client gets to read the
 * answer instead of a connection reset.
 */
const discardLimit = 64 * 1024 * 1024;
const discardMs = 5000;

/** Answers and closes the connection; the rest of the body is never stored (see `discardLimit`). */
export function refuseAndClose(response: ServerResponse, status: number, body: string): void {
  const request = response.req;
  respond(response, status, body, { connection: 'close' });
  let discarded = 0;
  const cut = () => {
    clearTimeout(timer);
    request.socket.destroy();
  };
  const timer = setTimeout(cut, discardMs);
  timer.unref();
  request.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > discardLimit) cut();
  });
  request.on('end', cut);
  request.resume();
}
