import type { UiLanguage } from '../i18n/index.ts';
import { dataCategories, findCategory, type DataCategory } from '../model/categories.ts';
import { normaliseText } from './text-cues.ts';

/**
 * The data categories whose plain-language label or description, in the interface language,
 * holds every word of the query (accents and case ignored, a word may be the start of one:
 * "tele" finds "Telefone"). Labels that match come before descriptions that do, shorter
 * labels first, then catalogue order; an empty query lists the whole catalogue. The taxonomy key
 * matches too, last, for those who know it.
 */
export function searchCategories(query: string, language: UiLanguage): DataCategory[] {
  const words = normaliseText(query).split(' ').filter(Boolean);
  if (words.length === 0) return [...dataCategories];
  const within = (text: string) => {
    const folded = ` ${normaliseText(text)}`;
    return words.every((word) => folded.includes(` ${word}`));
  };
  const scored: { category: DataCategory; score: number; order: number }[] = [];
  dataCategories.forEach((category, order) => {
    const score = within(category.label[language])
      ? 0
      : within(category.description[language])
        ? 1
        : within(category.key.replace(/[._]/g, ' '))
          ? 2
          : -1;
    if (score >= 0) scored.push({ category, score, order });
  });
  return scored
    .sort(
      (a, b) =>
        a.score - b.score ||
        (a.score === 0 ? a.category.label[language].length - b.category.label[language].length : 0) ||
        a.order - b.order,
    )
    .map((entry) => entry.category);
}

/** A category's label in the interface language, with its parents' ("Contact details › Email"). */
export function categoryTrail(key: string, language: UiLanguage): string {
  const trail: string[] = [];
  for (let current = findCategory(key); current && current.parent !== null; current = findCategory(current.parent)) {
    trail.unshift(current.label[language]);
  }
  return trail.join(' › ') || (findCategory(key)?.label[language] ?? key);
}
