import { describe, expect, it } from 'vitest';
import { Chat, consentField, flowOf, path } from '../../../test/engine/helpers.ts';

function flow(options: { next?: boolean; consent?: boolean } = {}) {
  return flowOf({
    data: [consentField('email'), consentField('note', ['marketing'], 'user.content')],
    variables: [{ key: 'topic' }],
    nodes: [
      { id: 'start', type: 'start' },
      { id: 'consent', type: 'consent', text: { 'pt-BR': 'Pode?' }, purposes: ['support'] },
      { id: 'ask', type: 'question', text: { 'pt-BR': 'E-mail?' }, input: 'email', saveAs: 'email' },
      { id: 'topic', type: 'set', key: 'topic', value: 'faturas' },
      {
        id: 'agent',
        type: 'handoff',
        text: { 'pt-BR': 'Chamando alguém.' },
        queue: 'support',
        share: ['email', 'topic', 'note', 'contact.phone'],
      },
      ...(options.next ? [{ id: 'back', type: 'end', text: { 'pt-BR': 'De volta ao bot.' } }] : []),
    ],
    edges: [
      ...path('start', 'consent'),
      { from: 'consent', outcome: 'granted', to: 'ask' },
      { from: 'consent', outcome: 'declined', to: 'topic' },
      ...path('ask', 'topic', 'agent'),
      ...(options.next ? path('agent', 'back') : []),
    ],
  });
}

describe('handoff', () => {
  it('tells the customer, hands off with the shared values, and stays silent until released', () => {
    const chat = new Chat(flow({ next: true }), { contact: { phone: '+5511912345678' } })
      .say('1')
      .say('ana@exemplo.com');
    expect(chat.messages).toEqual(['Chamando alguém.']);
    expect(chat.of('hand-off')).toEqual([
      {
        type: 'hand-off',
        nodeId: 'agent',
        queue: 'support',
        shared: { email: 'ana@exemplo.com', topic: 'faturas', 'contact.phone': '+5511912345678' },
      },
    ]);
    // `note` is consent-based (marketing) and was never granted: withheld even though it holds nothing.
    expect(chat.of('withhold')).toEqual([
      { type: 'withhold', nodeId: 'agent', key: 'note', via: 'handoff', purposes: ['marketing'] },
    ]);
    expect(chat.state).toMatchObject({ withHuman: true, waitingFor: 'agent' });
    expect(chat.say('alô?').effects).toEqual([]);
    expect(chat.say('parar').effects).toEqual([]);
    chat.send({ type: 'agent-released' });
    expect(chat.messages).toEqual(['De volta ao bot.']);
    expect(chat.state.withHuman).toBe(false);
  });

  it('does not pass a consent-based field to the agent without consent', () => {
    const chat = new Chat(flow()).say('2');
    expect(chat.of('hand-off')[0]?.shared).toEqual({ topic: 'faturas' });
    expect(chat.of('withhold').map((effect) => effect.key)).toEqual(['email', 'note']);
  });

  it('ends the conversation on release when next is not connected', () => {
    const chat = new Chat(flow()).say('2').send({ type: 'agent-released' });
    expect(chat.effects).toEqual([{ type: 'end', nodeId: 'agent' }]);
    expect(chat.state).toMatchObject({ ended: true, withHuman: false });
  });
});
