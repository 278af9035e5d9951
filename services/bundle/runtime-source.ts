import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dependencyRange } from './bundle-folder.ts';

/** Where the studio gets the exported bot's `server.js` and the ranges of the npm packages it needs. */
export interface RuntimeSource {
  serverJs(): Promise<string>;
  dependencies(): Promise<{ betterSqlite3: string; postgres: string }>;
}

/**
 * The runtime of an Amana checkout or installation at `root`: the one prebuilt `out/runtime/server.js`
 * (`npm run build:runtime`, also run by `npm install`), which `amana export` and the studio's export
 * (browser and desktop) all copy. A host running from a development checkout passes `refresh`, which
 * rebuilds that file first when runtime/ changed, so the bot always matches the sources.
 */
export function runtimeSourceAt(root: string, refresh?: () => Promise<unknown>): RuntimeSource {
  return {
    serverJs: async () => {
      await refresh?.();
      return readFile(join(root, 'out', 'runtime', 'server.js'), 'utf8');
    },
    dependencies: async () => ({
      betterSqlite3: await dependencyRange(join(root, 'package.json'), 'better-sqlite3', '^12.0.0'),
      postgres: await dependencyRange(join(root, 'package.json'), 'postgres', '^3.4.0'),
    }),
  };
}
