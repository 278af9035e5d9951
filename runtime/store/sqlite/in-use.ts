import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';

/**
 * Whether another process has the SQLite file open (a running `serve`, `simulate`, a backup…).
 * In WAL mode every connection holds a shared lock on the file while it is open, idle or not; a
 * connection in exclusive locking mode cannot take the write lock then, and says SQLITE_BUSY at
 * once (busy timeout 0). Nothing is written: the transaction is rolled back.
 */
export function sqliteInUse(file: string): boolean {
  if (!existsSync(file)) return false;
  const db = new Database(file, { timeout: 0, fileMustExist: true });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('ROLLBACK');
    return false;
  } catch (error) {
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_BUSY')) return true;
    throw error;
  } finally {
    db.close();
  }
}
