import { describe, expect, it } from 'vitest';
import { categoryTrail, searchCategories } from './category-search.ts';
import { suggestedCategory } from './suggest-category.ts';
import { findCategory } from '../model/categories.ts';

describe('finding a data category in plain words', () => {
  it('finds categories by their label in the interface language, accents and case ignored', () => {
    expect(searchCategories('telefone', 'pt-BR')[0]?.key).toBe('user.contact.phone_number');
    expect(searchCategories('SAUDE', 'pt-BR').map((category) => category.key)).toContain('user.health');
    expect(searchCategories('email', 'en')[0]?.key).toBe('user.contact.email');
    expect(searchCategories('هاتف', 'ar').map((category) => category.key)).toContain('user.contact.phone_number');
  });

  it('also finds a category by the words of its description, after those whose label matches', () => {
    const found = searchCategories('fingerprint', 'en').map((category) => category.key);
    expect(found).toContain('user.authorization.biometrics');
  });

  it('lists everything for an empty query and nothing for words no category has', () => {
    expect(searchCategories('  ', 'en').length).toBeGreaterThan(100);
    expect(searchCategories('zzzqqq', 'en')).toEqual([]);
  });

  it('names a category with its parents', () => {
    expect(categoryTrail('user.contact.email', 'en')).toBe(
      `${findCategory('user.contact')?.label.en} › ${findCategory('user.contact.email')?.label.en}`,
    );
  });

  it('suggests a category from the input kind, else from the question’s words in any language', () => {
    expect(suggestedCategory('email', [])).toBe('user.contact.email');
    expect(suggestedCategory('text', ['Qual é o seu CPF?'])).toBe('user.government_id');
    expect(suggestedCategory('text', ['ما هو رقم الهاتف؟'])).toBe('user.contact.phone_number');
    expect(suggestedCategory('text', ['Which plan do you like?'])).toBeUndefined();
    for (const key of [
      'user.health',
      'user.contact.address',
      'user.demographic.date_of_birth',
      'user.name',
      'user.financial',
    ])
      expect(findCategory(key), key).toBeDefined();
  });
});
