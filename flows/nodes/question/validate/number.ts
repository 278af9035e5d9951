import { asciiDigits } from '../../../i18n/normalise.ts';

/**
 * A number typed with either decimal separator: `12.5`, `12,5`, `1.234,56`, `1,234.56`,
 * `1 234,5`, `-3`, Arabic `١٢٫٥`. When only one kind of separator appears once and is followed
 * by exactly three digits (`1.500`, `1,500`), it is read the way the conversation language writes
 * thousands: a grouping separator in languages that group with it (`.` in pt, es, de…; `,` in
 * en and ar), otherwise a decimal separator. Returns the number, or undefined.
 */
export function validateNumber(answer: string, language: string): number | undefined {
  const text = asciiDigits(answer.trim())
    .replace(/\u066B/g, '.') // Arabic decimal separator ٫
    .replace(/\u066C/g, ',') // Arabic thousands separator ٬
    .replace(/[\s\u00A0\u202F\u2009']/g, '') // spaces, no-break spaces and apostrophes group digits
    .replace(/^\u2212/, '-');
  const match = /^([+-]?)(\d[\d.,]*)$/.exec(text);
  if (!match) return undefined;
  const sign = match[1] === '-' ? -1 : 1;
  const body = match[2] ?? '';
  if (/[.,]$/.test(body) || /[.,]{2}/.test(body)) return undefined;
  const lastDot = body.lastIndexOf('.');
  const lastComma = body.lastIndexOf(',');
  let integer: string;
  let fraction = '';
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    const at = body.lastIndexOf(decimal);
    if (body.indexOf(decimal) !== at) return undefined;
    integer = ungroup(body.slice(0, at), group) ?? '';
    if (!integer) return undefined;
    fraction = body.slice(at + 1);
    if (fraction.includes(group)) return undefined;
  } else if (lastDot >= 0 || lastComma >= 0) {
    const separator = lastDot >= 0 ? '.' : ',';
    const parts = body.split(separator);
    const groupsOfThree = parts.length > 1 && parts.slice(1).every((part) => part.length === 3);
    if (parts.length > 2) {
      if (!groupsOfThree) return undefined;
      integer = ungroup(body, separator) ?? '';
      if (!integer) return undefined;
    } else if (groupsOfThree && groupsWith(language) === separator) {
      integer = parts.join('');
    } else {
      integer = parts[0] ?? '';
      fraction = parts[1] ?? '';
    }
  } else {
    integer = body;
  }
  const value = sign * Number(`${integer}.${fraction || '0'}`);
  return Number.isFinite(value) ? value : undefined;
}

/** Digits grouped by threes with `group` (`1.234.567`), without the separators; undefined if grouped wrongly. */
function ungroup(text: string, group: string): string | undefined {
  const parts = text.split(group);
  if (parts.length === 1) return text;
  const [head, ...rest] = parts;
  if (!head || head.length > 3 || !rest.every((part) => part.length === 3)) return undefined;
  return parts.join('');
}

/**
 * The character a language groups thousands with. English, and Arabic as typed with Latin digits
 * in the Gulf and Egypt (`1,500.50`), use the comma; Portuguese, Spanish and most of Europe the dot.
 */
function groupsWith(language: string): '.' | ',' {
  const primary = language.split('-')[0]?.toLowerCase() ?? '';
  return ['en', 'ar', 'zh', 'ja', 'ko', 'he', 'th', 'hi', 'ms'].includes(primary) ? ',' : '.';
}
