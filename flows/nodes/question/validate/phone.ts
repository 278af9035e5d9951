import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { asciiDigits } from '../../../i18n/normalise.ts';

/**
 * A phone number in E.164 (`+5511912345678`), validated against libphonenumber's full metadata
 * (number plans per country, so a Brazilian mobile without its 9 or a Saudi number of the
 * wrong length is refused). A number typed without `+` is read in `defaultCountry` (the country
 * of the customer's own WhatsApp number, else the region of the conversation language); `00`
 * followed by a country code is read as `+`.
 */
export function validatePhone(answer: string, defaultCountry: CountryCode | undefined): string | undefined {
  let text = asciiDigits(answer.trim()).replace(/^\uFF0B/, '+'); // full-width plus, as some keyboards type it
  if (!/^[+\d\s().\-/]+$/.test(text)) return undefined;
  if (/^00[1-9]/.test(text)) text = `+${text.slice(2)}`;
  const number = text.startsWith('+')
    ? parsePhoneNumberFromString(text)
    : defaultCountry
      ? parsePhoneNumberFromString(text, defaultCountry)
      : undefined;
  return number?.isValid() ? number.number : undefined;
}

/** The country of an E.164 number (`+5511…` → `BR`), if libphonenumber can tell. */
export function countryOfPhone(phone: string | undefined): CountryCode | undefined {
  if (!phone) return undefined;
  return parsePhoneNumberFromString(phone.startsWith('+') ? phone : `+${phone}`)?.country;
}

/** A country code libphonenumber knows, from a language tag's region (`pt-BR` → `BR`). */
export function countryOfRegion(region: string | undefined): CountryCode | undefined {
  return region && isSupportedCountry(region) ? region : undefined;
}
