import { describe, expect, it } from 'vitest';
import { Chat, flowOf, path } from '../../../test/engine/helpers.ts';

function flow(text: Record<string, string>, languages = ['pt-BR', 'en']) {
  return flowOf({
    languages,
    variables: [{ key: 'pedido' }],
    nodes: [
      { id: 'start', type: 'start' },
      { id: 'set', type: 'set', key: 'pedido', value: 'LL-42' },
      { id: 'msg', type: 'message', text },
    ],
    edges: path('start', 'set', 'msg'),
  });
}

describe('message', () => {
  it('sends its text in the conversation language with placeholders filled', () => {
    const text = { 'pt-BR': 'Pedido {{pedido}} recebido, {{contact.name}}!', en: 'Order {{ pedido }} received!' };
    expect(new Chat(flow(text), { contact: { phone: '+5511912345678', name: 'Ana' } }).messages).toEqual([
      'Pedido LL-42 recebido, Ana!',
    ]);
    expect(new Chat(flow(text), { language: 'en' }).messages).toEqual(['Order LL-42 received!']);
  });

  it('falls back to the same language family, then to the flow’s first language', () => {
    const text = { 'pt-BR': 'Olá', en: 'Hello' };
    expect(new Chat(flow(text), { language: 'pt-PT' }).messages).toEqual(['Olá']);
    expect(new Chat(flow(text), { language: 'fr' }).messages).toEqual(['Olá']);
    expect(new Chat(flow({ en: 'Hello' }), { language: 'pt-BR' }).messages).toEqual(['Hello']);
  });

  it('ends when nothing follows', () => {
    const chat = new Chat(flow({ 'pt-BR': 'Oi!' }));
    expect(chat.state.ended).toBe(true);
    expect(chat.of('end')).toEqual([{ type: 'end', nodeId: 'msg' }]);
  });

  it('never sends a text with a hole: a placeholder without a value refuses it, with an apology', () => {
    const chat = new Chat(flow({ 'pt-BR': 'Oi {{contact.name}}, pedido {{pedido}}!' }));
    expect(chat.of('refuse')).toEqual([
      { type: 'refuse', nodeId: 'msg', reason: 'missing-value', keys: ['contact.name'] },
    ]);
    expect(chat.messages).toEqual([
      'Desculpe, algo deu errado do nosso lado e não consigo continuar agora.\nUma pessoa da Loja Teste Ltda pode ajudar você: privacidade@lojateste.example.',
    ]);
    expect(chat.of('end')).toEqual([{ type: 'end', nodeId: 'msg' }]);
  });
});
