import { describe, expect, it } from 'vitest';
import { consentField, flowOf, path } from '../../test/engine/helpers.ts';
import { start, step } from './index.ts';

/** A consent, then a question, then a message that reads the answer. */
function greeting() {
  return flowOf({
    data: [consentField('email')],
    variables: [{ key: 'nome' }],
    nodes: [
      { id: 'start', type: 'start' },
      { id: 'consent', type: 'consent', purposes: ['support'], text: { 'pt-BR': 'Podemos?', en: 'May we?' } },
      {
        id: 'ask-email',
        type: 'question',
        input: 'email',
        saveAs: 'email',
        text: { 'pt-BR': 'E-mail?', en: 'Email?' },
      },
      {
        id: 'thanks',
        type: 'message',
        text: { 'pt-BR': 'Obrigado, {{nome}}: {{email}}', en: 'Thanks, {{nome}}: {{email}}' },
      },
      { id: 'bye', type: 'end' },
    ],
    edges: [
      ...path('start', 'consent'),
      { from: 'consent', outcome: 'granted', to: 'ask-email' },
      { from: 'consent', outcome: 'declined', to: 'bye' },
      ...path('ask-email', 'thanks', 'bye'),
    ],
  });
}

describe('starting a rehearsal at a chosen step', () => {
  it('begins at that step holding the chosen values and consents, as if a path had led there', () => {
    const flow = greeting();
    const opening = start(flow, { from: { node: 'ask-email', variables: { nome: 'Ana' }, granted: ['support'] } });
    expect(opening.state).toMatchObject({ node: 'ask-email', waitingFor: 'answer', granted: ['support'] });
    expect(opening.trace.nodes).toEqual(['ask-email']);
    const answered = step(flow, opening.state, { type: 'text', text: 'ana@exemplo.com.br' });
    expect(answered.effects).toContainEqual({
      type: 'send-text',
      nodeId: 'thanks',
      text: 'Obrigado, Ana: ana@exemplo.com.br',
    });
  });

  it('without the consent chosen, the engine still refuses to ask for the consent-based field', () => {
    const opening = start(greeting(), { from: { node: 'ask-email', variables: { nome: 'Ana' } } });
    expect(opening.effects).toContainEqual(expect.objectContaining({ type: 'withhold', key: 'email' }));
    expect(opening.state.variables).toEqual({ nome: 'Ana' });
  });

  it('ends with an apology when the chosen step is not in the flow', () => {
    const opening = start(greeting(), { from: { node: 'gone' } });
    expect(opening.state.ended).toBe(true);
    expect(opening.effects.at(-1)).toEqual({ type: 'end' });
  });
});
