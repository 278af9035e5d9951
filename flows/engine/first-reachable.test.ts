import { describe, expect, it } from 'vitest';
import { flowOf, path } from '../../test/engine/helpers.ts';
import { firstReachable } from './first-reachable.ts';

const say = (id: string) => ({ id, type: 'message', text: { 'pt-BR': `Mensagem ${id}`, en: `Message ${id}` } });

/**
 * A shop's menu: `pedido` asks for the order number, whose `invalid` outcome leads to an agent;
 * `ajuda` leads to another agent; a valid number loops back to the menu through `volta`. The
 * menu's last edge leads to a node the flow lacks.
 */
function shop() {
  return flowOf({
    nodes: [
      { id: 'start', type: 'start' },
      {
        id: 'menu',
        type: 'buttons',
        text: { 'pt-BR': 'Como podemos ajudar?', en: 'How can we help?' },
        options: [
          { id: 'pedido', label: { 'pt-BR': 'Meu pedido', en: 'My order' } },
          { id: 'ajuda', label: { 'pt-BR': 'Ajuda', en: 'Help' } },
        ],
      },
      {
        id: 'ask-order',
        type: 'question',
        input: 'number',
        saveAs: 'pedido',
        text: { 'pt-BR': 'Número do pedido?', en: 'Order number?' },
      },
      say('volta'),
      {
        id: 'agent-help',
        type: 'handoff',
        queue: 'ajuda',
        share: [],
        text: { 'pt-BR': 'Chamando alguém.', en: 'Calling someone.' },
      },
      {
        id: 'agent-trouble',
        type: 'handoff',
        queue: 'problemas',
        share: ['pedido'],
        text: { 'pt-BR': 'Alguém vai ajudar com o pedido.', en: 'Someone will help with the order.' },
      },
    ],
    variables: [{ key: 'pedido' }],
    edges: [
      ...path('start', 'menu'),
      { from: 'menu', outcome: 'pedido', to: 'ask-order' },
      { from: 'menu', outcome: 'ajuda', to: 'agent-help' },
      { from: 'ask-order', outcome: 'invalid', to: 'agent-trouble' },
      ...path('ask-order', 'volta', 'menu'),
      { from: 'menu', outcome: 'timeout', to: 'gone' },
    ],
  });
}

const isHandoff = (node: { type: string }) => node.type === 'handoff';

describe('firstReachable', () => {
  it('finds the match the fewest steps ahead, whatever the order of the edges', () => {
    expect(firstReachable(shop(), 'start', isHandoff)?.id).toBe('agent-help');
    expect(firstReachable(shop(), 'ask-order', isHandoff)?.id).toBe('agent-trouble');
  });

  it('walks only the edges it is told to follow', () => {
    const noFailures = firstReachable(shop(), 'ask-order', isHandoff, (edge) => edge.outcome !== 'invalid');
    // Past the loop back to the menu: its help button is three steps ahead.
    expect(noFailures?.id).toBe('agent-help');
    expect(firstReachable(shop(), 'start', isHandoff, (edge) => edge.outcome !== 'ajuda')?.id).toBe('agent-trouble');
  });

  it('never answers the node it starts from, even where a loop leads back to it', () => {
    expect(firstReachable(shop(), 'menu', (node) => node.id === 'menu')).toBeUndefined();
    expect(firstReachable(shop(), 'volta', (node) => node.id === 'menu')?.id).toBe('menu');
  });

  it('finds nothing when no match is ahead, from a node with no way on, or from one the flow lacks', () => {
    expect(firstReachable(shop(), 'start', (node) => node.type === 'consent')).toBeUndefined();
    expect(firstReachable(shop(), 'agent-help', isHandoff)).toBeUndefined();
    expect(firstReachable(shop(), 'nowhere', isHandoff)).toBeUndefined();
  });
});
