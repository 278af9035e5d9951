import { describe, expect, it } from 'vitest';
import { parseDelivery } from './payload.ts';

const ours = '106540352242922';

function deliveryOf(messages: unknown[], extra: Record<string, unknown> = {}) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: ours },
              contacts: [{ profile: { name: 'Sheena Nelson' }, wa_id: '16505551234' }],
              messages,
              ...extra,
            },
          },
        ],
      },
    ],
  };
}

const base = { from: '16505551234', id: 'wamid.ID', timestamp: '1749416383' };

describe('parseDelivery', () => {
  it('reads each message type the engine understands', () => {
    const parsed = parseDelivery(
      deliveryOf([
        { ...base, type: 'text', text: { body: 'Does it come in another color?' } },
        {
          ...base,
          type: 'interactive',
          interactive: { type: 'button_reply', button_reply: { id: 'yes', title: 'Yes' } },
        },
        {
          ...base,
          type: 'interactive',
          interactive: { type: 'list_reply', list_reply: { id: 'row-2', title: 'Row', description: 'd' } },
        },
        { ...base, type: 'button', button: { payload: 'promo-ok', text: 'Sure' } },
        {
          ...base,
          type: 'location',
          location: { latitude: 38.9, longitude: -77.03, name: 'Home', address: '1 Main St' },
        },
        { ...base, type: 'image', image: { caption: 'photo', mime_type: 'image/jpeg', sha256: 'x', id: 'media-1' } },
        {
          ...base,
          type: 'document',
          document: { filename: 'a.pdf', mime_type: 'application/pdf', sha256: 'x', id: 'media-2' },
        },
        { ...base, type: 'audio', audio: { id: 'media-3', mime_type: 'audio/ogg' } },
      ]),
      ours,
    );
    expect(parsed?.skipped).toBe(0);
    expect(parsed?.messages.map((message) => message.content)).toEqual([
      { type: 'text', text: 'Does it come in another color?' },
      { type: 'reply', id: 'yes', title: 'Yes' },
      { type: 'reply', id: 'row-2', title: 'Row' },
      { type: 'reply', id: 'promo-ok', title: 'Sure' },
      { type: 'location', latitude: 38.9, longitude: -77.03, name: 'Home', address: '1 Main St' },
      { type: 'media', kind: 'image', mediaId: 'media-1', mimeType: 'image/jpeg', caption: 'photo' },
      { type: 'media', kind: 'document', mediaId: 'media-2', mimeType: 'application/pdf', filename: 'a.pdf' },
      { type: 'unsupported', kind: 'audio' },
    ]);
    expect(parsed?.messages[0]).toMatchObject({
      id: 'wamid.ID',
      from: '16505551234',
      name: 'Sheena Nelson',
      timestamp: 1749416383000,
    });
  });

  it('reads statuses with their first error code, and Meta’s own error events', () => {
    const parsed = parseDelivery(
      deliveryOf([], {
        statuses: [
          { id: 'wamid.A', status: 'delivered', timestamp: '1750000000', recipient_id: '16505551234' },
          {
            id: 'wamid.B',
            status: 'failed',
            timestamp: '1750000001',
            recipient_id: '16505551234',
            errors: [{ code: 131047, title: 'Re-engagement message' }],
          },
          { id: 'wamid.C', status: 'exploded', timestamp: '1750000001' },
        ],
        errors: [{ code: 131000, title: 'Something went wrong' }],
      }),
      ours,
    );
    expect(parsed?.statuses).toEqual([
      { id: 'wamid.A', status: 'delivered', timestamp: 1750000000000 },
      { id: 'wamid.B', status: 'failed', timestamp: 1750000001000, errorCode: 131047 },
    ]);
    expect(parsed?.skipped).toBe(1);
    expect(parsed?.errorCodes).toEqual([131000]);
  });

  it('skips, and counts, what is malformed or not for this number; ignores reactions', () => {
    const parsed = parseDelivery(
      deliveryOf([
        { ...base, type: 'text' },
        { ...base, from: '+1 650', type: 'text', text: { body: 'x' } },
        { ...base, timestamp: 'yesterday', type: 'text', text: { body: 'x' } },
        { ...base, type: 'location', location: { latitude: 91, longitude: 0 } },
        { ...base, type: 'reaction', reaction: { message_id: 'wamid.X', emoji: '👍' } },
        'not an object',
      ]),
      ours,
    );
    expect(parsed?.messages).toEqual([]);
    expect(parsed?.skipped).toBe(5);
    expect(parseDelivery(deliveryOf([{ ...base, type: 'text', text: { body: 'x' } }]), '999')?.messages).toEqual([]);
  });

  it('is not a WhatsApp delivery without the right object and entries', () => {
    expect(parseDelivery({ object: 'page', entry: [] }, ours)).toBeUndefined();
    expect(parseDelivery([], ours)).toBeUndefined();
    expect(parseDelivery(null, ours)).toBeUndefined();
    expect(parseDelivery({ object: 'whatsapp_business_account', entry: [{}, { changes: 'x' }] }, ours)?.skipped).toBe(
      2,
    );
  });
});
