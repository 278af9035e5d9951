import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../http/body.ts';
import { respondJson } from '../http/respond.ts';
import { sameSecret } from '../webhook/signature.ts';

/** The session cookie: HttpOnly, SameSite=Strict, only sent to /desk/, Secure behind https. */
const cookieName = 'amana_desk';
const maxDeskBody = 64 * 1024;

/** The session token the request's cookie carries, if any. */
export function sessionToken(request: IncomingMessage): string | undefined {
  const header = request.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === cookieName) return value.join('=') || undefined;
  }
  return undefined;
}

/**
 * Behind a TLS-terminating proxy the request says so in `X-Forwarded-Proto` (RFC 7239's
 * predecessor every proxy sets); the cookie is then marked Secure. A lie only makes it stricter.
 */
function overHttps(request: IncomingMessage): boolean {
  const proto = request.headers['x-forwarded-proto'];
  return (Array.isArray(proto) ? proto[0] : proto)?.split(',')[0]?.trim().toLowerCase() === 'https';
}

export function sessionCookie(request: IncomingMessage, token: string | undefined): string {
  const attributes = ['Path=/desk/', 'HttpOnly', 'SameSite=Strict', ...(overHttps(request) ? ['Secure'] : [])];
  return token === undefined
    ? [`${cookieName}=`, 'Max-Age=0', ...attributes].join('; ')
    : [`${cookieName}=${token}`, ...attributes].join('; ');
}

/** Where the request came from: the peer's address (the access log's "from where"). */
export function clientAddress(request: IncomingMessage): string {
  return request.socket.remoteAddress ?? 'unknown';
}

/**
 * A change must come from the desk's own page: the `Origin` header, when the browser sends one,
 * names this host (SameSite=Strict cookies already keep other sites' requests unsigned-in), and
 * the body is JSON (a cross-site form cannot send that without a CORS preflight, which is refused).
 */
export function sameOriginJson(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (origin !== undefined) {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      return false;
    }
    if (host !== request.headers.host) return false;
  }
  const type = request.headers['content-type'] ?? '';
  return /^application\/json\s*(;|$)/i.test(type);
}

/** The anti-CSRF token the page sends in `X-CSRF-Token` (compared in constant time). */
export function csrfMatches(request: IncomingMessage, expected: string): boolean {
  const given = request.headers['x-csrf-token'];
  return typeof given === 'string' && sameSecret(given, expected);
}

/** The request's JSON object body, or undefined (too large, not JSON, not an object). */
export async function jsonBody(request: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  const read = await readBody(request, maxDeskBody);
  if (!read.ok) return undefined;
  try {
    const parsed: unknown = JSON.parse(read.body.toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? Object.fromEntries(Object.entries(parsed))
      : undefined;
  } catch {
    return undefined;
  }
}

export function stringField(body: Record<string, unknown> | undefined, key: string): string | undefined {
  const value = body?.[key];
  return typeof value === 'string' ? value : undefined;
}

/** A desk API answer: JSON, never cached, never framed. */
export function answer(response: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}) {
  respondJson(response, status, value, { ...securityHeaders, ...headers });
}

/**
 * The desk's Content-Security-Policy: its own scripts, styles and images only, no inline script or
 * style, no eval, no framing, forms and requests to itself only.
 */
const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

export const securityHeaders: Record<string, string> = {
  'content-security-policy': contentSecurityPolicy,
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};
