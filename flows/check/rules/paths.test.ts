import { describe, expect, it } from 'vitest';
import { checkFlow } from '../index.ts';
import { compliantParts, edges, emailField, findings, node, testFlow } from '../../../test/check/flow-builder.ts';

const parts = compliantParts();
const nodesWith = (...extra: Record<string, unknown>[]) => [...parts.nodes, ...extra];

describe('consent-before-collection', () => {
  it('reports a question reached on some path without consent, with the shortest such path', () => {
    // The menu's "help" skips the consent step.
    const flow = testFlow({
      ...parts,
      edges: edges(
        'start > hello, hello > menu, menu:help > ask-email, menu:agent > ask-consent',
        'ask-consent:granted > ask-email, ask-consent:declined > bye',
        'ask-email > thanks, thanks > human, human > erase, erase > bye, agent > bye',
      ),
    });
    const found = findings(flow, 'consent-before-collection');
    expect(found[0]).toMatchObject({
      nodeId: 'ask-email',
      dataKey: 'email',
      path: ['start', 'hello', 'menu', 'ask-email'],
    });
    expect(found[0]?.message).toBe(
      'The step “What is your email?” asks for “Email” before the customer has agreed, on the path Start → ' +
        "“Hi! I'm Loja Sol's automated assistant.…” → “How can I help?” → “What is your email?”. " +
        'Add a Consent step for “Support” before it.',
    );
    // The handoff that shares it is reached the same way.
    expect(found.map((d) => d.nodeId)).toEqual(['ask-email', 'human']);
  });

  it('says it in Portuguese and Arabic, naming the steps by their text in that language', () => {
    const flow = testFlow({
      ...parts,
      edges: edges(
        'start > hello, hello > menu, menu:help > ask-email, menu:agent > ask-consent',
        'ask-consent:granted > ask-email, ask-consent:declined > bye',
        'ask-email > thanks, thanks > human, human > erase, erase > bye, agent > bye',
      ),
    });
    expect(findings(flow, 'consent-before-collection', 'pt-BR')[0]?.message).toContain(
      'O passo “Qual é o seu e-mail?” pede “E-mail” antes de o cliente concordar, no caminho Início → ',
    );
    const arabic = findings(flow, 'consent-before-collection', 'ar')[0]?.message ?? '';
    expect(arabic).toContain('قبل أن يوافق العميل');
    expect(arabic).toContain('البداية ← ');
    // No Arabic texts in this flow: steps and purposes are named in its first language, Portuguese.
    expect(arabic).toContain('«Atendimento»');
    expect(arabic).toContain('«Qual é o seu e-mail?»');
  });

  it('accepts consent given on both branches before they join', () => {
    const flow = testFlow({
      ...parts,
      nodes: nodesWith(node.consent('ask-consent-2')),
      edges: edges(
        'start > hello, hello > menu, menu:help > ask-consent, menu:agent > ask-consent-2',
        'ask-consent:granted > ask-email, ask-consent:declined > bye',
        'ask-consent-2:granted > ask-email, ask-consent-2:declined > agent',
        'ask-email > thanks, thanks > human, human > erase, erase > bye, agent > bye',
      ),
    });
    expect(checkFlow(flow)).toEqual([]);
  });

  it('accepts consent for either of the field’s purposes, one per branch', () => {
    const flow = testFlow({
      ...parts,
      data: [{ ...emailField, purposes: ['support', 'offers'] }],
      nodes: nodesWith(node.consent('ask-offers', ['offers'])),
      edges: edges(
        'start > hello, hello > menu, menu:help > ask-consent, menu:agent > ask-offers',
        'ask-consent:granted > ask-email, ask-consent:declined > bye',
        'ask-offers:granted > ask-email, ask-offers:declined > agent',
        'ask-email > thanks, thanks > human, human > erase, erase > bye, agent > bye',
      ),
    });
    expect(findings(flow, 'consent-before-collection')).toEqual([]);
  });

  it('treats a later “declined” as withdrawing the consent (the engine does)', () => {
    const flow = testFlow({
      ...parts,
      nodes: nodesWith(node.consent('ask-again')),
      edges: edges(
        'start > hello, hello > menu, menu:help > ask-consent, menu:agent > agent',
        'ask-consent:granted > ask-again, ask-consent:declined > bye',
        'ask-again:granted > ask-email, ask-again:declined > ask-email',
        'ask-email > thanks, thanks > human, human > erase, erase > bye, agent > bye',
      ),
    });
    expect(findings(flow, 'consent-before-collection')[0]).toMatchObject({
      nodeId: 'ask-email',
      path: ['start', 'hello', 'menu', 'ask-consent', 'ask-again', 'ask-email'],
    });
  });

  it('does not report a handoff reached before the question: it has nothing to share yet', () => {
    const flow = testFlow({
      ...parts,
      edges: edges(
        'start > hello, hello > menu, menu:help > ask-consent, menu:agent > human',
        'ask-consent:granted > ask-email, ask-consent:declined > bye',
        'ask-email > thanks, thanks > human, human > erase, erase > bye, agent > bye',
      ),
    });
    expect(findings(flow, 'consent-before-collection')).toEqual([]);
  });

  it('follows loops: consent inside a loop that the question is reached around', () => {
    const flow = testFlow({
      ...parts,
      edges: edges(
        'start > hello, hello > menu, menu:help > ask-consent, menu:agent > agent',
        'ask-consent:granted > ask-email, ask-consent:declined > menu',
        'ask-email > thanks, thanks > human, human > menu, agent > erase, erase > bye',
      ),
    });
    expect(findings(flow, 'consent-before-collection')).toEqual([]);
  });
});

