import { describe, expect, it } from 'vitest';
import { start, step } from '../../engine/index.ts';
import { Chat, consentField, flowOf, path } from '../../../test/engine/helpers.ts';
import { responseBody } from './request.ts';
import { flowSecrets, maskSecrets, withSecrets } from './secrets.ts';

const data = [
  consentField('email'),
  {
    key: 'order',
    label: { 'pt-BR': 'Pedido' },
    category: 'user.unique_id',
    purposes: ['support'],
    legalBasis: 'contract',
    retentionDays: 30,
  },
];

function flow(http: Record<string, unknown>, options: { consent?: boolean; errorEdge?: boolean } = {}) {
  return flowOf({
    data,
    variables: [{ key: 'status' }, { key: 'eta' }],
    recipients: [{ id: 'crm', name: 'Acme CRM', host: 'api.acme-crm.example' }],
    nodes: [
      { id: 'start', type: 'start' },
      ...(options.consent
        ? [{ id: 'consent', type: 'consent', text: { 'pt-BR': 'Pode?' }, purposes: ['support'] }]
        : []),
      { id: 'ask-email', type: 'question', text: { 'pt-BR': 'E-mail?' }, input: 'email', saveAs: 'email' },
      { id: 'ask-order', type: 'question', text: { 'pt-BR': 'Pedido?' }, input: 'text', saveAs: 'order' },
      { id: 'call', type: 'http', recipient: 'crm', send: [], ...http },
      { id: 'ok', type: 'message', text: { 'pt-BR': 'ok {{status}} {{eta}}' } },
      ...(options.errorEdge ? [{ id: 'failed', type: 'message', text: { 'pt-BR': 'falhou' } }] : []),
    ],
    edges: [
      ...(options.consent
        ? [
            ...path('start', 'consent'),
            { from: 'consent', outcome: 'granted', to: 'ask-email' },
            { from: 'consent', outcome: 'declined', to: 'ask-email' },
          ]
        : path('start', 'ask-email')),
      ...path('ask-email', 'ask-order', 'call'),
      { from: 'call', outcome: 'ok', to: 'ok' },
      ...(options.errorEdge ? [{ from: 'call', outcome: 'error', to: 'failed' }] : []),
    ],
  });
}

function callOf(chat: Chat) {
  const [call] = chat.of('call-http');
  if (!call) throw new Error('no call-http effect');
  return call;
}

