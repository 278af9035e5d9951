import { describe, expect, it } from 'vitest';
import { Chat, consentField, flowOf, path } from '../../test/engine/helpers.ts';
import { pickLanguage, start, step } from './index.ts';

const keywords = {
  human: { 'pt-BR': ['atendente'], ar: ['موظف'] },
  erase: { 'pt-BR': ['apagar meus dados'], ar: ['احذف بياناتي'] },
  stop: { 'pt-BR': ['parar'], ar: ['توقف'] },
};

/** A question flow with an optional handoff somewhere ahead. */
function questions(options: { handoff?: boolean; keywordsOff?: boolean } = {}) {
  return flowOf({
    languages: ['pt-BR', 'ar'],
    variables: [{ key: 'nome' }, { key: 'cidade' }],
    ...(options.keywordsOff ? {} : { keywords }),
    nodes: [
      { id: 'start', type: 'start' },
      { id: 'nome', type: 'question', text: { 'pt-BR': 'Seu nome?', ar: 'اسمك؟' }, input: 'text', saveAs: 'nome' },
      {
        id: 'cidade',
        type: 'question',
        text: { 'pt-BR': 'Sua cidade?', ar: 'مدينتك؟' },
        input: 'text',
        saveAs: 'cidade',
      },
      ...(options.handoff
        ? [
            { id: 'oops', type: 'handoff', text: { 'pt-BR': 'Falha: chamando alguém.' }, queue: 'falhas', share: [] },
            {
              id: 'agent',
              type: 'handoff',
              text: { 'pt-BR': 'Chamando alguém.', ar: 'سأحوّلك.' },
              queue: 'vendas',
              share: ['nome'],
            },
          ]
        : []),
      { id: 'bye', type: 'end', text: { 'pt-BR': 'Tchau', ar: 'مع السلامة' } },
    ],
    edges: [
      ...path('start', 'nome', 'cidade'),
      ...(options.handoff
        ? [{ from: 'cidade', outcome: 'invalid', to: 'oops' }, ...path('cidade', 'agent', 'bye')]
        : path('cidade', 'bye')),
    ],
  });
}

