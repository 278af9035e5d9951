import { createHmac } from 'node:crypto';
import type { GraphClient, SendResult } from './graph/client.ts';
import type { OutgoingMessage } from './graph/messages.ts';
import { send } from './http/client.ts';
import type { Transport } from './outbox/sender.ts';

/**
 * The production transport: messages to the WhatsApp Cloud API; handoff notifications as JSON
 * POSTs to the recipient's URL, signed when HANDOFF_FORWARD_SECRET is set: `X-Amana-Timestamp`
 * (Unix seconds of this attempt) and `X-Amana-Signature-256: sha256=<HMAC-SHA256 of
 * "<timestamp>.<body>">`, so a desk can check both the sender and the freshness.
 */
export class CloudTransport implements Transport {
  constructor(
    private readonly graph: GraphClient,
    private readonly forwardSecret: string | undefined,
  ) {}

  message(to: string, message: OutgoingMessage, signal?: AbortSignal): Promise<SendResult> {
    return this.graph.sendMessage(to, message, signal);
  }

  async forward(url: string, body: Record<string, unknown>, signal?: AbortSignal): Promise<SendResult> {
    const json = JSON.stringify(body);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.forwardSecret) {
      // Signed over the time of this attempt and the body, so the desk can refuse replays (README).
      const timestamp = String(Math.floor(Date.now() / 1000));
      headers['x-amana-timestamp'] = timestamp;
      headers['x-amana-signature-256'] =
        `sha256=${createHmac('sha256', this.forwardSecret).update(`${timestamp}.${json}`).digest('hex')}`;
    }
    const outcome = await send('POST', url, headers, json, 10_000, signal);
    if (!outcome.ok)
      return {
        ok: false,
        retryable: outcome.error !== 'bad-url' && outcome.error !== 'bad-request',
        error: outcome.error,
        ...(outcome.maybeArrived ? { maybeSent: true } : {}),
      };
    if (outcome.status >= 200 && outcome.status < 300) return { ok: true };
    return { ok: false, retryable: outcome.status >= 500 || outcome.status === 429, error: `http ${outcome.status}` };
  }
}
