import { describe, expect, it } from 'vitest';
import { Chat, flowOf } from '../../../test/engine/helpers.ts';
import { purposeWording } from '../../model/purpose-wording.ts';

function flow(labels: Record<string, unknown> = {}, languages = ['pt-BR', 'en', 'ar']) {
  return flowOf({
    languages,
    nodes: [
      { id: 'start', type: 'start' },
      {
        id: 'ask',
        type: 'consent',
        text: { 'pt-BR': 'Podemos?', en: 'May we?', ar: 'هل نسمح؟', es: '¿Podemos?' },
        purposes: ['support', 'marketing'],
        ...labels,
      },
      { id: 'yes', type: 'end', text: { 'pt-BR': 'sim' } },
      { id: 'no', type: 'end', text: { 'pt-BR': 'não' } },
    ],
    edges: [
      { from: 'start', to: 'ask' },
      { from: 'ask', outcome: 'granted', to: 'yes' },
      { from: 'ask', outcome: 'declined', to: 'no' },
    ],
  });
}

/** The wording hashes of the fixture's two purposes, as the ledger records them. */
const wordingOf = () => {
  const hashes = purposeWording(flow());
  return { support: hashes['support'], marketing: hashes['marketing'] };
};

describe('consent', () => {
  it.each([
    ['pt-BR', 'Aceito', 'Não aceito'],
    ['en', 'I agree', 'I do not agree'],
    ['ar', 'أوافق', 'لا أوافق'],
  ])('offers accept first and decline second, with the default labels in %s', (language, accept, decline) => {
    expect(new Chat(flow(), { language }).of('send-buttons')[0]?.buttons).toEqual([
      { id: 'accept', title: accept },
      { id: 'decline', title: decline },
    ]);
  });

  it('uses the node’s own labels when it has them', () => {
    const chat = new Chat(flow({ accept: { 'pt-BR': 'Quero receber' }, decline: { 'pt-BR': 'Agora não' } }));
    expect(chat.of('send-buttons')[0]?.buttons.map((button) => button.title)).toEqual(['Quero receber', 'Agora não']);
    expect(chat.say('quero receber').state.granted).toEqual(['support', 'marketing']);
  });

  it.each([
    [{ type: 'reply', id: 'accept' } as const],
    [{ type: 'text', text: '1' } as const],
    [{ type: 'text', text: 'aceito' } as const],
    [{ type: 'text', text: 'I AGREE' } as const],
    [{ type: 'text', text: 'اوافق' } as const],
  ])('grants the purposes and records it on %j', (event) => {
    const chat = new Chat(flow()).send(event);
    expect(chat.of('record-consent')).toEqual([
      {
        type: 'record-consent',
        nodeId: 'ask',
        purposes: ['support', 'marketing'],
        granted: true,
        wording: wordingOf(),
      },
    ]);
    expect(chat.state.granted).toEqual(['support', 'marketing']);
    expect(chat.messages).toEqual(['sim']);
  });

  it.each([
    [{ type: 'reply', id: 'decline' } as const],
    [{ type: 'text', text: '2' } as const],
    [{ type: 'text', text: 'não aceito' } as const],
  ])('records a refusal on %j and leaves by declined', (event) => {
    const chat = new Chat(flow()).send(event);
    expect(chat.of('record-consent')).toEqual([
      {
        type: 'record-consent',
        nodeId: 'ask',
        purposes: ['support', 'marketing'],
        granted: false,
        wording: wordingOf(),
      },
    ]);
    expect(chat.state.granted).toEqual([]);
    expect(chat.messages).toEqual(['não']);
  });

  it('takes a later refusal as withdrawing an earlier consent', () => {
    const twice = flowOf({
      nodes: [
        { id: 'start', type: 'start' },
        { id: 'first', type: 'consent', text: { 'pt-BR': 'Pode?' }, purposes: ['support'] },
        { id: 'second', type: 'consent', text: { 'pt-BR': 'Ainda pode?' }, purposes: ['support'] },
      ],
      edges: [
        { from: 'start', to: 'first' },
        { from: 'first', outcome: 'granted', to: 'second' },
        { from: 'first', outcome: 'declined', to: 'second' },
      ],
    });
    const chat = new Chat(twice).say('1');
    expect(chat.state.granted).toEqual(['support']);
    expect(chat.say('2').state.granted).toEqual([]);
  });

  it('re-asks with a hint when the answer is neither button', () => {
    const chat = new Chat(flow()).say('talvez');
    expect(chat.messages).toEqual(['Por favor, escolha uma das opções acima: toque nela ou responda com o número.']);
    expect(chat.of('record-consent')).toEqual([]);
  });
});
