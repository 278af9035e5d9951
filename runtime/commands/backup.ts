import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BackupFileError, decryptBackup, encryptBackup, readBackupHeader } from '../crypto/backup-file.ts';
import { Keyring } from '../crypto/keyring.ts';
import { runtimeText, type RuntimeMessageKey } from '../messages.ts';
import { databaseName, openStore } from '../store/open.ts';
import { sqliteInUse } from '../store/sqlite/in-use.ts';
import { SqliteStorage } from '../store/sqlite/storage.ts';
import type { ErasureEntry } from '../store/storage.ts';
import { checkBundle, complain, line, openBundle, parseOptions, reason, type RuntimeIo } from './context.ts';

/**
 * Backups and the erasure journal.
 *
 * `backup --out <file>` copies the live SQLite database with SQLite's online backup API (the bot
 * may keep serving) and encrypts the copy under a key derived from the master key
 * (../crypto/backup-file.ts). `restore --from <file>` decrypts it beside the database, replays on
 * it the erasure journal of the database it replaces, and only then puts it in place: a person
 * erased after the backup was taken is erased again, and nothing is lost if anything fails first.
 * `save-erasures` and `replay-erasures` do the journal's part by hand, for PostgreSQL's pg_dump
 * and pg_restore (the bundle README shows the steps).
 */
export async function backupCommand(io: RuntimeIo, args: string[]): Promise<number> {
  const options = parseOptions(io, 'backup', args, { out: { type: 'string' } });
  if (options === undefined) return 2;
  if (!options.out) return complain(io, 'backup-missing-out');
  const out = resolve(options.out);
  if (existsSync(out)) return complain(io, 'file-exists', { file: out });
  const opened = await openBundle(io);
  if (typeof opened === 'number') return opened;
  const { store, config, keys, clock } = opened;
  if (!(store instanceof SqliteStorage)) {
    await store.close();
    return complain(io, 'backup-postgres');
  }
  const copy = `${config.dbFile}.backup-${randomBytes(6).toString('hex')}.tmp`;
  try {
    await store.backupTo(copy);
    const header = encryptBackup(keys.keyring, copy, out, { takenAt: clock() });
    line(
      io.stdout,
      runtimeText(io.language, 'backup-written', {
        file: out,
        size: statSync(out).size,
        key: header.keyId,
        date: new Date(header.takenAt).toISOString(),
      }),
    );
    return 0;
  } catch (error) {
    return complain(io, 'backup-failed', { reason: reason(error) });
  } finally {
    removeDatabaseFiles(copy);
    await store.close();
  }
}

