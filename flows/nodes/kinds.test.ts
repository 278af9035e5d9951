import { describe, expect, it } from 'vitest';
import { parseFlow } from '../model/parse.ts';
import type { FlowNode } from '../model/schema.ts';
import { outcomeLabel } from './outcomes.ts';
import { countsOf, factsOf, hasEntry, outcomesOf, textsOf } from './registry.ts';

/** Parses nodes inside a minimal valid flow, so they are checked by the real schema. */
function nodes(...list: object[]): FlowNode[] {
  const result = parseFlow({
    format: 'amana.flow',
    version: 1,
    id: 't',
    name: 'T',
    languages: ['pt-BR', 'en'],
    controller: { name: 'Loja', contact: 'privacidade@loja.example' },
    purposes: [{ id: 'support', label: { en: 'Support' } }],
    recipients: [{ id: 'crm', name: 'CRM', host: 'crm.example' }],
    data: [],
    variables: [],
    nodes: list.map((node, i) => ({ id: `n${i}`, position: { x: 0, y: 0 }, ...node })),
    edges: [],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.flow.nodes;
}

describe('node kinds declare their outcomes', () => {
  it('gives a question next and an optional invalid', () => {
    const [question] = nodes({ type: 'question', text: { en: 'Email?' }, input: 'email', saveAs: 'email' });
    expect(outcomesOf(question!)).toMatchObject([
      { id: 'next', optional: false, label: { en: 'next' } },
      { id: 'invalid', optional: true, label: { 'pt-BR': 'resposta inválida' } },
    ]);
  });

  it('gives buttons one outcome per option and a list one per row', () => {
    const [buttons, list] = nodes(
      {
        type: 'buttons',
        text: { en: 'Pick' },
        options: [
          { id: 'a', label: { en: 'A' } },
          { id: 'b', label: { en: 'B' } },
        ],
      },
      {
        type: 'list',
        text: { en: 'Pick' },
        button: { en: 'Menu' },
        sections: [
          {
            title: { en: 'S' },
            rows: [
              { id: 'r1', title: { en: 'R1' } },
              { id: 'r2', title: { en: 'R2' } },
            ],
          },
        ],
      },
    );
    expect(outcomesOf(buttons!).map((o) => o.id)).toEqual(['a', 'b']);
    expect(outcomesOf(list!).map((o) => o.id)).toEqual(['r1', 'r2']);
  });

  it('gives a condition one outcome per distinct rule outcome plus else', () => {
    const [condition] = nodes({
      type: 'condition',
      rules: [
        { outcome: 'vip', var: 'tier', op: 'eq', value: 'gold' },
        { outcome: 'vip', var: 'tier', op: 'eq', value: 'platinum' },
        { outcome: 'new', var: 'orders', op: 'lt', value: 1 },
      ],
    });
    expect(outcomesOf(condition!).map((o) => o.id)).toEqual(['vip', 'new', 'else']);
  });

  it('lets a handoff stay unconnected and an end have no way out', () => {
    const [handoff, end] = nodes(
      { type: 'handoff', text: { en: 'Wait' }, queue: 'support', share: [] },
      { type: 'end' },
    );
    expect(outcomesOf(handoff!)).toMatchObject([{ id: 'next', optional: true }]);
    expect(outcomesOf(end!)).toEqual([]);
  });
});

describe('node kinds declare their privacy facts', () => {
  it('counts every key an http node sends: send, URL, body and headers', () => {
    const [http] = nodes({
      type: 'http',
      method: 'POST',
      url: 'https://crm.example/leads/{{lead_id}}',
      recipient: 'crm',
      send: ['email'],
      body: '{"name": "{{ contact.name }}"}',
      headers: { 'X-Phone': '{{contact.phone}}' },
      saveResponse: [{ from: '$.id', to: 'ticket' }],
    });
    const facts = factsOf(http!);
    expect(facts.shares).toEqual([
      {
        via: 'http',
        recipient: 'crm',
        url: 'https://crm.example/leads/{{lead_id}}',
        keys: ['email', 'lead_id', 'contact.name', 'contact.phone'],
      },
    ]);
    expect(facts.collects).toEqual([{ key: 'ticket', source: 'response' }]);
  });

  it('grants consent only on the granted outcome', () => {
    const [consent] = nodes({ type: 'consent', text: { en: 'OK?' }, purposes: ['support'] });
    expect(factsOf(consent!)).toMatchObject({
      asksUser: true,
      grants: [{ outcome: 'granted', purposes: ['support'] }],
    });
  });

  it('marks disclosure, handoff sharing and erasure', () => {
    const [disclosure, handoff, erase] = nodes(
      { type: 'disclosure', text: { en: 'I am a bot, {{contact.name}}' } },
      { type: 'handoff', text: { en: 'Wait' }, queue: 'support', share: ['email'] },
      { type: 'erase' },
    );
    expect(factsOf(disclosure!)).toMatchObject({ discloses: true, asksUser: false, reads: ['contact.name'] });
    expect(factsOf(handoff!)).toMatchObject({ handsOff: true, shares: [{ via: 'handoff', keys: ['email'] }] });
    expect(factsOf(erase!)).toMatchObject({ erases: true });
  });
});

describe('node kinds declare WhatsApp limits on their texts', () => {
  it('caps button titles at 20 and interactive bodies at 1024, and counts buttons', () => {
    const [buttons] = nodes({
      type: 'buttons',
      text: { en: 'Pick' },
      options: [1, 2, 3, 4].map((i) => ({ id: `o${i}`, label: { en: `Option ${i}` } })),
    });
    expect(textsOf(buttons!).map((site) => [site.path.join('.'), site.maxLength])).toEqual([
      ['text', 1024],
      ['options.0.label', 20],
      ['options.1.label', 20],
      ['options.2.label', 20],
      ['options.3.label', 20],
    ]);
    expect(countsOf(buttons!)).toEqual([{ path: ['options'], count: 4, max: 3, rule: 'wa-too-many-buttons' }]);
  });
});

describe('outcomes are named for the designer', () => {
  it('names fixed outcomes in the interface language and choices by their own label', () => {
    const [consent, buttons, condition] = nodes(
      { type: 'consent', text: { en: 'OK?' }, purposes: ['support'] },
      { type: 'buttons', text: { en: 'Pick' }, options: [{ id: 'sofa', label: { 'pt-BR': 'Sofás', en: 'Sofas' } }] },
      { type: 'condition', rules: [{ outcome: 'vip', var: 'tier', op: 'eq', value: 'gold' }] },
    );
    const label = (node: FlowNode, language: 'en' | 'pt-BR' | 'ar') =>
      outcomesOf(node).map((outcome) => outcomeLabel(outcome, language, ['pt-BR', 'en']));
    expect(label(consent!, 'ar')).toEqual(['وافق', 'رفض']);
    expect(label(buttons!, 'en')).toEqual(['Sofas']);
    expect(label(buttons!, 'ar')).toEqual(['Sofás']);
    expect(label(condition!, 'pt-BR')).toEqual(['vip', 'senão']);
  });

  it('gives every kind an entry but Start', () => {
    const [start, message] = nodes({ type: 'start' }, { type: 'message', text: { en: 'Hi' } });
    expect([hasEntry(start!), hasEntry(message!)]).toEqual([false, true]);
  });
});
