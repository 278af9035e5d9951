import { describe, expect, it } from 'vitest';
import { Chat, flowOf, path } from '../../../test/engine/helpers.ts';

describe('end', () => {
  it('says goodbye and ends; further messages get no answer', () => {
    const flow = flowOf({
      nodes: [
        { id: 'start', type: 'start' },
        { id: 'bye', type: 'end', text: { 'pt-BR': 'Até logo!', en: 'Bye!' } },
      ],
      edges: path('start', 'bye'),
    });
    const chat = new Chat(flow, { language: 'en' });
    expect(chat.messages).toEqual(['Bye!']);
    expect(chat.state).toMatchObject({ ended: true, waitingFor: null, node: 'bye' });
    expect(chat.say('hello?').effects).toEqual([]);
  });

  it('ends silently without a text', () => {
    const flow = flowOf({
      nodes: [
        { id: 'start', type: 'start' },
        { id: 'bye', type: 'end' },
      ],
      edges: path('start', 'bye'),
    });
    expect(new Chat(flow).effects).toEqual([{ type: 'end', nodeId: 'bye' }]);
  });
});
