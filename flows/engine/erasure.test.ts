import { describe, expect, it } from 'vitest';
import { Chat, flowOf, path } from '../../test/engine/helpers.ts';

/**
 * Erasure in the middle of a conversation (DESIGN.md §5, issue 20): after the erase keyword the
 * conversation is over, and the customer's next message starts a new one from Start; an Erase data
 * step's drawn connection is followed, but nothing after it reads, sends or reports a value it erased.
 */

const personal = (key: string, category: string) => ({
  key,
  label: { 'pt-BR': key, en: key },
  category,
  purposes: ['support'],
  legalBasis: 'contract',
  retentionDays: 30,
  sharedWith: ['crm'],
});

const keywords = {
  human: { 'pt-BR': ['atendente'] },
  erase: { 'pt-BR': ['apagar meus dados'] },
  stop: { 'pt-BR': ['parar'] },
};

/** The lead flow of the issue: the name, then the e-mail (whose question greets by name), then the CRM. */
function lead(
  afterEmail: Record<string, unknown>[] = [],
  edges: { from: string; to: string; outcome?: string }[] = [],
) {
  return flowOf({
    data: [personal('name', 'user.name'), personal('email', 'user.contact.email')],
    keywords,
    nodes: [
      { id: 'start', type: 'start' },
      { id: 'hello', type: 'disclosure', text: { 'pt-BR': 'Olá! Sou o assistente automático.' } },
      { id: 'ask-name', type: 'question', text: { 'pt-BR': 'Seu nome?' }, input: 'text', saveAs: 'name' },
      {
        id: 'ask-email',
        type: 'question',
        text: { 'pt-BR': '{{name}}, qual é o seu e-mail?' },
        input: 'email',
        saveAs: 'email',
      },
      {
        id: 'send-lead',
        type: 'http',
        method: 'POST',
        url: 'https://api.acme-crm.example/leads',
        recipient: 'crm',
        send: ['name', 'email'],
        mock: { status: 200, body: {} },
      },
      { id: 'thanks', type: 'message', text: { 'pt-BR': 'Obrigado, {{name}}! Responderemos em {{email}}.' } },
      ...afterEmail,
    ],
    edges: [
      ...path('start', 'hello', 'ask-name', 'ask-email', 'send-lead'),
      { from: 'send-lead', outcome: 'ok', to: 'thanks' },
      ...edges,
    ],
  });
}

describe('the erase keyword in the middle of a conversation', () => {
  it('erases, confirms and ends the conversation: the pending question is not asked again', () => {
    const chat = new Chat(lead()).say('Maria').say('apagar meus dados');
    expect(chat.effects).toEqual([
      { type: 'erase' },
      { type: 'send-text', nodeId: 'ask-email', text: 'Pronto: apaguei os dados que você informou nesta conversa.' },
      { type: 'end', nodeId: 'ask-email' },
    ]);
    expect(chat.state).toMatchObject({ ended: true, variables: {}, waitingFor: null });
  });

  it('takes the next message as the start of a new conversation, as for a new person, not as an answer', () => {
    const chat = new Chat(lead(), { contact: { phone: '+5511912345678', name: 'Maria' } })
      .say('Maria')
      .say('apagar meus dados')
      .say('maria@example.com');
    expect(chat.messages).toEqual(['Olá! Sou o assistente automático.', 'Seu nome?']);
    expect(chat.of('collect')).toEqual([]);
    expect(chat.state).toMatchObject({ node: 'ask-name', waitingFor: 'answer', ended: false, variables: {} });
    expect(chat.state.contact).toEqual({ phone: '+5511912345678', name: 'Maria' });
    expect(chat.state.language).toBe('pt-BR');
  });

  it('never says a sentence with a hole nor reports a key without a value afterwards', () => {
    const chat = new Chat(lead()).say('Maria').say('apagar meus dados').say('oi').say('Joana');
    expect(chat.messages).toEqual(['Joana, qual é o seu e-mail?']);
    chat.say('joana@example.com');
    expect(chat.of('call-http').map((call) => call.shared)).toEqual([['name', 'email']]);
    expect(chat.messages).toEqual(['Obrigado, Joana! Responderemos em joana@example.com.']);
    const sinceErasure = chat.history.slice(chat.history.findIndex((effect) => effect.type === 'erase'));
    expect(JSON.stringify(sinceErasure)).not.toContain('Maria');
  });

  it('forgets the consent given before the erasure: the new conversation asks again', () => {
    const flow = flowOf({
      data: [{ ...personal('email', 'user.contact.email'), legalBasis: 'consent' }],
      keywords,
      nodes: [
        { id: 'start', type: 'start' },
        { id: 'consent', type: 'consent', text: { 'pt-BR': 'Podemos?' }, purposes: ['support'] },
        { id: 'ask', type: 'question', text: { 'pt-BR': 'E-mail?' }, input: 'email', saveAs: 'email' },
        { id: 'bye', type: 'end' },
      ],
      edges: [
        ...path('start', 'consent'),
        { from: 'consent', outcome: 'granted', to: 'ask' },
        { from: 'consent', outcome: 'declined', to: 'bye' },
        ...path('ask', 'bye'),
      ],
    });
    const chat = new Chat(flow).tap('accept').say('apagar meus dados').say('oi');
    expect(chat.state).toMatchObject({ node: 'consent', granted: [] });
    expect(chat.messages).toEqual(['Podemos?\n  1. Aceito\n  2. Não aceito']);
  });
});

