import { setTimeout as sleep } from 'node:timers/promises';
import { openFor, type PersonKeys } from '../crypto/person-keys.ts';
import type { SendResult } from '../graph/client.ts';
import type { OutgoingMessage } from '../graph/messages.ts';
import { errorName, subjectRef, type Logger } from '../log.ts';
import type { OutboxRow, Storage } from '../store/storage.ts';
import { backoffMs, retryWindowMs } from './backoff.ts';
import { isForward, isOutgoingMessage } from './payload.ts';

/** How often a shared outbox is looked at when nothing here says when the next row is due. */
const sharedPollMs = 1000;
/**
 * How long {@link OutboxSender.stop} lets requests in flight finish before it ends them: a Graph
 * API answer takes well under a second, while a hung request would hold the stop for its whole
 * timeout (15 s), past the 10 s a container manager waits after SIGTERM before it kills.
 */
const stopGraceMs = 2000;
/** The longest wait between two attempts to record a send's outcome while the store refuses it. */
const recordRetryMaxMs = 30_000;

/**
 * Where outbox rows go: the Graph API and recipients' URLs in production, the terminal in `simulate`.
 * `signal` aborts when the sender stops: the request then ends at once, as a retryable failure.
 */
export interface Transport {
  message(to: string, message: OutgoingMessage, signal?: AbortSignal): Promise<SendResult>;
  forward(url: string, body: Record<string, unknown>, signal?: AbortSignal): Promise<SendResult>;
}

export interface SenderOptions {
  store: Storage;
  keys: PersonKeys;
  transport: Transport;
  /** Sends per second for the business number (the store counts them across instances). */
  rate: number;
  clock: () => number;
  log: Logger;
  /** Requests in flight at once. */
  concurrency?: number;
}

/**
 * Drains the outbox: each person's messages in order (one in flight per person), at most `rate`
 * per second overall, retrying 5xx, 429, throttling codes and network failures with exponential
 * backoff and jitter for as long as WhatsApp would still deliver them (24 hours).
 *
 * A request that hangs holds its own person's next messages (they leave in order) and one of the
 * `concurrency` slots until its timeout, never anyone else's messages while slots are free. Its
 * token of the send rate is spent: WhatsApp may have counted it.
 *
 * Delivery is at least once, by choice: WhatsApp's send has no idempotency key, so a request that
 * left whole but got no answer (a timeout, a cut connection, the bot stopping: `maybeSent`) may
 * have reached the customer, and sending it again may show it twice; not sending it again may lose
 * it for good. A conversation that lost a question is stuck, one that repeats it is not, so such a
 * row is retried like any other failure, and its `send-retry` log line says `maybeSent` so the
 * operator can tell a possible duplicate. A crash between the send and its record has the same
 * outcome (the row is sent again at the next start). Only a permanent refusal (4xx) gives up.
 */
export class OutboxSender {
  private readonly busy = new Set<number>();
  /** Aborts the requests still in flight {@link stopGraceMs} after stop(). */
  private readonly aborter = new AbortController();
  private readonly concurrency: number;
  private pumping = false;
  private again = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private idle: Promise<void> = Promise.resolve();
  private inFlight = 0;
  private drained: (() => void) | undefined;

  constructor(private readonly options: SenderOptions) {
    this.concurrency = options.concurrency ?? 64;
  }

  /** Looks for due rows now (after a turn wrote some, or at start). */
  notify(): void {
    if (this.stopped) return;
    void this.pump();
  }

