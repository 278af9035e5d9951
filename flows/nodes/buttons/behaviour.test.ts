import { describe, expect, it } from 'vitest';
import { Chat, consentField, flowOf } from '../../../test/engine/helpers.ts';

function flow(saveAs?: string, data: Record<string, unknown>[] = []) {
  return flowOf({
    data,
    variables: [{ key: 'topic' }],
    keywords: { erase: { 'pt-BR': ['apagar meus dados'] }, stop: { 'pt-BR': ['parar'] } },
    nodes: [
      { id: 'start', type: 'start' },
      {
        id: 'menu',
        type: 'buttons',
        text: { 'pt-BR': 'Escolha:', en: 'Choose:' },
        options: [
          { id: 'orders', label: { 'pt-BR': 'Pedidos', en: 'Orders' } },
          { id: 'erase', label: { 'pt-BR': 'Apagar meus dados', en: 'Delete my data' } },
          { id: 'stop_sales', label: { 'pt-BR': 'Não, obrigado', en: 'No, thanks' } },
        ],
        ...(saveAs ? { saveAs } : {}),
      },
      { id: 'o', type: 'end', text: { 'pt-BR': 'pedidos' } },
      { id: 'e', type: 'end', text: { 'pt-BR': 'apagar' } },
      { id: 's', type: 'end', text: { 'pt-BR': 'não' } },
    ],
    edges: [
      { from: 'start', to: 'menu' },
      { from: 'menu', outcome: 'orders', to: 'o' },
      { from: 'menu', outcome: 'erase', to: 'e' },
      { from: 'menu', outcome: 'stop_sales', to: 's' },
    ],
  });
}

describe('buttons', () => {
  it('sends reply buttons in the conversation language', () => {
    expect(new Chat(flow(), { language: 'en' }).effects).toEqual([
      {
        type: 'send-buttons',
        nodeId: 'menu',
        text: 'Choose:',
        buttons: [
          { id: 'orders', title: 'Orders' },
          { id: 'erase', title: 'Delete my data' },
          { id: 'stop_sales', title: 'No, thanks' },
        ],
      },
    ]);
  });

  it.each([
    [{ type: 'reply', id: 'orders' } as const, 'pedidos'],
    [{ type: 'text', text: '1' } as const, 'pedidos'],
    [{ type: 'text', text: ' 3. ' } as const, 'não'],
    [{ type: 'text', text: 'pedidos' } as const, 'pedidos'],
    [{ type: 'text', text: 'ORDERS' } as const, 'pedidos'],
    [{ type: 'text', text: 'nao, obrigado' } as const, 'não'],
    [{ type: 'text', text: 'stop_sales' } as const, 'não'],
  ])('accepts %j', (event, reached) => {
    expect(new Chat(flow()).send(event).messages).toEqual([reached]);
  });

  it('takes its own option over a global keyword with the same words', () => {
    const chat = new Chat(flow()).say('Apagar meus dados');
    expect(chat.messages).toEqual(['apagar']);
    expect(chat.of('erase')).toEqual([]);
  });

  it('re-asks with a hint for anything else, without limit', () => {
    const chat = new Chat(flow());
    for (const typed of ['4', 'talvez', '0']) {
      expect(chat.say(typed).messages).toEqual([
        'Por favor, escolha uma das opções acima: toque nela ou responda com o número.',
      ]);
    }
    expect(chat.state).toMatchObject({ node: 'menu', waitingFor: 'answer' });
  });

  it('stores the chosen id in saveAs, unless it is consent-based without consent', () => {
    expect(new Chat(flow('topic')).say('1').of('collect')).toEqual([
      { type: 'collect', nodeId: 'menu', key: 'topic', value: 'orders', personal: false },
    ]);
    const guarded = new Chat(flow('interest', [consentField('interest', ['marketing'], 'user.behavior')])).say('1');
    expect(guarded.messages).toEqual(['pedidos']);
    expect(guarded.of('withhold')).toEqual([
      { type: 'withhold', nodeId: 'menu', key: 'interest', via: 'collect', purposes: ['marketing'] },
    ]);
    expect(guarded.state.variables).toEqual({});
  });
});
