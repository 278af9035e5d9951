import type { UiLanguage } from '../../flows/i18n/index.ts';

/**
 * A designer's words inside a sentence of the interface that can only be plain text (a notice, a
 * title), in a first-strong isolate (FSI … PDI, UAX #9): a Portuguese flow name keeps its own
 * direction inside an Arabic title, and the quotation marks around it stay where the sentence put
 * them. Where the sentence is rendered as elements, `isolateNames` uses `<bdi>` instead.
 */
export function isolated(value: string): string {
  return `\u2068${value}\u2069`;
}

/**
 * Codes or ids listed inside a sentence (a flow's languages), each in an isolate of its own and
 * joined by the interface language's comma: in Arabic "pt-BR، en" reads right to left, item by item,
 * and no code takes its neighbour's punctuation.
 */
export function isolatedList(values: readonly string[], language: UiLanguage): string {
  return values.map(isolated).join(language === 'ar' ? '، ' : ', ');
}
