import { describe, expect, it } from 'vitest';
import { Chat, flowOf } from '../../../test/engine/helpers.ts';

const flow = flowOf({
  languages: ['ar', 'en'],
  variables: [{ key: 'clinic' }],
  nodes: [
    { id: 'start', type: 'start' },
    {
      id: 'clinics',
      type: 'list',
      text: { ar: 'اختر العيادة', en: 'Pick a clinic' },
      button: { ar: 'العيادات', en: 'Clinics' },
      saveAs: 'clinic',
      sections: [
        {
          title: { ar: 'عام', en: 'General' },
          rows: [
            {
              id: 'family',
              title: { ar: 'طب الأسرة', en: 'Family medicine' },
              description: { ar: 'فحوصات', en: 'Check-ups' },
            },
            { id: 'kids', title: { ar: 'الأطفال', en: 'Children' } },
          ],
        },
        { title: { ar: 'أخرى', en: 'Other' }, rows: [{ id: 'eyes', title: { ar: 'العيون', en: 'Eyes' } }] },
      ],
    },
    { id: 'next', type: 'message', text: { ar: 'تم: {{clinic}}', en: 'OK: {{clinic}}' } },
  ],
  edges: [
    { from: 'start', to: 'clinics' },
    { from: 'clinics', outcome: 'family', to: 'next' },
    { from: 'clinics', outcome: 'kids', to: 'next' },
    { from: 'clinics', outcome: 'eyes', to: 'next' },
  ],
});

describe('list', () => {
  it('sends a list message with sections and rows in the conversation language', () => {
    expect(new Chat(flow).effects).toEqual([
      {
        type: 'send-list',
        nodeId: 'clinics',
        text: 'اختر العيادة',
        button: 'العيادات',
        sections: [
          {
            title: 'عام',
            rows: [
              { id: 'family', title: 'طب الأسرة', description: 'فحوصات' },
              { id: 'kids', title: 'الأطفال' },
            ],
          },
          { title: 'أخرى', rows: [{ id: 'eyes', title: 'العيون' }] },
        ],
      },
    ]);
  });

  it.each([
    [{ type: 'reply', id: 'eyes', title: 'العيون' } as const, 'eyes'],
    [{ type: 'text', text: '3' } as const, 'eyes'], // numbered across sections
    [{ type: 'text', text: '٢' } as const, 'kids'],
    [{ type: 'text', text: 'طب الاسرة' } as const, 'family'],
    [{ type: 'text', text: 'children' } as const, 'kids'],
  ])('accepts %j', (event, id) => {
    const chat = new Chat(flow).send(event);
    expect(chat.state.variables['clinic']).toBe(id);
    expect(chat.messages).toEqual([`تم: ${id}`]);
  });

  it('re-asks with an Arabic hint for anything else', () => {
    expect(new Chat(flow).say('4').messages).toEqual(['من فضلك اختر أحد الخيارات أعلاه: اضغط عليه أو أرسل رقمه.']);
  });
});
