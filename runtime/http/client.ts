import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/**
 * A response, or why none came. `maybeArrived` is true once the whole request had left this process
 * (the socket took its last byte): the server may have received it and acted on it even though no
 * answer came, so a request that is not idempotent (a WhatsApp message) may have taken effect. False
 * when it certainly did not leave whole (refused connection, unknown host, a timeout or stop while
 * connecting or writing).
 */
export type HttpOutcome =
  | { ok: true; status: number; body: string }
  | {
      ok: false;
      error: 'timeout' | 'network' | 'too-large' | 'bad-url' | 'bad-request' | 'stopped';
      detail: string;
      maybeArrived: boolean;
    };

const agents = {
  http: new HttpAgent({ keepAlive: true, maxSockets: 64 }),
  https: new HttpsAgent({ keepAlive: true, maxSockets: 64 }),
};

/** The largest response body read from a recipient or the Graph API. */
const responseLimit = 1024 * 1024;

/**
 * One HTTP request with a deadline, over keep-alive connections. Resolves with the status and body
 * (also for 4xx/5xx), or with why no response came; never rejects. `signal` ends the request early
 * (the bot is stopping): it then resolves with `stopped`.
 */
export function send(
  method: string,
  url: string,
  headers: Record<string, string>,
  body: string | undefined,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<HttpOutcome> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return Promise.resolve({ ok: false, error: 'bad-url', detail: 'unparseable URL', maybeArrived: false });
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    return Promise.resolve({ ok: false, error: 'bad-url', detail: target.protocol, maybeArrived: false });
  }
  if (signal?.aborted)
    return Promise.resolve({ ok: false, error: 'stopped', detail: 'before sending', maybeArrived: false });
  const secure = target.protocol === 'https:';
  // Sent as a string: node then writes the head and the body in one piece.
  const length = body === undefined ? undefined : Buffer.byteLength(body);
  return new Promise((resolve) => {
    let settled = false;
    // Whether the request left whole (its last byte went to the socket): see HttpOutcome.
    let written = false;
    const settle = (outcome: HttpOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', stop);
      resolve(outcome);
    };
    const failed = (error: 'timeout' | 'network' | 'too-large' | 'stopped', detail: string) =>
      settle({ ok: false, error, detail, maybeArrived: written });
    const options = {
      method,
      agent: secure ? agents.https : agents.http,
      headers: { ...headers, ...(length === undefined ? {} : { 'content-length': String(length) }) },
    };
    const onResponse = (response: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > responseLimit) {
          response.destroy();
          failed('too-large', `response over ${responseLimit} bytes`);
        } else {
          chunks.push(chunk);
        }
      });
      response.on('end', () =>
        settle({ ok: true, status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
      response.on('error', (error) => failed('network', networkErrorCode(error)));
    };
    let request: ReturnType<typeof httpRequest>;
    try {
      request = secure ? httpsRequest(target, options, onResponse) : httpRequest(target, options, onResponse);
    } catch (error) {
      // Node refuses a header it cannot send (ERR_INVALID_CHAR, ERR_INVALID_HTTP_TOKEN) by throwing.
      resolve({
        ok: false,
        error: 'bad-request',
        detail: error instanceof Error ? networkErrorCode(error) : 'unknown',
        maybeArrived: false,
      });
      return;
    }
    const timer = setTimeout(() => {
      failed('timeout', `no answer in ${timeoutMs} ms`);
      request.destroy();
    }, timeoutMs);
    function stop() {
      failed('stopped', written ? 'no answer before the stop' : 'stopped before it was sent');
      request.destroy();
    }
    signal?.addEventListener('abort', stop, { once: true });
    request.on('finish', () => (written = true));
    request.on('error', (error) => failed('network', networkErrorCode(error)));
    request.end(body);
  });
}

/** A network error's code (ECONNREFUSED…), else its name; never its message, which may quote a URL with personal data in it. */
function networkErrorCode(error: Error): string {
  return 'code' in error && typeof error.code === 'string' ? error.code : error.name;
}
