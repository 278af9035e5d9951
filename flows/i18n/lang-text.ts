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
 * Which language of a text to show for `language` — the one rule for every text of a flow, wherever
 * it is shown (the conversation, the checker's messages, the documents, the canvas): that language,
 * else one with the same primary subtag (`pt` for `pt-BR`), else the first of the flow's languages
 * the text has, else whatever language it has. Undefined for a text with no language.
 */
export function textLanguage(
  text: Readonly<Record<string, unknown>> | undefined,
  language: string,
  flowLanguages: readonly string[],
): string | undefined {
  if (!text) return undefined;
  if (text[language] !== undefined) return language;
  const primary = primarySubtag(language);
  const tags = Object.keys(text);
  return (
    tags.find((tag) => primarySubtag(tag) === primary) ??
    flowLanguages.find((tag) => text[tag] !== undefined) ??
    tags[0]
  );
}

/** The version of a per-language value (a text, a keyword list) to use for `language`; see `textLanguage`. */
export function inLanguage<T>(
  byLanguage: Readonly<Record<string, T>> | undefined,
  language: string,
  flowLanguages: readonly string[],
): T | undefined {
  const tag = textLanguage(byLanguage, language, flowLanguages);
  return tag === undefined ? undefined : byLanguage?.[tag];
}

/**
 * A flow text in the language `textLanguage` picks, with that language (to mark it with `lang`);
 * undefined when there is no text.
 */
export function textIn(
  text: LangText | undefined,
  language: string,
  flowLanguages: readonly string[],
): { lang: string; value: string } | undefined {
  const lang = textLanguage(text, language, flowLanguages);
  const value = lang === undefined ? undefined : text?.[lang];
  return lang === undefined || value === undefined ? undefined : { lang, value };
}

/** A text in `language` as `textLanguage` picks it; empty when there is no text. */
export function localText(text: LangText | undefined, language: string, flowLanguages: readonly string[]): string {
  return inLanguage(text, language, flowLanguages) ?? '';
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
