/**
 * A small shop flow for the agent desk: after consent it asks the customer's e-mail and order
 * number, then which team they need; "Support" hands off to the `support` queue sharing the e-mail
 * only (never the order number), "Billing" to the `billing` queue sharing nothing. When an agent
 * gives the conversation back, the bot asks if there is anything else and answers the next message.
 */
export function deskFlow(): Record<string, unknown> {
  const text = (en: string, pt: string) => ({ en, 'pt-BR': pt });
  const at = (y: number) => ({ x: 0, y });
  return {
    format: 'amana.flow',
    version: 1,
    id: 'desk-shop',
    name: 'Desk shop',
    languages: ['en', 'pt-BR'],
    controller: { name: 'Loja Balcão Ltda', contact: 'privacy@balcao.example' },
    purposes: [{ id: 'support', label: text('Customer support', 'Atendimento') }],
    recipients: [],
    data: [
      {
        key: 'email',
        label: text('Email', 'E-mail'),
        category: 'user.contact.email',
        purposes: ['support'],
        legalBasis: 'consent',
        retentionDays: 30,
      },
      {
        key: 'order',
        label: text('Order number', 'Número do pedido'),
        category: 'user.content',
        purposes: ['support'],
        legalBasis: 'consent',
        retentionDays: 30,
      },
    ],
    variables: [
      { key: 'team', label: text('Team', 'Equipe') },
      { key: 'more', label: text('Anything else', 'Mais alguma coisa') },
    ],
    keywords: {
      human: { en: ['agent'], 'pt-BR': ['atendente'] },
      erase: { en: ['delete my data'], 'pt-BR': ['apagar meus dados'] },
      stop: { en: ['stop'], 'pt-BR': ['parar'] },
    },
    nodes: [
      { id: 'start', type: 'start', position: at(0) },
      {
        id: 'hello',
        type: 'disclosure',
        position: at(100),
        text: text(
          'Hi! I am the automated assistant of Loja Balcão. Privacy notice: https://balcao.example/privacy',
          'Olá! Sou o assistente automático da Loja Balcão. Aviso de privacidade: https://balcao.example/privacidade',
        ),
      },
      {
        id: 'consent',
        type: 'consent',
        position: at(200),
        purposes: ['support'],
        text: text('May we use what you tell us to help you?', 'Podemos usar o que você nos disser para ajudar?'),
      },
      {
        id: 'ask-email',
        type: 'question',
        position: at(300),
        input: 'email',
        saveAs: 'email',
        text: text('What is your email?', 'Qual é o seu e-mail?'),
      },
      {
        id: 'ask-order',
        type: 'question',
        position: at(400),
        input: 'text',
        saveAs: 'order',
        text: text('What is your order number?', 'Qual é o número do pedido?'),
      },
      {
        id: 'team',
        type: 'buttons',
        position: at(500),
        saveAs: 'team',
        text: text('Which team do you need?', 'Com qual equipe quer falar?'),
        options: [
          { id: 'support', label: text('Support', 'Suporte') },
          { id: 'billing', label: text('Billing', 'Cobrança') },
        ],
      },
      {
        id: 'to-support',
        type: 'handoff',
        position: at(600),
        queue: 'support',
        share: ['email'],
        text: text('Passing you to our support team.', 'Vou passar para a equipe de suporte.'),
      },
      {
        id: 'to-billing',
        type: 'handoff',
        position: at(600),
        queue: 'billing',
        share: [],
        text: text('Passing you to our billing team.', 'Vou passar para a equipe de cobrança.'),
      },
      {
        id: 'anything-else',
        type: 'question',
        position: at(700),
        input: 'text',
        saveAs: 'more',
        text: text('The bot is back. Anything else?', 'O bot voltou. Mais alguma coisa?'),
      },
      {
        id: 'bye',
        type: 'end',
        position: at(800),
        text: text(
          'Thank you, we keep following order {{order}}. Bye!',
          'Obrigado, seguimos com o pedido {{order}}. Tchau!',
        ),
      },
      {
        id: 'declined',
        type: 'end',
        position: at(300),
        text: text('Alright, nothing kept.', 'Tudo bem, nada guardado.'),
      },
    ],
    edges: [
      { id: 'e1', from: 'start', to: 'hello' },
      { id: 'e2', from: 'hello', to: 'consent' },
      { id: 'e3', from: 'consent', outcome: 'granted', to: 'ask-email' },
      { id: 'e4', from: 'consent', outcome: 'declined', to: 'declined' },
      { id: 'e5', from: 'ask-email', to: 'ask-order' },
      { id: 'e6', from: 'ask-order', to: 'team' },
      { id: 'e7', from: 'team', outcome: 'support', to: 'to-support' },
      { id: 'e8', from: 'team', outcome: 'billing', to: 'to-billing' },
      { id: 'e9', from: 'to-support', to: 'anything-else' },
      { id: 'e10', from: 'to-billing', to: 'anything-else' },
      { id: 'e11', from: 'anything-else', to: 'bye' },
    ],
  };
}
