import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeFlow } from '../../flows/index.ts';
import { clinicBooking } from '../../test/fixtures/flows.ts';
import { flowHash } from './flow-store.ts';
import { latestSchemaVersion, migrate, migrations, NewerWorkspaceError } from './migrations.ts';
import { openWorkspace } from './open-workspace.ts';

let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'amana-migrations-'));
  file = join(dir, 'workspace.db');
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A workspace as an older studio left it: schema `version`, one flow saved twice, the language set. */
function olderWorkspace(version: number): void {
  const db = new Database(file);
  migrate(db, migrations.slice(0, version));
  const flow = clinicBooking();
  const insertVersion = db.prepare(
    `INSERT INTO versions (flow_id, number, saved_at, origin, restored_from, name, languages, node_count, content, hash)
     VALUES (?, ?, ?, 'save', NULL, ?, ?, ?, ?, ?)`,
  );
  db.prepare("INSERT INTO flows (id, head_version, created_at) VALUES (?, 2, '2025-03-01T10:00:00.000Z')").run(flow.id);
  for (const [number, name] of [
    [1, flow.name],
    [2, 'Agenda'],
  ] as const) {
    const content = serializeFlow({ ...flow, name });
    insertVersion.run(
      flow.id,
      number,
      `2025-03-0${number}T10:00:00.000Z`,
      name,
      '["pt-BR","en","ar"]',
      6,
      content,
      flowHash(content),
    );
  }
  db.prepare("INSERT INTO settings (key, value) VALUES ('language', '\"pt-BR\"')").run();
  db.close();
}

describe('workspace migrations', () => {
  it('numbers its steps 1, 2, 3… with the latest being what the studio writes', () => {
    expect(migrations.map((step) => step.version)).toEqual(migrations.map((_, index) => index + 1));
    expect(latestSchemaVersion).toBe(migrations.length);
  });

  it.each(migrations.slice(0, -1).map((step) => step.version))(
    'brings a workspace from schema %i to the current one with every version and setting intact',
    (version) => {
      olderWorkspace(version);
      const workspace = openWorkspace(file);
      try {
        expect(workspace.schemaVersion()).toBe(latestSchemaVersion);
        expect(workspace.integrityCheck()).toBe('ok');
        expect(workspace.flows.history('clinic-booking').map((stored) => [stored.version, stored.name])).toEqual([
          [2, 'Agenda'],
          [1, clinicBooking().name],
        ]);
        expect(workspace.settings.get().language).toBe('pt-BR');
        // What the later steps added works on the migrated data.
        workspace.drafts.save('clinic-booking', 'Agenda', '{}');
        const recovered = workspace.flows.save(clinicBooking(), 'recovery');
        expect(recovered.stored).toMatchObject({ version: 3, origin: 'recovery' });
        expect(workspace.drafts.all()).toEqual([]);
        workspace.audit.recordExport({
          flowId: 'clinic-booking',
          version: 3,
          folder: '/srv/bot',
          flowHash: recovered.stored.hash,
          checker: { errors: 0, warnings: 0 },
        });
        expect(workspace.audit.list('clinic-booking')).toHaveLength(1);
      } finally {
        workspace.close();
      }
    },
  );

  it('leaves the database at the previous version when a step fails', () => {
    olderWorkspace(latestSchemaVersion);
    const db = new Database(file);
    const failing = {
      version: latestSchemaVersion + 1,
      purpose: 'A step that breaks halfway.',
      up(target: Database.Database) {
        target.exec('CREATE TABLE half_done (x INTEGER)');
        throw new Error('disk full');
      },
    };
    expect(() => migrate(db, [...migrations, failing])).toThrow('disk full');
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'half_done'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses, untouched, a workspace written by a newer studio', () => {
    const db = new Database(file);
    db.pragma(`user_version = ${latestSchemaVersion + 5}`);
    db.close();
    const before = readFileSync(file);
    expect(() => openWorkspace(file)).toThrow(NewerWorkspaceError);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a list of steps numbered out of order', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, [migrations[1]!, migrations[0]!])).toThrow(/Migration 1 is numbered 2/);
    db.close();
  });
});
