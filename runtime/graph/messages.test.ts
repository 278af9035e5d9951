import { describe, expect, it } from 'vitest';
import { cut, graphRequestBody, messagesOf, splitText } from './messages.ts';

describe('Graph API message bodies', () => {
  it('cuts labels to WhatsApp’s limits in code points, with an ellipsis', () => {
    expect(cut('Sofás & poltronas', 20)).toBe('Sofás & poltronas');
    expect(cut('Móveis planejados sob medida', 20)).toBe('Móveis planejados s…');
    expect([...cut('👋'.repeat(30), 20)]).toHaveLength(20);
  });

  it('splits a long text into messages of at most 4,096 code points, at line breaks when it can', () => {
    const paragraph = `${'palavra '.repeat(100).trim()}\n`;
    const parts = splitText(paragraph.repeat(12));
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect([...part].length).toBeLessThanOrEqual(4096);
    expect(parts.join('\n').replace(/\s+/g, ' ').trim()).toBe(paragraph.repeat(12).replace(/\s+/g, ' ').trim());
    expect(messagesOf({ type: 'send-text', nodeId: 'n', text: 'x'.repeat(9000) })).toHaveLength(3);
  });

  it('builds reply buttons and lists as the Cloud API documents them, cutting over-long titles', () => {
    expect(
      graphRequestBody('5511912345678', {
        type: 'buttons',
        text: 'Agree?',
        buttons: [{ id: 'accept', title: 'Sim, concordo com tudo isso' }],
      }),
    ).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '5511912345678',
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Agree?' },
        action: { buttons: [{ type: 'reply', reply: { id: 'accept', title: 'Sim, concordo com t…' } }] },
      },
    });
    const list = graphRequestBody('1', {
      type: 'list',
      text: 'Pick',
      button: 'Options',
      sections: [
        {
          title: 'S',
          rows: [
            { id: 'a', title: 'A', description: 'd'.repeat(80) },
            { id: 'b', title: 'B' },
          ],
        },
      ],
    });
    const rows = (list['interactive'] as { action: { sections: { rows: Record<string, string>[] }[] } }).action
      .sections[0]?.rows;
    expect([...(rows?.[0]?.['description'] ?? '')]).toHaveLength(72);
    expect(rows?.[1]).toEqual({ id: 'b', title: 'B' });
  });
});
