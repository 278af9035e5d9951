import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteStorage } from './storage.ts';

// What every store does is proved for SQLite and PostgreSQL alike by test/runtime/storage-contract.test.ts.
describe('SqliteStorage', () => {
  it('refuses a database written by a newer runtime', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'amana-store-')), 'amana.db');
    await new SqliteStorage(file).close();
    const db = new Database(file);
    db.prepare("UPDATE meta SET value = ? WHERE key = 'schema'").run(Buffer.from('99'));
    db.close();
    expect(() => new SqliteStorage(file)).toThrow(/newer Amana runtime/);
  });
});