describe('disclosure-first', () => {
  it('reports the first thing asked before the disclosure, with its path', () => {
    const flow = testFlow({
      ...parts,
      edges: edges(
        'start > menu, menu:help > hello, hello > ask-consent, menu:agent > agent',
        'ask-consent:granted > ask-email, ask-consent:declined > bye',
        'ask-email > thanks, thanks > human, human > erase, erase > bye, agent > bye',
      ),
    });
    expect(findings(flow, 'disclosure-first')).toMatchObject([{ nodeId: 'menu', path: ['start', 'menu'] }]);
  });

  it('reports a question that one branch reaches around the disclosure', () => {
    const flow = testFlow({
      ...parts,
      nodes: nodesWith(node.condition('route', [{ outcome: 'known', var: 'contact.phone', op: 'exists' }])),
      edges: edges(
        'start > route, route:known > ask-consent, route:else > hello, hello > menu',
        'menu:help > ask-consent, menu:agent > agent',
        'ask-consent:granted > ask-email, ask-consent:declined > bye',
        'ask-email > thanks, thanks > human, human > erase, erase > bye, agent > bye',
      ),
    });
    expect(findings(flow, 'disclosure-first')).toMatchObject([
      { nodeId: 'ask-consent', path: ['start', 'route', 'ask-consent'] },
    ]);
  });

  it('accepts messages and conditions before the disclosure: they ask nothing', () => {
    const flow = testFlow({
      ...parts,
      nodes: nodesWith(node.message('hi', 'Oi!', 'Hi!')),
      edges: edges(
        'start > hi, hi > hello, hello > menu, menu:help > ask-consent, menu:agent > agent',
        'ask-consent:granted > ask-email, ask-consent:declined > bye',
        'ask-email > thanks, thanks > human, human > erase, erase > bye, agent > bye',
      ),
    });
    expect(findings(flow, 'disclosure-first')).toEqual([]);
  });
});

