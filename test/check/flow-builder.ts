/**
 * Small, real-looking flows for the checker's tests: a Brazilian shop's support bot in
 * Portuguese and English. `testFlow` fills in a compliant skeleton (controller, one purpose,
 * a CRM recipient, an email field, global keywords) and takes the nodes and edges of the case;
 * `node` builds the usual steps with both languages; `edges` reads "a > b", "a:granted > b".
 */
import { checkFlow, type Diagnostic, type RuleId } from '../../flows/check/index.ts';
import type { UiLanguage } from '../../flows/i18n/index.ts';
import { parseFlow, type Flow } from '../../flows/index.ts';

type Json = Record<string, unknown>;
type Text = Record<string, string>;

const both = (pt: string, en: string): Text => ({ 'pt-BR': pt, en });
let x = 0;
const at = () => ({ x: (x += 10) % 400, y: x });

export const node = {
  start: (id = 'start'): Json => ({ id, type: 'start', position: at() }),
  disclosure: (id = 'hello'): Json => ({
    id,
    type: 'disclosure',
    position: at(),
    text: both(
      'Olá! Sou o assistente automático da Loja Sol. Privacidade: https://lojasol.example/privacidade',
      "Hi! I'm Loja Sol's automated assistant. Privacy: https://lojasol.example/privacy",
    ),
  }),
  message: (id: string, pt: string, en: string): Json => ({ id, type: 'message', position: at(), text: both(pt, en) }),
  question: (id: string, input: string, saveAs: string, pt: string, en: string): Json => ({
    id,
    type: 'question',
    position: at(),
    input,
    saveAs,
    text: both(pt, en),
  }),
  buttons: (
    id: string,
    options: [string, string, string][],
    saveAs?: string,
    text = both('Como posso ajudar?', 'How can I help?'),
  ): Json => ({
    id,
    type: 'buttons',
    position: at(),
    text,
    options: options.map(([option, pt, en]) => ({ id: option, label: both(pt, en) })),
    ...(saveAs === undefined ? {} : { saveAs }),
  }),
  consent: (id: string, purposes: string[] = ['support']): Json => ({
    id,
    type: 'consent',
    position: at(),
    purposes,
    text: both('Podemos usar seu e-mail para responder?', 'May we use your email to answer you?'),
  }),
  handoff: (id: string, share: string[] = []): Json => ({
    id,
    type: 'handoff',
    position: at(),
    queue: 'support',
    share,
    text: both('Vou chamar um atendente.', 'Connecting you to a person.'),
  }),
  http: (id: string, fields: Json): Json => ({
    id,
    type: 'http',
    position: at(),
    method: 'POST',
    url: 'https://api.crm.example/v1/leads',
    recipient: 'crm',
    send: [],
    ...fields,
  }),
  set: (id: string, key: string, value: string): Json => ({ id, type: 'set', position: at(), key, value }),
  condition: (id: string, rules: Json[]): Json => ({ id, type: 'condition', position: at(), rules }),
  erase: (id = 'erase'): Json => ({ id, type: 'erase', position: at() }),
  end: (id = 'bye'): Json => ({ id, type: 'end', position: at(), text: both('Até logo!', 'Goodbye!') }),
};

/** "a > b" (leaves by `next`), "a:granted > b", several per string separated by commas. */
export function edges(...chains: string[]): Json[] {
  const list: Json[] = [];
  for (const chain of chains) {
    for (const link of chain.split(',')) {
      const [from, to] = link.split('>').map((part) => part.trim());
      const [source, outcome] = (from ?? '').split(':');
      list.push({ id: `e${list.length + 1}-${source}-${to}`, from: source, to, ...(outcome ? { outcome } : {}) });
    }
  }
  return list;
}

export const emailField: Json = {
  key: 'email',
  label: both('E-mail', 'Email'),
  category: 'user.contact.email',
  purposes: ['support'],
  legalBasis: 'consent',
  retentionDays: 180,
  sharedWith: ['crm'],
};

/** A flow document: the compliant skeleton, overridden by `parts`. */
function testDocument(parts: Json): Json {
  return {
    format: 'amana.flow',
    version: 1,
    id: 'loja-sol',
    name: 'Loja Sol — atendimento',
    languages: ['pt-BR', 'en'],
    controller: { name: 'Loja Sol Ltda', contact: 'privacidade@lojasol.example' },
    purposes: [
      { id: 'support', label: both('Atendimento', 'Support') },
      { id: 'offers', label: both('Ofertas', 'Offers') },
    ],
    recipients: [{ id: 'crm', name: 'Acme CRM', host: 'api.crm.example', country: 'BR' }],
    data: [emailField],
    variables: [{ key: 'topic' }],
    keywords: {
      human: { 'pt-BR': ['atendente'], en: ['agent'] },
      erase: { 'pt-BR': ['apagar meus dados'], en: ['delete my data'] },
    },
    nodes: [],
    edges: [],
    ...parts,
  };
}

/** Parses a test document; a fixture that does not parse is a broken test, so this throws. */
export function testFlow(parts: Json): Flow {
  const parsed = parseFlow(testDocument(parts));
  if (!parsed.ok) throw new Error(`test flow does not parse: ${JSON.stringify(parsed.errors, null, 2)}`);
  return parsed.flow;
}

/** The findings of one rule. */
export function findings(flow: Flow, rule: RuleId, language: UiLanguage = 'en'): Diagnostic[] {
  return checkFlow(flow, { language }).filter((diagnostic) => diagnostic.rule === rule);
}

/**
 * A compliant support flow: disclosure, a menu, consent for support, the email question, a
 * message that uses it, a handoff that shares it, erase and goodbye. Tests change one thing.
 */
export function compliantParts(): { nodes: Json[]; edges: Json[] } {
  return {
    nodes: [
      node.start(),
      node.disclosure(),
      node.buttons(
        'menu',
        [
          ['help', 'Quero ajuda', 'I need help'],
          ['agent', 'Falar com alguém', 'Talk to a person'],
        ],
        'topic',
      ),
      node.consent('ask-consent'),
      node.question('ask-email', 'email', 'email', 'Qual é o seu e-mail?', 'What is your email?'),
      node.message('thanks', 'Obrigado! Responderemos em {{email}}.', 'Thanks! We will answer at {{email}}.'),
      node.handoff('human', ['email']),
      node.handoff('agent'),
      node.erase(),
      node.end(),
    ],
    edges: edges(
      'start > hello, hello > menu, menu:help > ask-consent, menu:agent > agent',
      'ask-consent:granted > ask-email, ask-consent:declined > bye',
      'ask-email > thanks, thanks > human, human > erase, erase > bye, agent > bye',
    ),
  };
}
