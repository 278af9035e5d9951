import type Database from 'better-sqlite3';

/** One step of the workspace schema; step N takes a database from `user_version` N-1 to N. */
export interface Migration {
  version: number;
  /** What the step adds, for the people reading this list in five years. */
  purpose: string;
  up(db: Database.Database): void;
}

/**
 * The workspace schema's history, oldest first. A released step is never edited: a change is a
 * new step, so every workspace a designer ever had opens in every later version of the studio.
 */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    purpose: 'Flows with a version per save (the flow file text, its hash and a summary for lists), and settings.',
    up(db) {
      db.exec(`
        CREATE TABLE flows (
          id TEXT PRIMARY KEY,
          head_version INTEGER NOT NULL,
          created_at TEXT NOT NULL
        ) STRICT;
        CREATE TABLE versions (
          flow_id TEXT NOT NULL REFERENCES flows(id) ON DELETE CASCADE,
          number INTEGER NOT NULL CHECK (number >= 1),
          saved_at TEXT NOT NULL,
          origin TEXT NOT NULL CHECK (origin IN ('save', 'import', 'restore')),
          restored_from INTEGER,
          name TEXT NOT NULL,
          languages TEXT NOT NULL,
          node_count INTEGER NOT NULL,
          content TEXT NOT NULL,
          hash TEXT NOT NULL,
          PRIMARY KEY (flow_id, number)
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE settings (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    version: 2,
    purpose: 'Autosaved drafts, and recovery of a draft as a version after a crash.',
    up(db) {
      // SQLite cannot alter a CHECK constraint: rebuild versions with the new origin allowed.
      db.exec(`
        CREATE TABLE versions_v2 (
          flow_id TEXT NOT NULL REFERENCES flows(id) ON DELETE CASCADE,
          number INTEGER NOT NULL CHECK (number >= 1),
          saved_at TEXT NOT NULL,
          origin TEXT NOT NULL CHECK (origin IN ('save', 'import', 'restore', 'recovery')),
          restored_from INTEGER,
          name TEXT NOT NULL,
          languages TEXT NOT NULL,
          node_count INTEGER NOT NULL,
          content TEXT NOT NULL,
          hash TEXT NOT NULL,
          PRIMARY KEY (flow_id, number)
        ) STRICT, WITHOUT ROWID;
        INSERT INTO versions_v2 (flow_id, number, saved_at, origin, restored_from, name, languages, node_count, content, hash)
          SELECT flow_id, number, saved_at, origin, restored_from, name, languages, node_count, content, hash FROM versions;
        DROP TABLE versions;
        ALTER TABLE versions_v2 RENAME TO versions;
        CREATE TABLE drafts (
          flow_id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          content TEXT NOT NULL,
          saved_at TEXT NOT NULL,
          base_version INTEGER
        ) STRICT;
      `);
    },
  },
  {
    version: 3,
    purpose: 'The audit log of bundle exports.',
    up(db) {
      // No foreign key to flows: deleting a flow must not erase the record that it was exported.
      db.exec(`
        CREATE TABLE exports (
          id INTEGER PRIMARY KEY,
          flow_id TEXT NOT NULL,
          version INTEGER,
          exported_at TEXT NOT NULL,
          folder TEXT NOT NULL,
          flow_hash TEXT NOT NULL,
          errors INTEGER NOT NULL,
          warnings INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX exports_by_flow ON exports (flow_id, exported_at);
      `);
    },
  },
  {
    version: 4,
    purpose: 'Exports to a .zip download (browser edition) besides exports to a folder.',
    up(db) {
      db.exec(
        `ALTER TABLE exports ADD COLUMN destination TEXT NOT NULL DEFAULT 'folder' CHECK (destination IN ('folder', 'download'));`,
      );
    },
  },
  {
    version: 5,
    purpose: 'Transcript tests kept with their flow: a revision per save, with the flow version it was saved against.',
    up(db) {
      db.exec(`
        CREATE TABLE transcripts (
          flow_id TEXT NOT NULL REFERENCES flows(id) ON DELETE CASCADE,
          revision INTEGER NOT NULL CHECK (revision >= 1),
          flow_version INTEGER NOT NULL,
          saved_at TEXT NOT NULL,
          content TEXT NOT NULL,
          PRIMARY KEY (flow_id, revision)
        ) STRICT, WITHOUT ROWID;
      `);
    },
  },
];

/** The schema version this build of the studio writes. */
export const latestSchemaVersion = migrations.length;

export class NewerWorkspaceError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(`The workspace was written by a newer Amana (schema ${found}; this version reads up to ${supported}).`);
    this.name = 'NewerWorkspaceError';
  }
}

/** The database's schema version; a database from a newer studio is refused. */
export function schemaVersionOf(db: Database.Database, steps: readonly Migration[] = migrations): number {
  const current = Number(db.pragma('user_version', { simple: true }));
  if (current > steps.length) throw new NewerWorkspaceError(current, steps.length);
  return current;
}

/**
 * Brings a workspace database up to date. Each step runs in its own transaction together with
 * its `user_version` bump, so a failed step leaves the database exactly at the previous version.
 * A database from a newer studio is refused untouched.
 */
export function migrate(db: Database.Database, steps: readonly Migration[] = migrations): number {
  steps.forEach((step, index) => {
    if (step.version !== index + 1) throw new Error(`Migration ${index + 1} is numbered ${step.version}.`);
  });
  const current = schemaVersionOf(db, steps);
  for (const step of steps.slice(current)) {
    db.transaction(() => {
      step.up(db);
      // PRAGMA takes no bound parameters; the value is an integer from the list above.
      db.pragma(`user_version = ${step.version}`);
    }).immediate();
  }
  const problems = db.pragma('foreign_key_check');
  if (Array.isArray(problems) && problems.length > 0)
    throw new Error(`The workspace has ${problems.length} broken references after migrating.`);
  return steps.length;
}
