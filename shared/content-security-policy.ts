/**
 * The Content-Security-Policy of the studio's page, the same in both editions: scripts, styles,
 * fonts and images only from the studio itself, no inline script, no plugins, no frames, no
 * forms, no <base>. Web Workers only from the studio's own files (the live privacy check runs in
 * one, DESIGN.md §6). The desktop renderer talks to its host over IPC and needs no network at all;
 * the browser edition's page calls its host's /api on the same origin.
 */
export function studioContentSecurityPolicy(edition: 'desktop' | 'browser'): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${edition === 'browser' ? "'self'" : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "worker-src 'self'",
    "manifest-src 'none'",
  ].join('; ');
}

/** Headers sent with every response of the studio's page and its files, in both editions. */
export function studioSecurityHeaders(edition: 'desktop' | 'browser'): Record<string, string> {
  return {
    'Content-Security-Policy': studioContentSecurityPolicy(edition),
    // The browser edition's address carries its secret token: it must never leave in a Referer.
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy':
      'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), bluetooth=(), payment=()',
  };
}
