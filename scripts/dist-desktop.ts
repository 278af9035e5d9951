// `npm run dist`: builds out/ (shell, interface and the bot's server.js) and packages the desktop app with electron-builder
// (electron-builder.yml). Extra arguments go to electron-builder, e.g. `npm run dist -- --linux`.
// electron-builder rebuilds node_modules' better-sqlite3 for Electron; this puts the Node build
// back afterwards, so tests and the browser edition keep working.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleShell, buildRenderer } from './build-desktop.ts';
import { buildPrebuilt, prebuilt } from './prebuilt.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

// The app carries the bot program its Export dialog copies: out/runtime/server.js (electron-builder.yml).
await Promise.all([bundleShell(), buildRenderer(), buildPrebuilt(prebuilt.runtime)]);
const packaged = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules', 'electron-builder', 'cli.js'),
    '--config',
    'electron-builder.yml',
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit' },
);
const restored = spawnSync(npm, ['rebuild', 'better-sqlite3'], {
  cwd: root,
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
process.exit(packaged.status !== 0 ? (packaged.status ?? 1) : (restored.status ?? 1));
