import { describe, expect, it } from 'vitest';
import { compliantParts, edges, emailField, findings, node, testFlow } from '../../../test/check/flow-builder.ts';

type Json = Record<string, unknown>;

const both = (pt: string, en: string) => ({ 'pt-BR': pt, en });
const recipients = [
  { id: 'crm', name: 'Acme CRM', host: 'api.crm.example', country: 'BR' },
  { id: 'tickets', name: 'Tiquete', host: 'api.tickets.example', country: 'BR' },
];
/** A field of the plainest kind, shared with both recipients: its own declaration never stops it. */
const plainField = (key: string, label: string, category = 'user.content'): Json => ({
  key,
  label: both(label, label),
  category,
  purposes: ['support'],
  legalBasis: 'legitimate_interests',
  retentionDays: 30,
  sharedWith: ['crm', 'tickets'],
});
const note = plainField('note', 'Note');
const ticketRequest = (fields: Json = {}) =>
  node.http('open-ticket', { url: 'https://api.tickets.example/v1/tickets', recipient: 'tickets', ...fields });

const parts = compliantParts();
/** Where the email is known: start → … → “Thanks! …”; the steps under test follow it, then the handoff. */
const toThanks = ['start', 'hello', 'menu', 'ask-consent', 'ask-email', 'thanks'];

/**
 * The compliant support flow (email asked after consent, shared with the CRM only) with `steps`
 * between the thank-you message and the handoff; http steps go on by `ok`, a condition's outcomes
 * are wired by `wiring` ("a:outcome > b").
 */
function withSteps(steps: Json[], declarations: Json = {}, wiring: string[] = []) {
  const chain = steps.filter((step) => step['type'] !== 'condition' || wiring.length === 0);
  const links = ['thanks', ...chain.map((step) => String(step['id'])), 'human'];
  const outcomeOf = (id: string) => (steps.find((step) => step['id'] === id)?.['type'] === 'http' ? ':ok' : '');
  const linked = links.slice(0, -1).map((from, at) => `${from}${outcomeOf(from)} > ${links[at + 1]}`);
  return testFlow({
    ...parts,
    recipients,
    variables: [{ key: 'topic' }],
    ...declarations,
    nodes: [...parts.nodes, ...steps],
    edges: edges(
      'start > hello, hello > menu, menu:help > ask-consent, menu:agent > agent',
      'ask-consent:granted > ask-email, ask-consent:declined > bye, ask-email > thanks',
      ...(wiring.length > 0 ? wiring : [linked.join(', ')]),
      'human > erase, erase > bye, agent > bye',
    ),
  });
}

