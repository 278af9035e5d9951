import { describe, expect, it } from 'vitest';
import { dateOrderOf, validateDate } from './date.ts';

describe('validateDate', () => {
  it.each<[string, string, string]>([
    // ISO is always accepted.
    ['1990-12-31', 'pt-BR', '1990-12-31'],
    ['1990-12-31', 'en', '1990-12-31'],
    ['2026/3/5', 'ar', '2026-03-05'],
    // Day first in Portuguese and Arabic.
    ['31/12/1990', 'pt-BR', '1990-12-31'],
    ['05/03/2026', 'pt-BR', '2026-03-05'],
    ['5-3-2026', 'pt-BR', '2026-03-05'],
    ['05.03.2026', 'pt-BR', '2026-03-05'],
    ['15/03/2026', 'ar', '2026-03-15'],
    ['١٥/٠٣/٢٠٢٦', 'ar', '2026-03-15'],
    ['05 / 03 / 2026', 'ar', '2026-03-05'],
    ['31/12/1990', 'en-GB', '1990-12-31'],
    // Month first in US English.
    ['12/31/1990', 'en', '1990-12-31'],
    ['3/5/2026', 'en-US', '2026-03-05'],
    // Two-digit years: 50-99 → 19xx, 00-49 → 20xx.
    ['05/03/87', 'pt-BR', '1987-03-05'],
    ['05/03/24', 'pt-BR', '2024-03-05'],
    ['29/02/2024', 'pt-BR', '2024-02-29'],
    ['29/02/2000', 'pt-BR', '2000-02-29'],
  ])('reads %j in %s as %s', (typed, language, iso) => {
    expect(validateDate(typed, language)).toBe(iso);
  });

  it.each<[string, string]>([
    ['31/02/2026', 'pt-BR'],
    ['29/02/2023', 'pt-BR'],
    ['29/02/1900', 'pt-BR'],
    ['12/31/1990', 'pt-BR'], // no 31st month
    ['31/12/1990', 'en'], // no 31st month in US order
    ['1990-13-01', 'en'],
    ['00/01/2026', 'pt-BR'],
    ['5/3', 'pt-BR'],
    ['5/3-2026', 'pt-BR'],
    ['amanhã', 'pt-BR'],
    ['2026-03-05T10:00', 'en'],
    ['', 'ar'],
  ])('refuses %j in %s', (typed, language) => {
    expect(validateDate(typed, language)).toBeUndefined();
  });

  it('knows which languages write the month first', () => {
    expect(dateOrderOf('en')).toBe('month-first');
    expect(dateOrderOf('en-US')).toBe('month-first');
    expect(dateOrderOf('en-GB')).toBe('day-first');
    expect(dateOrderOf('pt-BR')).toBe('day-first');
    expect(dateOrderOf('ar')).toBe('day-first');
  });
});
