/**
 * The languages Amana's own interface speaks. Flows themselves may be written in any
 * language; these are the languages of the studio, the CLI and generated documents.
 */
export const uiLanguages = ['en', 'pt-BR', 'ar'] as const;
export type UiLanguage = (typeof uiLanguages)[number];

/** Right-to-left interface languages (Arabic). */
export function isRightToLeft(language: string): boolean {
  return /^(ar|he|fa|ur)(-|$)/i.test(language);
}

/** The writing direction of a language, as HTML's `dir` takes it: `rtl` for Arabic (see `isRightToLeft`), else `ltr`. */
export function textDirection(language: string): 'rtl' | 'ltr' {
  return isRightToLeft(language) ? 'rtl' : 'ltr';
}

export function isUiLanguage(value: string): value is UiLanguage {
  return (uiLanguages as readonly string[]).includes(value);
}

/**
 * Picks the interface language closest to a requested tag: `pt`, `pt-PT` and `pt-BR` give
 * `pt-BR`, any `ar-*` gives `ar`, anything else English.
 */
export function closestUiLanguage(tag: string | undefined): UiLanguage {
  const lower = (tag ?? '').toLowerCase();
  if (lower.startsWith('pt')) return 'pt-BR';
  if (lower.startsWith('ar')) return 'ar';
  return 'en';
}

/** A message template: `{name}` placeholders are filled from the params. */
export type Params = Record<string, string | number>;

/** Fills `{name}` placeholders. Unknown placeholders are left visible so a missing param is noticed. */
export function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/**
 * A catalogue of translated messages: the same keys in every interface language, checked by
 * the compiler (a key missing in one language does not compile).
 */
export type Catalogue<Keys extends string> = Record<UiLanguage, Record<Keys, string>>;

/** Returns a translator bound to one catalogue. */
export function translator<Keys extends string>(catalogue: Catalogue<Keys>) {
  return (language: UiLanguage, key: Keys, params?: Params): string => fill(catalogue[language][key], params);
}

/**
 * Joins items the way each interface language lists them: as a `conjunction` ("a, b and c", "a, b e c",
 * "a، b وc") or, for items that are counted or named rather than enumerated in prose (a flow's language
 * codes, "3 errors, 1 warning"), as a `unit` list with commas only ("a، b، c" in Arabic).
 *
 * Written out rather than taken from `Intl.ListFormat`, which does not give these sentences' lists:
 * its English conjunction has the serial comma ("a, b, and c"), its Arabic conjunction drops the
 * Arabic comma ("a وb وc"), and its Arabic unit list puts "و" before every item ("a، وb، وc").
 */
export function listOf(
  language: UiLanguage,
  items: readonly string[],
  type: 'conjunction' | 'unit' = 'conjunction',
): string {
  const comma = language === 'ar' ? '، ' : ', ';
  if (type === 'unit' || items.length <= 1) return items.join(comma);
  const and = { en: ' and ', 'pt-BR': ' e ', ar: ' و' }[language];
  return items.slice(0, -1).join(comma) + and + items[items.length - 1];
}

export { textIn, localText } from './lang-text.ts';
