import { describe, expect, it } from 'vitest';
import { validateNumber } from './number.ts';

describe('validateNumber', () => {
  it.each<[string, string, number]>([
    ['12', 'pt-BR', 12],
    ['12,5', 'pt-BR', 12.5],
    ['12.5', 'pt-BR', 12.5],
    ['12,5', 'en', 12.5],
    ['1.234,56', 'pt-BR', 1234.56],
    ['1,234.56', 'en', 1234.56],
    ['1.234,56', 'en', 1234.56],
    ['1 234,5', 'pt-BR', 1234.5],
    ['1.234.567', 'pt-BR', 1234567],
    ['1,234,567', 'en', 1234567],
    // One separator and exactly three digits after it: the language decides.
    ['1.500', 'pt-BR', 1500],
    ['1.500', 'en', 1.5],
    ['1,500', 'en', 1500],
    ['1,500', 'pt-BR', 1.5],
    ['1,500', 'ar', 1500],
    ['-3', 'en', -3],
    ['+7', 'en', 7],
    ['−4,25', 'pt-BR', -4.25],
    ['١٢', 'ar', 12],
    ['١٢٫٥', 'ar', 12.5],
    ['١٬٥٠٠', 'ar', 1500],
    ['0,75', 'es', 0.75],
  ])('reads %j in %s as %d', (typed, language, value) => {
    expect(validateNumber(typed, language)).toBe(value);
  });

  it.each([
    '',
    'doze',
    '12a',
    '1,2,3',
    '1.23.4',
    '12,',
    '.5',
    '1..2',
    '1.234.56',
    '12,345.6,7',
    '--3',
    'Infinity',
    'NaN',
  ])('refuses %j', (typed) => {
    expect(validateNumber(typed, 'pt-BR')).toBeUndefined();
  });
});
