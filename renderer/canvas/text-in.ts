import type { LangText } from '../../flows/index.ts';

/**
 * The version of a flow text to show: the interface language if the flow has it, else the same
 * language in another variant (`pt` for `pt-BR`), else the flow's first language, else any.
 * Returns the language tag too, so the card can mark the text's language and direction.
 */
export function textIn(
  text: LangText,
  language: string,
  flowLanguages: readonly string[],
): { lang: string; value: string } | undefined {
  const primary = (tag: string) => tag.split('-')[0]?.toLowerCase();
  const tags = Object.keys(text);
  const lang =
    tags.find((tag) => tag === language) ??
    tags.find((tag) => primary(tag) === primary(language)) ??
    flowLanguages.find((tag) => tags.includes(tag)) ??
    tags[0];
  const value = lang === undefined ? undefined : text[lang];
  return lang === undefined || value === undefined ? undefined : { lang, value };
}
