import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dependencyRange } from './bundle-folder.ts';

/** Where the studio gets the exported bot's `server.js` and the ranges of the npm packages it needs. */
export interface RuntimeSource {
  serverJs(): Promise<string>;
  dependencies(): Promise<{ betterSqlite3: string; postgres: string }>;
}

/**
 * The runtime of an Amana checkout or installation at `root`. In a development checkout the
 * host passes `build` (esbuild over runtime/, as `amana export` does), so the bot always matches
 * the sources; otherwise the prebuilt `out/runtime/server.js` (`npm run build:runtime`) is used.
 */
export function runtimeSourceAt(root: string, build?: () => Promise<string>): RuntimeSource {
  return {
    serverJs: () => (build ? build() : readFile(join(root, 'out', 'runtime', 'server.js'), 'utf8')),
    dependencies: async () => ({
      betterSqlite3: await dependencyRange(join(root, 'package.json'), 'better-sqlite3', '^12.0.0'),
      postgres: await dependencyRange(join(root, 'package.json'), 'postgres', '^3.4.0'),
    }),
  };
}
