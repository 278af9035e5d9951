import type { EngineEvent } from '../../flows/engine/index.ts';

/**
 * Reads a WhatsApp Cloud API webhook delivery (`object: whatsapp_business_account`), as Meta's
 * webhook reference documents it: `entry[].changes[]` with `field: "messages"`, whose `value`
 * holds `metadata`, `contacts[]`, `messages[]` and `statuses[]`. One POST may batch many entries
 * and changes. Anything not understood is skipped and counted, never thrown: a delivery Meta
 * signed is always acknowledged, or Meta would retry it for a week.
 */

/**
 * What a customer sent: the engine's own event for what it reads (text; an interactive
 * button_reply or list_reply, or a template's quick-reply `button`, as `reply`; location; image
 * or document), else `unsupported` (audio, video, stickers, contacts, orders…: the bot says what
 * it can read).
 */
export type InboundContent =
  Extract<EngineEvent, { type: 'text' | 'reply' | 'location' | 'media' }> | { type: 'unsupported'; kind: string };

interface InboundMessage {
  /** WhatsApp's message id (`wamid.…`); it embeds the sender's number, so it is only ever stored hashed. */
  id: string;
  /** The sender's WhatsApp id: their number's digits, without `+`. */
  from: string;
  /** Their WhatsApp profile name, when `contacts[]` gives one. */
  name?: string;
  /** When WhatsApp says it was sent, ms since the epoch. */
  timestamp: number;
  content: InboundContent;
}

const statusKinds = ['sent', 'delivered', 'read', 'failed', 'deleted', 'warning', 'played'] as const;
type StatusKind = (typeof statusKinds)[number];

interface InboundStatus {
  /** The id of the message we sent. */
  id: string;
  status: StatusKind;
  timestamp: number;
  /** First error code of a `failed` status (e.g. 131047: more than 24 hours since the customer wrote). */
  errorCode?: number;
}

export interface WebhookDelivery {
  messages: InboundMessage[];
  statuses: InboundStatus[];
  /** Parts skipped: another phone number's, another field, or malformed. */
  skipped: number;
  /** Events Meta reports as `value.errors[]` (codes only). */
  errorCodes: number[];
}

/** Parses a delivery for the business number `phoneNumberId`; `undefined` when it is not a WhatsApp webhook at all. */
export function parseDelivery(json: unknown, phoneNumberId: string): WebhookDelivery | undefined {
  if (!isRecord(json) || json['object'] !== 'whatsapp_business_account' || !Array.isArray(json['entry'])) {
    return undefined;
  }
  const delivery: WebhookDelivery = { messages: [], statuses: [], skipped: 0, errorCodes: [] };
  for (const entry of json['entry']) {
    const changes = isRecord(entry) ? entry['changes'] : undefined;
    if (!Array.isArray(changes)) {
      delivery.skipped += 1;
      continue;
    }
    for (const change of changes) readChange(change, phoneNumberId, delivery);
  }
  return delivery;
}

function readChange(change: unknown, phoneNumberId: string, delivery: WebhookDelivery): void {
  if (!isRecord(change) || change['field'] !== 'messages' || !isRecord(change['value'])) {
    delivery.skipped += 1;
    return;
  }
  const value = change['value'];
  const metadata = value['metadata'];
  // One app may receive the webhooks of several business numbers: answer only for ours.
  if (!isRecord(metadata) || metadata['phone_number_id'] !== phoneNumberId) {
    delivery.skipped += 1;
    return;
  }
  const names = new Map<string, string>();
  for (const contact of arrayAt(value, 'contacts')) {
    const waId = isRecord(contact) ? waIdOf(contact['wa_id']) : undefined;
    const profile = isRecord(contact) ? contact['profile'] : undefined;
    const name = isRecord(profile) ? stringAt(profile, 'name') : undefined;
    if (waId && name) names.set(waId, name);
  }
  for (const raw of arrayAt(value, 'messages')) {
    const message = readMessage(raw, names);
    if (message === 'ignore') continue;
    if (message) delivery.messages.push(message);
    else delivery.skipped += 1;
  }
  for (const raw of arrayAt(value, 'statuses')) {
    const status = readStatus(raw);
    if (status) delivery.statuses.push(status);
    else delivery.skipped += 1;
  }
  for (const error of arrayAt(value, 'errors')) {
    const code = isRecord(error) ? error['code'] : undefined;
    if (typeof code === 'number' && Number.isInteger(code)) delivery.errorCodes.push(code);
  }
}

/** Message types that are not something the customer said to the bot. */
const ignoredTypes = new Set(['reaction', 'system', 'ephemeral', 'request_welcome']);