describe('pickLanguage', () => {
  const flow = { languages: ['pt-BR', 'en', 'ar'] };
  it.each([
    [undefined, 'pt-BR'],
    ['en', 'en'],
    ['EN', 'en'],
    ['pt', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['ar-SA', 'ar'],
    ['fr', 'pt-BR'],
  ])('picks %s → %s', (requested, picked) => {
    expect(pickLanguage(flow, requested)).toBe(picked);
  });
});

describe('the human keyword', () => {
  it('runs the nearest handoff ahead, not one behind a failure outcome', () => {
    const chat = new Chat(questions({ handoff: true })).say('Ana').say('Atendente');
    expect(chat.messages).toEqual(['Chamando alguém.']);
    expect(chat.of('hand-off')).toEqual([
      { type: 'hand-off', nodeId: 'agent', queue: 'vendas', shared: { nome: 'Ana' } },
    ]);
    expect(chat.send({ type: 'agent-released' }).messages).toEqual(['Tchau']);
  });

  it('hands off to the default queue when the flow has no handoff, then asks the question again', () => {
    const chat = new Chat(questions(), { language: 'ar' }).say('موظف');
    expect(chat.messages).toEqual(['سأحوّلك إلى شخص من فريقنا. انتظر لحظة من فضلك.']);
    expect(chat.of('hand-off')).toEqual([{ type: 'hand-off', nodeId: 'nome', queue: 'default', shared: {} }]);
    expect(chat.say('مرحبا').effects).toEqual([]);
    expect(chat.send({ type: 'agent-released' }).messages).toEqual(['اسمك؟']);
    expect(chat.state).toMatchObject({ node: 'nome', waitingFor: 'answer', withHuman: false });
  });

  it('still works after the conversation ended; the release ends it again', () => {
    const chat = new Chat(questions()).say('Ana').say('Recife');
    expect(chat.state.ended).toBe(true);
    chat.say('atendente');
    expect(chat.of('hand-off')).toHaveLength(1);
    expect(chat.state).toMatchObject({ ended: false, withHuman: true });
    expect(chat.send({ type: 'agent-released' }).effects).toEqual([{ type: 'end' }]);
    expect(chat.state.ended).toBe(true);
  });
});

describe('the erase keyword', () => {
  it('erases, confirms, and ends the conversation; the next message starts anew', () => {
    const chat = new Chat(questions()).say('Ana').say('apagar meus dados');
    expect(chat.effects).toEqual([
      { type: 'erase' },
      { type: 'send-text', nodeId: 'cidade', text: 'Pronto: apaguei os dados que você informou nesta conversa.' },
      { type: 'end', nodeId: 'cidade' },
    ]);
    expect(chat.state.variables).toEqual({});
    expect(chat.say('Recife').messages).toEqual(['Seu nome?']);
  });
});

describe('the stop keyword', () => {
  it('opts out and sends nothing until the customer writes again; that message is not an answer', () => {
    const chat = new Chat(questions()).say('parar');
    expect(chat.effects).toEqual([{ type: 'opt-out' }]);
    expect(chat.state.optedOut).toBe(true);
    chat.say('Ana');
    expect(chat.effects).toEqual([{ type: 'opt-in' }, { type: 'send-text', nodeId: 'nome', text: 'Seu nome?' }]);
    expect(chat.state).toMatchObject({ optedOut: false, variables: {} });
    expect(chat.say('Ana').state.variables).toEqual({ nome: 'Ana' });
  });

  it('treats a keyword written while opted out as that keyword', () => {
    const chat = new Chat(questions()).say('parar').say('apagar meus dados');
    expect(chat.effects.map((effect) => effect.type)).toEqual(['opt-in', 'erase', 'send-text', 'end']);
    expect(new Chat(questions()).say('parar').say('parar').effects).toEqual([{ type: 'opt-in' }, { type: 'opt-out' }]);
  });

  it('is just an answer in a flow that declares no keywords', () => {
    expect(new Chat(questions({ keywordsOff: true })).say('parar').state.variables).toEqual({ nome: 'parar' });
  });
});

describe('robustness', () => {
  it('ends with an apology when a flow loops without waiting for anyone', () => {
    const flow = flowOf({
      variables: [{ key: 'n' }],
      nodes: [
        { id: 'start', type: 'start' },
        { id: 'a', type: 'set', key: 'n', value: '1' },
        { id: 'b', type: 'condition', rules: [{ outcome: 'again', var: 'n', op: 'exists' }] },
      ],
      edges: [
        ...path('start', 'a', 'b'),
        { from: 'b', outcome: 'again', to: 'a' },
        { from: 'b', outcome: 'else', to: 'a' },
      ],
    });
    const result = start(flow);
    expect(result.state.ended).toBe(true);
    expect(result.effects.at(-2)).toMatchObject({
      type: 'send-text',
      text: expect.stringMatching(/^Desculpe, algo deu errado/),
    });
  });

  it('ends with an apology for a flow without a start node, or a state naming a node the flow lost', () => {
    const empty = flowOf({ nodes: [{ id: 'x', type: 'end' }] });
    expect(start(empty).state.ended).toBe(true);
    const flow = questions();
    const lost = step(flow, { ...start(flow).state, node: 'removed' }, { type: 'text', text: 'oi' });
    expect(lost.state.ended).toBe(true);
    expect(lost.effects.map((effect) => effect.type)).toEqual(['send-text', 'end']);
  });

  it('keeps the state plain JSON and never changes the state it is given', () => {
    const flow = questions({ handoff: true });
    const first = start(flow, { contact: { phone: '+5511912345678', name: 'Ana' } });
    const frozen = JSON.stringify(first.state);
    const next = step(flow, first.state, { type: 'text', text: 'Ana' });
    expect(JSON.stringify(first.state)).toBe(frozen);
    expect(JSON.parse(JSON.stringify(next.state))).toEqual(next.state);
    expect(next.trace).toEqual({ nodes: ['cidade'], edges: ['e2'] });
  });

  it('ignores events that do not fit what the conversation waits for', () => {
    const flow = questions();
    const { state } = start(flow);
    for (const event of [{ type: 'agent-released' }, { type: 'http-response', status: 200, body: null }] as const) {
      const result = step(flow, state, event);
      expect(result.effects).toEqual([]);
      expect(result.state).toEqual(state);
    }
  });

  it('refuses a consent-based field at every door without consent', () => {
    const flow = flowOf({
      data: [consentField('email')],
      nodes: [
        { id: 'start', type: 'start' },
        { id: 'ask', type: 'question', text: { 'pt-BR': 'E-mail?' }, input: 'email', saveAs: 'email' },
        { id: 'put', type: 'set', key: 'email', value: 'ana@exemplo.com' },
        { id: 'agent', type: 'handoff', text: { 'pt-BR': 'Chamando.' }, queue: 'q', share: ['email'] },
      ],
      edges: path('start', 'ask', 'put', 'agent'),
    });
    const chat = new Chat(flow);
    expect(chat.of('collect')).toEqual([]);
    expect(chat.of('withhold').map((effect) => [effect.nodeId, effect.via])).toEqual([
      ['ask', 'collect'],
      ['put', 'collect'],
      ['agent', 'handoff'],
    ]);
    expect(chat.of('hand-off')[0]?.shared).toEqual({});
  });
});
