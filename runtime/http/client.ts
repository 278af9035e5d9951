import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

export type HttpOutcome =
  | { ok: true; status: number; body: string }
  | { ok: false; error: 'timeout' | 'network' | 'too-large' | 'bad-url' | 'bad-request'; detail: string };

const agents = {
  http: new HttpAgent({ keepAlive: true, maxSockets: 64 }),
  https: new HttpsAgent({ keepAlive: true, maxSockets: 64 }),
};

/** The largest response body read from a recipient or the Graph API. */
const responseLimit = 1024 * 1024;

/**
 * One HTTP request with a deadline, over keep-alive connections. Resolves with the status and body
 * (also for 4xx/5xx), or with why no response came; never rejects.
 */
export function send(
  method: string,
  url: string,
  headers: Record<string, string>,
  body: string | undefined,
  timeoutMs: number,
): Promise<HttpOutcome> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return Promise.resolve({ ok: false, error: 'bad-url', detail: 'unparseable URL' });
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    return Promise.resolve({ ok: false, error: 'bad-url', detail: target.protocol });
  }
  const secure = target.protocol === 'https:';
  const payload = body === undefined ? undefined : Buffer.from(body);
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: HttpOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const options = {
      method,
      agent: secure ? agents.https : agents.http,
      headers: { ...headers, ...(payload ? { 'content-length': String(payload.length) } : {}) },
    };
    const onResponse = (response: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > responseLimit) {
          response.destroy();
          settle({ ok: false, error: 'too-large', detail: `response over ${responseLimit} bytes` });
        } else {
          chunks.push(chunk);
        }
      });
      response.on('end', () =>
        settle({ ok: true, status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
      response.on('error', (error) => settle({ ok: false, error: 'network', detail: errorName(error) }));
    };
    let request: ReturnType<typeof httpRequest>;
    try {
      request = secure ? httpsRequest(target, options, onResponse) : httpRequest(target, options, onResponse);
    } catch (error) {
      // Node refuses a header it cannot send (ERR_INVALID_CHAR, ERR_INVALID_HTTP_TOKEN) by throwing.
      resolve({ ok: false, error: 'bad-request', detail: error instanceof Error ? errorName(error) : 'unknown' });
      return;
    }
    const timer = setTimeout(() => {
      request.destroy();
      settle({ ok: false, error: 'timeout', detail: `no answer in ${timeoutMs} ms` });
    }, timeoutMs);
    request.on('error', (error) => settle({ ok: false, error: 'network', detail: errorName(error) }));
    request.end(payload);
  });
}

/** An error's code (ECONNREFUSED…), never its message, which may quote a URL with personal data in it. */
function errorName(error: Error): string {
  return 'code' in error && typeof error.code === 'string' ? error.code : error.name;
}
