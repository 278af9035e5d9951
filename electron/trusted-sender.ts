import type { IpcMainInvokeEvent } from 'electron';
import { appHost, appScheme } from './app-scheme.ts';

/**
 * Whether an IPC message comes from the studio's own page (Electron security checklist, item 17):
 * the main frame (not an iframe) of a document at app://amana/. A frame that has gone away, or
 * any other origin, is refused.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  try {
    const url = new URL(frame.url);
    return url.protocol === `${appScheme}:` && url.host === appHost;
  } catch {
    return false;
  }
}
