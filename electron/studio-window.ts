import { BrowserWindow } from 'electron';
import { studioPageUrl } from './app-scheme.ts';

/**
 * Opens the studio's window on app://amana/. Its web preferences follow Electron's security
 * checklist: the page is sandboxed, isolated from the preload's world, has no Node.js, keeps the
 * same-origin policy, loads no insecure content and runs no experimental Blink features; only
 * the preload's typed bridge (window.amana) connects it to the machine.
 */
export function openStudioWindow(preload: string, developerTools: boolean): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Amana',
    backgroundColor: '#f4f6f9',
    webPreferences: {
      // Reviewed: the preload exposes only the typed API through contextBridge (electron/preload.ts,
      // test/shell/preload.test.ts), which is what Electronegativity asks reviewers to confirm.
      preload /* eng-disable PRELOAD_JS_CHECK */,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click would open links in new windows without asking the window-open handler.
      disableBlinkFeatures: 'Auxclick',
      // Chromium's spell checker downloads dictionaries from Google; the designer's texts stay on the machine.
      spellcheck: false,
      devTools: developerTools,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(studioPageUrl);
  return window;
}
