import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PersonKeys } from '../crypto/person-keys.ts';
import { readBody } from '../http/body.ts';
import { refuseAndClose, respond } from '../http/respond.ts';
import { errorNameAndCode, type Logger } from '../log.ts';
import { StorePaused } from '../store/access.ts';
import type { Storage } from '../store/storage.ts';
import { ingestDelivery } from './ingest.ts';
import { parseDelivery } from './payload.ts';
import { sameSecret, verifySignature } from './signature.ts';

/** Meta's webhook payloads are at most 3 MB. */
const maxWebhookBytes = 3 * 1024 * 1024;

export interface WebhookOptions {
  appSecret: string;
  verifyToken: string;
  phoneNumberId: string;
  store: Storage;
  keys: PersonKeys;
  clock: () => number;
  log: Logger;
  /** New inbox rows were committed. */
  received(count: number): void;
}

/**
 * `/webhook`: the verification handshake (GET) and deliveries (POST). A delivery is answered 200
 * only once its messages are durable in the inbox; a bad or missing signature gets 401 and nothing
 * is stored; a store failure, or a paused store, gets 503 so Meta delivers again later.
 */
export function webhookRoute(options: WebhookOptions) {
  return async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> => {
    if (request.method === 'GET') return verify(options, response, url);
    if (request.method !== 'POST') return respond(response, 405, 'method not allowed\n', { allow: 'GET, POST' });

    const read = await readBody(request, maxWebhookBytes);
    if (!read.ok) {
      if (read.reason === 'too-large') {
        options.log.warn('webhook-too-large', {});
        refuseAndClose(response, 413, 'payload too large\n');
      }
      return;
    }
    const signature = request.headers['x-hub-signature-256'];
    if (!verifySignature(read.body, typeof signature === 'string' ? signature : undefined, options.appSecret)) {
      options.log.warn('webhook-bad-signature', { bytes: read.body.length });
      return respond(response, 401, 'invalid signature\n');
    }
    let json: unknown;
    try {
      json = JSON.parse(read.body.toString('utf8'));
    } catch {
      options.log.warn('webhook-not-json', { bytes: read.body.length });
      return respond(response, 400, 'body is not JSON\n');
    }
    const delivery = parseDelivery(json, options.phoneNumberId);
    if (!delivery) {
      // Signed, but not a WhatsApp delivery (another product of the same Meta app): acknowledge and ignore.
      options.log.warn('webhook-not-whatsapp', {});
      return respond(response, 200, 'ignored\n');
    }
    if (delivery.skipped > 0) options.log.warn('webhook-skipped', { parts: delivery.skipped });
    for (const code of delivery.errorCodes) options.log.warn('webhook-error-event', { code });
    for (const status of delivery.statuses) {
      if (status.status === 'failed') options.log.warn('delivery-failed', { code: status.errorCode });
    }
    if (delivery.messages.length === 0 && delivery.statuses.length === 0) return respond(response, 200, 'ok\n');
    try {
      const result = await ingestDelivery(options.store, options.keys, delivery, options.clock());
      if (result.duplicates > 0) options.log.info('webhook-duplicates', { count: result.duplicates });
      if (result.inserted.length > 0) options.received(result.inserted.length);
      respond(response, 200, 'ok\n');
    } catch (error) {
      // Paused (../store/access.ts): the instance does no work now, and says so in /healthz.
      if (error instanceof StorePaused) options.log.warn('webhook-paused', { reason: error.pause.reason });
      else options.log.error('webhook-store-failed', { error: errorNameAndCode(error) });
      respond(response, 503, 'try again later\n', { 'retry-after': '5' });
    }
  };
}

/** Meta's verification request: `hub.mode=subscribe&hub.verify_token=…&hub.challenge=…`. */
function verify(options: WebhookOptions, response: ServerResponse, url: URL): void {
  const mode = url.searchParams.get('hub.mode');
  const token = url.searchParams.get('hub.verify_token');
  const challenge = url.searchParams.get('hub.challenge');
  if (
    mode === 'subscribe' &&
    token !== null &&
    challenge !== null &&
    challenge.length <= 256 &&
    sameSecret(token, options.verifyToken)
  ) {
    options.log.info('webhook-verified', {});
    return respond(response, 200, challenge);
  }
  options.log.warn('webhook-verification-refused', {});
  respond(response, 403, 'forbidden\n');
}
