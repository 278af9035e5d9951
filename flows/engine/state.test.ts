import { describe, expect, it } from 'vitest';
import { unknownWording, upgradeState, type ConversationState } from './state.ts';

/** Ana, at the e-mail question after agreeing to support and offers, as the exported bot stores her today. */
const today: ConversationState = {
  flowId: 'loja-teste',
  node: 'ask-email',
  waitingFor: 'answer',
  variables: { nome: 'Ana' },
  granted: ['support', 'marketing'],
  consents: { support: 'a'.repeat(64), marketing: 'b'.repeat(64) },
  reconsent: [],
  carried: ['marketing'],
  retries: 0,
  language: 'pt-BR',
  optedOut: false,
  withHuman: false,
  ended: false,
  contact: { phone: '+5511912345678', name: 'Ana' },
};

describe('upgradeState', () => {
  it('gives back a state of today’s shape as it is', () => {
    expect(upgradeState(today)).toEqual(today);
    const pending = { ...today, consentStepNext: ['support'] };
    expect(upgradeState(pending)).toEqual(pending);
  });

  it('holds each purpose a state stored before consents carried their wording granted, for an unknown wording', () => {
    const { consents: _consents, reconsent: _reconsent, carried: _carried, ...stored } = today;
    expect(upgradeState(stored)).toEqual({
      ...stored,
      consents: { support: unknownWording, marketing: unknownWording },
      reconsent: [],
      carried: [],
    });
    // A flow's wording is a SHA-256 digest (flows/model/purpose-wording.ts): no consent held for an unknown one holds.
    expect(unknownWording).not.toMatch(/^[0-9a-f]{64}$/);
  });

  it('holds no consent for a stored state that granted none', () => {
    const { consents: _consents, reconsent: _reconsent, carried: _carried, ...stored } = { ...today, granted: [] };
    expect(upgradeState(stored)).toMatchObject({ granted: [], consents: {}, reconsent: [], carried: [] });
  });
});
