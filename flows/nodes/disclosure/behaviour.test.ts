import { describe, expect, it } from 'vitest';
import { Chat, flowOf, path } from '../../../test/engine/helpers.ts';

describe('disclosure', () => {
  it('tells the customer they talk to a bot, then moves on', () => {
    const flow = flowOf({
      nodes: [
        { id: 'start', type: 'start' },
        {
          id: 'hello',
          type: 'disclosure',
          text: { 'pt-BR': 'Sou um assistente automático. Privacidade: https://loja.example/privacidade' },
        },
        { id: 'bye', type: 'end', text: { 'pt-BR': 'Até logo!' } },
      ],
      edges: path('start', 'hello', 'bye'),
    });
    const chat = new Chat(flow);
    expect(chat.effects).toEqual([
      {
        type: 'send-text',
        nodeId: 'hello',
        text: 'Sou um assistente automático. Privacidade: https://loja.example/privacidade',
      },
      { type: 'send-text', nodeId: 'bye', text: 'Até logo!' },
      { type: 'end', nodeId: 'bye' },
    ]);
  });
});
