import { closestUiLanguage, type UiLanguage } from '../i18n/index.ts';
import type { LangText } from '../model/common.ts';

/**
 * The language a generated document is written in for a flow language: English, Portuguese and
 * Arabic flow languages get their own; any other gets English, and the document says so.
 */
export function documentLanguage(tag: string): { language: UiLanguage; translated: boolean } {
  const primary = tag.split('-')[0]?.toLowerCase();
  const translated = primary === 'en' || primary === 'pt' || primary === 'ar';
  return { language: translated ? closestUiLanguage(tag) : 'en', translated };
}

/**
 * A designer's text in one flow language: that tag, else one with the same primary subtag,
 * else the flow's first language that has it, else any.
 */
export function textIn(text: LangText | undefined, tag: string, flowLanguages: readonly string[]): string {
  if (!text) return '';
  const exact = text[tag];
  if (exact !== undefined) return exact;
  const primary = tag.split('-')[0]?.toLowerCase();
  const family = Object.keys(text).find((candidate) => candidate.split('-')[0]?.toLowerCase() === primary);
  if (family !== undefined) return text[family] ?? '';
  for (const language of flowLanguages) if (text[language] !== undefined) return text[language] ?? '';
  return Object.values(text)[0] ?? '';
}

/** A country's name in a language (ISO 3166-1 alpha-2 code in, "Brasil" out); the code if unknown. */
export function countryName(code: string, language: UiLanguage): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Escapes text for a Markdown table cell or inline position. */
export function md(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ')
    .replace(/([*_`[\]<>#])/g, '\\$1');
}

/** A date as the document's readers write it (UTC). */
export function formatDate(iso: string, language: UiLanguage): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'ar' ? 'ar-u-nu-latn' : language, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}
