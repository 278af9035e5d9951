import { describe, expect, it } from 'vitest';
import { queuedRecipientErasures } from './erasure-rows.ts';

describe('queuedRecipientErasures', () => {
  const at = Date.UTC(2026, 2, 14, 9, 30);
  const call = Buffer.from('sealed DELETE https://crm.example.com.br/leads/L-981');

  it('queues a recipient with a call and records it as requested', () => {
    expect(queuedRecipientErasures([{ recipient: 'crm', request: call }], at)).toEqual([
      { entry: { recipient: 'crm', event: 'requested', at }, call },
    ]);
  });

  it('records a recipient that cannot be asked as failed at once, with its reason and no attempt, and queues nothing', () => {
    expect(queuedRecipientErasures([{ recipient: 'agenda', problem: 'no erase route' }], at)).toEqual([
      { entry: { recipient: 'agenda', event: 'failed', detail: 'no erase route', attempts: 0, at } },
    ]);
  });

  it('says "no reference" when no reason is given', () => {
    const [queued] = queuedRecipientErasures([{ recipient: 'newsletter' }], at);
    expect(queued?.entry).toEqual({
      recipient: 'newsletter',
      event: 'failed',
      detail: 'no reference',
      attempts: 0,
      at,
    });
    expect(queued && 'call' in queued).toBe(false);
  });

  it('keeps the recipients in the order given, requested and failed mixed, and writes nothing for none', () => {
    const queued = queuedRecipientErasures(
      [
        { recipient: 'crm', request: call },
        { recipient: 'newsletter', problem: 'no reference' },
        { recipient: 'helpdesk', request: Buffer.from('sealed POST') },
      ],
      at,
    );
    expect(queued.map(({ entry }) => [entry.recipient, entry.event])).toEqual([
      ['crm', 'requested'],
      ['newsletter', 'failed'],
      ['helpdesk', 'requested'],
    ]);
    expect(queuedRecipientErasures([], at)).toEqual([]);
  });
});
