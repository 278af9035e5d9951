import { validateHeaderName, validateHeaderValue } from 'node:http';
import type { Dispatcher } from 'undici';

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

/**
 * Keep-alive connections, at most 64 to each origin (the Graph API, each recipient). undici rather
 * than node:http: a request costs the bot about a third of the CPU (a message to WhatsApp is one
 * request, so this is a good part of what a message costs). undici's own timeouts stay above
 * {@link send}'s deadline, which is the one that counts. Loaded once the bot listens
 * ({@link prepareRequests}): loading it takes about 40 ms, which `serve` would otherwise add to its start.
 */
let dispatcher: Promise<Dispatcher> | undefined;

/**
 * Loads undici now rather than at the first request (`serve` calls it once it listens): the first
 * message after a start then does not wait for it. A failure shows at the first request.
 */
export function prepareRequests(): void {
  connections().catch(() => undefined);
}

function connections(): Promise<Dispatcher> {
  dispatcher ??= import('undici').then(
    ({ Agent }) => new Agent({ connections: 64, headersTimeout: 0, bodyTimeout: 0 }),
  );
  return dispatcher;
}

/** The largest response body read from a recipient or the Graph API. */
const responseLimit = 1024 * 1024;

type Failure = 'timeout' | 'network' | 'too-large' | 'stopped' | 'bad-request';
/** undici's codes for a request it will not send as asked. */
const refusedRequest = new Set(['UND_ERR_INVALID_ARG', 'UND_ERR_NOT_SUPPORTED']);

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
  try {
    // The checks node:http makes, with its codes (ERR_INVALID_CHAR, ERR_INVALID_HTTP_TOKEN): a header
    // that cannot be sent is refused before anything leaves.
    for (const [name, value] of Object.entries(headers)) {
      validateHeaderName(name);
      validateHeaderValue(name, value);
    }
  } catch (error) {
    return Promise.resolve({ ok: false, error: 'bad-request', detail: errorCode(error), maybeArrived: false });
  }
  return new Promise((resolve) => {
    const exchange = new Exchange(resolve, signal);
    exchange.timer = setTimeout(() => exchange.fail('timeout', `no answer in ${timeoutMs} ms`), timeoutMs);
    const request = {
      origin: target.origin,
      path: `${target.pathname}${target.search}`,
      method,
      headers,
      body: body ?? null,
    };
    connections().then(
      (pool) => {
        // Ended meanwhile (its deadline, the stop): nothing to send.
        if (!exchange.ended) pool.dispatch(request, exchange);
      },
      (error: unknown) => exchange.fail('network', errorCode(error)),
    );
  });
}

/**
 * One request's way through undici. It counts as having maybe arrived once undici starts it on a
 * connected socket (`onRequestStart`, just before writing it): from then on the server may have
 * received it, even when no answer comes. Ended early (the deadline, the stop, a body too large),
 * it is aborted where it is; one still waiting for a connection is aborted as soon as it gets one.
 */
class Exchange implements Dispatcher.DispatchHandler {
  timer: NodeJS.Timeout | undefined;
  private controller: Dispatcher.DispatchController | undefined;
  private started = false;
  private settled = false;
  private status = 0;
  private size = 0;
  private readonly chunks: Buffer[] = [];
  private readonly stop = () =>
    this.fail('stopped', this.started ? 'no answer before the stop' : 'stopped before it was sent');

  constructor(
    private readonly resolve: (outcome: HttpOutcome) => void,
    private readonly signal: AbortSignal | undefined,
  ) {
    signal?.addEventListener('abort', this.stop, { once: true });
  }

  /** It has its outcome (an answer, or why none came). */
  get ended(): boolean {
    return this.settled;
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    if (this.settled) {
      controller.abort(new Error('ended before it was sent'));
      return;
    }
    this.controller = controller;
    this.started = true;
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number): void {
    this.status = statusCode;
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.size += chunk.length;
    if (this.size > responseLimit) this.fail('too-large', `response over ${responseLimit} bytes`);
    else this.chunks.push(chunk);
  }

  onResponseEnd(): void {
    this.settle({ ok: true, status: this.status, body: Buffer.concat(this.chunks).toString('utf8') });
  }

  onResponseError(_controller: Dispatcher.DispatchController | undefined, error: Error): void {
    const code = errorCode(error);
    // undici refuses, before anything leaves, headers it sets itself or does not support (Content-Length,
    // Transfer-Encoding, Keep-Alive, Upgrade, Expect), which a flow's http step may name.
    this.fail(!this.started && refusedRequest.has(code) ? 'bad-request' : 'network', code);
  }

  /** Ends the request here (a no-op once it has an outcome). */
  fail(error: Failure, detail: string): void {
    if (this.settle({ ok: false, error, detail, maybeArrived: this.started })) {
      this.controller?.abort(new Error(detail));
    }
  }

  private settle(outcome: HttpOutcome): boolean {
    if (this.settled) return false;
    this.settled = true;
    clearTimeout(this.timer);
    this.signal?.removeEventListener('abort', this.stop);
    this.resolve(outcome);
    return true;
  }
}

/** An error's code (ECONNREFUSED, UND_ERR_SOCKET…), else its name; never its message, which may quote a URL with personal data in it. */
function errorCode(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown';
  return 'code' in error && typeof error.code === 'string' ? error.code : error.name;
}
