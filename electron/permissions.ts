import type { Session } from 'electron';

/**
 * Refuses every permission (camera, microphone, location, notifications, clipboard reads, MIDI,
 * devices…) to every page in the session (Electron security checklist, item 5). The studio needs
 * none; the Edit menu's copy and paste go through the application, not a web permission.
 */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
