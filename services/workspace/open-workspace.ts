import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { UiLanguage } from '../../flows/i18n/index.ts';
import { createAuditLog } from './audit-log.ts';
import { createDraftStore } from './draft-store.ts';
import { createFlowStore } from './flow-store.ts';
import { migrate, schemaVersionOf } from './migrations.ts';
import { createSettingsStore } from './settings-store.ts';
import { createTranscriptStore } from './transcript-store.ts';

export interface WorkspaceOptions {
  /** The interface language until the designer picks one (from the system's locale). */
  defaultLanguage?: UiLanguage;
  /** Timestamps of versions, drafts and exports; tests fix it. */
  now?: () => string;
  /**
   * better-sqlite3's compiled addon, when it is not the one in node_modules: the desktop app
   * runs inside Electron, whose Node needs the addon built for Electron's ABI.
   */
  nativeBinding?: string;
}

/**
 * Opens (or creates) the workspace database: WAL journal, synchronous=FULL, foreign keys on,
 * migrated to the current schema.
 *
 * WAL lets the browser edition and the desktop app read while the other writes and, with
 * synchronous=FULL, fsyncs the WAL at every commit: a version the studio reported as saved
 * survives a killed process (NORMAL would too) and also a power cut or an OS crash (NORMAL may
 * roll back the last commits). Saves are paced by a person, so one fsync each costs nothing
 * anyone notices.
 */
export function openWorkspace(file: string, options: WorkspaceOptions = {}) {
  const now = options.now ?? (() => new Date().toISOString());
  const isNew = !existsSync(file);
  // Flows describe a business's customers and partners: only the designer's account may read them.
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    if (isNew && process.platform !== 'win32') chmodSync(file, 0o600);
    db.pragma('busy_timeout = 5000');
    // Before anything is written: a workspace from a newer studio is left exactly as it is.
    schemaVersionOf(db);
    const journal = db.pragma('journal_mode = WAL', { simple: true });
    if (journal !== 'wal') throw new Error(`The workspace at ${file} cannot use a write-ahead log (got ${journal}).`);
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }

  return {
    file,
    flows: createFlowStore(db, now),
    drafts: createDraftStore(db, now),
    audit: createAuditLog(db, now),
    transcripts: createTranscriptStore(db, now),
    settings: createSettingsStore(db, options.defaultLanguage ?? 'en'),
    /** SQLite's own consistency check: `ok` when the file is sound. */
    integrityCheck(): string {
      return String(db.pragma('integrity_check', { simple: true }));
    },
    schemaVersion(): number {
      return Number(db.pragma('user_version', { simple: true }));
    },
    /** The connection's durability settings, for diagnostics and tests. */
    pragmas() {
      return {
        journalMode: String(db.pragma('journal_mode', { simple: true })),
        synchronous: Number(db.pragma('synchronous', { simple: true })),
        foreignKeys: Number(db.pragma('foreign_keys', { simple: true })) === 1,
      };
    },
    /** Moves the WAL into the database file and closes it. */
    close(): void {
      if (!db.open) return;
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}

export type Workspace = ReturnType<typeof openWorkspace>;
