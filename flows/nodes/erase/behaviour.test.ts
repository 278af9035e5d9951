import { describe, expect, it } from 'vitest';
import { Chat, flowOf, path } from '../../../test/engine/helpers.ts';

function flow(text?: Record<string, string>) {
  return flowOf({
    data: [
      {
        key: 'name',
        label: { 'pt-BR': 'Nome' },
        category: 'user.name',
        purposes: ['support'],
        legalBasis: 'contract',
        retentionDays: 30,
      },
    ],
    nodes: [
      { id: 'start', type: 'start' },
      { id: 'ask', type: 'question', text: { 'pt-BR': 'Nome?' }, input: 'text', saveAs: 'name' },
      { id: 'erase', type: 'erase', ...(text ? { text } : {}) },
      { id: 'after', type: 'message', text: { 'pt-BR': 'Nome agora: [{{name}}]' } },
    ],
    edges: path('start', 'ask', 'erase', 'after'),
  });
}

describe('erase', () => {
  it('erases every stored value, confirms with its text, and follows its drawn connection', () => {
    const chat = new Chat(flow({ 'pt-BR': 'Apagamos seus dados.' })).say('Ana');
    expect(chat.effects.map((effect) => effect.type)).toEqual([
      'collect',
      'erase',
      'send-text',
      'refuse',
      'send-text',
      'end',
    ]);
    expect(chat.of('erase')).toEqual([{ type: 'erase', nodeId: 'erase' }]);
    // The next step would read the erased name: it is refused, never sent as “Nome agora: []”.
    expect(chat.messages[0]).toBe('Apagamos seus dados.');
    expect(chat.messages.join('\n')).not.toContain('Nome agora');
    expect(chat.state.variables).toEqual({});
  });

  it('confirms in the engine’s words when the node has no text', () => {
    expect(new Chat(flow()).say('Ana').messages[0]).toBe('Pronto: apaguei os dados que você informou nesta conversa.');
  });
});
