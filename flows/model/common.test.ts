import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { templateKeys, textKeys } from './common.ts';
import { placeholderPattern } from './template.ts';

/** The placeholder syntax as ./template.ts states it; the scanner must find exactly its matches. */
const byRegex = (value: string) => [...value.matchAll(placeholderPattern)].map((match) => match[1]);

describe('templateKeys', () => {
  it.each([
    ['Hello {{name}}!', ['name']],
    ['{{ name }} and {{order.status}}', ['name', 'order.status']],
    ['{{\u00a0name\u3000}}', ['name']],
    ['{{{name}}}', ['name']],
    ['{{a.}} {{.a}} {{1a}} {{a b}} {{}}', []],
    ['{{a.b.c_1}}{{_x}}', ['a.b.c_1', '_x']],
    ['{{name}', []],
    ['{{ {{inner}} }}', ['inner']],
    ['no placeholders', []],
  ])('%j reads %j', (value, keys) => {
    expect(templateKeys(value)).toEqual(keys);
    expect(byRegex(value)).toEqual(keys);
  });

  it('agrees with the grammar on arbitrary text made of placeholder pieces', () => {
    const piece = fc.constantFrom(
      '{{',
      '}}',
      '{',
      '}',
      ' ',
      '\u00a0',
      '\u2028',
      '.',
      'a',
      'Z',
      '_',
      '7',
      'é',
      'x.y',
      '\n',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const value = pieces.join('');
        expect(templateKeys(value)).toEqual(byRegex(value));
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.string(), (value) => {
        expect(templateKeys(value)).toEqual(byRegex(value));
      }),
    );
  });

  it('textKeys reads every language in order', () => {
    expect(textKeys({ en: 'Hi {{name}}', 'pt-BR': 'Olá {{ name }}, {{email}}' })).toEqual(['name', 'name', 'email']);
    expect(textKeys(undefined)).toEqual([]);
  });
});