/** `restore --from <file> [--force]`: see the module comment. SQLite only. */
export async function restoreCommand(io: RuntimeIo, args: string[]): Promise<number> {
  const options = parseOptions(io, 'restore', args, { from: { type: 'string' }, force: { type: 'boolean' } });
  if (options === undefined) return 2;
  if (!options.from) return complain(io, 'restore-missing-from');
  const from = resolve(options.from);
  const checked = checkBundle(io);
  if (typeof checked === 'number') return checked;
  const { config } = checked;
  if (config.databaseUrl) return complain(io, 'restore-postgres');
  const keyring = new Keyring(config.dataKey);
  let header;
  try {
    header = readBackupHeader(from);
  } catch (error) {
    return backupProblem(io, from, error, keyring);
  }
  if (header.keyId !== keyring.keyId)
    return complain(io, 'backup-other-key', { file: from, backup: header.keyId, key: keyring.keyId });
  const db = config.dbFile;
  const replacing = existsSync(db);
  if (replacing && sqliteInUse(db)) return complain(io, 'db-in-use', { db });
  if (replacing && !options.force) return complain(io, 'restore-exists', { db });

  // The journal of the database being replaced, kept aside before anything changes.
  let journal: ErasureEntry[] = [];
  if (replacing) {
    try {
      const current = new SqliteStorage(db);
      journal = await current.erasureJournal();
      await current.close();
    } catch (error) {
      return complain(io, 'restore-journal-unreadable', { db, reason: reason(error) });
    }
  }
  const staged = `${db}.restore-${randomBytes(6).toString('hex')}.tmp`;
  try {
    try {
      decryptBackup(keyring, from, staged);
    } catch (error) {
      return backupProblem(io, from, error, keyring);
    }
    const restored = await openStore({ ...config, dbFile: staged }, io.language);
    if (!restored.ok) return complain(io, 'restore-unopenable', { file: from, reason: restored.problem });
    const report = await restored.store.replayErasures(journal);
    await restored.store.close();
    // The replaced database's WAL (empty after its last close) must not be applied to the restored one.
    for (const suffix of ['-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
    renameSync(staged, db);
    line(
      io.stdout,
      runtimeText(io.language, 'restored', {
        file: from,
        db: databaseName(config),
        date: new Date(header.takenAt).toISOString(),
        erased: report.erased,
      }),
    );
    return 0;
  } finally {
    removeDatabaseFiles(staged);
  }
}

/** The file `save-erasures` writes and `replay-erasures` reads: keyed hashes and times only. */
interface JournalFile {
  format: 'amana-erasure-journal';
  version: 1;
  entries: { subject: string; at: number }[];
}

/** `save-erasures --out <file>`: the erasure journal, to replay after restoring a backup by other means. */
export async function saveErasuresCommand(io: RuntimeIo, args: string[]): Promise<number> {
  const options = parseOptions(io, 'save-erasures', args, { out: { type: 'string' } });
  if (options === undefined) return 2;
  if (!options.out) return complain(io, 'journal-missing-out');
  const out = resolve(options.out);
  if (existsSync(out)) return complain(io, 'file-exists', { file: out });
  const opened = await openBundle(io);
  if (typeof opened === 'number') return opened;
  try {
    const entries = await opened.store.erasureJournal();
    const file: JournalFile = {
      format: 'amana-erasure-journal',
      version: 1,
      entries: entries.map((entry) => ({ subject: entry.subject.toString('hex'), at: entry.at })),
    };
    writeFileSync(out, `${JSON.stringify(file, null, 1)}\n`, { flag: 'wx', mode: 0o600 });
    line(io.stdout, runtimeText(io.language, 'journal-saved', { file: out, count: entries.length }));
    return 0;
  } finally {
    await opened.store.close();
  }
}

/** `replay-erasures --from <file>`: erases again whoever a saved journal names (SQLite or PostgreSQL). */
export async function replayErasuresCommand(io: RuntimeIo, args: string[]): Promise<number> {
  const options = parseOptions(io, 'replay-erasures', args, { from: { type: 'string' } });
  if (options === undefined) return 2;
  if (!options.from) return complain(io, 'journal-missing-from');
  const from = resolve(options.from);
  let entries: ErasureEntry[];
  try {
    entries = parseJournal(readFileSync(from, 'utf8'));
  } catch (error) {
    return complain(io, 'journal-unreadable', { file: from, reason: reason(error) });
  }
  const opened = await openBundle(io);
  if (typeof opened === 'number') return opened;
  try {
    const report = await opened.store.replayErasures(entries);
    line(io.stdout, runtimeText(io.language, 'journal-replayed', { count: entries.length, erased: report.erased }));
    return 0;
  } finally {
    await opened.store.close();
  }
}

function parseJournal(text: string): ErasureEntry[] {
  const file = JSON.parse(text) as Partial<JournalFile>;
  if (file.format !== 'amana-erasure-journal' || file.version !== 1 || !Array.isArray(file.entries))
    throw new Error('it is not an erasure journal saved by save-erasures');
  return file.entries.map((entry, index) => {
    if (
      typeof entry !== 'object' ||
      entry === null ||
      typeof entry.subject !== 'string' ||
      !/^[0-9a-f]{64}$/.test(entry.subject) ||
      !Number.isSafeInteger(entry.at)
    )
      throw new Error(`entry ${index + 1} is not a hash and a time`);
    return { subject: Buffer.from(entry.subject, 'hex'), at: entry.at };
  });
}

function backupProblem(io: RuntimeIo, file: string, error: unknown, keyring: Keyring): number {
  if (error instanceof BackupFileError) {
    if (error.problem === 'other-key')
      return complain(io, 'backup-other-key', { file, backup: error.header?.keyId ?? '?', key: keyring.keyId });
    const key: RuntimeMessageKey =
      error.problem === 'not-a-backup'
        ? 'backup-not-backup'
        : error.problem === 'newer-format'
          ? 'backup-newer'
          : 'backup-damaged';
    return complain(io, key, { file, detail: error.detail });
  }
  return complain(io, 'backup-unreadable', { file, reason: reason(error) });
}

function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
}
