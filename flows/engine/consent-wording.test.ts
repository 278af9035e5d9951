import { describe, expect, it } from 'vitest';
import { Chat, consentField, flowOf, path } from '../../test/engine/helpers.ts';
import { purposeWording } from '../model/purpose-wording.ts';
import { start, step } from './run.ts';

/**
 * Consent follows the notice (DESIGN.md §5, issue 18): a consent counts for the wording of the
 * purpose it was given for. A returning customer whose purposes read the same is not asked again;
 * one whose purpose was reworded (or now covers other fields) is told the notice changed and asked again.
 */

const notice = 'https://lojateste.example/privacidade';
const support = { 'pt-BR': 'Atendimento', en: 'Customer support', ar: 'خدمة العملاء' };

function shop(options: { label?: Record<string, string>; fields?: string[]; url?: boolean; marketing?: string } = {}) {
  return flowOf({
    languages: ['pt-BR', 'en', 'ar'],
    controller: {
      name: 'Loja Teste Ltda',
      contact: 'privacidade@lojateste.example',
      ...(options.url === false ? {} : { privacyNoticeUrl: notice }),
    },
    purposes: [
      { id: 'support', label: options.label ?? support },
      { id: 'marketing', label: { 'pt-BR': options.marketing ?? 'Ofertas', en: 'Offers' } },
    ],
    data: (options.fields ?? ['email']).map((key) => consentField(key)),
    keywords: { erase: { 'pt-BR': ['apagar meus dados'], en: ['delete my data'] } },
    nodes: [
      { id: 'start', type: 'start' },
      { id: 'hello', type: 'disclosure', text: { 'pt-BR': 'Olá! Sou um assistente automático.' } },
      { id: 'consent', type: 'consent', text: { 'pt-BR': 'Podemos usar seu e-mail?' }, purposes: ['support'] },
      { id: 'ask', type: 'question', text: { 'pt-BR': 'Seu e-mail?' }, input: 'email', saveAs: 'email' },
      { id: 'thanks', type: 'message', text: { 'pt-BR': 'Obrigado, {{email}}!' } },
      { id: 'bye', type: 'end', text: { 'pt-BR': 'Até logo!' } },
    ],
    edges: [
      ...path('start', 'hello', 'consent'),
      { from: 'consent', outcome: 'granted', to: 'ask' },
      { from: 'consent', outcome: 'declined', to: 'bye' },
      ...path('ask', 'thanks', 'bye'),
    ],
  });
}

const reworded = () => shop({ label: { ...support, 'pt-BR': 'Atendimento e pesquisas de satisfação' } });

describe('purposeWording', () => {
  it('is the same for the same words, whatever else changed in the flow', () => {
    const before = purposeWording(shop());
    expect(before['support']).toMatch(/^[0-9a-f]{64}$/);
    expect(purposeWording(shop())).toEqual(before);
    // Another purpose reworded: this one reads the same.
    expect(purposeWording(shop({ marketing: 'Promoções' }))['support']).toBe(before['support']);
    // The same words typed in another Unicode form or with a trailing space.
    const decomposed = shop({ label: { ...support, 'pt-BR': ' Atendimento '.normalize('NFD') } });
    expect(purposeWording(decomposed)['support']).toBe(before['support']);
  });

  it('changes when the purpose is reworded in any language, or other fields come to rely on it', () => {
    const before = purposeWording(shop())['support'];
    expect(purposeWording(reworded())['support']).not.toBe(before);
    expect(purposeWording(shop({ label: { ...support, ar: 'الدعم' } }))['support']).not.toBe(before);
    expect(purposeWording(shop({ fields: ['email', 'phone'] }))['support']).not.toBe(before);
    expect(purposeWording(shop({ marketing: 'Promoções' }))['marketing']).not.toBe(purposeWording(shop())['marketing']);
  });

  it('counts only fields that rest on consent', () => {
    const flow = shop();
    const withContract = {
      ...flow,
      data: [...flow.data, { ...consentField('name'), legalBasis: 'contract' as const }],
    };
    expect(purposeWording(withContract)['support']).toBe(purposeWording(flow)['support']);
  });
});

