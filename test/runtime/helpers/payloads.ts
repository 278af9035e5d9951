import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, secrets } from './bot.ts';

/**
 * Webhook payloads in the WhatsApp Cloud API's shape (webhooks/reference/messages): the two
 * documented samples of ../shared/whatsapp/ as they are (copied to test/fixtures/whatsapp/ so the
 * repository's tests stand alone), and the other message types built the same way.
 */
export function documentedPayload(name: 'text-message' | 'button-reply'): Record<string, unknown> {
  return JSON.parse(readFileSync(join(root, 'test/fixtures/whatsapp', `${name}.json`), 'utf8'));
}

let counter = 0;
/** A fresh WhatsApp-like message id. */
export function wamid(): string {
  counter += 1;
  return `wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQz${Date.now().toString(36)}${counter.toString(36).padStart(6, '0')}`;
}

export type MessageBody = Record<string, unknown> & { type: string };

export const text = (body: string): MessageBody => ({ type: 'text', text: { body } });
export const buttonReply = (id: string, title: string): MessageBody => ({
  type: 'interactive',
  interactive: { type: 'button_reply', button_reply: { id, title } },
});
export const listReply = (id: string, title: string, description?: string): MessageBody => ({
  type: 'interactive',
  interactive: { type: 'list_reply', list_reply: { id, title, ...(description ? { description } : {}) } },
});
export const location = (latitude: number, longitude: number, name?: string, address?: string): MessageBody => ({
  type: 'location',
  location: { latitude, longitude, ...(name ? { name } : {}), ...(address ? { address } : {}) },
});
export const image = (id: string, caption?: string): MessageBody => ({
  type: 'image',
  image: { ...(caption ? { caption } : {}), mime_type: 'image/jpeg', sha256: 'c2hhMjU2', id },
});
export const documentFile = (id: string, filename: string): MessageBody => ({
  type: 'document',
  document: { filename, mime_type: 'application/pdf', sha256: 'c2hhMjU2', id },
});
export const audio = (id: string): MessageBody => ({
  type: 'audio',
  audio: { mime_type: 'audio/ogg; codecs=opus', sha256: 'c2hh', id, voice: true },
});

export interface Inbound {
  from: string;
  name?: string;
  id?: string;
  message: MessageBody;
}

/** The `value` of one `messages` change, for our business number. */
export function change(messages: Inbound[], statuses: Record<string, unknown>[] = []): Record<string, unknown> {
  return {
    field: 'messages',
    value: {
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: '15550783881', phone_number_id: secrets.phoneNumberId },
      ...(messages.length > 0
        ? {
            contacts: messages.map((message) => ({
              profile: { name: message.name ?? 'Test Customer' },
              wa_id: message.from,
            })),
            messages: messages.map((message) => ({
              from: message.from,
              id: message.id ?? wamid(),
              timestamp: String(Math.floor(Date.now() / 1000)),
              ...message.message,
            })),
          }
        : {}),
      ...(statuses.length > 0 ? { statuses } : {}),
    },
  };
}

/** A whole delivery: entries of changes. */
export function delivery(...changes: Record<string, unknown>[][]): Record<string, unknown> {
  return {
    object: 'whatsapp_business_account',
    entry: changes.map((entryChanges, index) => ({ id: `10229012934039${index}`, changes: entryChanges })),
  };
}

/** A delivery of one message. */
export function single(inbound: Inbound): Record<string, unknown> {
  return delivery([change([inbound])]);
}

export function status(id: string, kind: string, recipient: string, errorCode?: number): Record<string, unknown> {
  return {
    id,
    status: kind,
    timestamp: String(Math.floor(Date.now() / 1000)),
    recipient_id: recipient,
    ...(kind === 'failed'
      ? { errors: [{ code: errorCode ?? 131047, title: 'Re-engagement message', message: 'Re-engagement message' }] }
      : {
          conversation: { id: 'conv-1', origin: { type: 'service' } },
          pricing: { billable: true, pricing_model: 'CBP', category: 'service' },
        }),
  };
}
