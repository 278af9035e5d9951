import type { LangText } from '../../flows/index.ts';
import { textLanguage } from '../../flows/i18n/index.ts';

/**
 * A flow text in the language it is shown in, with that language (to mark it with `lang`). The
 * choice of language is flows/i18n's `textLanguage`, the one rule every part of Amana follows.
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
