import type { Protocol } from 'electron';
import { studioSecurityHeaders } from '../shared/content-security-policy.ts';
import { readStaticFile } from '../services/files/static-file.ts';

/** The studio's page lives at app://amana/ — its own origin, never file:// (Electron security checklist, item 18). */
export const appScheme = 'app';
export const appHost = 'amana';
const appOrigin = `${appScheme}://${appHost}`;
export const studioPageUrl = `${appOrigin}/index.html`;

/**
 * Declares app:// before the app is ready: a standard scheme (real origin, relative URLs) that is
 * a secure context. supportFetchAPI and corsEnabled let Chromium load the page's module scripts
 * (which are fetched in CORS mode) from it; nothing outside the studio's own files is served.
 */
export const appSchemePrivileges = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
};

/**
 * Serves the built interface on app://amana/. Every response carries the studio's
 * Content-Security-Policy and security headers; anything else (another host, a path outside the
 * folder, a method other than GET) is a 404.
 */
export function serveStudio(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    const file =
      url.host === appHost && request.method === 'GET' ? await readStaticFile(rendererDir, url.pathname) : undefined;
    const headers = studioSecurityHeaders('desktop');
    if (!file) return new Response('Not found', { status: 404, headers });
    return new Response(new Uint8Array(file.body), {
      status: 200,
      headers: { ...headers, 'Content-Type': file.contentType, 'Cache-Control': 'no-store' },
    });
  });
}
