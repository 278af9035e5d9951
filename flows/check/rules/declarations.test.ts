import { describe, expect, it } from 'vitest';
import { checkFlow } from '../index.ts';
import { compliantParts, edges, emailField, findings, node, testFlow } from '../../../test/check/flow-builder.ts';

/** The compliant flow with one node replaced (same id, so the edges still fit). */
function withNode(id: string, replacement: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const parts = compliantParts();
  return testFlow({ ...parts, nodes: parts.nodes.map((each) => (each['id'] === id ? replacement : each)), ...extra });
}

describe('undeclared-data', () => {
  it('reports an answer saved under a key declared nowhere, at the question', () => {
    const flow = withNode(
      'ask-email',
      node.question('ask-email', 'email', 'e_mail', 'Qual é o seu e-mail?', 'What is your email?'),
    );
    const found = findings(flow, 'undeclared-data');
    expect(found).toMatchObject([{ nodeId: 'ask-email', dataKey: 'e_mail', severity: 'error' }]);
    expect(found[0]?.message).toContain('“e_mail”');
  });

  it('accepts a choice saved into a declared variable', () => {
    expect(findings(testFlow(compliantParts()), 'undeclared-data')).toEqual([]);
  });

  it('reports a set step copying the customer’s WhatsApp name without declaring contact.name', () => {
    const parts = compliantParts();
    const flow = testFlow({
      ...parts,
      variables: [{ key: 'topic' }, { key: 'greeting' }],
      nodes: [...parts.nodes, node.set('greet', 'greeting', 'Olá {{contact.name}}')],
      edges: [...parts.edges, ...edges('greet > bye')],
    });
    expect(findings(flow, 'undeclared-data')).toMatchObject([{ nodeId: 'greet', dataKey: 'contact.name' }]);
  });

  it('accepts a message greeting the customer by their WhatsApp name (nothing is stored)', () => {
    const flow = withNode('thanks', node.message('thanks', 'Obrigado, {{contact.name}}!', 'Thanks, {{contact.name}}!'));
    expect(findings(flow, 'undeclared-data')).toEqual([]);
  });
});

describe('mislabeled-data', () => {
  it('is an error when an email question saves into a non-personal variable', () => {
    const flow = withNode(
      'ask-email',
      node.question('ask-email', 'email', 'topic', 'Qual é o seu e-mail?', 'What is your email?'),
    );
    expect(findings(flow, 'mislabeled-data')).toMatchObject([
      { nodeId: 'ask-email', dataKey: 'topic', severity: 'error' },
    ]);
  });

  it('is an error when an email question saves into a financial field', () => {
    const flow = withNode(
      'ask-email',
      node.question('ask-email', 'email', 'email', 'Qual é o seu e-mail?', 'What is your email?'),
      {
        data: [{ ...emailField, category: 'user.financial' }],
      },
    );
    const [found] = findings(flow, 'mislabeled-data');
    expect(found).toMatchObject({ severity: 'error', dataKey: 'email' });
    expect(found?.message).toContain('Email address');
  });

  it('accepts an email saved into a vaguer parent category or a children’s-data field', () => {
    for (const category of ['user.contact', 'user', 'user.childrens']) {
      const flow = withNode(
        'ask-email',
        node.question('ask-email', 'email', 'email', 'Qual é o seu e-mail?', 'What is your email?'),
        {
          data: [{ ...emailField, category }],
        },
      );
      expect(findings(flow, 'mislabeled-data'), category).toEqual([]);
    }
  });

  it('warns when only the words of a text question suggest other data than declared (Portuguese)', () => {
    const flow = withNode(
      'ask-email',
      node.question('ask-email', 'text', 'email', 'Qual é o seu CPF?', 'What is your CPF?'),
    );
    const [found] = findings(flow, 'mislabeled-data', 'pt-BR');
    expect(found).toMatchObject({ severity: 'warning', dataKey: 'email' });
    expect(found?.message).toContain('documento oficial');
  });

  it('warns for Arabic and Spanish wording too, after folding Arabic letter variants', () => {
    const arabic = testFlow({
      ...compliantParts(),
      languages: ['ar'],
      nodes: [
        node.start(),
        { ...node.disclosure(), text: { ar: 'مرحبًا! أنا المساعد الآلي لمتجر الشمس.' } },
        { ...node.consent('ask-consent'), text: { ar: 'هل توافق على استخدام بياناتك؟' } },
        // أعراض with hamza and harakat, stored in a variable: health data declared as not personal
        { ...node.question('ask', 'text', 'topic', '', ''), text: { ar: 'هل تعاني من أيِّ أَعراض؟' } },
        node.erase(),
        { ...node.end(), text: { ar: 'مع السلامة' } },
      ],
      edges: edges(
        'start > hello, hello > ask-consent, ask-consent:granted > ask, ask-consent:declined > bye, ask > erase, erase > bye',
      ),
    });
    expect(findings(arabic, 'mislabeled-data')).toMatchObject([{ nodeId: 'ask', severity: 'warning' }]);

    const spanish = withNode('ask-email', {
      ...node.question('ask-email', 'text', 'email', '', ''),
      text: { es: '¿Cuál es tu número de teléfono?' },
    });
    expect(findings(spanish, 'mislabeled-data')).toMatchObject([{ severity: 'warning', dataKey: 'email' }]);
  });

  it('does not read words outside the question sentence (a product question that mentions email)', () => {
    const flow = withNode(
      'ask-email',
      node.question(
        'ask-email',
        'text',
        'email',
        'Obrigado! Qual é o seu e-mail? Enviaremos o orçamento.',
        'Thanks! What is your email? We send the quote there.',
      ),
    );
    expect(findings(flow, 'mislabeled-data')).toEqual([]);
    const product = testFlow({
      ...compliantParts(),
      nodes: compliantParts().nodes.map((each) =>
        each['id'] === 'thanks'
          ? node.question(
              'thanks',
              'text',
              'topic',
              'Qual produto você quer? Mandamos o orçamento por e-mail.',
              'Which product? We email the quote.',
            )
          : each,
      ),
    });
    expect(findings(product, 'mislabeled-data')).toEqual([]);
  });

  it('reports a set step that copies personal data into a variable', () => {
    const parts = compliantParts();
    const flow = testFlow({
      ...parts,
      nodes: [...parts.nodes.filter((each) => each['id'] !== 'thanks'), node.set('thanks', 'topic', '{{email}}')],
    });
    expect(findings(flow, 'mislabeled-data')).toMatchObject([
      { nodeId: 'thanks', dataKey: 'topic', severity: 'error' },
    ]);
  });
});