describe('http', () => {
  it('fills the URL with URL-encoded values and waits for the response', () => {
    const chat = new Chat(
      flow({ method: 'GET', url: 'https://api.acme-crm.example/orders/{{order}}?x=1', send: ['order'] }),
    ).say('LL 1/2');
    expect(callOf(chat)).toEqual({
      type: 'call-http',
      nodeId: 'call',
      recipient: 'crm',
      method: 'GET',
      url: 'https://api.acme-crm.example/orders/LL%201%2F2?x=1',
      headers: {},
      shared: ['order'],
    });
  });

  it('escapes values inside a JSON body, strips line breaks from headers, and saves response paths', () => {
    const chat = new Chat(
      flow(
        {
          method: 'POST',
          url: 'https://api.acme-crm.example/leads',
          send: ['order'],
          headers: { 'Content-Type': 'application/json', 'X-Order': '{{order}}' },
          body: '{"order": "{{order}}"}',
          saveResponse: [
            { from: '$.data.status', to: 'status' },
            { from: 'data.items[0].eta', to: 'eta' },
          ],
          mock: { status: 201, body: { data: { status: 'novo', items: [{ eta: 'amanhã' }] } } },
        },
        { consent: true },
      ),
    )
      .say('1')
      .say('ana@exemplo.com')
      .say('A "1"\nX-Evil: yes');
    expect(callOf(chat).body).toBe('{"order": "A \\"1\\"\\nX-Evil: yes"}');
    expect(JSON.parse(callOf(chat).body ?? '')).toEqual({ order: 'A "1"\nX-Evil: yes' });
    expect(callOf(chat).headers).toEqual({ 'Content-Type': 'application/json', 'X-Order': 'A "1" X-Evil: yes' });
    expect(chat.state.variables).toMatchObject({ status: 'novo', eta: 'amanhã' });
    expect(chat.messages).toEqual(['ok novo amanhã']);
  });

  it('sends `send` keys no template reads as a JSON body (POST) or as query parameters (GET)', () => {
    const post = new Chat(
      flow({ method: 'POST', url: 'https://api.acme-crm.example/leads', send: ['email', 'order'] }, { consent: true }),
    )
      .say('1')
      .say('ana@exemplo.com')
      .say('LL-9');
    expect(callOf(post)).toMatchObject({
      body: '{"email":"ana@exemplo.com","order":"LL-9"}',
      headers: { 'Content-Type': 'application/json' },
      shared: ['email', 'order'],
    });
    const get = new Chat(flow({ method: 'GET', url: 'https://api.acme-crm.example/find', send: ['order'] })).say(
      'LL 9',
    );
    expect(callOf(get).url).toBe('https://api.acme-crm.example/find?order=LL%209');
    expect(callOf(get).body).toBeUndefined();
  });

  it('never sends a consent-based field without consent, wherever the flow puts it', () => {
    const sent = new Chat(
      flow({ method: 'POST', url: 'https://api.acme-crm.example/leads', send: ['email', 'order'] }),
    );
    // The email question is skipped (no consent), so only the order is asked.
    sent.say('LL-9');
    expect(callOf(sent)).toMatchObject({ body: '{"order":"LL-9"}', shared: ['order'] });
    expect(sent.of('withhold')).toEqual([
      { type: 'withhold', nodeId: 'call', key: 'email', via: 'http', purposes: ['support'] },
    ]);
    for (const where of [
      { url: 'https://api.acme-crm.example/leads?e={{email}}' },
      { url: 'https://api.acme-crm.example/leads', headers: { 'X-Email': '{{email}}' } },
      { url: 'https://api.acme-crm.example/leads', body: '{"email": "{{email}}", "order": "{{order}}"}' },
    ]) {
      // A template reading it would leave a hole: the request is not made at all.
      const templated = new Chat(flow({ method: 'POST', send: [], ...where }, { errorEdge: true })).say('LL-9');
      expect(templated.of('call-http')).toEqual([]);
      expect(templated.of('refuse')).toEqual([
        { type: 'refuse', nodeId: 'call', reason: 'missing-value', keys: ['email'] },
      ]);
      expect(templated.messages).toEqual(['falhou']);
    }
  });

  it.each([
    [{ type: 'http-response', status: 500, body: null } as const],
    [{ type: 'http-response', status: 404, body: { error: 'x' } } as const],
    [{ type: 'http-response', status: 0, body: null, error: 'ECONNREFUSED' } as const],
    [{ type: 'timeout' } as const],
  ])('leaves by error on %j', (response) => {
    const chat = new Chat(
      flow({ method: 'GET', url: 'https://api.acme-crm.example/x' }, { errorEdge: true }),
      {},
      { call: response },
    );
    chat.say('y');
    expect(chat.messages).toEqual(['falhou']);
  });

  it('ends with an apology and the offer of a person when error is not connected', () => {
    const chat = new Chat(
      flow({ method: 'GET', url: 'https://api.acme-crm.example/x' }),
      {},
      {
        call: { type: 'http-response', status: 503, body: null },
      },
    );
    chat.say('y');
    expect(chat.messages[0]).toMatch(/^Desculpe, algo deu errado do nosso lado/);
    expect(chat.state.ended).toBe(true);
  });

  it('succeeds with an empty response when the node has no mock, and parses JSON text bodies', () => {
    const empty = new Chat(flow({ method: 'GET', url: 'https://api.acme-crm.example/x' })).say('y');
    expect(empty.visited).toContain('ok');
    // Nothing was saved from the empty answer, so the message that reads it is not sent with holes.
    expect(empty.of('refuse')).toEqual([
      { type: 'refuse', nodeId: 'ok', reason: 'missing-value', keys: ['status', 'eta'] },
    ]);
    const text = new Chat(
      flow({ method: 'GET', url: 'https://api.acme-crm.example/x', saveResponse: [{ from: '$.s', to: 'status' }] }),
      {},
      {
        call: { type: 'http-response', status: 200, body: '{"s": "pronto"}' },
      },
    );
    expect(text.say('y').state.variables['status']).toBe('pronto');
  });

  it('ignores customer messages while waiting for the response', () => {
    const f = flow({ method: 'GET', url: 'https://api.acme-crm.example/x' });
    const waiting = step(f, start(f).state, { type: 'text', text: 'LL-1' }).state;
    expect(waiting.waitingFor).toBe('http');
    const typed = step(f, waiting, { type: 'text', text: 'e aí?' });
    expect(typed.effects).toEqual([]);
    expect(typed.state).toEqual(waiting);
    expect(step(f, waiting, { type: 'http-response', status: 200, body: null }).effects[0]).toMatchObject({
      type: 'refuse',
      nodeId: 'ok',
    });
  });
});

