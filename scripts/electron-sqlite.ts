// better-sqlite3 is a native addon: node_modules holds it built for Node (tests, the browser
// edition), while Electron needs it built for Electron's own ABI. For `npm start` a second copy is
// built in out/native/, the way Electron's documentation describes (npm with Electron's headers),
// and handed to the app through AMANA_SQLITE_BINDING. Packaged apps get theirs from electron-builder.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function versionOf(packageName: string): string {
  const manifest: unknown = JSON.parse(readFileSync(join(root, 'node_modules', packageName, 'package.json'), 'utf8'));
  if (typeof manifest !== 'object' || manifest === null || !('version' in manifest)) {
    throw new Error(`${packageName} has no version in node_modules.`);
  }
  return String(manifest.version);
}

/**
 * The path of better_sqlite3.node built for this Electron, building it on first use.
 * Returns undefined (after printing npm's output) when it cannot be built, e.g. offline.
 */
export function electronSqliteBinding(): string | undefined {
  const electron = versionOf('electron');
  const sqlite = versionOf('better-sqlite3');
  const stage = join(root, 'out', 'native', `electron-${electron}-${process.platform}-${process.arch}`);
  const binding = join(stage, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  const stamp = join(stage, 'built-for.json');
  const wanted = JSON.stringify({ electron, sqlite });
  if (existsSync(binding) && existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return binding;

  mkdirSync(stage, { recursive: true });
  writeFileSync(join(stage, 'package.json'), JSON.stringify({ name: 'amana-electron-native', private: true }));
  const result = spawnSync(
    process.platform === 'win32' ? 'npm.cmd' : 'npm',
    ['install', '--no-save', '--no-audit', '--no-fund', '--no-package-lock', `better-sqlite3@${sqlite}`],
    {
      cwd: stage,
      stdio: 'inherit',
      shell: process.platform === 'win32',
      env: {
        ...process.env,
        npm_config_runtime: 'electron',
        npm_config_target: electron,
        npm_config_disturl: 'https://electronjs.org/headers',
        npm_config_arch: process.arch,
        npm_config_target_arch: process.arch,
      },
    },
  );
  if (result.status !== 0 || !existsSync(binding)) return undefined;
  writeFileSync(stamp, wanted);
  return binding;
}
