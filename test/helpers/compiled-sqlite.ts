import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;

/**
 * Gives a folder installed with `--ignore-scripts` a working better-sqlite3. Its install script would
 * compile the native addon (minutes on a busy machine); the same version's addon, compiled for this Node
 * by Amana's own `npm install`, is copied in instead — only when the versions match, so the folder runs
 * exactly what it would get — and it is rebuilt otherwise. Returns npm's error output, empty when it worked.
 */
export function useCompiledSqlite(dir: string): string {
  const theirs = join(dir, 'node_modules', 'better-sqlite3');
  const ours = join(root, 'node_modules', 'better-sqlite3');
  const version = (folder: string) => JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')).version;
  const addon = join('build', 'Release', 'better_sqlite3.node');
  if (version(theirs) === version(ours) && existsSync(join(ours, addon))) {
    mkdirSync(join(theirs, 'build', 'Release'), { recursive: true });
    copyFileSync(join(ours, addon), join(theirs, addon));
    return '';
  }
  const rebuilt = spawnSync('npm', ['rebuild', 'better-sqlite3'], { cwd: dir, encoding: 'utf8' });
  return rebuilt.status === 0 ? '' : `npm rebuild better-sqlite3 failed (${rebuilt.status}): ${rebuilt.stderr}`;
}
