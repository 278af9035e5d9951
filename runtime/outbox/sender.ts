import { openFor, type PersonKeys } from '../crypto/person-keys.ts';
import type { SendResult } from '../graph/client.ts';
import type { OutgoingMessage } from '../graph/messages.ts';
import { subjectRef, type Logger } from '../log.ts';
import type { OutboxRow, Storage } from '../store/storage.ts';
import { backoffMs, retryWindowMs } from './backoff.ts';
import { isForward, isOutgoingMessage } from './payload.ts';

/** How often a shared outbox is looked at when nothing here says when the next row is due. */
const sharedPollMs = 1000;

/** Where outbox rows go: the Graph API and recipients' URLs in production, the terminal in `simulate`. */
export interface Transport {
  message(to: string, message: OutgoingMessage): Promise<SendResult>;
  forward(url: string, body: Record<string, unknown>): Promise<SendResult>;
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
 */
export class OutboxSender {
  private readonly busy = new Set<number>();
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

  /** Stops taking rows and waits for requests in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.inFlight > 0) await new Promise<void>((resolve) => (this.drained = resolve));
    await this.idle;
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
      this.options.log.error('outbox-pump-failed', { error: error instanceof Error ? error.name : 'unknown' });
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
    const { store, log, clock, keys } = this.options;
    const subject = subjectRef(row.person.phoneHash);
    try {
      const result = await this.attempt(row);
      if (result.ok) {
        // The id's keyed hash, as statuses are kept: the desk shows an agent's reply as delivered or read.
        const messageHash = result.messageId === undefined ? undefined : keys.keyring.messageHash(result.messageId);
        await store.outboxSent(row.id, messageHash);
      } else {
        const attempts = row.attempts + 1;
        const now = clock();
        if (result.retryable && now - row.createdAt < retryWindowMs) {
          const delay = backoffMs(attempts);
          await store.outboxRetry(row.id, attempts, now + delay, result.error);
          log.warn('send-retry', { kind: row.kind, subject, attempts, error: result.error, retryInMs: delay });
        } else {
          await store.outboxFailed(row.id, attempts, result.error, now);
          log.error('send-failed', { kind: row.kind, subject, attempts, error: result.error });
        }
      }
    } catch (error) {
      log.error('send-crashed', { kind: row.kind, subject, error: error instanceof Error ? error.name : 'unknown' });
      await store.outboxFailed(row.id, row.attempts + 1, 'unreadable outbox row', clock()).catch(() => undefined);
    } finally {
      this.busy.delete(row.personId);
      this.inFlight -= 1;
      if (this.stopped && this.inFlight === 0) this.drained?.();
      this.notify();
    }
  }

  private attempt(row: OutboxRow): Promise<SendResult> {
    const { keys, transport } = this.options;
    const payload = openFor(keys.of(row.person), 'outbox', row.payload);
    if (row.kind === 'message' && isOutgoingMessage(payload))
      return transport.message(keys.phoneOf(row.person), payload);
    if (row.kind === 'forward' && isForward(payload)) return transport.forward(payload.url, payload.body);
    return Promise.resolve({ ok: false, retryable: false, error: 'malformed outbox row' });
  }
}
