import { describe, expect, it } from 'vitest';
import { clinicBooking } from '../../test/fixtures/flows.ts';
import { stepTitle } from './step-title.ts';

describe('a step named outside the canvas (data map, inventory, desk statistics)', () => {
  const flow = clinicBooking();
  const step = (id: string) => {
    const node = flow.nodes.find((candidate) => candidate.id === id);
    if (!node) throw new Error(`no step ${id}`);
    return node;
  };

  it('is its kind in the interface language and its text in the language the cards show', () => {
    expect(stepTitle(step('ask-consent'), { ui: 'en', textLanguage: 'pt-BR', flowLanguages: flow.languages })).toEqual({
      kind: 'Consent',
      text: { lang: 'pt-BR', value: expect.stringMatching(/^Podemos guardar/) },
    });
    expect(stepTitle(step('ask-consent'), { ui: 'ar', textLanguage: 'ar', flowLanguages: flow.languages })).toEqual({
      kind: 'موافقة',
      text: { lang: 'ar', value: 'هل يمكننا الاحتفاظ باسمك لحجز الموعد؟' },
    });
  });

  it('shortens a long text to its first words, and is the kind alone for a step without text', () => {
    const long = { ...step('ask-consent'), text: { 'pt-BR': 'um dois três quatro cinco seis sete oito' } };
    expect(stepTitle(long, { ui: 'pt-BR', textLanguage: 'pt-BR', flowLanguages: flow.languages }).text?.value).toBe(
      'um dois três quatro cinco seis…',
    );
    expect(stepTitle(step('start'), { ui: 'pt-BR', textLanguage: 'pt-BR', flowLanguages: flow.languages })).toEqual({
      kind: 'Início',
    });
  });
});
