import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { serializeFlow, type Flow } from '../../flows/index.ts';
import type { VersionOrigin } from '../../shared/api.ts';

/** One version as stored: the flow file's text exactly as `serializeFlow` wrote it. */
export interface StoredVersion {
  flowId: string;
  version: number;
  savedAt: string;
  origin: VersionOrigin;
  restoredFrom: number | null;
  name: string;
  languages: string[];
  nodeCount: number;
  content: string;
  hash: string;
}

export interface SavedVersion {
  stored: StoredVersion;
  /** False when the content equalled the newest version, so no version was added. */
  changed: boolean;
  /** True when the flow did not exist before. */
  created: boolean;
}

interface VersionRow {
  flow_id: string;
  number: number;
  saved_at: string;
  origin: VersionOrigin;
  restored_from: number | null;
  name: string;
  languages: string;
  node_count: number;
  content: string;
  hash: string;
}

/** SHA-256 of a flow file's text: the hash the audit log and the export manifest name a flow by. */
export function flowHash(content: string): string {
  return createHash('sha256').update(content, 'utf8').digest('hex');
}

const versionColumns = 'flow_id, number, saved_at, origin, restored_from, name, languages, node_count, content, hash';
const headColumns = versionColumns
  .split(', ')
  .map((column) => `v.${column}`)
  .join(', ');
const headJoin = 'FROM flows f JOIN versions v ON v.flow_id = f.id AND v.number = f.head_version';

/** Flows and their version history. Every write is one immediate transaction. */
export function createFlowStore(db: Database.Database, now: () => string) {
  const selectHead = db.prepare<[string], VersionRow>(`SELECT ${headColumns} ${headJoin} WHERE f.id = ?`);
  const selectHeads = db.prepare<[], VersionRow>(`SELECT ${headColumns} ${headJoin} ORDER BY v.saved_at DESC, f.id`);
  const selectVersion = db.prepare<[string, number], VersionRow>(
    `SELECT ${versionColumns} FROM versions WHERE flow_id = ? AND number = ?`,
  );
  const selectHistory = db.prepare<[string], VersionRow>(
    `SELECT ${versionColumns} FROM versions WHERE flow_id = ? ORDER BY number DESC`,
  );
  const insertFlow = db.prepare<[string, string]>('INSERT INTO flows (id, head_version, created_at) VALUES (?, 1, ?)');
  const moveHead = db.prepare<[number, string]>('UPDATE flows SET head_version = ? WHERE id = ?');
  const insertVersion = db.prepare(
    `INSERT INTO versions (${versionColumns}) VALUES (@flow_id, @number, @saved_at, @origin, @restored_from, @name, @languages, @node_count, @content, @hash)`,
  );
  const deleteDraft = db.prepare<[string]>('DELETE FROM drafts WHERE flow_id = ?');
  const deleteFlow = db.prepare<[string]>('DELETE FROM flows WHERE id = ?');

  const save = db.transaction((flow: Flow, origin: VersionOrigin, restoredFrom: number | null): SavedVersion => {
    const content = serializeFlow(flow);
    const hash = flowHash(content);
    const head = selectHead.get(flow.id);
    // Saving from the editor, or recovering, settles the autosaved draft: its work is now a version.
    // An import or a restore keeps it, so unsaved work is never lost to a file or an old version.
    if (origin === 'save' || origin === 'recovery') deleteDraft.run(flow.id);
    if (head && head.hash === hash && origin !== 'restore') {
      return { stored: fromRow(head), changed: false, created: false };
    }
    const row: VersionRow = {
      flow_id: flow.id,
      number: (head?.number ?? 0) + 1,
      saved_at: now(),
      origin,
      restored_from: restoredFrom,
      name: flow.name,
      languages: JSON.stringify(flow.languages),
      node_count: flow.nodes.length,
      content,
      hash,
    };
    if (head) moveHead.run(row.number, flow.id);
    else insertFlow.run(flow.id, row.saved_at);
    insertVersion.run(row);
    return { stored: fromRow(row), changed: true, created: head === undefined };
  });

  return {
    /** The newest version of every flow, most recently saved first. */
    heads(): StoredVersion[] {
      return selectHeads.all().map(fromRow);
    },
    head(flowId: string): StoredVersion | undefined {
      const row = selectHead.get(flowId);
      return row && fromRow(row);
    },
    version(flowId: string, version: number): StoredVersion | undefined {
      const row = selectVersion.get(flowId, version);
      return row && fromRow(row);
    },
    /** Every version of a flow, newest first. */
    history(flowId: string): StoredVersion[] {
      return selectHistory.all(flowId).map(fromRow);
    },
    /** Saves the flow as its newest version, unless its content equals the newest version already. */
    save(flow: Flow, origin: Exclude<VersionOrigin, 'restore'>): SavedVersion {
      return save.immediate(flow, origin, null);
    },
    /** Saves an old version's flow as the newest version; history keeps everything in between. */
    restore(flow: Flow, from: number): SavedVersion {
      return save.immediate(flow, 'restore', from);
    },
    /** Removes a flow, its versions and its draft. Returns false when there was no such flow. */
    remove(flowId: string): boolean {
      return db
        .transaction(() => {
          deleteDraft.run(flowId);
          return deleteFlow.run(flowId).changes > 0;
        })
        .immediate();
    },
  };
}

function fromRow(row: VersionRow): StoredVersion {
  return {
    flowId: row.flow_id,
    version: row.number,
    savedAt: row.saved_at,
    origin: row.origin,
    restoredFrom: row.restored_from,
    name: row.name,
    languages: parseLanguages(row.languages),
    nodeCount: row.node_count,
    content: row.content,
    hash: row.hash,
  };
}

function parseLanguages(text: string): string[] {
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? value.map(String) : [];
}
