import type { LangText } from '../model/common.ts';

/**
 * The conversation language for a requested tag: the flow language that equals it (ignoring
 * case), else the first flow language with the same primary subtag (`pt` or `pt-PT` picks
 * `pt-BR`), else the flow's first language.
 */
export function pickLanguage(flow: { languages: readonly string[] }, requested?: string): string {
  const first = flow.languages[0] ?? 'en';
  if (!requested) return first;
  const wanted = requested.toLowerCase();
  const exact = flow.languages.find((language) => language.toLowerCase() === wanted);
  if (exact) return exact;
  const primary = primarySubtag(requested);
  return flow.languages.find((language) => primarySubtag(language) === primary) ?? first;
}

/**
 * A text in the conversation language: that language, else one with the same primary subtag,
 * else the first of the flow's languages the text has, else whatever language it has.
 */
export function localText(text: LangText | undefined, language: string, flowLanguages: readonly string[]): string {
  if (!text) return '';
  const direct = text[language];
  if (direct !== undefined) return direct;
  const primary = primarySubtag(language);
  const sameFamily = Object.keys(text).find((tag) => primarySubtag(tag) === primary);
  if (sameFamily !== undefined) return text[sameFamily] ?? '';
  for (const flowLanguage of flowLanguages) {
    const value = text[flowLanguage];
    if (value !== undefined) return value;
  }
  return Object.values(text)[0] ?? '';
}

/** Every language's version of a text (for matching what a customer typed in any of them). */
export function allVersions(text: LangText | undefined): string[] {
  return text ? Object.values(text) : [];
}

export function primarySubtag(tag: string): string {
  return (tag.split('-')[0] ?? '').toLowerCase();
}

/** The region subtag of a language tag (`pt-BR` → `BR`, `ar-SA` → `SA`), if it has one. */
export function regionOf(tag: string): string | undefined {
  return tag
    .split('-')
    .slice(1)
    .find((part) => /^[A-Za-z]{2}$/.test(part))
    ?.toUpperCase();
}
