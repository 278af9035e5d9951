import type { AmanaBridge } from '../../shared/api.ts';
import { apiOver } from '../../shared/api-over.ts';
import { accessRefused, transportFailure, unwrapReply } from '../../shared/reply.ts';

const tokenKey = 'amana.token';

/**
 * The browser edition's `window.amana`: each method is a POST to the host's /api/<method>,
 * with the launch token in a header. The token arrives once in the address (`?token=`), is kept
 * in this tab's session storage and removed from the address bar at once, so it is neither
 * bookmarked, nor shown, nor sent onwards (the host also forbids any Referer).
 */
export function installBrowserBridge(): void {
  const token = takeToken();
  const call = async (method: string, args: unknown[]): Promise<unknown> => {
    let response: Response;
    try {
      response = await fetch(`./api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-amana-token': token },
        body: JSON.stringify({ args }),
        credentials: 'omit',
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
      });
    } catch {
      throw new Error(transportFailure);
    }
    if (response.status === 401 || response.status === 403) throw new Error(accessRefused);
    if (!response.ok) throw new Error(transportFailure);
    return unwrapReply(await response.json().catch(() => undefined));
  };

  const bridge: AmanaBridge = { ...apiOver(call), onMenuCommand: () => () => undefined };
  window.amana = Object.freeze(bridge);
}

function takeToken(): string {
  const url = new URL(window.location.href);
  const fromAddress = url.searchParams.get('token');
  if (fromAddress) {
    window.sessionStorage.setItem(tokenKey, fromAddress);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromAddress;
  }
  return window.sessionStorage.getItem(tokenKey) ?? '';
}
