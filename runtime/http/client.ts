import { validateHeaderName, validateHeaderValue } from 'node:http';
import type { Dispatcher } from 'undici';

/**
 * A response, or why none came. `maybeArrived` is true once the request was started on a connected
 * socket (undici's `onRequestStart`, just before it writes it): the server may have received it and
 * acted on it even though no answer came, so a request that is not idempotent (a WhatsApp message)
 * may have taken effect. It errs on that side: a write that failed half-way also counts. False when
 * it certainly never left (refused connection, unknown host, a timeout or stop while it waited for a
 * connection).
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
 * Keep-alive connections to each origin (the Graph API, each recipient). undici rather than
 * node:http: a request costs the bot about a third of the CPU (a message to WhatsApp is one request,
 * so this is a good part of what a message costs). undici's own timeouts stay above {@link send}'s
 * deadline, which is the one that counts, and it opens as many connections as requests are let
 * through ({@link Admission}). Loaded once the bot listens ({@link prepareRequests}): loading it
 * takes about 40 ms, which `serve` would otherwise add to its start.
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
    ({ Agent }) => new Agent({ headersTimeout: 0, bodyTimeout: 0 }),
    (error: unknown) => {
      // Tried again at the next request.
      dispatcher = undefined;
      throw error;
    },
  );
  return dispatcher;
}

/** Requests at once to one origin; more wait their turn (as node:http's agent let 64 sockets to a host). */
const perOrigin = 64;

/**
 * Lets at most {@link perOrigin} requests to one origin through to undici at a time; the others wait
 * here, in order. A request that ends while it waits (its deadline, the stop) just leaves the line:
 * had it waited inside undici, which cannot take a request back, it would have been aborted on the
 * kept-alive connection it was given, closing that connection.
 */
class Admission {
  private readonly origins = new Map<string, { running: number; waiting: Exchange[] }>();

  enter(origin: string, exchange: Exchange): void {
    let line = this.origins.get(origin);
    if (!line) {
      line = { running: 0, waiting: [] };
      this.origins.set(origin, line);
    }
    if (line.running < perOrigin) {
      line.running += 1;
      exchange.go();
    } else {
      line.waiting.push(exchange);
    }
  }

  /** `origin`'s request is done with undici: the next one still waiting goes in its place. */
  leave(origin: string): void {
    const line = this.origins.get(origin);
    if (!line) return;
    for (let next = line.waiting.shift(); next; next = line.waiting.shift()) {
      if (!next.ended) {
        next.go();
        return;
      }
    }
    line.running -= 1;
    if (line.running === 0) this.origins.delete(origin);
  }
}

const admission = new Admission();

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
  let sent: Record<string, string>;
  try {
    // The checks node:http makes, with its codes (ERR_INVALID_CHAR, ERR_INVALID_HTTP_TOKEN): a header
    // that cannot be sent is refused before anything leaves; so are credentials that do not decode.
    for (const [name, value] of Object.entries(headers)) {
      validateHeaderName(name);
      validateHeaderValue(name, value);
    }
    sent = withCredentials(target, headers);
  } catch (error) {
    return Promise.resolve({ ok: false, error: 'bad-request', detail: errorCode(error), maybeArrived: false });
  }
  const request: Dispatcher.DispatchOptions = {
    origin: target.origin,
    path: `${target.pathname}${target.search}`,
    method,
    headers: sent,
    body: body ?? null,
  };
  return new Promise((resolve) => {
    const exchange = new Exchange(target.origin, request, resolve, signal);
    exchange.timer = setTimeout(() => exchange.fail('timeout', `no answer in ${timeoutMs} ms`), timeoutMs);
    admission.enter(target.origin, exchange);
  });
}

/**
 * A user name and password in the URL (`https://user:pass@host/…`) become Basic authentication, as
 * node:http sent them, unless the caller gave an Authorization header of its own.
 */
function withCredentials(target: URL, headers: Record<string, string>): Record<string, string> {
  if (!target.username && !target.password) return headers;
  if (Object.keys(headers).some((name) => name.toLowerCase() === 'authorization')) return headers;
  const credentials = `${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}`;
  return { ...headers, authorization: `Basic ${Buffer.from(credentials).toString('base64')}` };
}

/**
 * One request's way through the {@link Admission} line and undici. It counts as having maybe arrived
 * once undici starts it on a connected socket (`onRequestStart`): see {@link HttpOutcome}. Ended early
 * (the deadline, the stop, a body too large), it is aborted where it is; one undici is still
 * connecting for is aborted as soon as the connection is there. It leaves the line once undici is
 * done with it (its answer read, or its failure reported), or at once when it never got that far.
 */
class Exchange implements Dispatcher.DispatchHandler {
  timer: NodeJS.Timeout | undefined;
  private controller: Dispatcher.DispatchController | undefined;
  private started = false;
  private settled = false;
  private left = false;
  private status = 0;
  private size = 0;
  private readonly chunks: Buffer[] = [];
  private readonly stop = () =>
    this.fail('stopped', this.started ? 'no answer before the stop' : 'stopped before it was sent');

  constructor(
    private readonly origin: string,
    private readonly request: Dispatcher.DispatchOptions,
    private readonly resolve: (outcome: HttpOutcome) => void,
    private readonly signal: AbortSignal | undefined,
  ) {
    signal?.addEventListener('abort', this.stop, { once: true });
  }

  /** Its turn in the line: to undici, unless it ended meanwhile. */
  go(): void {
    if (this.settled) return this.leave();
    connections().then(
      (pool) => {
        // Ended while undici loaded: nothing to send.
        if (this.settled) this.leave();
        else pool.dispatch(this.request, this);
      },
      (error: unknown) => {
        this.fail('network', errorCode(error));
        this.leave();
      },
    );
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
    this.leave();
  }

  onResponseError(_controller: Dispatcher.DispatchController | undefined, error: Error): void {
    const code = errorCode(error);
    // undici refuses, before anything leaves, headers it sets itself or does not support (Content-Length,
    // Transfer-Encoding, Keep-Alive, Upgrade, Expect), which a flow's http step may name.
    this.fail(!this.started && refusedRequest.has(code) ? 'bad-request' : 'network', code);
    this.leave();
  }

  /** Ends the request here (a no-op once it has an outcome). */
  fail(error: Failure, detail: string): void {
    if (this.settle({ ok: false, error, detail, maybeArrived: this.started })) {
      this.controller?.abort(new Error(detail));
    }
  }

  private leave(): void {
    if (this.left) return;
    this.left = true;
    admission.leave(this.origin);
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
