/** The desk's JSON API on the same origin; changes carry the session's anti-CSRF token. */
let csrf = '';

export function setCsrf(token: string | undefined): void {
  csrf = token ?? '';
}

export interface ApiAnswer {
  /** The HTTP status, or 0 when the bot was not reached (offline, connection lost, answer cut off). */
  status: number;
  body: Record<string, unknown>;
}

/** Status 0: the request may or may not have reached the bot, and no answer came back. */
export const unreachable = 0;

/**
 * One call to the bot. It never rejects: a network failure is an answer with status 0, so every
 * view says so in words instead of leaving an unhandled rejection and a dead button.
 */
export async function api(method: 'GET' | 'POST', path: string, body?: unknown): Promise<ApiAnswer> {
  let response: Response;
  try {
    response = await fetch(`/desk/api/${path}`, {
      method,
      credentials: 'same-origin',
      headers: method === 'POST' ? { 'content-type': 'application/json', 'x-csrf-token': csrf } : {},
      ...(method === 'POST' ? { body: JSON.stringify(body ?? {}) } : {}),
    });
  } catch {
    return { status: unreachable, body: {} };
  }
  let parsed: unknown;
  try {
    parsed = await response.json();
  } catch {
    parsed = {};
  }
  return {
    status: response.status,
    body:
      typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
        ? Object.fromEntries(Object.entries(parsed))
        : {},
  };
}

/**
 * A key for one change the page asks for (a reply): the bot does a change with a key it has seen
 * once only, so sending again after an answer that never came is safe. 128 random bits, from
 * `crypto.getRandomValues` (also there on plain http, where `randomUUID` is not).
 */
export function requestKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function num(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}

export function list(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value)
    ? value.flatMap((item: unknown) => {
        const row = record(item);
        return row ? [row] : [];
      })
    : [];
}

/** An object of the answer, or undefined for anything else. */
export function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value))
    : undefined;
}
