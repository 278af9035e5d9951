import { describe, expect, it } from 'vitest';
import { consentField, flowOf, path } from '../../test/engine/helpers.ts';
import { purposeWording } from '../model/purpose-wording.ts';
import { start, step } from './run.ts';
import { unknownWording, upgradeState } from './state.ts';

/** A consent for support, then the customer's e-mail. */
function support() {
  return flowOf({
    data: [consentField('email')],
    nodes: [
      { id: 'start', type: 'start' },
      { id: 'consent', type: 'consent', purposes: ['support', 'marketing'], text: { 'pt-BR': 'Podemos?' } },
      { id: 'ask', type: 'question', input: 'email', saveAs: 'email', text: { 'pt-BR': 'Seu e-mail?' } },
      { id: 'bye', type: 'end' },
    ],
    edges: [
      ...path('start', 'consent'),
      { from: 'consent', outcome: 'granted', to: 'ask' },
      { from: 'consent', outcome: 'declined', to: 'bye' },
      ...path('ask', 'bye'),
    ],
  });
}

describe('upgradeState', () => {
  it('gives back a state of today’s shape as it is', () => {
    const today = step(support(), start(support()).state, { type: 'reply', id: 'accept' }).state;
    expect(today.consents).not.toEqual({});
    expect(upgradeState(today)).toEqual(today);
  });

  it('holds each purpose a state stored before consents carried their wording granted, for an unknown wording', () => {
    const today = step(support(), start(support()).state, { type: 'reply', id: 'accept' }).state;
    const { consents: _consents, reconsent: _reconsent, carried: _carried, ...stored } = today;
    const upgraded = upgradeState(stored);
    expect(upgraded).toEqual({
      ...stored,
      granted: ['support', 'marketing'],
      consents: { support: unknownWording, marketing: unknownWording },
      reconsent: [],
      carried: [],
    });
    // No flow words a purpose that way, so neither consent holds any more.
    expect(Object.values(purposeWording(support()))).not.toContain(unknownWording);
  });

  it('holds no consent for a stored state that granted none', () => {
    const { consents: _consents, reconsent: _reconsent, carried: _carried, ...stored } = start(support()).state;
    expect(upgradeState(stored)).toMatchObject({ granted: [], consents: {}, reconsent: [], carried: [] });
  });
});