describe('lineage: undeclared-sharing judges a copy by the field it holds', () => {
  const summarised = (value: string) =>
    withSteps([node.set('summarise', 'note', value), ticketRequest({ send: ['note'] })], {
      data: [emailField, note],
    });

  it('reports a copy of the email sent to a recipient the email is not shared with, through the copy step', () => {
    const found = findings(summarised('Cliente {{email}}'), 'undeclared-sharing');
    expect(found).toMatchObject([
      {
        nodeId: 'open-ticket',
        dataKey: 'email',
        path: [...toThanks, 'summarise', 'open-ticket'],
        copy: { key: 'note', origin: 'email', nodeId: 'summarise' },
      },
    ]);
    expect(found[0]?.message).toBe(
      'The step HTTP request “open-ticket” sends “Note” to “Tiquete”, and “Note” holds “Email”, copied at the step ' +
        "Set variable “summarise”, on the path Start → “Hi! I'm Loja Sol's automated assistant.…” → “How can I help?” → " +
        '… (2 more) … → “Thanks! We will answer at {{email}}.” → Set variable “summarise” → ' +
        'HTTP request “open-ticket”. “Email” is not declared as shared with “Tiquete”: add “Tiquete” to its “shared with” ' +
        'list, or stop sending the copy.',
    );
    expect(findings(summarised('Cliente {{email}}'), 'undeclared-sharing', 'pt-BR')[0]?.message).toContain(
      '“Note” contém “E-mail”, copiado no passo Definir variável “summarise”',
    );
    expect(findings(summarised('Cliente {{email}}'), 'undeclared-sharing', 'ar')[0]?.message).toContain(
      '«Note» يحمل «E-mail»، وقد نُسخ في الخطوة تعيين متغير «summarise»',
    );
  });

  it('stays silent for a copy of a fixed text, or of what a condition found out', () => {
    expect(findings(summarised('Cliente pediu ajuda'), 'undeclared-sharing')).toEqual([]);
    const verdict = withSteps(
      [
        node.condition('has-email', [{ outcome: 'known', var: 'email', op: 'exists' }]),
        node.set('known', 'note', 'tem e-mail'),
        node.set('unknown', 'note', 'sem e-mail'),
        ticketRequest({ send: ['note'] }),
      ],
      { data: [emailField, note] },
      [
        'thanks > has-email, has-email:known > known, has-email:else > unknown',
        'known > open-ticket, unknown > open-ticket, open-ticket:ok > human',
      ],
    );
    expect(findings(verdict, 'undeclared-sharing')).toEqual([]);
  });

  it('follows a response that echoes what the request sent, and not a ticket number', () => {
    const answered = (sent: string) =>
      withSteps(
        [
          node.http('to-crm', {
            send: ['email'],
            saveResponse: [
              { from: '$.email', to: 'crm_contact' },
              { from: '$.ticket', to: 'ticket' },
            ],
          }),
          ticketRequest({ send: [sent] }),
        ],
        { variables: [{ key: 'topic' }, { key: 'crm_contact' }, { key: 'ticket' }] },
      );
    expect(findings(answered('crm_contact'), 'undeclared-sharing')).toMatchObject([
      {
        nodeId: 'open-ticket',
        dataKey: 'email',
        path: [...toThanks, 'to-crm', 'open-ticket'],
        copy: { key: 'crm_contact', origin: 'email', nodeId: 'to-crm' },
      },
    ]);
    expect(findings(answered('ticket'), 'undeclared-sharing')).toEqual([]);
  });

  it('takes a response saved into a field declared as the same kind of data as a field sent for a copy of it', () => {
    const saved = (from: string, to: string) =>
      withSteps(
        [node.http('to-crm', { send: ['email'], saveResponse: [{ from, to }] }), ticketRequest({ send: [to] })],
        {
          data: [
            emailField,
            plainField('crm_email', 'CRM email', 'user.contact.email'),
            plainField('lead_id', 'Lead', 'user.unique_id'),
          ],
        },
      );
    expect(findings(saved('$.contact.primary', 'crm_email'), 'undeclared-sharing')).toMatchObject([
      { nodeId: 'open-ticket', dataKey: 'email', copy: { key: 'crm_email', origin: 'email', nodeId: 'to-crm' } },
    ]);
    // The CRM's own id for the lead is another kind of data: not a copy of the email.
    expect(findings(saved('$.id', 'lead_id'), 'undeclared-sharing')).toEqual([]);
  });

  it('names the customer’s WhatsApp number when a copy of it reaches an agent undeclared', () => {
    const flow = withSteps([node.set('who', 'note', 'Cliente {{contact.phone}}'), node.handoff('desk', ['note'])], {
      data: [emailField, note],
    });
    const found = findings(flow, 'undeclared-sharing');
    expect(found).toMatchObject([
      { nodeId: 'desk', dataKey: 'contact.phone', copy: { key: 'note', origin: 'contact.phone', nodeId: 'who' } },
    ]);
    expect(found[0]?.message).toContain(
      "passes “Note” to a human agent, and “Note” holds the customer's WhatsApp number, copied at the step Set variable “who”",
    );
  });
});

