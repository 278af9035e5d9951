/**
 * A small support flow that uses every kind of message the runtime must read — list replies,
 * locations, images, documents, buttons (consent), text — plus a call to a recipient's API, a
 * handoff to a desk with a URL, and the three global keywords. The recipients live on loopback
 * ports the test chooses. It passes the checker (export refuses it otherwise).
 */
export function supportFlow(ports: { stock: number; desk: number }): Record<string, unknown> {
  const text = (en: string, pt: string) => ({ en, 'pt-BR': pt });
  const at = (y: number) => ({ x: 0, y });
  return {
    format: 'amana.flow',
    version: 1,
    id: 'runtime-support',
    name: 'Runtime support desk',
    languages: ['en', 'pt-BR'],
    controller: { name: 'Loja Teste Ltda', contact: 'privacy@loja.example', dpo: 'dpo@loja.example' },
    purposes: [{ id: 'support', label: text('Customer support', 'Atendimento') }],
    recipients: [
      { id: 'stock', name: 'Stock API', host: `127.0.0.1:${ports.stock}`, country: 'BR' },
      { id: 'desk', name: 'Help desk', host: `127.0.0.1:${ports.desk}`, country: 'BR', url: `http://127.0.0.1:${ports.desk}/desk` },
    ],
    data: [
      {
        key: 'email',
        label: text('Email', 'E-mail'),
        category: 'user.contact.email',
        purposes: ['support'],
        legalBasis: 'consent',
        retentionDays: 30,
        sharedWith: ['desk'],
      },
      {
        key: 'where',
        label: text('Delivery location', 'Local de entrega'),
        category: 'user.location.precise',
        purposes: ['support'],
        legalBasis: 'consent',
        retentionDays: 2,
      },
      {
        key: 'photo',
        label: text('Photo of the product', 'Foto do produto'),
        category: 'user.content',
        purposes: ['support'],
        legalBasis: 'consent',
        retentionDays: 10,
      },
      {
        key: 'receipt',
        label: text('Receipt', 'Nota fiscal'),
        category: 'user.content',
        purposes: ['support'],
        legalBasis: 'consent',
        retentionDays: 10,
      },
    ],
    variables: [
      { key: 'topic', label: text('Topic', 'Assunto') },
      { key: 'eta', label: text('Delivery estimate', 'Previsão de entrega') },
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
          'Hi! I am the automated assistant of Loja Teste. Privacy notice: https://loja.example/privacy',
          'Olá! Sou o assistente automático da Loja Teste. Aviso de privacidade: https://loja.example/privacidade',
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
        id: 'menu',
        type: 'list',
        position: at(300),
        saveAs: 'topic',
        text: text('How can we help?', 'Como podemos ajudar?'),
        button: text('Options', 'Opções'),
        sections: [
          {
            title: text('Orders', 'Pedidos'),
            rows: [
              { id: 'delivery', title: text('Delivery', 'Entrega'), description: text('Where is my order?', 'Cadê meu pedido?') },
              { id: 'returns', title: text('Returns', 'Devolução') },
            ],
          },
        ],
      },
      { id: 'ask-location', type: 'question', position: at(400), input: 'location', saveAs: 'where', text: text('Share the delivery location.', 'Envie o local de entrega.') },
      { id: 'ask-photo', type: 'question', position: at(400), input: 'image', saveAs: 'photo', text: text('Send a photo of the product.', 'Envie uma foto do produto.') },
      { id: 'ask-receipt', type: 'question', position: at(500), input: 'document', saveAs: 'receipt', text: text('Send the receipt (PDF).', 'Envie a nota fiscal (PDF).') },
      { id: 'ask-email', type: 'question', position: at(600), input: 'email', saveAs: 'email', text: text('What is your email?', 'Qual é o seu e-mail?') },
      {
        id: 'stock',
        type: 'http',
        position: at(700),
        method: 'GET',
        url: `http://127.0.0.1:${ports.stock}/eta?topic={{topic}}`,
        recipient: 'stock',
        send: [],
        saveResponse: [{ from: '$.eta', to: 'eta' }],
        mock: { status: 200, body: { eta: 'tomorrow' } },
      },
      { id: 'tell-eta', type: 'message', position: at(800), text: text('Estimate: {{eta}}.', 'Previsão: {{eta}}.') },
      {
        id: 'handoff',
        type: 'handoff',
        position: at(900),
        queue: 'desk',
        share: ['email', 'topic', 'where', 'photo', 'receipt'],
        text: text('Passing you to a person.', 'Vou passar para uma pessoa.'),
      },
      { id: 'bye', type: 'end', position: at(1000), text: text('Bye!', 'Tchau!') },
      { id: 'declined', type: 'end', position: at(300), text: text('Alright, nothing kept.', 'Tudo bem, nada guardado.') },
      { id: 'erase', type: 'erase', position: at(1100), text: text('Erased.', 'Apagado.') },
    ],
    edges: [
      { id: 'e1', from: 'start', to: 'hello' },
      { id: 'e2', from: 'hello', to: 'consent' },
      { id: 'e3', from: 'consent', outcome: 'granted', to: 'menu' },
      { id: 'e4', from: 'consent', outcome: 'declined', to: 'declined' },
      { id: 'e5', from: 'menu', outcome: 'delivery', to: 'ask-location' },
      { id: 'e6', from: 'menu', outcome: 'returns', to: 'ask-photo' },
      { id: 'e7', from: 'ask-location', to: 'ask-email' },
      { id: 'e8', from: 'ask-photo', to: 'ask-receipt' },
      { id: 'e9', from: 'ask-receipt', to: 'ask-email' },
      { id: 'e10', from: 'ask-email', to: 'stock' },
      { id: 'e11', from: 'stock', outcome: 'ok', to: 'tell-eta' },
      { id: 'e12', from: 'stock', outcome: 'error', to: 'handoff' },
      { id: 'e13', from: 'tell-eta', to: 'handoff' },
      { id: 'e14', from: 'handoff', to: 'erase' },
      { id: 'e15', from: 'erase', to: 'bye' },
    ],
  };
}