  /** Resolves once nothing is due and nothing is in flight (the terminal simulator waits for replies). */
  async drain(): Promise<void> {
    for (;;) {
      await this.pump();
      await this.idle;
      if (this.inFlight === 0) {
        const next = await this.options.store.nextOutboxDue();
        if (next === undefined || next > this.options.clock()) return;
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  /**
   * Stops taking rows, and waits for the requests in flight and the recording of their outcomes;
   * after {@link stopGraceMs} it ends those still without an answer, which stay in the outbox to be
   * sent again (at least once: they may have arrived).
   */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    // A claim under way ends first: what it claimed is not sent now (fill), so nothing starts after this.
    await this.idle;
    if (this.inFlight === 0) return;
    const drained = new Promise<void>((resolve) => (this.drained = resolve));
    const grace = setTimeout(() => this.aborter.abort(), stopGraceMs);
    await drained;
    clearTimeout(grace);
  }

  private async pump(): Promise<void> {
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = true;
    let finish: () => void = () => undefined;
    this.idle = new Promise((resolve) => (finish = resolve));
    try {
      do {
        this.again = false;
        await this.fill();
      } while (this.again && !this.stopped);
    } catch (error) {
      this.options.log.error('outbox-pump-failed', { error: errorName(error) });
      this.wakeIn(1000);
    } finally {
      this.pumping = false;
      finish();
    }
  }

  private async fill(): Promise<void> {
    if (this.stopped) return;
    const room = this.concurrency - this.inFlight;
    if (room <= 0) return;
    const now = this.options.clock();
    const {
      rows,
      waitMs,
      nextDueAt: next,
    } = await this.options.store.dueOutbox(now, room, this.busy, this.options.rate);
    // Stopped meanwhile: the rows stay for the next start or another instance (closing the store
    // gives a shared outbox's claims back); their tokens of the rate are spent, which only slows it.
    if (this.stopped) return;
    for (const row of rows) {
      this.busy.add(row.personId);
      this.inFlight += 1;
      void this.deliver(row);
    }
    if (rows.length === room) {
      this.again = true;
      return;
    }
    if (waitMs > 0) return this.wakeIn(waitMs);
    // Each row taken looks again when it is done (deliver's notify): only a claim that found nothing
    // needs to know when to look next, and it says.
    if (rows.length > 0) return;
    if (next !== undefined && next > now) this.wakeIn(next - now);
    // Other instances write to a shared outbox, and a crashed one's claims expire: look again soon.
    else if (this.options.store.shared) this.wakeIn(sharedPollMs);
  }

  private wakeIn(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        void this.pump();
      },
      Math.max(1, Math.min(ms, 60_000)),
    );
  }

  private async deliver(row: OutboxRow): Promise<void> {
    const { log } = this.options;
    const subject = subjectRef(row.person.phoneHash);
    let result: SendResult;
    try {
      result = await this.attempt(row);
    } catch (error) {
      // The row does not open (its payload or its person's key is unreadable), and never will.
      log.error('send-crashed', { kind: row.kind, subject, error: errorName(error) });
      result = { ok: false, retryable: false, error: 'unreadable outbox row' };
    }
    try {
      await this.record(row, result, subject);
    } finally {
      this.busy.delete(row.personId);
      this.inFlight -= 1;
      if (this.stopped && this.inFlight === 0) this.drained?.();
      this.notify();
    }
  }

  /**
   * Writes a send's outcome. A store that refuses it (the database unreachable, the disk full) is
   * asked again with backoff, the person's later messages waiting meanwhile: the row is not sent
   * again while this process knows its outcome. Stopped before the store took it, the row stays
   * and goes again at the next start (at least once).
   */
  private async record(row: OutboxRow, result: SendResult, subject: string): Promise<void> {
    const { log } = this.options;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.write(row, result, subject);
        return;
      } catch (error) {
        log.error('send-unrecorded', {
          kind: row.kind,
          subject,
          sent: result.ok,
          attempt,
          error: errorName(error),
        });
        if (this.aborter.signal.aborted) return;
        // Rejects when the stop ends the wait.
        const waited = await sleep(Math.min(recordRetryMaxMs, backoffMs(attempt)), true, {
          signal: this.aborter.signal,
        }).catch(() => false);
        if (!waited) return;
      }
    }
  }

  private async write(row: OutboxRow, result: SendResult, subject: string): Promise<void> {
    const { store, log, clock, keys } = this.options;
    if (result.ok) {
      // The id's keyed hash, as statuses are kept: the desk shows an agent's reply as delivered or read.
      const messageHash = result.messageId === undefined ? undefined : keys.keyring.messageHash(result.messageId);
      await store.outboxSent(row.id, messageHash);
      return;
    }
    const attempts = row.attempts + 1;
    const now = clock();
    const maybeSent = result.maybeSent ? { maybeSent: true } : {};
    if (result.retryable && now - row.createdAt < retryWindowMs) {
      const delay = backoffMs(attempts);
      await store.outboxRetry(row.id, attempts, now + delay, result.error);
      log.warn('send-retry', {
        kind: row.kind,
        subject,
        attempts,
        error: result.error,
        retryInMs: delay,
        ...maybeSent,
      });
    } else {
      await store.outboxFailed(row.id, attempts, result.error, now);
      log.error('send-failed', { kind: row.kind, subject, attempts, error: result.error, ...maybeSent });
    }
  }

  private attempt(row: OutboxRow): Promise<SendResult> {
    const { keys, transport } = this.options;
    const payload = openFor(keys.of(row.person), 'outbox', row.payload);
    const { signal } = this.aborter;
    if (row.kind === 'message' && isOutgoingMessage(payload))
      return transport.message(keys.phoneOf(row.person), payload, signal);
    if (row.kind === 'forward' && isForward(payload)) return transport.forward(payload.url, payload.body, signal);
    return Promise.resolve({ ok: false, retryable: false, error: 'malformed outbox row' });
  }
}