describe('lineage: insecure-transfer counts copies of personal data as personal', () => {
  const sentPlainly = (copy: Json) =>
    withSteps([copy, ticketRequest({ url: 'http://api.tickets.example/v1/tickets', send: ['ref'] })], {
      variables: [{ key: 'topic' }, { key: 'ref' }, { key: 'channel' }],
    });

  it('reports a plain-text request that sends only a copy of the email, naming copy, origin and copy step', () => {
    const found = findings(sentPlainly(node.set('copy-ref', 'ref', '{{email}}')), 'insecure-transfer');
    expect(found).toMatchObject([
      {
        nodeId: 'open-ticket',
        path: [...toThanks, 'copy-ref', 'open-ticket'],
        copy: { key: 'ref', origin: 'email', nodeId: 'copy-ref' },
      },
    ]);
    expect(found[0]?.message).toContain(
      'sends “{{ref}}” (which holds “Email”, copied at the step Set variable “copy-ref”) over an unencrypted connection',
    );
    expect(
      findings(sentPlainly(node.set('copy-ref', 'ref', '{{email}}')), 'insecure-transfer', 'pt-BR')[0]?.message,
    ).toContain('“{{ref}}” (que contém “E-mail”, copiado no passo Definir variável “copy-ref”)');
    expect(
      findings(sentPlainly(node.set('copy-ref', 'ref', '{{email}}')), 'insecure-transfer', 'ar')[0]?.message,
    ).toContain('«{{ref}}» (الذي يحمل «E-mail»، وقد نُسخ في الخطوة تعيين متغير «copy-ref»)');
  });

  it('accepts a fixed text, and a choice whose button shows the email (the choice stores the button’s id)', () => {
    expect(findings(sentPlainly(node.set('copy-ref', 'ref', 'pedido-123')), 'insecure-transfer')).toEqual([]);
    const chosen = sentPlainly(
      node.buttons(
        'copy-ref',
        [
          ['same', 'Responder em {{email}}', 'Answer at {{email}}'],
          ['other', 'Outro canal', 'Another channel'],
        ],
        'ref',
        both('Onde respondemos?', 'Where shall we answer?'),
      ),
    );
    const wired = { ...chosen, edges: chosen.edges.filter((edge) => edge.from !== 'copy-ref') };
    wired.edges.push(
      { id: 'e-same', from: 'copy-ref', outcome: 'same', to: 'open-ticket' },
      { id: 'e-other', from: 'copy-ref', outcome: 'other', to: 'open-ticket' },
    );
    expect(findings(wired, 'insecure-transfer')).toEqual([]);
  });
});

describe('lineage: consent-before-collection follows copies of consent-based fields', () => {
  /** Consent, the email, a copy of it, consent asked again; “declined” leads to a desk that gets `note`. */
  const askedAgain = (copy: Json[], wiring: string) =>
    testFlow({
      ...parts,
      data: [emailField, note],
      nodes: [...parts.nodes, ...copy, node.consent('ask-again'), node.handoff('desk', ['note'])],
      edges: edges(
        'start > hello, hello > menu, menu:help > ask-consent, menu:agent > agent',
        'ask-consent:granted > ask-email, ask-consent:declined > bye, ask-email > thanks',
        wiring,
        'ask-again:granted > human, ask-again:declined > desk, desk > bye',
        'human > erase, erase > bye, agent > bye',
      ),
    });
  const summarised = (value: string) =>
    askedAgain([node.set('summarise', 'note', value)], 'thanks > summarise, summarise > ask-again');

  it('reports a copy passed on after the customer withdrew consent, through the copy step', () => {
    const found = findings(summarised('Cliente {{email}}'), 'consent-before-collection');
    expect(found).toMatchObject([
      {
        nodeId: 'desk',
        dataKey: 'email',
        path: [...toThanks, 'summarise', 'ask-again', 'desk'],
        copy: { key: 'note', origin: 'email', nodeId: 'summarise' },
      },
    ]);
    expect(found[0]?.message).toContain(
      'passes “Note” to a human agent, and “Note” holds “Email”, copied at the step Set variable “summarise”, when the customer has not agreed (or no longer agrees)',
    );
    expect(findings(summarised('Cliente {{email}}'), 'consent-before-collection', 'pt-BR')[0]?.message).toContain(
      'repassa “Note” a um atendente, e “Note” contém “E-mail”, copiado no passo Definir variável “summarise”, sem que o cliente tenha concordado',
    );
    expect(findings(summarised('Cliente {{email}}'), 'consent-before-collection', 'ar')[0]?.message).toContain(
      'دون موافقة العميل (أو بعد سحبها)',
    );
  });

  it('stays silent for a fixed text, and for what a condition found out', () => {
    expect(findings(summarised('Cliente pediu ajuda'), 'consent-before-collection')).toEqual([]);
    const verdict = askedAgain(
      [
        node.condition('has-email', [{ outcome: 'known', var: 'email', op: 'exists' }]),
        node.set('known', 'note', 'tem e-mail'),
        node.set('unknown', 'note', 'sem e-mail'),
      ],
      'thanks > has-email, has-email:known > known, has-email:else > unknown, known > ask-again, unknown > ask-again',
    );
    expect(findings(verdict, 'consent-before-collection')).toEqual([]);
  });
});

