import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../schema.ts';
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

  it('brings a version 1 database up to date (the agent desk’s tables, then every later step), keeping what it holds', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'amana-store-')), 'amana.db');
    const first = new SqliteStorage(file);
    await first.setKeyCheck(Buffer.from('check'));
    await first.close();
    const db = new Database(file);
    for (const table of [
      'desk_replies',
      'agent_recovery_codes',
      'desk_sessions',
      'agents',
      'sign_in_failures',
      'access_log',
      'stats_counts',
    ])
      db.exec(`DROP TABLE ${table}`);
    db.exec('ALTER TABLE consent_ledger DROP COLUMN flow_version');
    db.exec('ALTER TABLE consent_ledger DROP COLUMN purpose_hashes');
    db.exec('DROP TABLE erasure_journal');
    db.exec('ALTER TABLE persons DROP COLUMN key_id');
    for (const table of ['recipient_refs', 'erase_requests', 'recipient_erasures']) db.exec(`DROP TABLE ${table}`);
    db.prepare("UPDATE meta SET value = ? WHERE key = 'schema'").run(Buffer.from('1'));
    db.close();
    const upgraded = new SqliteStorage(file);
    expect(await upgraded.keyCheck()).toEqual(Buffer.from('check'));
    expect(await upgraded.desk.agents()).toEqual([]);
    expect(await upgraded.statsCounts('2026-01-01', '2026-12-31')).toEqual([]);
    await upgraded.close();
    const after = new Database(file, { readonly: true });
    expect(after.prepare("SELECT value FROM meta WHERE key = 'schema'").get()).toEqual({
      value: Buffer.from(String(schemaVersion)),
    });
    const ledger = after
      .prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)')
      .all('consent_ledger');
    expect(ledger.map((column) => column.name)).toEqual(expect.arrayContaining(['flow_version', 'purpose_hashes']));
    const persons = after.prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)').all('persons');
    expect(persons.map((column) => column.name)).toContain('key_id');
    expect(after.prepare('SELECT COUNT(*) AS n FROM erasure_journal').get()).toEqual({ n: 0 });
    for (const table of ['recipient_refs', 'erase_requests', 'recipient_erasures'])
      expect(after.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    after.close();
  });
});

describe('SqliteStorage schema steps', () => {
  it('applies each step once: opening an up-to-date file again changes nothing', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'amana-store-')), 'amana.db');
    await new SqliteStorage(file).close();
    // A second open would fail on "duplicate column" if a step ran twice.
    await new SqliteStorage(file).close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare("SELECT value FROM meta WHERE key = 'schema'").get()).toEqual({
      value: Buffer.from(String(schemaVersion)),
    });
    db.close();
  });
});
