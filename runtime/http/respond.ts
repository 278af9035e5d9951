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

/**
 * Answers and closes the connection once the client has finished sending; the rest of the body
 * is never stored (see `discardLimit`). The answer is written whole at once but the response is
 * ended only then: Node closes a `Connection: close` response's socket as soon as it ends, and a
 * socket closed while the client still sends is reset, which on Linux can discard the answer
 * before the client reads it.
 */
export function refuseAndClose(response: ServerResponse, status: number, body: string): void {
  if (response.headersSent) return;
  const request = response.req;
  response.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    connection: 'close',
  });
  response.write(body);
  let discarded = 0;
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    response.end();
  };
  const cut = () => {
    finish();
    request.socket.destroy();
  };
  const timer = setTimeout(cut, discardMs);
  timer.unref();
  request.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > discardLimit) cut();
  });
  request.on('end', finish);
  request.on('close', finish);
  request.resume();
}