describe('an Erase data step', () => {
  it('without an outgoing connection confirms and ends the conversation; the next message starts anew', () => {
    const flow = lead(
      [{ id: 'erase', type: 'erase', text: { 'pt-BR': 'Apagamos seus dados.' } }],
      [...path('thanks', 'erase')],
    );
    const chat = new Chat(flow).say('Maria').say('maria@example.com');
    expect(chat.effects.slice(-3)).toEqual([
      { type: 'erase', nodeId: 'erase' },
      { type: 'send-text', nodeId: 'erase', text: 'Apagamos seus dados.' },
      { type: 'end', nodeId: 'erase' },
    ]);
    expect(chat.say('oi').messages).toEqual(['Olá! Sou o assistente automático.', 'Seu nome?']);
  });

  it('with a drawn connection goes on, but a message reading an erased value is refused, with an apology', () => {
    const flow = lead(
      [
        { id: 'erase', type: 'erase' },
        { id: 'after', type: 'message', text: { 'pt-BR': 'Até logo, {{name}}!' } },
      ],
      [...path('thanks', 'erase', 'after')],
    );
    const chat = new Chat(flow).say('Maria').say('maria@example.com');
    const afterErase = chat.effects.slice(chat.effects.findIndex((effect) => effect.type === 'erase'));
    expect(afterErase.map((effect) => effect.type)).toEqual(['erase', 'send-text', 'refuse', 'send-text', 'end']);
    expect(chat.of('refuse')).toEqual([{ type: 'refuse', nodeId: 'after', reason: 'missing-value', keys: ['name'] }]);
    expect(chat.messages.some((message) => message.includes('Até logo'))).toBe(false);
    expect(chat.messages.at(-1)).toMatch(
      /^Desculpe, algo deu errado.*\nPara falar com uma pessoa, escreva “atendente”/s,
    );
    expect(chat.state.ended).toBe(true);
  });

  it('a request whose URL reads an erased value is not made: the step leaves by its error connection', () => {
    const flow = lead(
      [
        { id: 'erase', type: 'erase', text: { 'pt-BR': 'Apagado.' } },
        {
          id: 'delete-lead',
          type: 'http',
          method: 'DELETE',
          url: 'https://api.acme-crm.example/leads/{{email}}',
          recipient: 'crm',
          send: [],
        },
        { id: 'gone', type: 'message', text: { 'pt-BR': 'Removido no CRM.' } },
        { id: 'failed', type: 'message', text: { 'pt-BR': 'Não consegui remover no CRM.' } },
      ],
      [
        ...path('thanks', 'erase', 'delete-lead'),
        { from: 'delete-lead', outcome: 'ok', to: 'gone' },
        { from: 'delete-lead', outcome: 'error', to: 'failed' },
      ],
    );
    const chat = new Chat(flow).say('Maria').say('maria@example.com');
    expect(chat.of('call-http').map((call) => call.nodeId)).toEqual(['send-lead']);
    expect(chat.of('refuse')).toEqual([
      { type: 'refuse', nodeId: 'delete-lead', reason: 'missing-value', keys: ['email'] },
    ]);
    expect(chat.messages.slice(-2)).toEqual(['Apagado.', 'Não consegui remover no CRM.']);
  });

  it('a handoff after it shares nothing it erased, and a question reading an erased value is not asked', () => {
    const flow = lead(
      [
        { id: 'erase', type: 'erase', text: { 'pt-BR': 'Apagado.' } },
        { id: 'agent', type: 'handoff', text: { 'pt-BR': 'Chamando alguém.' }, queue: 'vendas', share: ['name'] },
        { id: 'again', type: 'question', text: { 'pt-BR': '{{name}}, mais algo?' }, input: 'text', saveAs: 'name' },
      ],
      [...path('thanks', 'erase', 'agent', 'again')],
    );
    const chat = new Chat(flow).say('Maria').say('maria@example.com');
    expect(chat.of('hand-off')).toEqual([{ type: 'hand-off', nodeId: 'agent', queue: 'vendas', shared: {} }]);
    chat.send({ type: 'agent-released' });
    expect(chat.of('refuse')).toEqual([{ type: 'refuse', nodeId: 'again', reason: 'missing-value', keys: ['name'] }]);
    expect(chat.messages.some((message) => message.includes('mais algo'))).toBe(false);
    expect(chat.state.ended).toBe(true);
  });
});

describe('values that do not exist are never reported as shared', () => {
  it('a request names in `shared` only the keys whose values it carries', () => {
    const flow = flowOf({
      data: [personal('name', 'user.name'), personal('email', 'user.contact.email')],
      nodes: [
        { id: 'start', type: 'start' },
        { id: 'ask-name', type: 'question', text: { 'pt-BR': 'Seu nome?' }, input: 'text', saveAs: 'name' },
        {
          id: 'send-lead',
          type: 'http',
          method: 'POST',
          url: 'https://api.acme-crm.example/leads',
          recipient: 'crm',
          send: ['name', 'email'],
        },
      ],
      edges: path('start', 'ask-name', 'send-lead'),
    });
    const [call] = new Chat(flow).say('Maria').of('call-http');
    expect(call).toMatchObject({ body: '{"name":"Maria"}', shared: ['name'] });
  });

  it('a set step that would copy a missing value stores nothing, so later steps cannot read a hole', () => {
    const flow = flowOf({
      data: [personal('name', 'user.name')],
      variables: [{ key: 'greeting' }],
      nodes: [
        { id: 'start', type: 'start' },
        { id: 'greet', type: 'set', key: 'greeting', value: 'Olá, {{name}}' },
        { id: 'bye', type: 'end', text: { 'pt-BR': 'Tchau' } },
      ],
      edges: path('start', 'greet', 'bye'),
    });
    const chat = new Chat(flow);
    expect(chat.state.variables).toEqual({});
    expect(chat.of('refuse')).toEqual([{ type: 'refuse', nodeId: 'greet', reason: 'missing-value', keys: ['name'] }]);
    expect(chat.messages).toEqual(['Tchau']);
  });
});
