import type Database from 'better-sqlite3';

/** Autosaved work in progress on one flow: any JSON document, valid flow or not. */
export interface StoredDraft {
  flowId: string;
  name: string;
  /** The document as JSON text. */
  content: string;
  savedAt: string;
  baseVersion: number | null;
}

interface DraftRow {
  flow_id: string;
  name: string;
  content: string;
  saved_at: string;
  base_version: number | null;
}

/**
 * Autosave. One draft per flow, replaced on each autosave; it outlives a crash because every
 * write is a committed transaction, and it is removed when the flow is saved or the draft discarded.
 */
export function createDraftStore(db: Database.Database, now: () => string) {
  const upsert = db.prepare(
    `INSERT INTO drafts (flow_id, name, content, saved_at, base_version)
     VALUES (@flow_id, @name, @content, @saved_at, (SELECT head_version FROM flows WHERE id = @flow_id))
     ON CONFLICT (flow_id) DO UPDATE SET name = excluded.name, content = excluded.content,
       saved_at = excluded.saved_at, base_version = excluded.base_version`,
  );
  const selectAll = db.prepare<[], DraftRow>(
    'SELECT flow_id, name, content, saved_at, base_version FROM drafts ORDER BY saved_at DESC, flow_id',
  );
  const selectOne = db.prepare<[string], DraftRow>(
    'SELECT flow_id, name, content, saved_at, base_version FROM drafts WHERE flow_id = ?',
  );
  const remove = db.prepare<[string]>('DELETE FROM drafts WHERE flow_id = ?');

  return {
    save(flowId: string, name: string, content: string): StoredDraft {
      upsert.run({ flow_id: flowId, name, content, saved_at: now() });
      const row = selectOne.get(flowId);
      if (!row) throw new Error(`The draft of ${flowId} was not kept.`);
      return fromRow(row);
    },
    /** Every draft, most recent first. */
    all(): StoredDraft[] {
      return selectAll.all().map(fromRow);
    },
    get(flowId: string): StoredDraft | undefined {
      const row = selectOne.get(flowId);
      return row && fromRow(row);
    },
    discard(flowId: string): boolean {
      return remove.run(flowId).changes > 0;
    },
  };
}

function fromRow(row: DraftRow): StoredDraft {
  return {
    flowId: row.flow_id,
    name: row.name,
    content: row.content,
    savedAt: row.saved_at,
    baseVersion: row.base_version,
  };
}
