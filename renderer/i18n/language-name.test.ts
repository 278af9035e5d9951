import { describe, expect, it } from 'vitest';
import { languageName } from './language-name.ts';

describe('a flow language named for the designer', () => {
  it('is the language’s name in the interface language', () => {
    expect(languageName('pt-BR', 'en')).toBe('Brazilian Portuguese');
    expect(languageName('pt-BR', 'pt-BR')).toBe('português (Brasil)');
    expect(languageName('en', 'ar')).toBe('الإنجليزية');
  });

  it('is the tag itself when the tag is not a language the platform knows', () => {
    expect(languageName('not a tag', 'en')).toBe('not a tag');
  });
});