describe('responseBody', () => {
  it('gives the JSON value of a JSON answer, the text of any other, and null for an empty one', () => {
    expect(responseBody('{"eta": "2 days"}')).toEqual({ eta: '2 days' });
    expect(responseBody('[1, 2]')).toEqual([1, 2]);
    expect(responseBody('OK, noted')).toBe('OK, noted');
    expect(responseBody('  \n')).toBeNull();
  });
});

describe('http: {{secret.NAME}} in headers', () => {
  const headers = {
    Authorization: 'Bearer {{ secret.CRM_TOKEN }}',
    'X-Ref': '{{order}}/{{secret.CRM_TOKEN}}',
    'X-Order': '{{order}}',
  };
  const secretFlow = flow({ method: 'GET', url: 'https://api.acme-crm.example/orders', send: [], headers });

  it('leaves the placeholder in the effect for the host, and encodes braces a customer typed beside it', () => {
    const chat = new Chat(secretFlow).say('{{secret.CRM_TOKEN}}');
    const call = callOf(chat);
    expect(call.headers).toEqual({
      Authorization: 'Bearer {{secret.CRM_TOKEN}}',
      'X-Ref': '%7B%7Bsecret.CRM_TOKEN%7D%7D/{{secret.CRM_TOKEN}}',
      'X-Order': '{{secret.CRM_TOKEN}}',
    });
    expect(call.shared).toEqual(['order']);
    expect(flowSecrets(secretFlow)).toEqual(['CRM_TOKEN']);
  });

  it('is filled by the host only where the flow wrote it, and names what is not set', () => {
    const chat = new Chat(secretFlow).say('{{secret.CRM_TOKEN}}');
    const node = secretFlow.nodes.find((each) => each.id === 'call');
    if (node?.type !== 'http') throw new Error('no http node');
    const env: Record<string, string> = { AMANA_SECRET_CRM_TOKEN: 't0k3n' };
    expect(withSecrets(node, callOf(chat).headers, (name) => env[name])).toEqual({
      headers: {
        Authorization: 'Bearer t0k3n',
        'X-Ref': '%7B%7Bsecret.CRM_TOKEN%7D%7D/t0k3n',
        // A header the flow wrote without a secret is never filled, whatever the customer typed.
        'X-Order': '{{secret.CRM_TOKEN}}',
      },
      values: ['t0k3n'],
    });
    expect(withSecrets(node, callOf(chat).headers, () => undefined)).toEqual({ missing: ['AMANA_SECRET_CRM_TOKEN'] });
    expect(maskSecrets('{"echo":"Bearer t0k3n"}', ['t0k3n'])).toBe('{"echo":"Bearer [secret]"}');
  });
});
