/**
 * Generates realistic flows of a chosen size for the checker benchmark (bench/check.bench.ts) and
 * for tests that look for false positives on large flows.
 *
 * A generated flow is a customer-service bot for a made-up Brazilian shop, in Portuguese and
 * English, made of "service modules" chained one after the other (each offers the next one, the
 * main menu, erasure or goodbye at its end). A module uses every node kind: a buttons or list
 * menu, a consent step before personal questions (email, phone, CPF, date of birth or location
 * input), a question with a retry loop on invalid answers, a set step, a condition on a looked-up
 * order status with `else`, two https requests to declared recipients (one whose failure hands
 * off), handoffs with and without shared fields, an erase step and an end. The declarations are
 * exactly what the modules use, so a generated flow is compliant: the checker should find
 * nothing, and the benchmark measures a full, clean check.
 *
 * Deterministic: the same size and seed give the same flow (mulberry32 PRNG).
 */

/** Nodes per module (the fixed prologue adds two). */
export const nodesPerModule = 22;

type Text = Record<'pt-BR' | 'en', string>;
type Json = Record<string, unknown>;

/** The personal question a module asks after consent, with the field it fills. */
interface PersonalQuestion {
  key: string;
  input: string;
  text: Text;
  /** How the bot uses the answer afterwards (a message that reads it). */
  echo: Text;
}

const personalQuestions: readonly PersonalQuestion[] = [
  {
    key: 'email',
    input: 'email',
    text: { 'pt-BR': 'Qual é o seu e-mail?', en: 'What is your email address?' },
    echo: { 'pt-BR': 'Vamos responder em {{email}}.', en: 'We will answer at {{email}}.' },
  },
  {
    key: 'phone',
    input: 'phone',
    text: { 'pt-BR': 'Qual é o seu telefone com DDD?', en: 'What is your phone number?' },
    echo: { 'pt-BR': 'Podemos ligar para {{phone}}.', en: 'We may call you at {{phone}}.' },
  },
  {
    key: 'cpf',
    input: 'cpf',
    text: { 'pt-BR': 'Informe o CPF do titular.', en: 'Please type the account holder’s CPF.' },
    echo: { 'pt-BR': 'CPF recebido, obrigado.', en: 'CPF received, thank you.' },
  },
  {
    key: 'birth_date',
    input: 'date',
    text: { 'pt-BR': 'Qual é a sua data de nascimento?', en: 'What is your date of birth?' },
    echo: { 'pt-BR': 'Anotamos o dia {{birth_date}}.', en: 'We noted {{birth_date}}.' },
  },
  {
    key: 'delivery_location',
    input: 'location',
    text: { 'pt-BR': 'Envie a sua localização para a entrega.', en: 'Send your location for the delivery.' },
    echo: { 'pt-BR': 'Localização recebida.', en: 'Location received.' },
  },
];

/** The data inventory every module draws from (a fixed size: a business declares tens of fields). */
const fieldDeclarations: Record<string, Json> = {
  name: {
    key: 'name',
    label: { 'pt-BR': 'Nome', en: 'Name' },
    category: 'user.name',
    purposes: ['support', 'sales'],
    legalBasis: 'consent',
    retentionDays: 180,
    sharedWith: ['crm'],
  },
  email: {
    key: 'email',
    label: { 'pt-BR': 'E-mail', en: 'Email' },
    category: 'user.contact.email',
    purposes: ['support', 'sales'],
    legalBasis: 'consent',
    retentionDays: 180,
    sharedWith: ['crm'],
  },
  phone: {
    key: 'phone',
    label: { 'pt-BR': 'Telefone', en: 'Phone number' },
    category: 'user.contact.phone_number',
    purposes: ['support', 'sales'],
    legalBasis: 'consent',
    retentionDays: 180,
    sharedWith: ['crm'],
  },
  cpf: {
    key: 'cpf',
    label: { 'pt-BR': 'CPF', en: 'CPF' },
    category: 'user.government_id.national_identification_number',
    purposes: ['billing'],
    legalBasis: 'contract',
    retentionDays: 365,
    sharedWith: ['crm'],
  },
  birth_date: {
    key: 'birth_date',
    label: { 'pt-BR': 'Data de nascimento', en: 'Date of birth' },
    category: 'user.demographic.date_of_birth',
    purposes: ['sales'],
    legalBasis: 'consent',
    retentionDays: 90,
    sharedWith: ['crm'],
  },
  delivery_location: {
    key: 'delivery_location',
    label: { 'pt-BR': 'Local de entrega', en: 'Delivery location' },
    category: 'user.location.precise',
    purposes: ['delivery'],
    legalBasis: 'contract',
    retentionDays: 30,
    sharedWith: ['crm'],
  },
  order_ref: {
    key: 'order_ref',
    label: { 'pt-BR': 'Número do pedido', en: 'Order number' },
    category: 'user.behavior.purchase_history',
    purposes: ['support'],
    legalBasis: 'contract',
    retentionDays: 60,
    sharedWith: ['orders'],
  },
};

