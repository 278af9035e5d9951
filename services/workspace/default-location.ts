import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the designer's workspace lives unless AMANA_WORKSPACE says otherwise: the platform's
 * usual place for an application's own data, shared by the desktop app and the browser edition.
 */
export function defaultWorkspaceFile(
  env: Record<string, string | undefined> = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env['AMANA_WORKSPACE']) return env['AMANA_WORKSPACE'];
  if (platform === 'win32') return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), 'Amana', 'workspace.db');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Amana', 'workspace.db');
  return join(env['XDG_DATA_HOME'] || join(home, '.local', 'share'), 'amana', 'workspace.db');
}
