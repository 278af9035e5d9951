import { describe, expect, it } from 'vitest';
import { uiLanguages } from '../i18n/index.ts';
import { validateNode } from '../edit/validate-node.ts';
import type { Flow } from '../model/schema.ts';
import { kindForms } from './forms.ts';
import { nodeKinds } from './registry.ts';

const flow: Flow = {
  format: 'amana.flow',
  version: 1,
  id: 't',
  name: 'T',
  languages: ['pt-BR', 'en', 'ar', 'es'],
  controller: { name: 'Loja', contact: 'privacidade@loja.example' },
  purposes: [{ id: 'support', label: { en: 'Support' } }],
  recipients: [{ id: 'crm', name: 'CRM', host: 'crm.example' }],
  data: [],
  variables: [],
  nodes: [],
  edges: [],
};

describe('the kinds’ forms', () => {
  it('cover every kind once', () => {
    expect(kindForms.map((form) => form.type).sort()).toEqual(nodeKinds.map((kind) => kind.type).sort());
  });

  it.each(nodeKinds.map((kind) => [kind.type, kind] as const))(
    '%s: every field has a form entry with words in every interface language',
    (type, kind) => {
      const form = kindForms.find((candidate) => candidate.type === type);
      expect(form?.fields.map((field) => field.name).sort()).toEqual(Object.keys(kind.fields).sort());
      for (const field of form?.fields ?? []) {
        for (const language of uiLanguages) {
          expect(field.label[language].trim()).not.toBe('');
          expect(field.help[language].trim()).not.toBe('');
          for (const choice of field.choices ?? []) expect(choice.label[language].trim()).not.toBe('');
        }
      }
      for (const language of uiLanguages) expect(form?.explanation[language].trim()).not.toBe('');
    },
  );

  it.each(kindForms.map((form) => [form.type, form] as const))(
    '%s: a new step parses, texts in every flow language',
    (_type, form) => {
      const node = form.blank({
        id: 'new',
        position: { x: 1, y: 2 },
        languages: flow.languages,
        ui: 'en',
        purposes: ['support'],
        recipients: ['crm'],
      });
      expect(validateNode(flow, node)).toEqual([]);
      const text = (node as { text?: Record<string, string> }).text;
      if (text) {
        expect(Object.keys(text)).toEqual(flow.languages);
        expect(text['pt-BR']).not.toBe(text['en']);
      }
    },
  );
});
