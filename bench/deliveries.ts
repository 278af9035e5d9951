import { request, type Agent } from 'node:http';
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

/** POSTs a delivery to a bot's /webhook on loopback; resolves to the status (0 when the connection failed). */
export function postDelivery(port: number, agent: Agent, delivery: SignedDelivery): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/webhook',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(delivery.body),
          'x-hub-signature-256': delivery.signature,
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(delivery.body);
  });
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
