import { describe, expect, it } from 'vitest';
import { Chat, flowOf, path } from '../../../test/engine/helpers.ts';

describe('end', () => {
  it('says goodbye and ends; the next message starts a new conversation from the start', () => {
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
    expect(chat.say('hello?').messages).toEqual(['Bye!']);
    expect(chat.send({ type: 'timeout' }).effects).toEqual([]);
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
