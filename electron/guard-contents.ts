import type { WebContents } from 'electron';

/**
 * Locks a page in place (Electron security checklist, items 13 and 14): the studio is a single
 * page, so every navigation, redirect and frame navigation is refused, no window may be opened,
 * and no <webview> may be attached.
 */
export function guardContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
