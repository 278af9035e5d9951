import { asciiDigits } from '../../../i18n/normalise.ts';

/** Which order a language writes numeric dates in. */
export type DateOrder = 'day-first' | 'month-first';

/**
 * The order people of a language type numeric dates in: month first for US English (`en`,
 * `en-US`) and a few others that follow it, day first everywhere else (pt-BR, ar, en-GB, es…).
 */
export function dateOrderOf(language: string): DateOrder {
  const tag = language.toLowerCase();
  return ['en', 'en-us', 'en-ph', 'es-us', 'en-as', 'en-gu', 'en-pr', 'en-um', 'en-vi'].includes(tag)
    ? 'month-first'
    : 'day-first';
}

/**
 * A calendar date typed in a chat, as ISO `YYYY-MM-DD`: ISO itself (`1990-12-31`, also with `/`)
 * is always accepted; otherwise day, month and year separated by `/`, `-`, `.` or spaces, in the
 * language's order (`31/12/1990` in pt-BR and ar, `12/31/1990` in en-US). A two-digit year is
 * read as 19xx from 50 up and 20xx below (`05/03/87` → 1987-03-05), a fixed window so the
 * engine stays independent of the clock. Impossible dates (`31/02/2024`) are refused.
 */
export function validateDate(answer: string, language: string): string | undefined {
  const text = asciiDigits(answer.trim()).replace(/\s*([/.-])\s*/g, '$1');
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numeric = /^(\d{1,2})([/.\-\s])(\d{1,2})\2(\d{2}|\d{4})$/.exec(text);
  if (!numeric) return undefined;
  const first = Number(numeric[1]);
  const second = Number(numeric[3]);
  const yearText = numeric[4] ?? '';
  const shortYear = Number(yearText);
  const year = yearText.length === 2 ? (shortYear >= 50 ? 1900 : 2000) + shortYear : shortYear;
  return dateOrderOf(language) === 'day-first' ? isoDate(year, second, first) : isoDate(year, first, second);
}

function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
