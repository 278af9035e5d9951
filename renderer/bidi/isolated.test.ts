import { describe, expect, it } from 'vitest';
import { isolated, isolatedList } from './isolated.ts';

describe('names in plain-text sentences', () => {
  it('wraps a name in a first-strong isolate', () => {
    expect(isolated('pt-BR')).toBe('\u2068pt-BR\u2069');
  });

  it('lists codes each in its own isolate, with the interface language’s comma', () => {
    expect(isolatedList(['pt-BR', 'en'], 'en')).toBe('\u2068pt-BR\u2069, \u2068en\u2069');
    expect(isolatedList(['pt-BR', 'en'], 'ar')).toBe('\u2068pt-BR\u2069، \u2068en\u2069');
    expect(isolatedList([], 'pt-BR')).toBe('');
  });
});
