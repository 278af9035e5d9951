import { describe, expect, it } from 'vitest';
import { Chat, consentField, flowOf, path } from '../../../test/engine/helpers.ts';

function flow(
  question: Record<string, unknown>,
  options: { invalid?: boolean; consent?: boolean; keywords?: boolean } = {},
) {
  return flowOf({
    data: [consentField('email')],
    variables: [{ key: 'answer' }],
    ...(options.keywords === false ? {} : { keywords: { human: { 'pt-BR': ['atendente'] } } }),
    nodes: [
      { id: 'start', type: 'start' },
      ...(options.consent
        ? [{ id: 'consent', type: 'consent', text: { 'pt-BR': 'Aceita?' }, purposes: ['support'] }]
        : []),
      { id: 'ask', type: 'question', text: { 'pt-BR': 'Pergunta?', en: 'Question?' }, ...question },
      { id: 'done', type: 'end', text: { 'pt-BR': 'Fim' } },
      ...(options.invalid ? [{ id: 'help', type: 'end', text: { 'pt-BR': 'Vamos chamar alguém.' } }] : []),
    ],
    edges: [
      ...(options.consent
        ? [
            ...path('start', 'consent'),
            { from: 'consent', outcome: 'granted', to: 'ask' },
            { from: 'consent', outcome: 'declined', to: 'done' },
          ]
        : path('start', 'ask')),
      ...path('ask', 'done'),
      ...(options.invalid ? [{ from: 'ask', outcome: 'invalid', to: 'help' }] : []),
    ],
  });
}

describe('question', () => {
  it('asks, validates, stores the answer and moves on', () => {
    const chat = new Chat(flow({ input: 'number', saveAs: 'answer' }));
    expect(chat.messages).toEqual(['Pergunta?']);
    expect(chat.state.waitingFor).toBe('answer');
    chat.say('1.234,5');
    expect(chat.of('collect')).toEqual([
      { type: 'collect', nodeId: 'ask', key: 'answer', value: 1234.5, personal: false },
    ]);
    expect(chat.messages).toEqual(['Fim']);
  });

  it('re-asks with a hint up to `retries` times (default 2), then leaves by invalid', () => {
    const chat = new Chat(flow({ input: 'number', saveAs: 'answer' }, { invalid: true }));
    expect(chat.say('doze').messages).toEqual(['Por favor, envie só um número, por exemplo 12 ou 12,5.']);
    expect(chat.state.retries).toBe(1);
    expect(chat.say('treze').messages).toHaveLength(1);
    expect(chat.say('catorze').messages).toEqual(['Vamos chamar alguém.']);
    expect(chat.state.variables).toEqual({});
  });

  it('honours retries: 0 and resets the count at the next question', () => {
    const chat = new Chat(flow({ input: 'email', saveAs: 'answer', retries: 0 }, { invalid: true }));
    expect(chat.say('não sei').messages).toEqual(['Vamos chamar alguém.']);
  });

  it('ends with an apology and the offer of a person when invalid is not connected', () => {
    const chat = new Chat(flow({ input: 'date', saveAs: 'answer', retries: 1 }));
    expect(chat.say('ontem').messages).toEqual([
      'Por favor, envie uma data no formato dia/mês/ano, por exemplo 31/12/1990.',
    ]);
    chat.say('anteontem');
    expect(chat.messages).toEqual([
      'Desculpe, não consegui entender sua resposta e não posso continuar esta conversa.\nPara falar com uma pessoa, escreva “atendente”.',
    ]);
    expect(chat.state.ended).toBe(true);
  });

  it('offers the controller’s contact when the flow has no human keyword', () => {
    const chat = new Chat(flow({ input: 'cpf', saveAs: 'answer', retries: 0 }, { keywords: false }));
    expect(chat.say('123').messages[0]).toContain(
      'Uma pessoa da Loja Teste Ltda pode ajudar você: privacidade@lojateste.example.',
    );
  });

  it('gives hints in English when the conversation language is not en, pt or ar', () => {
    const f = flowOf({
      languages: ['es'],
      variables: [{ key: 'answer' }],
      nodes: [
        { id: 'start', type: 'start' },
        { id: 'ask', type: 'question', text: { es: '¿Correo?' }, input: 'email', saveAs: 'answer' },
      ],
      edges: path('start', 'ask'),
    });
    expect(new Chat(f).say('no').messages).toEqual([
      "That doesn't look like an email address. Please send it like name@example.com.",
    ]);
  });

  it('does not ask for a consent-based field without consent: it says why and moves on', () => {
    const chat = new Chat(flow({ input: 'email', saveAs: 'email' }));
    expect(chat.messages).toEqual([
      'Vou pular a pergunta sobre “email”: para guardar isso eu preciso do seu consentimento (Atendimento), que você não deu.',
      'Fim',
    ]);
    expect(chat.of('withhold')).toEqual([
      { type: 'withhold', nodeId: 'ask', key: 'email', via: 'collect', purposes: ['support'] },
    ]);
    expect(chat.of('collect')).toEqual([]);
  });

  it('asks for and stores a consent-based field once consent is granted', () => {
    const chat = new Chat(flow({ input: 'email', saveAs: 'email' }, { consent: true })).say('1');
    expect(chat.messages).toEqual(['Pergunta?']);
    chat.say('ana@exemplo.com.br');
    expect(chat.of('collect')).toEqual([
      { type: 'collect', nodeId: 'ask', key: 'email', value: 'ana@exemplo.com.br', personal: true },
    ]);
  });

  it('reads a phone number in the country of the customer’s own WhatsApp number', () => {
    const f = flow({ input: 'phone', saveAs: 'answer' });
    expect(new Chat(f, { contact: { phone: '+966501234567' } }).say('055 123 4567').state.variables['answer']).toBe(
      '+966551234567',
    );
    expect(new Chat(f).say('(11) 91234-5678').state.variables['answer']).toBe('+5511912345678');
  });

  it('ends without a word when the customer does not answer in time', () => {
    const chat = new Chat(flow({ input: 'text', saveAs: 'answer' })).send({ type: 'timeout' });
    expect(chat.effects).toEqual([{ type: 'end', nodeId: 'ask' }]);
  });
});
