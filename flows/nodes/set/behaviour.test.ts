import { describe, expect, it } from 'vitest';
import { Chat, consentField, flowOf, path } from '../../../test/engine/helpers.ts';

describe('set', () => {
  it('writes a template’s text, and copies a lone placeholder’s value as it is', () => {
    const flow = flowOf({
      variables: [{ key: 'qty' }, { key: 'copy' }, { key: 'label' }],
      nodes: [
        { id: 'start', type: 'start' },
        { id: 'ask', type: 'question', text: { 'pt-BR': 'Quantos?' }, input: 'number', saveAs: 'qty' },
        { id: 'copy', type: 'set', key: 'copy', value: '{{qty}}' },
        { id: 'label', type: 'set', key: 'label', value: '{{qty}} unidade(s)' },
      ],
      edges: path('start', 'ask', 'copy', 'label'),
    });
    const chat = new Chat(flow).say('2,5');
    expect(chat.state.variables).toEqual({ qty: 2.5, copy: 2.5, label: '2.5 unidade(s)' });
    expect(chat.of('collect').map((effect) => [effect.key, effect.personal])).toEqual([
      ['qty', false],
      ['copy', false],
      ['label', false],
    ]);
  });

  it('does not store a consent-based key without consent, nor copy one (or its absence) into an unprotected key', () => {
    const flow = flowOf({
      data: [consentField('email'), consentField('email_copy')],
      variables: [{ key: 'note' }],
      nodes: [
        { id: 'start', type: 'start' },
        { id: 'to-protected', type: 'set', key: 'email_copy', value: 'ana@exemplo.com' },
        { id: 'launder', type: 'set', key: 'note', value: 'email: {{email}}' },
      ],
      edges: path('start', 'to-protected', 'launder'),
    });
    const chat = new Chat(flow);
    expect(chat.state.variables).toEqual({});
    expect(chat.of('withhold')).toEqual([
      { type: 'withhold', nodeId: 'to-protected', key: 'email_copy', via: 'collect', purposes: ['support'] },
    ]);
    expect(chat.of('refuse')).toEqual([
      { type: 'refuse', nodeId: 'launder', reason: 'missing-value', keys: ['email'] },
    ]);
  });
});
