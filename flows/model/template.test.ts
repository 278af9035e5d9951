import { describe, expect, it } from 'vitest';
import { fillTemplate, soleKey, templateParts } from './template.ts';

describe('templates', () => {
  it('cuts a text into literal parts and placeholders, in order', () => {
    expect(templateParts('Olá {{ contact.name }}, seu pedido {{order}}!')).toEqual([
      { text: 'Olá ' },
      { text: '{{ contact.name }}', key: 'contact.name' },
      { text: ', seu pedido ' },
      { text: '{{order}}', key: 'order' },
      { text: '!' },
    ]);
    expect(templateParts('{{ 1bad }} and {{}}')).toEqual([{ text: '{{ 1bad }} and {{}}' }]);
    expect(templateParts('')).toEqual([]);
  });

  it('fills placeholders, a missing value as empty text', () => {
    expect(fillTemplate('Hi {{name}}, {{missing}}.', (key) => (key === 'name' ? 'Ana' : undefined))).toBe('Hi Ana, .');
  });

  it('knows a template that is exactly one placeholder', () => {
    expect(soleKey(' {{ total }} ')).toBe('total');
    expect(soleKey('{{ total }} BRL')).toBeUndefined();
  });
});