describe('no-human-path and no-erasure-path', () => {
  const withoutHandoffs = {
    nodes: parts.nodes.filter((each) => each['type'] !== 'handoff'),
    edges: edges(
      'start > hello, hello > menu, menu:help > ask-consent, menu:agent > bye',
      'ask-consent:granted > ask-email, ask-consent:declined > bye',
      'ask-email > thanks, thanks > erase, erase > bye',
    ),
  };

  it('reports a flow with no reachable handoff and no human keyword', () => {
    const flow = testFlow({ ...withoutHandoffs, keywords: { erase: { 'pt-BR': ['apagar'], en: ['erase'] } } });
    expect(findings(flow, 'no-human-path')).toMatchObject([{ severity: 'error' }]);
  });

  it('accepts a human keyword instead of a handoff step', () => {
    expect(findings(testFlow({ ...withoutHandoffs }), 'no-human-path')).toEqual([]);
  });

  it('reports a handoff that only an unreachable step leads to', () => {
    const flow = testFlow({
      ...parts,
      keywords: {},
      edges: edges(
        'start > hello, hello > menu, menu:help > ask-consent, menu:agent > bye',
        'ask-consent:granted > ask-email, ask-consent:declined > bye',
        'ask-email > thanks, thanks > erase, erase > bye, human > bye, agent > bye',
      ),
    });
    expect(findings(flow, 'no-human-path')).toHaveLength(1);
    expect(findings(flow, 'no-erasure-path')).toEqual([]);
  });

  it('reports no erase step and no erase keyword; an erase keyword is enough', () => {
    const noErase = {
      nodes: parts.nodes.filter((each) => each['type'] !== 'erase'),
      edges: edges(
        'start > hello, hello > menu, menu:help > ask-consent, menu:agent > agent',
        'ask-consent:granted > ask-email, ask-consent:declined > bye',
        'ask-email > thanks, thanks > human, human > bye, agent > bye',
      ),
    };
    expect(findings(testFlow({ ...noErase, keywords: {} }), 'no-erasure-path')).toHaveLength(1);
    expect(findings(testFlow(noErase), 'no-erasure-path')).toEqual([]);
  });
});

describe('undefined-variable', () => {
  it('reports a template read on a path where the key has no value, with that path', () => {
    const flow = testFlow({
      ...parts,
      edges: edges(
        'start > hello, hello > menu, menu:help > ask-consent, menu:agent > thanks',
        'ask-consent:granted > ask-email, ask-consent:declined > bye',
        'ask-email > thanks, thanks > human, human > erase, erase > bye, agent > bye',
      ),
    });
    expect(findings(flow, 'undefined-variable')).toMatchObject([
      { nodeId: 'thanks', dataKey: 'email', path: ['start', 'hello', 'menu', 'thanks'] },
    ]);
  });

  it('accepts a variable set on every branch before the join', () => {
    const flow = testFlow({
      data: [],
      variables: [{ key: 'topic' }, { key: 'plan' }],
      nodes: [
        ...parts.nodes.filter((each) =>
          ['start', 'hello', 'menu', 'agent', 'erase', 'bye'].includes(String(each['id'])),
        ),
        node.set('plan-basic', 'plan', 'basic'),
        node.set('plan-plus', 'plan', 'plus'),
        node.message('show-plan', 'Plano {{plan}}.', 'Plan {{plan}}.'),
      ],
      edges: edges(
        'start > hello, hello > menu, menu:help > plan-basic, menu:agent > plan-plus',
        'plan-basic > show-plan, plan-plus > show-plan, show-plan > agent, agent > erase, erase > bye',
      ),
    });
    expect(checkFlow(flow)).toEqual([]);
  });

  it('accepts a read guarded by a condition testing that the key exists', () => {
    const flow = testFlow({
      ...parts,
      variables: [{ key: 'topic' }, { key: 'plan' }],
      nodes: nodesWith(
        node.set('plan-basic', 'plan', 'basic'),
        node.condition('has-plan', [{ outcome: 'yes', var: 'plan', op: 'exists' }]),
        node.message('show-plan', 'Plano {{plan}}.', 'Plan {{plan}}.'),
      ),
      edges: edges(
        'start > hello, hello > menu, menu:help > plan-basic, menu:agent > has-plan',
        'plan-basic > has-plan, has-plan:yes > show-plan, has-plan:else > agent, show-plan > agent, agent > erase, erase > bye',
      ),
    });
    expect(findings(flow, 'undefined-variable')).toEqual([]);
  });

  it('reports an answer read after the question failed (the invalid way out stores nothing)', () => {
    const flow = testFlow({
      ...parts,
      edges: edges(
        'start > hello, hello > menu, menu:help > ask-consent, menu:agent > agent',
        'ask-consent:granted > ask-email, ask-consent:declined > bye',
        'ask-email > human, ask-email:invalid > thanks, thanks > human, human > erase, erase > bye, agent > bye',
      ),
    });
    expect(findings(flow, 'undefined-variable')).toMatchObject([{ nodeId: 'thanks', dataKey: 'email' }]);
  });

  it('suggests the key a typo probably meant', () => {
    const flow = testFlow({
      ...parts,
      nodes: parts.nodes.map((each) =>
        each['id'] === 'thanks' ? node.message('thanks', 'Em {{emial}}.', 'At {{emial}}.') : each,
      ),
    });
    const [found] = findings(flow, 'undefined-variable');
    expect(found?.message).toContain('Did you mean “{{email}}”?');
  });

  it('treats contact.phone and contact.name as always set', () => {
    const flow = testFlow({
      ...parts,
      nodes: parts.nodes.map((each) =>
        each['id'] === 'thanks'
          ? node.message('thanks', 'Oi {{contact.name}}! {{email}}', 'Hi {{contact.name}}! {{email}}')
          : each,
      ),
    });
    expect(findings(flow, 'undefined-variable')).toEqual([]);
  });
});

