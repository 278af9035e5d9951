import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sqliteInUse } from './in-use.ts';
import { SqliteStorage } from './storage.ts';

describe('sqliteInUse', () => {
  it('says whether another process has the database open, idle or not, and changes nothing', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'amana-in-use-')), 'amana.db');
    expect(sqliteInUse(file)).toBe(false);
    await new SqliteStorage(file).close();
    expect(sqliteInUse(file)).toBe(false);
    // Another process opens the database and sits idle, as a bot waiting for messages does.
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const Database = require(${JSON.stringify(driver)}); const db = new Database(${JSON.stringify(file)}); db.pragma('journal_mode = WAL'); db.prepare('SELECT COUNT(*) FROM persons').get(); console.log('open'); setInterval(() => {}, 1000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    try {
      expect(sqliteInUse(file)).toBe(true);
    } finally {
      holder.kill('SIGKILL');
      await new Promise((resolve) => holder.once('exit', resolve));
    }
    expect(sqliteInUse(file)).toBe(false);
    const reopened = new SqliteStorage(file);
    expect(await reopened.counts()).toMatchObject({ persons: 0 });
    await reopened.close();
  });
});
