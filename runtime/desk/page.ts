/**
 * The desk page's script and style sheet, put into server.js by the bundle build
 * (scripts/prebuilt.mjs: esbuild bundles runtime/desk/page/main.ts for the browser and reads
 * runtime/desk/page/desk.css). Nothing is fetched from elsewhere and nothing is built on the server.
 */
declare const AMANA_DESK_SCRIPT: string | undefined;
declare const AMANA_DESK_STYLE: string | undefined;

const script = typeof AMANA_DESK_SCRIPT === 'string' ? AMANA_DESK_SCRIPT : '';
const style = typeof AMANA_DESK_STYLE === 'string' ? AMANA_DESK_STYLE : '';

/** The static files under /desk/assets/. */
export function deskAsset(path: string): { body: string; type: string } | undefined {
  if (path === '/desk/assets/desk.js') return { body: script, type: 'text/javascript; charset=utf-8' };
  if (path === '/desk/assets/desk.css') return { body: style, type: 'text/css; charset=utf-8' };
  return undefined;
}

/**
 * The one HTML page: the script draws every view (sign-in, queue, conversation, supervisor pages)
 * in the reader's language. No inline script or style, so the CSP forbids both.
 */
export function pageShell(): string {
  return `<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Amana</title>
<link rel="stylesheet" href="/desk/assets/desk.css">
<script type="module" src="/desk/assets/desk.js"></script>
</head>
<body>
<div id="desk"><noscript>The agent desk needs JavaScript. · A central de atendimento precisa de JavaScript. · يحتاج مكتب الموظفين إلى JavaScript.</noscript></div>
</body>
</html>
`;
}
