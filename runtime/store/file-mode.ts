import { chmodSync, closeSync, openSync, statSync } from 'node:fs';

/**
 * Creates the database file readable and writable by its owner only (0600), and narrows an
 * existing one and its WAL and shared-memory files to that: SQLite gives the WAL and -shm files
 * it creates the database file's mode, so none of them is left readable by other users.
 */
export function ownerOnly(file: string): void {
  if (file === ':memory:') return;
  closeSync(openSync(file, 'a', 0o600));
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error;
    }
  }
}
