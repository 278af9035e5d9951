import { describe, expect, it } from 'vitest';
import { isolated } from './isolated.ts';

describe('names in plain-text sentences', () => {
  it('wraps a name in a first-strong isolate', () => {
    expect(isolated('pt-BR')).toBe('\u2068pt-BR\u2069');
  });
});
