import { describe, expect, it } from 'vitest';
import { listOf, textDirection } from './index.ts';

describe('the writing direction of a language', () => {
  it('is right to left for Arabic in any region and letter case, and for Hebrew, Persian and Urdu', () => {
    for (const tag of ['ar', 'ar-EG', 'AR-sa', 'he', 'fa-IR', 'ur']) expect(textDirection(tag), tag).toBe('rtl');
  });

  it('is left to right for every other language, including tags that only begin like a right-to-left one', () => {
    for (const tag of ['en', 'pt-BR', 'fr', 'arn', 'hea', '']) expect(textDirection(tag), tag).toBe('ltr');
  });
});

describe('a list in the interface language', () => {
  it('joins items with the language’s comma and its “and” before the last', () => {
    expect(listOf('en', ['a', 'b', 'c'])).toBe('a, b and c');
    expect(listOf('pt-BR', ['a', 'b', 'c'])).toBe('a, b e c');
    expect(listOf('ar', ['a', 'b', 'c'])).toBe('a، b وc');
    expect(listOf('en', ['a', 'b'])).toBe('a and b');
    expect(listOf('ar', ['a'])).toBe('a');
    expect(listOf('pt-BR', [])).toBe('');
  });

  it('joins counted or named items with commas only, the Arabic comma in Arabic', () => {
    expect(listOf('en', ['pt-BR', 'en', 'ar'], 'unit')).toBe('pt-BR, en, ar');
    expect(listOf('pt-BR', ['pt-BR', 'en'], 'unit')).toBe('pt-BR, en');
    expect(listOf('ar', ['pt-BR', 'en', 'ar'], 'unit')).toBe('pt-BR، en، ar');
    expect(listOf('ar', [], 'unit')).toBe('');
  });

  it('is not what Intl.ListFormat gives, which is why it is written out', () => {
    const intl = (language: string, type: 'conjunction' | 'unit') =>
      new Intl.ListFormat(language, { type }).format(['a', 'b', 'c']);
    expect(intl('en', 'conjunction')).not.toBe(listOf('en', ['a', 'b', 'c']));
    expect(intl('ar', 'conjunction')).not.toBe(listOf('ar', ['a', 'b', 'c']));
    expect(intl('ar', 'unit')).not.toBe(listOf('ar', ['a', 'b', 'c'], 'unit'));
  });
});