function readMessage(raw: unknown, names: Map<string, string>): InboundMessage | 'ignore' | undefined {
  if (!isRecord(raw)) return undefined;
  const id = stringAt(raw, 'id');
  const from = waIdOf(raw['from']);
  const timestamp = timestampOf(raw['timestamp']);
  const type = stringAt(raw, 'type');
  if (!id || id.length > 512 || !from || timestamp === undefined || !type) return undefined;
  if (ignoredTypes.has(type)) return 'ignore';
  const content = readContent(type, raw);
  if (!content) return undefined;
  const name = names.get(from);
  return { id, from, ...(name ? { name } : {}), timestamp, content };
}

function readContent(type: string, raw: Record<string, unknown>): InboundContent | undefined {
  const body = raw[type];
  switch (type) {
    case 'text': {
      const text = isRecord(body) ? stringAt(body, 'body') : undefined;
      return text === undefined ? undefined : { type: 'text', text };
    }
    case 'interactive': {
      if (!isRecord(body)) return undefined;
      const kind = stringAt(body, 'type');
      const reply = kind === 'button_reply' || kind === 'list_reply' ? body[kind] : undefined;
      if (!isRecord(reply)) return kind ? { type: 'unsupported', kind: `interactive:${kind}` } : undefined;
      const replyId = stringAt(reply, 'id');
      const title = stringAt(reply, 'title');
      return replyId ? { type: 'reply', id: replyId, ...(title ? { title } : {}) } : undefined;
    }
    case 'button': {
      // A tap on a template's quick-reply button: `payload` is what the business set, `text` the label.
      if (!isRecord(body)) return undefined;
      const payload = stringAt(body, 'payload') ?? stringAt(body, 'text');
      const text = stringAt(body, 'text');
      return payload ? { type: 'reply', id: payload, ...(text ? { title: text } : {}) } : undefined;
    }
    case 'location': {
      if (!isRecord(body)) return undefined;
      const latitude = coordinate(body['latitude'], 90);
      const longitude = coordinate(body['longitude'], 180);
      if (latitude === undefined || longitude === undefined) return undefined;
      const name = stringAt(body, 'name');
      const address = stringAt(body, 'address');
      return { type: 'location', latitude, longitude, ...(name ? { name } : {}), ...(address ? { address } : {}) };
    }
    case 'image':
    case 'document': {
      if (!isRecord(body)) return undefined;
      const mediaId = stringAt(body, 'id');
      if (!mediaId) return undefined;
      const mimeType = stringAt(body, 'mime_type');
      const caption = stringAt(body, 'caption');
      const filename = stringAt(body, 'filename');
      return {
        type: 'media',
        kind: type,
        mediaId,
        ...(mimeType ? { mimeType } : {}),
        ...(caption ? { caption } : {}),
        ...(filename ? { filename } : {}),
      };
    }
    default:
      return /^[a-z_]{1,40}$/.test(type) ? { type: 'unsupported', kind: type } : undefined;
  }
}

function readStatus(raw: unknown): InboundStatus | undefined {
  if (!isRecord(raw)) return undefined;
  const id = stringAt(raw, 'id');
  const status = stringAt(raw, 'status');
  const timestamp = timestampOf(raw['timestamp']);
  if (!id || id.length > 512 || !isStatusKind(status) || timestamp === undefined) return undefined;
  const first = arrayAt(raw, 'errors')[0];
  const code = isRecord(first) ? first['code'] : undefined;
  return { id, status, timestamp, ...(typeof code === 'number' && Number.isInteger(code) ? { errorCode: code } : {}) };
}

function isStatusKind(value: string | undefined): value is StatusKind {
  return (statusKinds as readonly (string | undefined)[]).includes(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringAt(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' ? value : undefined;
}

function arrayAt(record: Record<string, unknown>, key: string): unknown[] {
  const value = record[key];
  return Array.isArray(value) ? value : [];
}

/** WhatsApp ids are the number's digits (E.164 has at most 15; some ids run a little longer). */
function waIdOf(value: unknown): string | undefined {
  return typeof value === 'string' && /^[0-9]{5,20}$/.test(value) ? value : undefined;
}

/** Unix seconds as a string (Meta's format), in ms. */
function timestampOf(value: unknown): number | undefined {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^[0-9]{1,12}$/.test(text)) return undefined;
  return Number(text) * 1000;
}

/** Meta sends coordinates as numbers; some proxies turn them into strings. */
function coordinate(value: unknown, limit: number): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) && Math.abs(number) <= limit ? number : undefined;
}
