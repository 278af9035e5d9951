import { describe, it, expect } from 'vitest';
import { categoryAliases } from './category-table.ts';
import {
  categoryKeys,
  dataCategories,
  findCategory,
  isProtectedIdentifier,
  isSensitiveCategory,
  type CategoryLanguage,
} from './categories.ts';

const languages: CategoryLanguage[] = ['en', 'pt-BR', 'ar'];
const arabicScript = /[\u0600-\u06FF]/;
const currentKeys = new Set(dataCategories.map((category) => category.key));

describe('data-category catalogue', () => {
  it('has the full fideslang 3.2 tree', () => {
    expect(dataCategories.length).toBe(101);
    expect(currentKeys.has('user')).toBe(true);
    expect(currentKeys.has('system')).toBe(true);
  });

  it('has unique keys', () => {
    expect(currentKeys.size).toBe(dataCategories.length);
  });

  it('gives every category an existing parent, or none for the two roots', () => {
    for (const category of dataCategories) {
      if (category.parent === null) {
        expect(['user', 'system']).toContain(category.key);
      } else {
        expect(currentKeys.has(category.parent), category.key).toBe(true);
        expect(category.key.startsWith(`${category.parent}.`), category.key).toBe(true);
      }
    }
  });

  it('points every alias at a current key, and no alias is a current key', () => {
    expect(Object.keys(categoryAliases).length).toBeGreaterThan(0);
    for (const [alias, target] of Object.entries(categoryAliases)) {
      expect(currentKeys.has(target), `${alias} -> ${target}`).toBe(true);
      expect(currentKeys.has(alias), alias).toBe(false);
      expect(findCategory(alias)?.key).toBe(target);
    }
  });

  it('has a label and a description in every language, Arabic ones in Arabic script', () => {
    for (const category of dataCategories) {
      for (const language of languages) {
        expect(category.label[language].trim(), `${category.key} label ${language}`).not.toBe('');
        expect(category.description[language].trim(), `${category.key} description ${language}`).not.toBe('');
      }
      expect(category.label.ar, category.key).toMatch(arabicScript);
      expect(category.description.ar, category.key).toMatch(arabicScript);
    }
  });

  it('gives distinct labels in each language, so pickers are unambiguous', () => {
    for (const language of languages) {
      const labels = dataCategories.map((category) => category.label[language]);
      const duplicates = labels.filter((label, index) => labels.indexOf(label) !== index);
      expect(duplicates, language).toEqual([]);
    }
  });

  it('marks the DESIGN.md special categories as sensitive, alias-aware', () => {
    for (const key of [
      'user.health_and_medical',
      'user.health',
      'user.health.genetic',
      'user.health_and_medical.genetic',
      'user.biometric',
      'user.biometrics.fingerprint',
      'user.childrens',
      'user.children.children_under_thirteen',
      'user.criminal_history',
      'user.demographic.race_ethnicity',
      'user.demographic.religious_belief',
      'user.demographic.political_opinion',
      'user.demographic.sexual_orientation',
      'user.race',
    ]) {
      expect(isSensitiveCategory(key), key).toBe(true);
    }
    for (const key of [
      'user.contact.email',
      'user.name',
      'user.demographic',
      'user.demographic.gender',
      'user.financial',
    ]) {
      expect(isSensitiveCategory(key), key).toBe(false);
    }
    expect(isSensitiveCategory('not.a.category')).toBe(false);
  });

  it('marks government ids, financial and payment data as protected identifiers', () => {
    for (const key of [
      'user.government_id',
      'user.government_id.national_identification_number',
      'user.financial',
      'user.financial.credit_card',
      'user.financial.account_number',
      'user.payment',
    ]) {
      expect(isProtectedIdentifier(key), key).toBe(true);
    }
    for (const key of ['user.contact.email', 'user.name', 'user.health']) {
      expect(isProtectedIdentifier(key), key).toBe(false);
    }
  });

  it('finds every DESIGN.md §2 example key, directly or via an alias', () => {
    for (const key of [
      'user.contact.email',
      'user.contact.phone_number',
      'user.contact.address.street',
      'user.name',
      'user.government_id',
      'user.financial',
      'user.payment',
      'user.health_and_medical',
      'user.biometric',
      'user.location.precise',
      'user.demographic',
      'user.childrens',
      'user.criminal_history',
      'user.content',
    ]) {
      expect(findCategory(key), key).toBeDefined();
    }
    expect(findCategory('user.health_and_medical')?.key).toBe('user.health');
    expect(findCategory('user.biometric')?.key).toBe('user.biometrics');
    expect(findCategory('user.childrens')?.key).toBe('user.children');
  });

  it('returns undefined for unknown keys, including prototype names', () => {
    expect(findCategory('user.unknown')).toBeUndefined();
    expect(findCategory('toString')).toBeUndefined();
    expect(findCategory('__proto__')).toBeUndefined();
  });

  it('lists current keys and aliases once each', () => {
    const keys = categoryKeys();
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBe(dataCategories.length + Object.keys(categoryAliases).length);
    expect(keys).toContain('user.health');
    expect(keys).toContain('user.health_and_medical');
  });
});
