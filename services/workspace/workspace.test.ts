import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeFlow } from '../../flows/index.ts';
import { clinicBooking, renamed } from '../../test/fixtures/flows.ts';
import Database from 'better-sqlite3';
import { flowHash } from './flow-store.ts';
import { latestSchemaVersion } from './migrations.ts';
import { openWorkspace, type Workspace } from './open-workspace.ts';

let dir: string;
let workspace: Workspace;
let tick = 0;
const clock = () => new Date(Date.UTC(2026, 0, 1, 9, 0, tick++)).toISOString();

beforeEach(() => {
  tick = 0;
  dir = mkdtempSync(join(tmpdir(), 'amana-workspace-'));
  workspace = openWorkspace(join(dir, 'nested', 'workspace.db'), { now: clock });
});

afterEach(() => {
  workspace.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the workspace database', () => {
  it('is a WAL database with synchronous=FULL, foreign keys on and the current schema', () => {
    expect(workspace.schemaVersion()).toBe(latestSchemaVersion);
    expect(workspace.integrityCheck()).toBe('ok');
    // synchronous: 2 is FULL (0 OFF, 1 NORMAL, 3 EXTRA).
    expect(workspace.pragmas()).toEqual({ journalMode: 'wal', synchronous: 2, foreignKeys: true });
    const raw = new Database(workspace.file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it.runIf(process.platform !== 'win32')('is readable by the designer only', () => {
    expect(statSync(workspace.file).mode & 0o777).toBe(0o600);
  });
});

describe('versions', () => {
  it('adds a version per save, keeps the text exactly as serialized and names it by its hash', () => {
    const flow = clinicBooking();
    const first = workspace.flows.save(flow, 'save');
    const second = workspace.flows.save(renamed(flow, 'Agenda'), 'save');
    expect([first.created, first.changed, second.created, second.changed]).toEqual([true, true, false, true]);
    expect(second.stored.version).toBe(2);
    expect(second.stored.content).toBe(serializeFlow(renamed(flow, 'Agenda')));
    expect(second.stored.hash).toBe(flowHash(second.stored.content));
    expect(workspace.flows.head(flow.id)?.name).toBe('Agenda');
    expect(workspace.flows.history(flow.id).map((version) => [version.version, version.name])).toEqual([
      [2, 'Agenda'],
      [1, flow.name],
    ]);
  });

  it('adds no version when the content equals the newest version', () => {
    const flow = clinicBooking();
    workspace.flows.save(flow, 'save');
    const again = workspace.flows.save(flow, 'import');
    expect(again.changed).toBe(false);
    expect(workspace.flows.history(flow.id)).toHaveLength(1);
  });

  it('restores an old version as a new version whose content is the old one', () => {
    const flow = clinicBooking();
    const first = workspace.flows.save(flow, 'save').stored;
    workspace.flows.save(renamed(flow, 'Agenda 2'), 'save');
    workspace.flows.save(renamed(flow, 'Agenda 3'), 'save');
    const restored = workspace.flows.restore(flow, 1).stored;
    expect(restored).toMatchObject({ version: 4, origin: 'restore', restoredFrom: 1, hash: first.hash });
    expect(restored.content).toBe(first.content);
    expect(workspace.flows.history(flow.id).map((version) => version.version)).toEqual([4, 3, 2, 1]);
  });

  it('lists the newest version of each flow, most recent first', () => {
    const clinic = clinicBooking();
    workspace.flows.save(clinic, 'save');
    workspace.flows.save({ ...clinic, id: 'other', name: 'Outro' }, 'save');
    workspace.flows.save(renamed(clinic, 'Agenda'), 'save');
    expect(workspace.flows.heads().map((head) => [head.flowId, head.version])).toEqual([
      ['clinic-booking', 2],
      ['other', 1],
    ]);
  });

  it('removes a flow with its versions and its draft', () => {
    const flow = clinicBooking();
    workspace.flows.save(flow, 'save');
    workspace.drafts.save(flow.id, flow.name, '{}');
    expect(workspace.flows.remove(flow.id)).toBe(true);
    expect(workspace.flows.head(flow.id)).toBeUndefined();
    expect(workspace.flows.history(flow.id)).toEqual([]);
    expect(workspace.drafts.get(flow.id)).toBeUndefined();
    expect(workspace.flows.remove(flow.id)).toBe(false);
  });
});

describe('drafts', () => {
  it('keeps one draft per flow, replaced by each autosave, based on the saved version', () => {
    const flow = clinicBooking();
    workspace.flows.save(flow, 'save');
    workspace.drafts.save(flow.id, 'first try', '{"a":1}');
    workspace.drafts.save(flow.id, 'second try', '{"a":2}');
    expect(workspace.drafts.all()).toEqual([
      expect.objectContaining({ flowId: flow.id, name: 'second try', content: '{"a":2}', baseVersion: 1 }),
    ]);
  });

  it('keeps a draft of a flow never saved, with no base version', () => {
    expect(workspace.drafts.save('brand-new', 'Novo', '{}').baseVersion).toBeNull();
  });

  it('is settled by a save, and kept by an import or a restore of the same flow', () => {
    const flow = clinicBooking();
    workspace.flows.save(flow, 'save');
    workspace.drafts.save(flow.id, flow.name, '{"unsaved":true}');
    workspace.flows.save(renamed(flow, 'Imported'), 'import');
    workspace.flows.restore(flow, 1);
    expect(workspace.drafts.get(flow.id)).toBeDefined();
    workspace.flows.save(renamed(flow, 'Saved'), 'save');
    expect(workspace.drafts.get(flow.id)).toBeUndefined();
  });
});

describe('the export audit log', () => {
  it('records time, folder, flow hash and checker summary, newest first, and outlives the flow', () => {
    const flow = clinicBooking();
    const { stored } = workspace.flows.save(flow, 'save');
    const entry = { flowId: flow.id, version: 1, flowHash: stored.hash, checker: { errors: 0, warnings: 2 } };
    const first = workspace.audit.recordExport({ ...entry, folder: '/srv/bots/clinic' });
    const second = workspace.audit.recordExport({ ...entry, folder: '/srv/bots/clinic-2' });
    workspace.audit.recordExport({ ...entry, flowId: 'other', folder: '/tmp/other' });
    expect(first).toMatchObject({ folder: '/srv/bots/clinic', flowHash: stored.hash, checker: { warnings: 2 } });
    expect(first.exportedAt).toBe('2026-01-01T09:00:01.000Z');
    expect(workspace.audit.list(flow.id).map((record) => record.id)).toEqual([second.id, first.id]);
    expect(workspace.audit.list(null)).toHaveLength(3);
    workspace.flows.remove(flow.id);
    expect(workspace.audit.list(flow.id)).toHaveLength(2);
  });

  it('refuses a checker summary that is not a count', () => {
    expect(() =>
      workspace.audit.recordExport({
        flowId: 'x',
        version: null,
        folder: '/tmp',
        flowHash: 'h',
        checker: { errors: -1, warnings: 0 },
      }),
    ).toThrow(RangeError);
    expect(workspace.audit.list(null)).toEqual([]);
  });
});

describe('settings', () => {
  it('starts from the default language and keeps the chosen one across reopening', () => {
    expect(workspace.settings.get()).toEqual({ language: 'en', recentFiles: [], overviewMap: true });
    workspace.settings.setLanguage('ar');
    const file = workspace.file;
    workspace.close();
    workspace = openWorkspace(file, { defaultLanguage: 'pt-BR' });
    expect(workspace.settings.get().language).toBe('ar');
  });

  it('shows the canvas’s overview map until the designer hides it, and remembers that across reopening', () => {
    expect(workspace.settings.get().overviewMap).toBe(true);
    workspace.settings.setOverviewMap(false);
    const file = workspace.file;
    workspace.close();
    workspace = openWorkspace(file, { defaultLanguage: 'en' });
    expect(workspace.settings.get().overviewMap).toBe(false);
    workspace.settings.setOverviewMap(true);
    expect(workspace.settings.get().overviewMap).toBe(true);
  });

  it('keeps the ten most recent files, newest first, each once', () => {
    for (let i = 0; i < 12; i += 1) {
      workspace.settings.rememberFile({ path: `/flows/${i}.flow.json`, name: `${i}.flow.json`, openedAt: clock() });
    }
    workspace.settings.rememberFile({ path: '/flows/5.flow.json', name: '5.flow.json', openedAt: clock() });
    const paths = workspace.settings.get().recentFiles.map((file) => file.path);
    expect(paths).toHaveLength(10);
    expect(paths.slice(0, 3)).toEqual(['/flows/5.flow.json', '/flows/11.flow.json', '/flows/10.flow.json']);
    expect(new Set(paths).size).toBe(10);
    workspace.settings.forgetFile('/flows/5.flow.json');
    expect(workspace.settings.get().recentFiles.map((file) => file.path)).not.toContain('/flows/5.flow.json');
  });
});
