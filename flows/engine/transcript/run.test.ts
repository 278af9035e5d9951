import { describe, expect, it } from 'vitest';
import { consentField, flowOf, path } from '../../../test/engine/helpers.ts';
import { runTranscript, runTranscriptTest } from './run.ts';
import type { TranscriptTest } from './schema.ts';

const flow = flowOf({
  data: [consentField('email')],
  variables: [{ key: 'topic' }],
  keywords: { stop: { 'pt-BR': ['parar'] } },
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'consent', type: 'consent', text: { 'pt-BR': 'Podemos usar seu e-mail?' }, purposes: ['support'] },
    { id: 'email', type: 'question', text: { 'pt-BR': 'Seu e-mail?' }, input: 'email', saveAs: 'email' },
    {
      id: 'crm',
      type: 'http',
      method: 'POST',
      url: 'https://api.acme-crm.example/leads',
      recipient: 'crm',
      send: ['email'],
      mock: { status: 201 },
    },
    { id: 'agent', type: 'handoff', text: { 'pt-BR': 'Chamando alguém.' }, queue: 'vendas', share: ['email'] },
    { id: 'failed', type: 'end', text: { 'pt-BR': 'O CRM falhou.' } },
    { id: 'no', type: 'end', text: { 'pt-BR': 'Tudo bem.' } },
  ],
  edges: [
    ...path('start', 'consent'),
    { from: 'consent', outcome: 'granted', to: 'email' },
    { from: 'consent', outcome: 'declined', to: 'no' },
    ...path('email', 'crm'),
    { from: 'crm', outcome: 'ok', to: 'agent' },
    { from: 'crm', outcome: 'error', to: 'failed' },
  ],
});

function run(test: Omit<TranscriptTest, 'name'>) {
  return runTranscriptTest(flow, { name: 't', ...test });
}

describe('runTranscriptTest', () => {
  it('passes when every expectation holds, checking the opening and each turn', () => {
    const result = run({
      turns: [
        { expect: { says: ['Podemos usar', '1. Aceito'], matches: '^Podemos', node: 'consent', ended: false } },
        { reply: 'accept', expect: { consent: { support: true }, says: 'Seu e-mail?', doesNotSay: 'Tudo bem' } },
        {
          user: 'ana@exemplo.com',
          expect: {
            collected: { email: 'ana@exemplo.com', topic: null },
            shared: { crm: ['email'] },
            handedOff: { queue: 'vendas', shared: ['email'] },
            withheld: [],
            erased: false,
            optedOut: false,
          },
        },
        { user: 'alô', expect: { saysNothing: true } },
        { release: true, expect: { ended: true, handedOff: false } },
      ],
    });
    expect(result).toMatchObject({ passed: true, failures: [] });
    expect(result.trace.nodes).toEqual(['start', 'consent', 'email', 'crm', 'agent']);
  });

  it('says which expectation failed, in which turn, and what happened instead', () => {
    const result = run({
      turns: [
        { expect: { says: 'Olá', saysNothing: true, node: 'email' } },
        {
          user: '1',
          expect: { consent: { support: false }, matches: 'e-?mail\\?$', doesNotSay: 'Seu', ended: true },
        },
        {
          user: 'ana@exemplo.com',
          expect: {
            collected: { email: 'outra@exemplo.com', topic: 'x' },
            shared: { crm: [] },
            handedOff: { queue: 'suporte', shared: [] },
            erased: true,
          },
        },
        { user: 'parar', expect: { optedOut: false, withheld: ['email'] } },
      ],
    });
    expect(result.passed).toBe(false);
    expect(result.failures).toEqual([
      'turn 1 (opening): expected the bot to say “Olá”; it said: “Podemos usar seu e-mail? / 1. Aceito / 2. Não aceito”',
      'turn 1 (opening): expected the bot to say nothing; it said: “Podemos usar seu e-mail? / 1. Aceito / 2. Não aceito”',
      'turn 1 (opening): expected the conversation to be at node “email”; it is at consent',
      'turn 2 (user: “1”): expected the bot not to say “Seu”; it said: “Seu e-mail?”',
      'turn 2 (user: “1”): expected the conversation to have ended; it has not',
      'turn 2 (user: “1”): expected consent for “support” not to be granted; it is',
      'turn 3 (user: “ana@exemplo.com”): expected email to be "outra@exemplo.com"; it is "ana@exemplo.com"',
      'turn 3 (user: “ana@exemplo.com”): expected topic to be "x"; nothing is stored',
      'turn 3 (user: “ana@exemplo.com”): expected exactly (nothing) to be sent to crm; sent: email',
      'turn 3 (user: “ana@exemplo.com”): expected the handoff to queue “suporte”; it went to “vendas”',
      'turn 3 (user: “ana@exemplo.com”): expected the agent to receive exactly (nothing); sent: email',
      'turn 3 (user: “ana@exemplo.com”): expected the data to be erased in this turn; it was not',
      'turn 4 (user: “parar”): expected exactly email to be withheld for lack of consent; nothing was withheld',
    ]);
  });

  it('answers http nodes with the test’s own answers, including a failed request', () => {
    const failing = run({
      http: { crm: { error: 'ECONNREFUSED' } },
      turns: [{ user: '1' }, { user: 'ana@exemplo.com', expect: { says: 'O CRM falhou.', ended: true } }],
    });
    expect(failing.failures).toEqual([]);
    const status = run({
      http: { crm: { status: 500 } },
      turns: [{ user: '1' }, { user: 'ana@exemplo.com', expect: { node: 'failed' } }],
    });
    expect(status.failures).toEqual([]);
  });

  it('reports names the flow does not have, in Portuguese when asked', () => {
    const result = runTranscriptTest(
      flow,
      {
        name: 't',
        http: { nope: { status: 200 } },
        turns: [{ expect: { node: 'consnt', consent: { suport: true }, shared: { cmr: [] } } }],
      },
      'pt-BR',
    );
    expect(result.failures.slice(0, 4)).toEqual([
      'Não existe o nó http "nope" no fluxo.',
      'passo 1 (abertura): Não existe o nó "consnt" no fluxo.',
      'passo 1 (abertura): Não existe a finalidade "suport" no fluxo.',
      'passo 1 (abertura): Não existe o destinatário "cmr" no fluxo.',
    ]);
  });
});

describe('runTranscript', () => {
  it('adds up node and edge coverage over the tests', () => {
    const { coverage, tests } = runTranscript(flow, {
      tests: [
        { name: 'yes', turns: [{ user: '1' }, { user: 'ana@exemplo.com' }, { release: true }] },
        { name: 'no', turns: [{ user: '2' }] },
      ],
    });
    expect(tests.map((test) => test.passed)).toEqual([true, true]);
    expect(coverage.nodes).toEqual({ covered: 6, total: 7, missed: ['failed'] });
    expect(coverage.edges).toEqual({ covered: 5, total: 6, missed: ['e6'] });
  });
});