describe('consent follows the notice', () => {
  const given = () => {
    const wording = purposeWording(shop());
    return { support: wording['support'] ?? '' };
  };

  it('records each answer with the wording it was given for', () => {
    const chat = new Chat(shop()).tap('accept');
    expect(chat.history.filter((effect) => effect.type === 'record-consent')).toEqual([
      { type: 'record-consent', nodeId: 'consent', purposes: ['support'], granted: true, wording: given() },
    ]);
    expect(chat.state.consents).toEqual(given());
  });

  it('does not ask a returning customer again while the purpose reads the same', () => {
    const chat = new Chat(shop(), { consents: given() });
    expect(chat.messages).toEqual(['Olá! Sou um assistente automático.', 'Seu e-mail?']);
    expect(chat.history.some((effect) => effect.type === 'consent-lapsed' || effect.type === 'record-consent')).toBe(
      false,
    );
    chat.say('ana@example.com');
    expect(chat.of('collect')).toMatchObject([{ key: 'email', value: 'ana@example.com' }]);
  });

  it('asks again, saying the notice changed with its link, when the purpose was reworded', () => {
    const chat = new Chat(reworded(), { consents: given() });
    expect(chat.history.filter((effect) => effect.type === 'consent-lapsed')).toEqual([
      { type: 'consent-lapsed', purposes: ['support'] },
    ]);
    expect(chat.messages).toEqual([
      'Olá! Sou um assistente automático.',
      `Nosso aviso de privacidade mudou desde que você concordou com: Atendimento e pesquisas de satisfação. Você pode lê-lo aqui: ${notice}\nPor favor, responda de novo abaixo.`,
      'Podemos usar seu e-mail?\n  1. Aceito\n  2. Não aceito',
    ]);
    expect(chat.state).toMatchObject({ node: 'consent', granted: [] });
    chat.tap('accept');
    expect(chat.of('record-consent')).toEqual([
      {
        type: 'record-consent',
        nodeId: 'consent',
        purposes: ['support'],
        granted: true,
        wording: { support: purposeWording(reworded())['support'] },
      },
    ]);
    expect(chat.messages).toEqual(['Seu e-mail?']);
  });

  it('asks again when other fields come to rely on the purpose, in the customer’s language', () => {
    const chat = new Chat(shop({ fields: ['email', 'phone'] }), { consents: given(), language: 'ar' });
    expect(chat.messages[1]).toBe(
      `تغيّر إشعار الخصوصية لدينا منذ أن وافقت على: خدمة العملاء. يمكنك قراءته هنا: ${notice}\nمن فضلك أجب مرة أخرى أدناه.`,
    );
    const english = new Chat(shop({ fields: ['email', 'phone'], url: false }), { consents: given(), language: 'en' });
    expect(english.messages[1]).toBe(
      'Our privacy notice has changed since you agreed to: Customer support. Loja Teste Ltda can send it to you: privacidade@lojateste.example.\nPlease answer again below.',
    );
  });

  it('treats a declined answer after a lapse as a refusal: nothing is collected', () => {
    const chat = new Chat(reworded(), { consents: given() }).tap('decline');
    expect(chat.state.granted).toEqual([]);
    expect(chat.state.consents).toEqual({});
    expect(chat.messages).toEqual(['Até logo!']);
  });

  it('takes back a consent under a conversation whose flow was reworded, drops what needed it, and asks again', () => {
    const waiting = new Chat(shop()).tap('accept');
    expect(waiting.state).toMatchObject({ node: 'ask', granted: ['support'] });
    const next = step(reworded(), waiting.state, { type: 'text', text: 'ana@example.com' });
    expect(next.effects.filter((effect) => effect.type === 'consent-lapsed')).toEqual([
      { type: 'consent-lapsed', purposes: ['support'] },
    ]);
    // The answer is not taken: the consent step asks first.
    expect(next.effects.some((effect) => effect.type === 'collect')).toBe(false);
    expect(next.state).toMatchObject({ node: 'consent', waitingFor: 'answer', granted: [] });
    expect(next.effects.filter((effect) => effect.type === 'send-text').map((effect) => effect.text)).toEqual([
      expect.stringContaining(notice),
    ]);
    // With the flow unchanged the same answer is simply taken.
    const same = step(shop(), waiting.state, { type: 'text', text: 'ana@example.com' });
    expect(same.effects.filter((effect) => effect.type === 'collect')).toMatchObject([{ key: 'email' }]);
  });

  it.each([{ type: 'agent-released' as const }, { type: 'http-response' as const, status: 200, body: null }])(
    'asks again on the next answer when the lapse was first noticed on an event that was no answer ($type)',
    (event) => {
      const waiting = new Chat(shop()).tap('accept');
      const released = step(reworded(), waiting.state, event);
      expect(released.effects.filter((effect) => effect.type === 'consent-lapsed')).toEqual([
        { type: 'consent-lapsed', purposes: ['support'] },
      ]);
      expect(released.state).toMatchObject({ node: 'ask', waitingFor: 'answer', granted: [] });
      const next = step(reworded(), released.state, { type: 'text', text: 'ana@example.com' });
      // Nothing lapses now (it lapsed on the release), yet the answer is not taken: the consent step asks first.
      expect(next.effects.some((effect) => effect.type === 'consent-lapsed' || effect.type === 'collect')).toBe(false);
      expect(next.state).toMatchObject({ node: 'consent', waitingFor: 'answer', granted: [] });
      expect(next.effects.filter((effect) => effect.type === 'send-text').map((effect) => effect.text)).toEqual([
        expect.stringContaining(notice),
      ]);
      // Once the consent step asked, the answer after that is taken as usual.
      const answered = step(reworded(), step(reworded(), next.state, { type: 'reply', id: 'accept' }).state, {
        type: 'text',
        text: 'ana@example.com',
      });
      expect(answered.effects.filter((effect) => effect.type === 'collect')).toMatchObject([{ key: 'email' }]);
    },
  );

  it('drops values a lapsed consent covered', () => {
    const asked = new Chat(shop()).tap('accept');
    const held = { ...asked.state, variables: { email: 'ana@example.com' } };
    const next = step(reworded(), held, { type: 'text', text: 'oi' });
    expect(next.state.variables).toEqual({});
  });

  it('carries consents into the next conversation after the end, but not after an erasure', () => {
    const chat = new Chat(shop()).tap('accept').say('ana@example.com');
    expect(chat.state.ended).toBe(true);
    chat.say('oi de novo');
    expect(chat.messages).toEqual(['Olá! Sou um assistente automático.', 'Seu e-mail?']);
    const erased = new Chat(shop()).tap('accept').say('apagar meus dados').say('oi');
    expect(erased.state).toMatchObject({ node: 'consent', granted: [], consents: {} });
  });

  it('takes back every consent of a conversation stored before consents carried their wording', () => {
    const waiting = new Chat(shop()).tap('accept').state;
    const { consents: _consents, reconsent: _reconsent, carried: _carried, ...legacy } = waiting;
    const next = step(shop(), legacy, { type: 'text', text: 'ana@example.com' });
    expect(next.effects.filter((effect) => effect.type === 'consent-lapsed')).toEqual([
      { type: 'consent-lapsed', purposes: ['support'] },
    ]);
    expect(next.state).toMatchObject({ node: 'consent', granted: [], consents: {}, reconsent: [] });
    // Whether the wording changed is unknown: the step asks again without claiming the notice changed.
    expect(next.effects.filter((effect) => effect.type === 'send-text')).toEqual([]);
    expect(next.effects.filter((effect) => effect.type === 'send-buttons')).toMatchObject([
      { nodeId: 'consent', text: 'Podemos usar seu e-mail?' },
    ]);
  });

  it('lets a rehearsal that starts from a step count its chosen consents as given for today’s wording', () => {
    const opening = start(shop(), { from: { node: 'ask', granted: ['support'] } });
    expect(opening.state.consents).toEqual(given());
    expect(opening.effects.some((effect) => effect.type === 'consent-lapsed')).toBe(false);
  });
});
