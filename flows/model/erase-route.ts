import { fillHeaders, templatedKeys } from '../nodes/http/request.ts';
import { fillTemplate, type JsonValue } from './template.ts';

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
  /** As an http step's headers: `{{secret.NAME}}` for the recipient's API token, references it returned. */
  headers?: Record<string, string> | undefined;
}

/**
 * The keys an erase route reads (the references the recipient returned) in its URL and headers,
 * each once, in order — read as an http step's request reads them, so a header's
 * `{{secret.NAME}}` is no key (../nodes/http/secrets.ts).
 */
export function eraseRouteKeys(route: Pick<EraseRoute, 'url' | 'headers'>): string[] {
  return templatedKeys({ url: route.url, headers: route.headers });
}

/** The call an erase route makes, once filled in: its headers still hold `{{secret.NAME}}` for the host to fill. */
export interface EraseCall {
  method: EraseMethod;
  url: string;
  headers: Record<string, string>;
}

/**
 * The call an erase route makes with these references, each URL-encoded in the URL so no value
 * can change where the call goes and made a header value in a header, as an http step's are; or
 * the keys that have no value (the recipient never returned them).
 */
export function fillEraseRoute(
  route: EraseRoute,
  read: (key: string) => JsonValue | undefined,
): EraseCall | { missing: string[] } {
  const missing = eraseRouteKeys(route).filter((key) => read(key) === undefined || read(key) === null);
  if (missing.length > 0) return { missing };
  return {
    method: route.method,
    url: fillTemplate(route.url, read, encodeURIComponent),
    headers: fillHeaders(route.headers, read),
  };
}