describe('lineage: collected-not-used counts reads of copies, and only them', () => {
  /** The email asked after consent and copied into `note`; nothing else reads the email. */
  const copiedOnly = (handoffShares: string[], copy = node.set('summarise', 'note', 'Cliente {{email}}')) =>
    testFlow({
      ...parts,
      data: [emailField, note],
      nodes: [
        ...parts.nodes.filter((each) => each['id'] !== 'human' && each['id'] !== 'thanks'),
        node.message('thanks', 'Obrigado!', 'Thanks!'),
        copy,
        node.handoff('human', handoffShares),
      ],
      edges: edges(
        'start > hello, hello > menu, menu:help > ask-consent, menu:agent > agent',
        'ask-consent:granted > ask-email, ask-consent:declined > bye, ask-email > thanks',
        `thanks > ${String(copy['id'])}, ${String(copy['id'])} > human`,
        'human > erase, erase > bye, agent > bye',
      ),
    });
  const toEmail = ['start', 'hello', 'menu', 'ask-consent', 'ask-email'];

  it('reports a field only copied into a key nothing reads, naming the copy, with the copy step in its path', () => {
    const found = findings(copiedOnly([]), 'collected-not-used').filter((each) => each.dataKey === 'email');
    expect(found).toMatchObject([
      {
        nodeId: 'ask-email',
        path: [...toEmail, 'thanks', 'summarise'],
        copy: { key: 'note', origin: 'email', nodeId: 'summarise' },
      },
    ]);
    expect(found[0]?.message).toContain(
      'collects “Email”, but it is only copied into “Note” at the step Set variable “summarise”, and no later step uses the copy',
    );
    expect(
      findings(copiedOnly([]), 'collected-not-used', 'pt-BR').find((each) => each.dataKey === 'email')?.message,
    ).toContain('só é copiado para “Note” no passo Definir variável “summarise”');
    expect(
      findings(copiedOnly([]), 'collected-not-used', 'ar').find((each) => each.dataKey === 'email')?.message,
    ).toContain('يُنسخ فقط إلى «Note» في الخطوة تعيين متغير «summarise»');
  });

  it('counts the copy passed on as a use of the email, and a condition on the email as one too', () => {
    expect(findings(copiedOnly(['note']), 'collected-not-used')).toEqual([]);
    const checked = copiedOnly(
      [],
      node.condition('has-email', [{ outcome: 'known', var: 'email', op: 'contains', value: '@lojasol.example' }]),
    );
    const wired = {
      ...checked,
      edges: [
        ...checked.edges.filter((edge) => edge.from !== 'has-email'),
        { id: 'e-known', from: 'has-email', outcome: 'known', to: 'human' },
        { id: 'e-else', from: 'has-email', outcome: 'else', to: 'human' },
      ],
    };
    expect(findings(wired, 'collected-not-used')).toEqual([]);
  });
});

describe('lineage: sensitive-echo through a recipient’s answer', () => {
  const health = {
    ...plainField('condition', 'Health condition', 'user.health_and_medical'),
    legalBasis: 'consent',
  };
  /** The condition asked after consent, sent to a lab, and the lab's answer shown in the chat. */
  const answered = (from: string) =>
    withSteps(
      [
        node.question('ask-condition', 'text', 'condition', 'Qual é a sua condição?', 'What is your condition?'),
        node.http('to-lab', {
          recipient: 'tickets',
          url: 'https://api.tickets.example/v1/cases',
          headers: { 'Content-Type': 'application/json' },
          body: '{"case": {"condition": "{{condition}}"}}',
          saveResponse: [{ from, to: 'lab_note' }],
        }),
        node.message('show', 'Registramos: {{lab_note}}.', 'We noted: {{lab_note}}.'),
      ],
      { data: [emailField, health], variables: [{ key: 'topic' }, { key: 'lab_note' }] },
    );

  it('warns when the answer echoes the condition at the place the request put it, through the request', () => {
    expect(findings(answered('$.case.condition'), 'sensitive-echo')).toMatchObject([
      {
        nodeId: 'show',
        dataKey: 'condition',
        path: [...toThanks, 'ask-condition', 'to-lab', 'show'],
        copy: { key: 'lab_note', origin: 'condition', nodeId: 'to-lab' },
      },
    ]);
  });

  it('stays silent for another part of the answer (the lab’s case number)', () => {
    expect(findings(answered('$.case.id'), 'sensitive-echo')).toEqual([]);
  });
});