describe('sensitive-echo', () => {
  const cpf = {
    key: 'cpf',
    label: { 'pt-BR': 'CPF', en: 'CPF' },
    category: 'user.government_id.national_identification_number',
    purposes: ['support'],
    legalBasis: 'contract',
    retentionDays: 90,
  };

  it('warns when a message repeats an official ID number, with the path to it', () => {
    const flow = testFlow({
      ...parts,
      data: [emailField, cpf],
      nodes: nodesWith(
        node.question('ask-cpf', 'cpf', 'cpf', 'Qual é o seu CPF?', 'What is your CPF?'),
        node.message('echo', 'Seu CPF é {{ cpf }}.', 'Your CPF is {{ cpf }}.'),
      ),
      edges: edges(
        'start > hello, hello > menu, menu:help > ask-consent, menu:agent > ask-cpf, ask-cpf > echo, echo > agent',
        'ask-consent:granted > ask-email, ask-consent:declined > bye',
        'ask-email > thanks, thanks > human, human > erase, erase > bye, agent > bye',
      ),
    });
    expect(findings(flow, 'sensitive-echo')).toMatchObject([
      { nodeId: 'echo', dataKey: 'cpf', severity: 'warning', path: ['start', 'hello', 'menu', 'ask-cpf', 'echo'] },
    ]);
  });

  it('does not warn about repeating an email', () => {
    expect(findings(testFlow(parts), 'sensitive-echo')).toEqual([]);
  });

  /** The CPF asked, then `copy` steps (Set variable), then a message reading `shown`. */
  const copied = (copies: Record<string, unknown>[], shown: string) =>
    testFlow({
      ...parts,
      data: [emailField, cpf],
      variables: [{ key: 'summary' }, { key: 'note' }, { key: 'flag' }],
      nodes: nodesWith(
        node.question('ask-cpf', 'cpf', 'cpf', 'Qual é o seu CPF?', 'What is your CPF?'),
        ...copies,
        node.message('echo', `Resumo: {{${shown}}}.`, `Summary: {{${shown}}}.`),
      ),
      edges: edges(
        'start > hello, hello > menu, menu:help > ask-consent, menu:agent > ask-cpf',
        `ask-cpf > ${copies.map((copy) => `${String(copy['id'])}, ${String(copy['id'])} > `).join('')}echo, echo > agent`,
        'ask-consent:granted > ask-email, ask-consent:declined > bye',
        'ask-email > thanks, thanks > human, human > erase, erase > bye, agent > bye',
      ),
    });

  it('warns about a copy: a message reading a key set from the CPF, naming the copy, its origin and the copy step', () => {
    const found = findings(copied([node.set('summarise', 'summary', 'CPF {{cpf}}')], 'summary'), 'sensitive-echo');
    expect(found).toMatchObject([
      {
        nodeId: 'echo',
        dataKey: 'cpf',
        path: ['start', 'hello', 'menu', 'ask-cpf', 'summarise', 'echo'],
      },
    ]);
    expect(found[0]?.message).toContain(
      'repeats “{{summary}}” in the chat, and “{{summary}}” holds “CPF” (National ID number), copied at the step Set variable “summarise”',
    );
  });

  it('follows a chain of copies, and stays silent for copies of a fixed text or a non-personal value', () => {
    const chain = [node.set('first', 'note', '{{cpf}}'), node.set('second', 'summary', 'nota: {{note}}')];
    expect(findings(copied(chain, 'summary'), 'sensitive-echo')).toMatchObject([
      { nodeId: 'echo', dataKey: 'cpf', path: ['start', 'hello', 'menu', 'ask-cpf', 'first', 'second', 'echo'] },
    ]);
    const fixed = [node.set('first', 'note', 'CPF recebido'), node.set('second', 'summary', 'nota: {{note}}')];
    expect(findings(copied(fixed, 'summary'), 'sensitive-echo')).toEqual([]);
    // Overwritten with a fixed text before the message: the copy no longer holds the CPF.
    const overwritten = [node.set('first', 'summary', '{{cpf}}'), node.set('second', 'summary', 'ok')];
    expect(findings(copied(overwritten, 'summary'), 'sensitive-echo')).toEqual([]);
  });
});

