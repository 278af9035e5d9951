import { refusalOfCall } from '../../flows/check/index.ts';
import { withSecrets } from '../../flows/engine/index.ts';
import type { Flow } from '../../flows/index.ts';
import type { Keyring } from '../crypto/keyring.ts';
import type { EraseCall } from '../erasure/recipient-refs.ts';
import { send, type HttpOutcome } from '../http/client.ts';
import { errorName, subjectRef, type Logger } from '../log.ts';
import type { EraseRequestRow, RecipientErasureOutcome, Storage } from '../store/storage.ts';
import { backoffMs } from './backoff.ts';

/**
 * How many times a recipient is asked before the bot gives up and records the failure: with the
 * outbox's backoff (about 1 s doubling, capped at 10 minutes) twelve attempts span about half an
 * hour, long enough for a recipient's short outage, short enough for an operator to see the failure
 * the same day and ask by hand.
 */
const maxEraseAttempts = 12;

/** How often the table is looked at when nothing here says when the next request is due (other processes add requests). */
const pollMs = 30_000;
const timeoutMs = 10_000;
/**
 * How long {@link ErasureCaller.stop} lets calls in flight finish before it ends them: a recipient
 * that hangs would hold the stop for the whole timeout. An erase route is idempotent, so an ended
 * call is simply made again later (it counts as an attempt).
 */
const stopGraceMs = 2000;

export interface ErasureCallerOptions {
  flow: Flow;
  store: Storage;
  keyring: Keyring;
  clock: () => number;
  log: Logger;
  /** The HTTP request itself (tests may watch it); the bot's own client by default. `signal` aborts when the caller stops. */
  request?: (
    method: string,
    url: string,
    headers: Record<string, string>,
    signal?: AbortSignal,
  ) => Promise<HttpOutcome>;
  /**
   * The bot's `AMANA_SECRET_NAME` settings, read as each call is made, for routes whose headers
   * read `{{secret.NAME}}`; none by default.
   */
  secrets?: (variable: string) => string | undefined;
  maxAttempts?: number;
  /** Retry delay for attempt n (the outbox's exponential backoff with jitter by default). */
  backoff?: (attempt: number) => number;
}

/**
 * Calls recipients' erase routes for erased people (DESIGN.md §2 `recipients[].erase`), from the
 * durable `erase_requests` queue: a 2xx answer, or 404/410 (the record is not there), settles the
 * request as done; 5xx, 429 and network failures are retried with backoff up to
 * {@link maxEraseAttempts}; any other answer, a refused URL or the last failed attempt settles it
 * as failed. Each outcome goes to the recipients' erasure ledger with the status, and the sealed
 * request (which holds the reference) is deleted with it. The URL is judged again as it is sent,
 * as every request to a recipient is (https on the recipient's declared host). The route's
 * `{{secret.NAME}}` headers are filled from the bot's settings only for the request itself, as an
 * http step's are (../conversation/recipient-call.ts); a secret that is not set fails the call at
 * once, naming the setting, and no value is ever logged or recorded.
 */
export class ErasureCaller {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  /** Ends the calls still in flight {@link stopGraceMs} after stop(). */
  private readonly aborter = new AbortController();

  constructor(private readonly options: ErasureCallerOptions) {}

