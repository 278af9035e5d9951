import type Database from 'better-sqlite3';
import type { ExportRecord } from '../../shared/api.ts';

/** What the export (DESIGN.md §5) reports to the audit log once a bundle is written. */
export interface ExportEntry {
  flowId: string;
  version: number | null;
  /** Where the bundle went; a folder unless said otherwise. */
  destination?: ExportRecord['destination'];
  folder: string;
  flowHash: string;
  checker: { errors: number; warnings: number };
}

interface ExportRow {
  id: number;
  flow_id: string;
  version: number | null;
  exported_at: string;
  destination: ExportRecord['destination'];
  folder: string;
  flow_hash: string;
  errors: number;
  warnings: number;
}

/** The append-only log of bundle exports: when, where to, which flow content, and what the checker said. */
export function createAuditLog(db: Database.Database, now: () => string) {
  const insert = db.prepare<[string, number | null, string, string, string, string, number, number]>(
    'INSERT INTO exports (flow_id, version, exported_at, destination, folder, flow_hash, errors, warnings) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const selectOne = db.prepare<[number | bigint], ExportRow>('SELECT * FROM exports WHERE id = ?');
  const selectAll = db.prepare<[], ExportRow>('SELECT * FROM exports ORDER BY exported_at DESC, id DESC');
  const selectForFlow = db.prepare<[string], ExportRow>(
    'SELECT * FROM exports WHERE flow_id = ? ORDER BY exported_at DESC, id DESC',
  );

  return {
    recordExport(entry: ExportEntry): ExportRecord {
      const { errors, warnings } = entry.checker;
      if (![errors, warnings].every((count) => Number.isInteger(count) && count >= 0)) {
        throw new RangeError('Checker counts are whole numbers of diagnostics.');
      }
      const { lastInsertRowid } = insert.run(
        entry.flowId,
        entry.version,
        now(),
        entry.destination ?? 'folder',
        entry.folder,
        entry.flowHash,
        errors,
        warnings,
      );
      const row = selectOne.get(lastInsertRowid);
      if (!row) throw new Error('The export was not recorded.');
      return fromRow(row);
    },
    /** Exports newest first, of one flow or of all. */
    list(flowId: string | null): ExportRecord[] {
      return (flowId === null ? selectAll.all() : selectForFlow.all(flowId)).map(fromRow);
    },
  };
}

function fromRow(row: ExportRow): ExportRecord {
  return {
    id: row.id,
    flowId: row.flow_id,
    version: row.version,
    exportedAt: row.exported_at,
    destination: row.destination,
    folder: row.folder,
    flowHash: row.flow_hash,
    checker: { errors: row.errors, warnings: row.warnings },
  };
}
