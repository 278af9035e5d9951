import { pickLanguage, countryOfPhone } from '../../flows/engine/index.ts';
import type { Flow } from '../../flows/index.ts';

/**
 * The language most people write in, by the country of their number. WhatsApp tells a bot
 * nothing about a customer's language, so a new conversation starts in the flow language that
 * matches their country (a +55 number gets `pt-BR` when the flow has it), else the flow's first.
 */
const languageByCountry: Readonly<Record<string, string>> = {
  BR: 'pt-BR',
  PT: 'pt-PT',
  AO: 'pt-AO',
  MZ: 'pt-MZ',
  CV: 'pt-CV',
  GW: 'pt-GW',
  ST: 'pt-ST',
  TL: 'pt-TL',
  ...Object.fromEntries(
    [
      'SA',
      'AE',
      'KW',
      'QA',
      'BH',
      'OM',
      'EG',
      'JO',
      'LB',
      'SY',
      'IQ',
      'YE',
      'PS',
      'LY',
      'TN',
      'DZ',
      'MA',
      'SD',
      'MR',
      'DJ',
      'KM',
      'SO',
    ].map((country) => [country, `ar-${country}`]),
  ),
  ...Object.fromEntries(
    [
      'ES',
      'MX',
      'AR',
      'CO',
      'CL',
      'PE',
      'VE',
      'EC',
      'GT',
      'CU',
      'BO',
      'DO',
      'HN',
      'PY',
      'SV',
      'NI',
      'CR',
      'PA',
      'UY',
      'PR',
      'GQ',
    ].map((country) => [country, `es-${country}`]),
  ),
  FR: 'fr-FR',
  DE: 'de-DE',
  AT: 'de-AT',
  IT: 'it-IT',
  NL: 'nl-NL',
  TR: 'tr-TR',
  ID: 'id-ID',
  IN: 'en-IN',
  US: 'en-US',
  GB: 'en-GB',
  NG: 'en-NG',
};

/** The language a new conversation with this WhatsApp number starts in: one of the flow's languages. */
export function languageFor(flow: Flow, waId: string): string {
  const country = countryOfPhone(`+${waId}`);
  return pickLanguage(flow, country ? languageByCountry[country] : undefined);
}
