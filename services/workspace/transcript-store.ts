import type Database from 'better-sqlite3';

/** One saved revision of a flow's transcript tests: the `.transcript.json` text as written. */
export interface StoredTranscript {
  flowId: string;
  revision: number;
  /** The flow's newest version when the tests were saved. */
  flowVersion: number;
  savedAt: string;
  content: string;
}

interface TranscriptRow {
  flow_id: string;
  revision: number;
  flow_version: number;
  saved_at: string;
  content: string;
}

/**
 * A flow's transcript tests, versioned with it: every save adds a revision stamped with the flow
 * version it was saved against, so the tests of any version of the flow can be found again.
 * Deleting the flow deletes its tests.
 */
export function createTranscriptStore(db: Database.Database, now: () => string) {
  const columns = 'flow_id, revision, flow_version, saved_at, content';
  const selectNewest = db.prepare<[string], TranscriptRow>(
    `SELECT ${columns} FROM transcripts WHERE flow_id = ? ORDER BY revision DESC LIMIT 1`,
  );
  const selectAsOf = db.prepare<[string, number], TranscriptRow>(
    `SELECT ${columns} FROM transcripts WHERE flow_id = ? AND flow_version <= ? ORDER BY revision DESC LIMIT 1`,
  );
  const selectHead = db.prepare<[string], { head_version: number }>('SELECT head_version FROM flows WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO transcripts (${columns}) VALUES (@flow_id, @revision, @flow_version, @saved_at, @content)`,
  );

  const save = db.transaction((flowId: string, content: string): StoredTranscript | undefined => {
    const head = selectHead.get(flowId);
    if (!head) return undefined;
    const newest = selectNewest.get(flowId);
    if (newest && newest.content === content) return fromRow(newest);
    const row: TranscriptRow = {
      flow_id: flowId,
      revision: (newest?.revision ?? 0) + 1,
      flow_version: head.head_version,
      saved_at: now(),
      content,
    };
    insert.run(row);
    return fromRow(row);
  });

  return {
    /** Saves the tests as a new revision (none when unchanged); undefined when the flow does not exist. */
    save(flowId: string, content: string): StoredTranscript | undefined {
      return save.immediate(flowId, content);
    },
    /** The newest revision, or the newest saved while `flowVersion` was the flow's newest version. */
    get(flowId: string, flowVersion?: number): StoredTranscript | undefined {
      const row = flowVersion === undefined ? selectNewest.get(flowId) : selectAsOf.get(flowId, flowVersion);
      return row && fromRow(row);
    },
  };
}

function fromRow(row: TranscriptRow): StoredTranscript {
  return {
    flowId: row.flow_id,
    revision: row.revision,
    flowVersion: row.flow_version,
    savedAt: row.saved_at,
    content: row.content,
  };
}