  /** Looks for due requests now (after an erasure, at start). */
  notify(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.run().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.notify();
      }
    });
  }

  /** Makes the calls due now, once each, and resolves when they are settled or rescheduled (the `erase` command). */
  async attemptDue(): Promise<void> {
    await this.running;
    await this.callDue();
  }

  /** Stops calling; calls in flight get {@link stopGraceMs} to finish, then are ended and made again later. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const grace = setTimeout(() => this.aborter.abort(), stopGraceMs);
    await this.running;
    clearTimeout(grace);
  }

  private async run(): Promise<void> {
    try {
      while (!this.stopped && (await this.callDue()) > 0);
      const next = await this.options.store.nextErasureDue();
      const wait = next === undefined ? pollMs : Math.min(pollMs, Math.max(1, next - this.options.clock()));
      this.wakeIn(wait);
    } catch (error) {
      this.options.log.error('erasure-calls-failed', { error: errorName(error) });
      this.wakeIn(1000);
    }
  }

  private wakeIn(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.notify();
    }, ms);
    this.timer.unref();
  }

  /** Calls every request due now; says how many there were. */
  private async callDue(): Promise<number> {
    const rows = await this.options.store.dueErasures(this.options.clock(), 16);
    await Promise.all(rows.map((row) => this.call(row)));
    return rows.length;
  }

  private async call(row: EraseRequestRow): Promise<void> {
    const { store, clock, log } = this.options;
    const attempts = row.attempts + 1;
    const subject = subjectRef(row.subject);
    const settle = async (outcome: Omit<RecipientErasureOutcome, 'attempts' | 'at'>) => {
      await store.erasureSettled(row.id, { ...outcome, attempts, at: clock() });
      const status = outcome.status === undefined ? {} : { status: outcome.status };
      const entry = { subject, recipient: row.recipient, outcome: outcome.event, attempts, ...status };
      if (outcome.event === 'done') log.info('recipient-erased', entry);
      else log.error('recipient-erasure-failed', { ...entry, error: outcome.detail });
    };
    const call = this.open(row);
    if (!call) return settle({ event: 'failed', detail: 'unreadable request' });
    const refusal = refusalOfCall(this.options.flow.recipients, { recipient: row.recipient, url: call.url });
    if (refusal) return settle({ event: 'failed', detail: refusal });
    const route = this.options.flow.recipients.find((recipient) => recipient.id === row.recipient)?.erase;
    const filled = withSecrets(route, call.headers ?? {}, this.options.secrets ?? (() => undefined));
    if ('missing' in filled) return settle({ event: 'failed', detail: `${filled.missing.join(', ')} not set` });
    const outcome = await (this.options.request ?? defaultRequest)(
      call.method,
      call.url,
      filled.headers,
      this.aborter.signal,
    );
    if (outcome.ok && isErased(outcome.status)) return settle({ event: 'done', status: outcome.status });
    const error = outcome.ok ? `http ${outcome.status}` : outcome.error;
    // An address or a header the client cannot send stays so on every attempt.
    const retryable = outcome.ok
      ? outcome.status >= 500 || outcome.status === 429
      : outcome.error !== 'bad-url' && outcome.error !== 'bad-request';
    const status = outcome.ok ? { status: outcome.status } : {};
    if (!retryable) return settle({ event: 'failed', ...status, detail: error });
    if (attempts >= (this.options.maxAttempts ?? maxEraseAttempts))
      return settle({ event: 'failed', ...status, detail: `gave up after ${attempts} attempts (${error})` });
    const delay = (this.options.backoff ?? backoffMs)(attempts);
    await store.erasureRetry(row.id, attempts, clock() + delay, error);
    log.warn('recipient-erasure-retry', { subject, recipient: row.recipient, attempts, error, retryInMs: delay });
  }

  private open(row: EraseRequestRow): EraseCall | undefined {
    try {
      const call = this.options.keyring.openEraseRequest(row.request, row.subject, row.recipient);
      if (typeof call !== 'object' || call === null || !('method' in call) || !('url' in call)) return undefined;
      const { method, url } = call;
      const headers = 'headers' in call ? call.headers : {};
      if (typeof method !== 'string' || typeof url !== 'string' || !isHeaders(headers)) return undefined;
      return { method, url, headers };
    } catch {
      return undefined;
    }
  }
}

/** Erased at the recipient's end: done (2xx), or nothing there to erase (404 Not Found, 410 Gone). */
function isErased(status: number): boolean {
  return (status >= 200 && status < 300) || status === 404 || status === 410;
}

/** Headers as sealed: names and values, all strings. */
function isHeaders(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((entry) => typeof entry === 'string')
  );
}

function defaultRequest(
  method: string,
  url: string,
  headers: Record<string, string>,
  signal?: AbortSignal,
): Promise<HttpOutcome> {
  return send(method, url, headers, undefined, timeoutMs, signal);
}
