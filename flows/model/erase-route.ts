import { templateKeys } from './common.ts';
import { fillTemplate, missingKeys, type JsonValue } from './template.ts';

/**
 * The methods an erase route may use: each asks the recipient to change what it holds. GET is
 * left out on purpose: a GET must not change anything on the server (RFC 9110 §9.2.1), so an API
 * that erases on GET is not one to trust with it.
 */
export const eraseMethods = ['DELETE', 'POST', 'PUT', 'PATCH'] as const;
type EraseMethod = (typeof eraseMethods)[number];

/** How the bot asks a recipient to erase what it holds about a person (`recipients[].erase`). */
interface EraseRoute {
  method: EraseMethod;
  url: string;
}

/** The keys an erase route reads (the references the recipient returned), each once, in order. */
export function eraseRouteKeys(route: Pick<EraseRoute, 'url'>): string[] {
  return [...new Set(templateKeys(route.url))];
}

/**
 * The call an erase route makes with these references, each URL-encoded so no value can change
 * where the call goes; or the keys that have no value (the recipient never returned them).
 */
export function fillEraseRoute(
  route: EraseRoute,
  read: (key: string) => JsonValue | undefined,
): { method: EraseMethod; url: string } | { missing: string[] } {
  const missing = missingKeys(route.url, read);
  if (missing.length > 0) return { missing };
  return { method: route.method, url: fillTemplate(route.url, read, encodeURIComponent) };
}
