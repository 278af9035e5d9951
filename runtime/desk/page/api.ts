/** The desk's JSON API on the same origin; changes carry the session's anti-CSRF token. */
let csrf = '';

export function setCsrf(token: string | undefined): void {
  csrf = token ?? '';
}

export interface ApiAnswer {
  status: number;
  body: Record<string, unknown>;
}

export async function api(method: 'GET' | 'POST', path: string, body?: unknown): Promise<ApiAnswer> {
  const response = await fetch(`/desk/api/${path}`, {
    method,
    credentials: 'same-origin',
    headers: method === 'POST' ? { 'content-type': 'application/json', 'x-csrf-token': csrf } : {},
    ...(method === 'POST' ? { body: JSON.stringify(body ?? {}) } : {}),
  });
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
