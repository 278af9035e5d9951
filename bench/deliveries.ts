import { Agent } from 'undici';
import { signatureFor } from '../runtime/webhook/signature.ts';
import { secrets } from '../test/runtime/helpers/bot.ts';
import { single, text } from '../test/runtime/helpers/payloads.ts';

/** What the webhook benchmarks send: a body and its X-Hub-Signature-256. */
export interface SignedDelivery {
  body: string;
  signature: string;
}

let sequence = 0;
/** One signed delivery of one text message ("oi", Meta's payload shape), with a fresh message id. */
export function signedDelivery(from: string): SignedDelivery {
  sequence += 1;
  const body = JSON.stringify(
    single({ from, id: `wamid.bench.${sequence.toString(36).padStart(10, '0')}`, message: text('oi') }),
  );
  return { body, signature: signatureFor(body, secrets.appSecret) };
}

/**
 * What the load generator posts with: keep-alive connections, at most `connections` to each bot.
 * undici, like the bot's own client: node:http's client took about 100 µs more CPU per request,
 * and the load generator shares the machine's cores with what it measures (Meta's servers would not).
 */
export function deliveryClient(connections: number): Agent {
  return new Agent({ connections });
}

/** POSTs a delivery to a bot's /webhook on loopback; resolves to the status (0 when the connection failed). */
export async function postDelivery(port: number, client: Agent, delivery: SignedDelivery): Promise<number> {
  try {
    const response = await client.request({
      origin: `http://127.0.0.1:${port}`,
      method: 'POST',
      path: '/webhook',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': delivery.signature },
      body: delivery.body,
    });
    await response.body.dump();
    return response.statusCode;
  } catch {
    return 0;
  }
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}
