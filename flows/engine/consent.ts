import type { Flow } from '../model/schema.ts';

/**
 * Defence in depth (DESIGN.md §3 `consent-before-collection`, enforced again at run time): a field
 * declared in `data` with legal basis `consent` may be stored, sent to a recipient or passed to
 * an agent only while consent for one of its purposes is granted. The checker proves this on
 * every path before export; the engine refuses it anyway, for flows that skipped the checker.
 */

/** The purposes a consent-based field needs one of, or undefined when the field does not rest on consent. */
export function consentPurposesOf(flow: Flow, key: string): string[] | undefined {
  const field = flow.data.find((candidate) => candidate.key === key);
  return field?.legalBasis === 'consent' ? field.purposes : undefined;
}

/** Whether the value of `key` may be kept or passed on, given the purposes granted so far. */
export function mayUse(flow: Flow, granted: readonly string[], key: string): boolean {
  const purposes = consentPurposesOf(flow, key);
  return purposes === undefined || purposes.some((purpose) => granted.includes(purpose));
}

/**
 * Whether a key holds personal data: the built-in `contact.*` keys always do, and so does any key
 * not declared as a plain variable (undeclared keys are treated as personal, to be safe).
 */
export function isPersonal(flow: Flow, key: string): boolean {
  if (key.startsWith('contact.')) return true;
  return !flow.variables.some((variable) => variable.key === key);
}
