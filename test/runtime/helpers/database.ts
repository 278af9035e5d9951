import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';

/** Reads the bot's database read-only while it runs (WAL allows a reader beside the writer). */
export function countRows(file: string, table: string, where = '1'): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`).get();
    return row?.n ?? 0;
  } finally {
    db.close();
  }
}

export function rows<Row>(file: string, sql: string, ...params: unknown[]): Row[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare<unknown[], Row>(sql).all(...params);
  } finally {
    db.close();
  }
}

/** The raw bytes of the database and its write-ahead log, as an attacker with the disk would see them. */
export function databaseBytes(file: string): Buffer {
  return Buffer.concat([file, `${file}-wal`, `${file}-shm`].filter(existsSync).map((path) => readFileSync(path)));
}

/** Whether a value appears in the bytes, as UTF-8, UTF-16LE (SQLite's other text encoding) or base64. */
export function containsValue(bytes: Buffer, value: string): boolean {
  const base64 = Buffer.from(value, 'utf8').toString('base64').slice(0, -4);
  return (
    bytes.includes(Buffer.from(value, 'utf8')) ||
    bytes.includes(Buffer.from(value, 'utf16le')) ||
    (base64.length >= 12 && bytes.includes(Buffer.from(base64)))
  );
}
