import { describe, expect, it } from 'vitest';
import { cpfCheckDigit, validateCpf } from './cpf.ts';

describe('validateCpf', () => {
  // Numbers with valid check digits (Receita Federal's modulo-11 algorithm), as people type them.
  it.each([
    ['111.444.777-35', '11144477735'],
    ['529.982.247-25', '52998224725'],
    ['123.456.789-09', '12345678909'],
    ['935.411.347-80', '93541134780'],
    ['390.533.447-05', '39053344705'],
    ['28471936003', '28471936003'],
    [' 111 444 777 35 ', '11144477735'],
    ['111444777/35', '11144477735'],
  ])('accepts %s as %s', (typed, digits) => {
    expect(validateCpf(typed)).toBe(digits);
  });

  // Near misses: one check digit off, digits swapped, a digit short or long, repeated digits, letters.
  it.each([
    '111.444.777-36',
    '111.444.777-53',
    '529.982.247-52',
    '259.982.247-25',
    '1114447773',
    '111444777350',
    '000.000.000-00',
    '111.111.111-11',
    '999.999.999-99',
    '111.444.777-3a',
    'CPF 111.444.777-35',
    '',
  ])('refuses %j', (typed) => {
    expect(validateCpf(typed)).toBeUndefined();
  });

  it('computes check digits with weights counting down to 2', () => {
    expect(cpfCheckDigit([1, 1, 1, 4, 4, 4, 7, 7, 7])).toBe(3);
    expect(cpfCheckDigit([1, 1, 1, 4, 4, 4, 7, 7, 7, 3])).toBe(5);
  });
});
