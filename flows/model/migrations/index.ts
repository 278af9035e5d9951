/**
 * Flow file migrations: `migrations[n]` turns a version-n document into version n+1.
 * Version 1 is the first format, so the table is empty today; parseFlow still runs every
 * document through `migrate`, so the first real migration only adds an entry here and a test.
 * Files written today must open in five years.
 */
export type Migration = (document: Record<string, unknown>) => Record<string, unknown>;

export const migrations: Readonly<Record<number, Migration>> = {};

export type MigrationResult =
  | { ok: true; document: Record<string, unknown> }
  | { ok: false; problem: 'newer'; version: number }
  | { ok: false; problem: 'unknown'; version: unknown };

/** Brings a document of any known version up to `target`, one step at a time. */
export function migrate(
  document: Record<string, unknown>,
  target: number,
  table: Readonly<Record<number, Migration>> = migrations,
): MigrationResult {
  let version = document['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, problem: 'unknown', version };
  }
  if (version > target) return { ok: false, problem: 'newer', version };
  let current = document;
  while (version < target) {
    const step = table[version];
    if (!step) return { ok: false, problem: 'unknown', version };
    current = { ...step(current), version: version + 1 };
    version += 1;
  }
  return { ok: true, document: current };
}
