/** What can be told statically about a URL template such as `https://api.example/v1/{{id}}`. */
export interface UrlParts {
  /** Lower-case scheme (`https`), undefined when a placeholder or nothing stands there. */
  scheme?: string;
  /** Lower-case host with any port (`api.example:8443`), undefined when unknown. */
  host?: string;
  /** A `{{…}}` placeholder decides the scheme or the host, so neither can be known before it runs. */
  dynamic: boolean;
}

const absolute = /^\s*([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)/;

export function urlParts(template: string): UrlParts {
  const match = absolute.exec(template);
  if (!match) return { dynamic: /^\s*\{\{/.test(template) };
  const scheme = (match[1] ?? '').toLowerCase();
  const authority = match[2] ?? '';
  if (authority.includes('{{')) return { scheme, dynamic: true };
  const host = authority
    .slice(authority.lastIndexOf('@') + 1)
    .toLowerCase()
    .replace(/\.(?=:|$)/, '');
  return { scheme, host, dynamic: false };
}

/**
 * Whether a URL's host is the declared one. A declared host without a port accepts any port
 * (`api.example` matches `api.example:8443`); with a port, only that port.
 */
export function hostMatches(urlHost: string, declared: string): boolean {
  const wanted = declared.toLowerCase().replace(/\.(?=:|$)/, '');
  if (/:\d+$/.test(wanted)) return urlHost === wanted;
  return urlHost.replace(/:\d+$/, '') === wanted;
}

/** The names of this machine itself: data sent there never crosses a network. */
const loopbackHosts: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Whether data sent to the URL is encrypted on the way or never leaves the machine: https, or
 * http to this machine itself (a local relay), which the exported bot also accepts.
 */
export function isProtectedTransport(parts: UrlParts): boolean {
  if (parts.scheme === 'https') return true;
  return parts.scheme === 'http' && parts.host !== undefined && loopbackHosts.has(parts.host.replace(/:\d+$/, ''));
}