describe('undeclared-sharing', () => {
  const send = (fields: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    withNode('human', node.http('human', { send: ['email'], ...fields }), extra);

  it('accepts email sent to the CRM it is shared with, at the CRM’s host', () => {
    const flow = testFlow({
      ...compliantParts(),
      nodes: compliantParts().nodes.map((each) =>
        each['id'] === 'human' ? node.http('human', { send: ['email'] }) : each,
      ),
      edges: compliantParts().edges.map((edge) => (edge['from'] === 'human' ? { ...edge, outcome: 'ok' } : edge)),
    });
    expect(findings(flow, 'undeclared-sharing')).toEqual([]);
  });

  it('reports a field sent to a recipient not in its sharedWith', () => {
    const flow = send(
      { recipient: 'mailer', url: 'https://api.mailer.example/send' },
      {
        recipients: [
          { id: 'crm', name: 'Acme CRM', host: 'api.crm.example' },
          { id: 'mailer', name: 'Carteiro', host: 'api.mailer.example' },
        ],
      },
    );
    expect(findings(flow, 'undeclared-sharing')).toMatchObject([{ nodeId: 'human', dataKey: 'email' }]);
  });

  it('reports a URL whose host is not the recipient’s, and one whose host is a placeholder', () => {
    expect(findings(send({ url: 'https://collect.other.example/x' }), 'undeclared-sharing')).toMatchObject([
      { nodeId: 'human' },
    ]);
    // A placeholder that decides the host is refused by unsafe-template, whatever is sent.
    const dynamic = send({ url: '{{base}}/x' }, { variables: [{ key: 'topic' }, { key: 'base' }] });
    expect(findings(dynamic, 'undeclared-sharing')).toEqual([]);
    expect(findings(dynamic, 'unsafe-template')).toMatchObject([{ nodeId: 'human' }]);
    expect(findings(dynamic, 'unsafe-template')[0]?.message).toContain('placeholder');
  });

  it('accepts the recipient’s host with a port and a path built from placeholders', () => {
    expect(findings(send({ url: 'https://api.crm.example:8443/v1/leads/{{email}}' }), 'undeclared-sharing')).toEqual(
      [],
    );
  });

  it('counts the built-in contact.phone read by a URL template as sharing, even when not in send', () => {
    const flow = send({ send: [], url: 'https://api.crm.example/v1/leads?phone={{contact.phone}}' });
    expect(findings(flow, 'undeclared-sharing')).toMatchObject([{ nodeId: 'human', dataKey: 'contact.phone' }]);
  });

  it('counts a handoff sharing contact.name without a declaration', () => {
    const flow = withNode('human', node.handoff('human', ['email', 'contact.name']));
    expect(findings(flow, 'undeclared-sharing')).toMatchObject([{ nodeId: 'human', dataKey: 'contact.name' }]);
  });

  it('leaves to the bot what a handoff forwards to an agent desk: only the fields shared with the desk go', () => {
    // The agents of the bot's own queue see every shared field; the desk the queue is forwarded to
    // gets only those declared as shared with it (runtime/conversation/turn.ts), so nothing is
    // shared undeclared and a handoff may share more than its desk receives.
    const desk = { id: 'support', name: 'Help desk', url: 'https://desk.example/handoffs' };
    const crm = { id: 'crm', name: 'Acme CRM', host: 'api.crm.example' };
    const forwarded = withNode('human', node.handoff('human', ['email']), { recipients: [crm, desk] });
    expect(findings(forwarded, 'undeclared-sharing')).toEqual([]);
  });

  it('accepts sending only non-personal variables anywhere', () => {
    expect(findings(send({ send: ['topic'], url: 'https://elsewhere.example/t' }), 'undeclared-sharing')).toEqual([]);
  });
});

describe('unused-declaration', () => {
  it('warns about a declared field no step collects', () => {
    const phone = {
      ...emailField,
      key: 'phone',
      category: 'user.contact.phone_number',
      label: { 'pt-BR': 'Telefone', en: 'Phone' },
    };
    const flow = testFlow({ ...compliantParts(), data: [emailField, phone] });
    expect(findings(flow, 'unused-declaration')).toMatchObject([{ dataKey: 'phone', severity: 'warning' }]);
  });

  it('counts a declared contact.phone as used when a step sends it', () => {
    const phone = {
      ...emailField,
      key: 'contact.phone',
      legalBasis: 'contract',
      category: 'user.contact.phone_number',
    };
    const used = withNode('human', node.handoff('human', ['email', 'contact.phone']), { data: [emailField, phone] });
    expect(findings(used, 'unused-declaration')).toEqual([]);
    const unused = testFlow({ ...compliantParts(), data: [emailField, phone] });
    expect(findings(unused, 'unused-declaration')).toMatchObject([{ dataKey: 'contact.phone' }]);
  });
});

describe('collected-not-used', () => {
  it('warns about a field collected and never read afterwards', () => {
    const parts = compliantParts();
    const flow = testFlow({
      ...parts,
      nodes: parts.nodes.map((each) =>
        each['id'] === 'thanks'
          ? node.message('thanks', 'Obrigado!', 'Thanks!')
          : each['id'] === 'human'
            ? node.handoff('human')
            : each,
      ),
    });
    expect(findings(flow, 'collected-not-used')).toMatchObject([
      { nodeId: 'ask-email', dataKey: 'email', severity: 'warning' },
    ]);
  });

  it('counts a later handoff or request as a use', () => {
    expect(findings(testFlow(compliantParts()), 'collected-not-used')).toEqual([]);
  });

  it('warns when the value is erased before anything reads it', () => {
    const parts = compliantParts();
    const flow = testFlow({
      ...parts,
      edges: edges(
        'start > hello, hello > menu, menu:help > ask-consent, menu:agent > agent',
        'ask-consent:granted > ask-email, ask-consent:declined > bye',
        'ask-email > erase, erase > thanks, thanks > human, human > bye, agent > bye',
      ),
    });
    // thanks reads {{email}} after the erase: the warning, and the read itself is undefined (the
    // handoff after it passes on what is known, so it is no undefined read).
    expect(findings(flow, 'collected-not-used')).toMatchObject([{ nodeId: 'ask-email' }]);
    expect(findings(flow, 'undefined-variable').map((d) => d.nodeId)).toEqual(['thanks']);
  });
});

describe('missing-retention, missing-purpose, sensitive-without-consent', () => {
  it('reports a field without retention and one without purposes', () => {
    const flow = testFlow({ ...compliantParts(), data: [{ ...emailField, retentionDays: undefined, purposes: [] }] });
    expect(findings(flow, 'missing-retention')).toMatchObject([{ dataKey: 'email', severity: 'error' }]);
    expect(findings(flow, 'missing-purpose')).toMatchObject([{ dataKey: 'email', severity: 'error' }]);
  });

  it('reports a purpose that is not declared, in a field and in a consent step', () => {
    const flow = withNode('ask-consent', node.consent('ask-consent', ['suport']), {
      data: [{ ...emailField, purposes: ['suport'] }],
    });
    expect(findings(flow, 'missing-purpose').map((d) => d.nodeId ?? d.dataKey)).toEqual(['email', 'ask-consent']);
  });

  it('reports sensitive data on another basis than consent, with DESIGN.md’s 2.x category names', () => {
    for (const category of [
      'user.health_and_medical',
      'user.biometric',
      'user.childrens',
      'user.demographic.religious_belief',
    ]) {
      const flow = testFlow({
        ...compliantParts(),
        data: [{ ...emailField, category, legalBasis: 'legitimate_interests' }],
      });
      expect(findings(flow, 'sensitive-without-consent'), category).toMatchObject([{ dataKey: 'email' }]);
    }
  });

  it('accepts a contract-basis field collected without any consent step', () => {
    const parts = compliantParts();
    const flow = testFlow({
      ...parts,
      data: [{ ...emailField, legalBasis: 'contract' }],
      edges: edges(
        'start > hello, hello > menu, menu:help > ask-email, menu:agent > agent',
        'ask-email > thanks, thanks > human, human > erase, erase > bye, agent > bye',
      ),
      nodes: parts.nodes.filter((each) => each['id'] !== 'ask-consent'),
    });
    expect(checkFlow(flow)).toEqual([]);
  });
});