describe('insecure-transfer', () => {
  const http = (url: string, send: string[]) =>
    testFlow({
      ...parts,
      nodes: parts.nodes.map((each) => (each['id'] === 'human' ? node.http('human', { url, send }) : each)),
      edges: parts.edges.map((edge) => (edge['from'] === 'human' ? { ...edge, outcome: 'ok' } : edge)),
    });

  it('reports personal data sent over http://, with the path to the request', () => {
    expect(findings(http('http://api.crm.example/v1/leads', ['email']), 'insecure-transfer')).toMatchObject([
      { nodeId: 'human', path: ['start', 'hello', 'menu', 'ask-consent', 'ask-email', 'thanks', 'human'] },
    ]);
  });

  it('reports a handoff forwarded to a desk at an http:// address, and not one at https://', () => {
    const forwardedTo = (url: string) =>
      testFlow({
        ...parts,
        recipients: [
          { id: 'crm', name: 'Acme CRM', host: 'api.crm.example' },
          { id: 'support', name: 'Help desk', url },
        ],
        data: [{ ...emailField, sharedWith: ['crm', 'support'] }],
      });
    expect(findings(forwardedTo('http://desk.example/handoffs'), 'insecure-transfer')).toMatchObject([
      { nodeId: 'human', message: expect.stringContaining('http://desk.example') },
    ]);
    expect(findings(forwardedTo('https://desk.example/handoffs'), 'insecure-transfer')).toEqual([]);
    // A relay on this machine: nothing crosses a network.
    expect(findings(forwardedTo('http://127.0.0.1:8088/handoffs'), 'insecure-transfer')).toEqual([]);
  });

  it('accepts https, and plain http that carries nothing personal', () => {
    expect(findings(http('https://api.crm.example/v1/leads', ['email']), 'insecure-transfer')).toEqual([]);
    expect(findings(http('http://api.crm.example/v1/ping', ['topic']), 'insecure-transfer')).toEqual([]);
    expect(findings(http('http://localhost:8080/v1/leads', ['email']), 'insecure-transfer')).toEqual([]);
    expect(findings(http('http://localhost.evil.example/v1/leads', ['email']), 'insecure-transfer')).toMatchObject([
      { nodeId: 'human' },
    ]);
  });
});
