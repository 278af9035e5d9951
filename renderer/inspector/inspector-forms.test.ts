import { describe, expect, it } from 'vitest';
import { valueAt } from '../../flows/edit/index.ts';
import { kindForms, type FieldForm, type Flow, type Widget } from '../../flows/index.ts';
import { useDocumentStore } from '../stores/document-store.ts';
import { proposeChange } from './propose-change.ts';

/** A value each widget's editor may produce that parses, and one the parser refuses (when the field can be wrong). */
const samples: Record<Widget, { valid: unknown; invalid?: unknown }> = {
  text: { valid: { 'pt-BR': 'Olá 👋', ar: 'مرحبًا' }, invalid: { 'pt-BR': '   ' } },
  template: { valid: 'https://api.example.com/{{answer}}' },
  choice: { valid: undefined, invalid: 'no-such-choice' },
  number: { valid: 3, invalid: 99 },
  'data-key': { valid: 'answer', invalid: 'e mail' },
  'data-keys': { valid: ['answer'], invalid: ['e mail'] },
  purposes: { valid: ['support'], invalid: [] },
  recipient: { valid: 'crm', invalid: 'not an id' },
  identifier: { valid: 'sales', invalid: 'two words' },
  options: { valid: [{ id: 'a', label: { 'pt-BR': 'A' } }], invalid: [] },
  sections: {
    valid: [{ title: { 'pt-BR': 'S' }, rows: [{ id: 'r', title: { 'pt-BR': 'R' } }] }],
    invalid: [{ title: { 'pt-BR': 'S' }, rows: [] }],
  },
  rules: {
    valid: [{ outcome: 'big', var: 'answer', op: 'gt', value: 3 }],
    invalid: [{ outcome: 'x', var: 'answer', op: 'between' }],
  },
  headers: { valid: { 'X-Api': '{{secret.KEY}}' }, invalid: { 'X-Api': 5 } },
  'response-mappings': { valid: [{ from: '$.id', to: 'answer' }], invalid: [{ from: '', to: 'answer' }] },
  mock: { valid: { status: 201, body: { id: 'x1' } }, invalid: { status: 42 } },
};

function validSample(field: FieldForm): unknown {
  return field.widget === 'choice' ? field.choices?.[field.choices.length - 1]?.value : samples[field.widget].valid;
}

const base: Flow = {
  format: 'amana.flow',
  version: 1,
  id: 'forms',
  name: 'Forms',
  languages: ['pt-BR', 'ar'],
  controller: { name: 'Loja', contact: 'privacidade@loja.example' },
  purposes: [{ id: 'support', label: { 'pt-BR': 'Atendimento' } }],
  recipients: [{ id: 'crm', name: 'CRM', host: 'api.example.com' }],
  data: [],
  variables: [{ key: 'answer' }],
  nodes: [],
  edges: [],
};

function openWith(flow: Flow): void {
  useDocumentStore.getState().opened({ flow, version: 1, savedAt: '2026-12-01T00:00:00Z', hash: 'x' }, []);
}

describe.each(kindForms.filter((form) => form.fields.length > 0).map((form) => [form.type, form] as const))(
  'the inspector form of %s',
  (_type, form) => {
    const node = form.blank({
      id: 'step',
      position: { x: 0, y: 0 },
      languages: base.languages,
      ui: 'pt-BR',
      purposes: ['support'],
      recipients: ['crm'],
    });
    const flow = { ...base, nodes: [node] };

    it.each(form.fields.map((field) => [field.name, field] as const))(
      '%s: a valid value becomes one undoable edit of the document',
      (_name, field) => {
        openWith(flow);
        const value = validSample(field);
        const proposed = proposeChange(flow, node, [field.name], value, 'pt-BR');
        expect(proposed.ok ? [] : proposed.problems).toEqual([]);
        useDocumentStore.getState().apply({ op: 'replaceNode', node: proposed.node });
        const written = useDocumentStore.getState().working?.nodes[0];
        expect(valueAt(written, [field.name])).toEqual(value);
        expect(useDocumentStore.getState().dirty).toBe(true);
        useDocumentStore.getState().undo();
        expect(useDocumentStore.getState().working).toEqual(flow);
      },
    );

    const refusable = form.fields.filter((field) => samples[field.widget].invalid !== undefined || !field.optional);
    it.each(refusable.map((field) => [field.name, field] as const))(
      '%s: a wrong or missing value gets the parser’s message at that field and never reaches the document',
      (_name, field) => {
        const wrong = samples[field.widget].invalid;
        const proposed = proposeChange(flow, node, [field.name], wrong, 'pt-BR');
        expect(proposed.ok).toBe(false);
        if (proposed.ok) return;
        expect(proposed.problems.length).toBeGreaterThan(0);
        for (const problem of proposed.problems) {
          expect(problem.path.startsWith(field.name)).toBe(true);
          expect(problem.message).toMatch(/\S/);
        }
      },
    );
  },
);