/** Which consent purpose covers a module's personal question. */
const consentPurposeOf: Record<string, string> = {
  email: 'support',
  phone: 'support',
  cpf: 'support',
  birth_date: 'sales',
  delivery_location: 'support',
};

/** A small, fast, seedable PRNG (mulberry32). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A compliant flow document (plain JSON, as read from a file) with about `targetNodes` nodes:
 * `2 + nodesPerModule × modules`.
 */
export function generateFlow(targetNodes: number, seed = 2026): Json {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const modules = Math.max(1, Math.round((targetNodes - 2) / nodesPerModule));
  const nodes: Json[] = [];
  const edges: Json[] = [];
  const usedFields = new Set<string>(['name', 'order_ref']);
  let y = 0;
  const node = (id: string, type: string, fields: Json) => {
    nodes.push({ id, type, position: { x: (nodes.length % 6) * 220, y: (y += 40) }, ...fields });
  };
  const edge = (from: string, to: string, outcome?: string) => {
    edges.push({ id: `e${edges.length + 1}`, from, to, ...(outcome === undefined ? {} : { outcome }) });
  };

  node('start', 'start', {});
  node('welcome', 'disclosure', {
    text: {
      'pt-BR':
        'Olá! Sou o assistente automático da Loja Horizonte. Como tratamos seus dados: https://horizonte.example/privacidade',
      en: "Hi! I'm Loja Horizonte's automated assistant. How we handle your data: https://horizonte.example/privacy",
    },
  });
  edge('start', 'welcome');
  edge('welcome', 'm0-menu');

  for (let i = 0; i < modules; i += 1) {
    const m = (name: string) => `m${i}-${name}`;
    const nextMenu = i + 1 < modules ? `m${i + 1}-menu` : 'm0-menu';
    const question = pick(personalQuestions);
    usedFields.add(question.key);
    const purpose = consentPurposeOf[question.key] ?? 'support';

    // Menu: reply buttons or a list, saved as the topic.
    if (random() < 0.5) {
      node(m('menu'), 'buttons', {
        text: { 'pt-BR': `Atendimento ${i + 1}: como posso ajudar?`, en: `Service ${i + 1}: how can I help?` },
        options: [
          { id: 'data', label: { 'pt-BR': 'Meus dados', en: 'My details' } },
          { id: 'order', label: { 'pt-BR': 'Meu pedido', en: 'My order' } },
          { id: 'agent', label: { 'pt-BR': 'Falar com alguém', en: 'Talk to a person' } },
        ],
        saveAs: 'topic',
      });
    } else {
      node(m('menu'), 'list', {
        text: { 'pt-BR': `Atendimento ${i + 1}: escolha um assunto.`, en: `Service ${i + 1}: pick a topic.` },
        button: { 'pt-BR': 'Ver assuntos', en: 'See topics' },
        sections: [
          {
            title: { 'pt-BR': 'Cadastro', en: 'Account' },
            rows: [{ id: 'data', title: { 'pt-BR': 'Meus dados', en: 'My details' } }],
          },
          {
            title: { 'pt-BR': 'Pedidos', en: 'Orders' },
            rows: [
              {
                id: 'order',
                title: { 'pt-BR': 'Meu pedido', en: 'My order' },
                description: { 'pt-BR': 'Onde está a minha entrega?', en: 'Where is my delivery?' },
              },
              { id: 'agent', title: { 'pt-BR': 'Falar com alguém', en: 'Talk to a person' } },
            ],
          },
        ],
        saveAs: 'topic',
      });
    }
    edge(m('menu'), m('remember'), 'data');
    edge(m('menu'), m('order'), 'order');
    edge(m('menu'), m('agent'), 'agent');

    node(m('remember'), 'set', { key: 'last_topic', value: '{{topic}}' });
    edge(m('remember'), m('consent'));

    // Consent, then the personal questions; declining skips them.
    node(m('consent'), 'consent', {
      purposes: [purpose],
      text: {
        'pt-BR': 'Podemos usar seu nome e seus dados de contato para responder ao seu pedido?',
        en: 'May we use your name and contact details to answer your request?',
      },
    });
    edge(m('consent'), m('ask-name'), 'granted');
    edge(m('consent'), m('declined'), 'declined');
    node(m('declined'), 'message', {
      text: { 'pt-BR': 'Tudo bem, não guardamos nada.', en: 'No problem, we kept nothing.' },
    });
    edge(m('declined'), m('after'));

    node(m('ask-name'), 'question', {
      input: 'text',
      saveAs: 'name',
      text: { 'pt-BR': 'Como você se chama?', en: 'What is your name?' },
    });
    edge(m('ask-name'), m('ask-personal'));
    node(m('ask-personal'), 'question', {
      input: question.input,
      saveAs: question.key,
      text: question.text,
      retries: 1,
    });
    edge(m('ask-personal'), m('confirm'));
    edge(m('ask-personal'), m('retry'), 'invalid');
    node(m('retry'), 'message', {
      text: { 'pt-BR': 'Não entendi, vamos tentar de novo.', en: "I didn't get that, let's try again." },
    });
    edge(m('retry'), m('ask-personal'));
    node(m('confirm'), 'message', {
      text: {
        'pt-BR': `Obrigado, {{name}}! ${question.echo['pt-BR']}`,
        en: `Thank you, {{name}}! ${question.echo.en}`,
      },
    });
    edge(m('confirm'), m('send'));
    node(m('send'), 'http', {
      method: 'POST',
      url: 'https://api.crm-horizonte.example/v1/tickets',
      recipient: 'crm',
      send: ['name', question.key],
      headers: { 'Content-Type': 'application/json' },
      saveResponse: [{ from: '$.ticket', to: 'ticket' }],
      mock: { status: 201, body: { ticket: `T-${1000 + i}` } },
    });
    edge(m('send'), m('sent'), 'ok');
    edge(m('send'), m('failed'), 'error');
    node(m('sent'), 'message', {
      text: { 'pt-BR': 'Protocolo {{ticket}} aberto.', en: 'Ticket {{ticket}} opened.' },
    });
    edge(m('sent'), m('after'));
    node(m('failed'), 'message', {
      text: { 'pt-BR': 'Não consegui registrar agora.', en: "I couldn't record it just now." },
    });
    edge(m('failed'), m('handoff-data'));
    node(m('handoff-data'), 'handoff', {
      queue: 'support',
      share: ['name', question.key],
      text: { 'pt-BR': 'Vou chamar um atendente.', en: 'Let me get a person for you.' },
    });
    edge(m('handoff-data'), m('after'));

    // Order status: an https lookup, then a condition on its answer.
    node(m('order'), 'question', {
      input: 'text',
      saveAs: 'order_ref',
      text: { 'pt-BR': 'Qual é o número do pedido?', en: 'What is the order number?' },
    });
    edge(m('order'), m('lookup'));
    node(m('lookup'), 'http', {
      method: 'GET',
      url: 'https://orders.horizonte.example/v2/orders/{{order_ref}}',
      recipient: 'orders',
      send: ['order_ref'],
      saveResponse: [
        { from: '$.status', to: 'order_status' },
        { from: '$.eta', to: 'eta' },
        { from: '$.lookup', to: 'lookup_id' },
      ],
      mock: {
        status: 200,
        body: { status: pick(['shipped', 'delivered', 'preparing']), eta: '2026-05-02', lookup: `L-${2000 + i}` },
      },
    });
    edge(m('lookup'), m('status'), 'ok');
    edge(m('lookup'), m('agent'), 'error');
    node(m('status'), 'condition', {
      rules: [
        { outcome: 'shipped', var: 'order_status', op: 'eq', value: 'shipped' },
        { outcome: 'delivered', var: 'order_status', op: 'eq', value: 'delivered' },
      ],
    });
    edge(m('status'), m('shipped'), 'shipped');
    edge(m('status'), m('delivered'), 'delivered');
    edge(m('status'), m('preparing'), 'else');
    node(m('shipped'), 'message', {
      text: { 'pt-BR': 'O pedido {{order_ref}} chega em {{eta}}.', en: 'Order {{order_ref}} arrives on {{eta}}.' },
    });
    node(m('delivered'), 'message', {
      text: { 'pt-BR': 'O pedido {{order_ref}} foi entregue.', en: 'Order {{order_ref}} was delivered.' },
    });
    node(m('preparing'), 'message', {
      text: { 'pt-BR': 'O pedido {{order_ref}} está em preparação.', en: 'Order {{order_ref}} is being prepared.' },
    });
    for (const status of ['shipped', 'delivered', 'preparing']) edge(m(status), m('after'));

    node(m('agent'), 'handoff', {
      queue: 'general',
      share: [],
      text: { 'pt-BR': 'Um momento, já chamo alguém.', en: 'One moment, someone will be with you.' },
    });
    edge(m('agent'), m('after'));

    // The end of the module: go on, erase, or leave.
    node(m('after'), 'buttons', {
      text: { 'pt-BR': 'Posso ajudar em algo mais?', en: 'Anything else?' },
      options: [
        { id: 'more', label: { 'pt-BR': 'Outro assunto', en: 'Something else' } },
        { id: 'erase', label: { 'pt-BR': 'Apagar meus dados', en: 'Delete my data' } },
        { id: 'done', label: { 'pt-BR': 'Encerrar', en: "That's all" } },
      ],
    });
    edge(m('after'), nextMenu, 'more');
    edge(m('after'), m('erase'), 'erase');
    edge(m('after'), m('bye'), 'done');
    node(m('erase'), 'erase', {
      text: { 'pt-BR': 'Pronto, apagamos os seus dados.', en: 'Done, we erased your data.' },
    });
    edge(m('erase'), m('bye'));
    node(m('bye'), 'end', { text: { 'pt-BR': 'Até logo!', en: 'Goodbye!' } });
  }

  const purposes = [
    { id: 'support', label: { 'pt-BR': 'Atendimento', en: 'Customer support' } },
    { id: 'sales', label: { 'pt-BR': 'Ofertas', en: 'Offers' } },
    { id: 'billing', label: { 'pt-BR': 'Cobrança', en: 'Billing' } },
    { id: 'delivery', label: { 'pt-BR': 'Entrega', en: 'Delivery' } },
  ];
  return {
    format: 'amana.flow',
    version: 1,
    id: `generated-${modules}`,
    name: `Loja Horizonte — atendimento (${nodes.length} passos)`,
    languages: ['pt-BR', 'en'],
    controller: {
      name: 'Loja Horizonte Ltda',
      contact: 'privacidade@horizonte.example',
      privacyNoticeUrl: 'https://horizonte.example/privacidade',
    },
    purposes,
    recipients: [
      {
        id: 'crm',
        name: 'Horizonte CRM',
        host: 'api.crm-horizonte.example',
        country: 'BR',
        erase: { method: 'DELETE', url: 'https://api.crm-horizonte.example/v1/tickets/{{ticket}}' },
      },
      {
        id: 'orders',
        name: 'Horizonte Pedidos',
        host: 'orders.horizonte.example',
        country: 'BR',
        erase: { method: 'DELETE', url: 'https://orders.horizonte.example/v2/lookups/{{lookup_id}}' },
      },
    ],
    data: Object.keys(fieldDeclarations)
      .filter((key) => usedFields.has(key))
      .map((key) => fieldDeclarations[key]),
    variables: [
      { key: 'topic' },
      { key: 'last_topic' },
      { key: 'ticket' },
      { key: 'order_status' },
      { key: 'eta' },
      { key: 'lookup_id' },
    ],
    keywords: {
      human: { 'pt-BR': ['atendente'], en: ['agent'] },
      erase: { 'pt-BR': ['apagar meus dados'], en: ['delete my data'] },
      stop: { 'pt-BR': ['parar'], en: ['stop'] },
    },
    nodes,
    edges,
  };
}
