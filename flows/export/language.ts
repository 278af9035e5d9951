import { parseUrl } from '../check/urls.ts';
import { closestUiLanguage, type UiLanguage } from '../i18n/index.ts';

/**
 * The language a generated document is written in for a flow language: English, Portuguese and
 * Arabic flow languages get their own; any other gets English, and the document says so.
 */
export function documentLanguage(tag: string): { language: UiLanguage; translated: boolean } {
  const primary = tag.split('-')[0]?.toLowerCase();
  const translated = primary === 'en' || primary === 'pt' || primary === 'ar';
  return { language: translated ? closestUiLanguage(tag) : 'en', translated };
}

/** A country's name in a language (ISO 3166-1 alpha-2 code in, "Brasil" out); the code if unknown. */
export function countryName(code: string, language: UiLanguage): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Every line break Unicode and CommonMark know: CR LF, LF, CR, VT, FF, NEL, U+2028, U+2029. */
// eslint-disable-next-line no-control-regex -- line breaks are what this pattern finds
const lineBreaks = /\r\n|[\n\r\u000B\u000C\u0085\u2028\u2029]/g;

/**
 * Invisible characters: controls and format characters (bidi embeddings, overrides and
 * isolates, marks, zero-width space, soft hyphen, BOM, tag characters), except the zero-width
 * joiner and non-joiner, which emoji and Arabic-script words need.
 */
const invisible = /(?![\u200C\u200D])[\p{Cc}\p{Cf}]/gu;

/**
 * A text from the flow on one line, as its reader sees it: line breaks and tabs become spaces,
 * invisible characters go (so a name cannot reorder the words around it or hide words).
 */
export function oneLine(text: string): string {
  return text.replace(lineBreaks, ' ').replace(/\t/g, ' ').replace(invisible, '');
}

/**
 * Escapes a text from the flow for any inline position of a Markdown document (a paragraph, a
 * list item, a heading, a table cell): on one line ({@link oneLine}), trimmed, with every
 * character CommonMark (and GFM tables) give a meaning inside a line backslash-escaped, and a
 * list, quote, heading or setext marker at its start too. So no value can open a heading, list,
 * fence, thematic break, setext underline, table cell, HTML, entity, link, image or emphasis.
 */
export function md(text: string): string {
  return oneLine(text)
    .trim()
    .replace(/[\\`*_[\]<>!&|~#]/g, '\\$&')
    .replace(/^[-+=>]/, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/**
 * A web address for a Markdown document: an http(s) URL as WHATWG `URL` writes it (no spaces,
 * no `<` or `>`), as an autolink; undefined for anything else (spaces or line breaks in it,
 * another scheme, a user name or password), which is then left out rather than copied raw.
 */
export function mdUrl(url: string): string | undefined {
  if (/[\s<>"`\\]|[\p{Cc}\p{Cf}]/u.test(url)) return undefined;
  const parsed = parseUrl(url);
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) return undefined;
  if (parsed.username || parsed.password) return undefined;
  return `<${parsed.href}>`;
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
