import { describe, expect, it } from 'vitest';
import type { CountryCode } from 'libphonenumber-js/max';
import { countryOfPhone, countryOfRegion, validatePhone } from './phone.ts';

describe('validatePhone', () => {
  it.each<[string, CountryCode | undefined, string]>([
    // Brazil: mobiles have nine digits starting with 9; landlines eight starting 2-5.
    ['+55 11 91234-5678', undefined, '+5511912345678'],
    ['(11) 91234-5678', 'BR', '+5511912345678'],
    ['11912345678', 'BR', '+5511912345678'],
    ['+55 11 3456-7890', undefined, '+551134567890'],
    // Saudi Arabia
    ['+966 50 123 4567', undefined, '+966501234567'],
    ['050 123 4567', 'SA', '+966501234567'],
    ['00966501234567', 'BR', '+966501234567'],
    ['+٩٦٦ ٥٠ ١٢٣ ٤٥٦٧', undefined, '+966501234567'],
    ['+966 11 234 5678', undefined, '+966112345678'],
    // Egypt
    ['+20 10 1234 5678', undefined, '+201012345678'],
    ['010 1234 5678', 'EG', '+201012345678'],
    ['+20 2 2345 6789', undefined, '+20223456789'],
    // United States
    ['+1 202 456 1111', undefined, '+12024561111'],
    ['(202) 456-1111', 'US', '+12024561111'],
    ['202.456.1111', 'US', '+12024561111'],
  ])('reads %j (default country %s) as %s', (typed, country, e164) => {
    expect(validatePhone(typed, country)).toBe(e164);
  });

  it.each<[string, CountryCode | undefined]>([
    ['+55 11 1234-5678', undefined], // an 8-digit number starting with 1 is neither mobile nor landline
    ['+55 11 91234-567', undefined], // a digit short
    ['+55 11 81234-5678', undefined], // a 9-digit mobile must start with 9
    ['+966 50 123 456', undefined],
    ['+20 10 1234 567', undefined],
    ['+1 123 456 7890', undefined], // US area codes do not start with 1
    ['2024561111', undefined], // no + and no country to read it in
    ['abc', 'BR'],
    ['+55 11 91234-5678 ramal 2', undefined],
    ['', 'BR'],
  ])('refuses %j (default country %s)', (typed, country) => {
    expect(validatePhone(typed, country)).toBeUndefined();
  });
});

describe('default countries', () => {
  it('takes the country of the customer’s own number, and the region of a language tag', () => {
    expect(countryOfPhone('+5511912345678')).toBe('BR');
    expect(countryOfPhone('966501234567')).toBe('SA');
    expect(countryOfPhone(undefined)).toBeUndefined();
    expect(countryOfRegion('EG')).toBe('EG');
    expect(countryOfRegion('XX')).toBeUndefined();
    expect(countryOfRegion(undefined)).toBeUndefined();
  });
});
