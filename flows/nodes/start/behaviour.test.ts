import { describe, expect, it } from 'vitest';
import { Chat, flowOf, path } from '../../../test/engine/helpers.ts';

describe('start', () => {
  it('moves straight on to the next node', () => {
    const flow = flowOf({
      nodes: [
        { id: 'begin', type: 'start' },
        { id: 'hi', type: 'message', text: { 'pt-BR': 'Oi!', en: 'Hi!' } },
      ],
      edges: path('begin', 'hi'),
    });
    const chat = new Chat(flow);
    expect(chat.messages).toEqual(['Oi!']);
    expect(chat.visited).toEqual(['begin', 'hi']);
  });

  it('ends at once, saying nothing, when nothing follows it', () => {
    const chat = new Chat(flowOf({ nodes: [{ id: 'begin', type: 'start' }] }));
    expect(chat.effects).toEqual([{ type: 'end', nodeId: 'begin' }]);
    expect(chat.state.ended).toBe(true);
  });
});
