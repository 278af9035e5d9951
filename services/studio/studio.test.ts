import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseFlow, serializeFlow } from '../../flows/index.ts';
import type { AmanaApi } from '../../shared/api.ts';
import { maxFlowFileBytes } from '../../shared/limits.ts';
import { clinicBooking, clinicBookingFile, renamed } from '../../test/fixtures/flows.ts';
import type { FilePicker } from '../files/file-picker.ts';
import { openWorkspace, type Workspace } from '../workspace/open-workspace.ts';
import { createStudio } from './create-studio.ts';
import { dispatch } from './dispatch.ts';

let dir: string;
let workspace: Workspace;
let studio: AmanaApi;
/** What the system dialogs will answer next: the designer's choice, or null for Cancel. */
let dialogAnswer: string | null;
const settingsSeen: string[] = [];

const scriptedDialogs: FilePicker = {
  chooseFlowToOpen: async () => dialogAnswer,
  chooseFlowDestination: async () => dialogAnswer,
  chooseFolder: async () => dialogAnswer,
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'amana-studio-'));
  workspace = openWorkspace(join(dir, 'workspace.db'));
  dialogAnswer = null;
  settingsSeen.length = 0;
  studio = createStudio({
    workspace,
    host: { edition: 'desktop', appVersion: '0.1.0', nativeFileDialogs: true, workspaceFile: workspace.file },
    picker: scriptedDialogs,
    onSettingsChanged: (settings) => settingsSeen.push(settings.language),
  });
});

afterEach(() => {
  workspace.close();
  rmSync(dir, { recursive: true, force: true });
});

const clinicText = () => readFileSync(clinicBookingFile, 'utf8');

describe('importing flow files', () => {
  it('imports a valid file as a new flow that the list shows', async () => {
    const outcome = await studio.importFlow({ fileName: 'clinic-booking.flow.json', text: clinicText() });
    expect(outcome).toMatchObject({ status: 'imported', created: true, changed: true, document: { version: 1 } });
    expect(await studio.listFlows()).toEqual([
      expect.objectContaining({ id: 'clinic-booking', nodeCount: 6, version: 1, languages: ['pt-BR', 'en', 'ar'] }),
    ]);
  });

  it('imports a file with a known id as a new version of that flow', async () => {
    await studio.importFlow({ fileName: 'a.flow.json', text: clinicText() });
    const again = await studio.importFlow({
      fileName: 'b.flow.json',
      text: serializeFlow(renamed(clinicBooking(), 'Agenda nova')),
    });
    expect(again).toMatchObject({ status: 'imported', created: false, changed: true, document: { version: 2 } });
  });

  it('rejects an invalid file with the parser’s messages in the designer’s language, writing nothing', async () => {
    await studio.setSettings({ language: 'pt-BR' });
    const broken = clinicText().replace('"type": "disclosure"', '"type": "disclosur"');
    const outcome = await studio.importFlow({ fileName: 'quebrado.flow.json', text: broken });
    expect(outcome.status).toBe('invalid');
    if (outcome.status !== 'invalid') return;
    expect(outcome.fileName).toBe('quebrado.flow.json');
    const expected = parseFlow(broken, { language: 'pt-BR' });
    expect(expected.ok).toBe(false);
    if (!expected.ok) expect(outcome.errors).toEqual(expected.errors);
    expect(outcome.errors[0]?.path).toBe('$.nodes[1].type');
    expect(await studio.listFlows()).toEqual([]);
  });

  it('rejects text that is not JSON', async () => {
    const outcome = await studio.importFlow({ fileName: 'notes.txt', text: 'hello' });
    expect(outcome).toMatchObject({ status: 'invalid', errors: [{ path: '$', code: 'json' }] });
  });

  it('opens a file the designer picks in the system dialog and remembers it', async () => {
    dialogAnswer = clinicBookingFile;
    expect(await studio.openFlowFile()).toMatchObject({ status: 'imported', fileName: 'clinic-booking.flow.json' });
    expect((await studio.getSettings()).recentFiles).toEqual([
      expect.objectContaining({ path: clinicBookingFile, name: 'clinic-booking.flow.json' }),
    ]);
    dialogAnswer = null;
    expect(await studio.openFlowFile()).toEqual({ status: 'canceled' });
  });

  it('reads a file with a byte order mark, and refuses one too large to be a flow before reading it', async () => {
    const withBom = join(dir, 'bom.flow.json');
    writeFileSync(withBom, `\uFEFF${clinicText()}`);
    dialogAnswer = withBom;
    expect(await studio.openFlowFile()).toMatchObject({ status: 'imported' });
    const huge = join(dir, 'huge.flow.json');
    writeFileSync(huge, Buffer.alloc(maxFlowFileBytes + 1, 0x20));
    dialogAnswer = huge;
    await expect(studio.openFlowFile()).rejects.toThrow(/too large to be a flow \(32\.0 MB; at most 32 MB\)/);
  });

  it('opens again only files from the recent list, and forgets one that is gone', async () => {
    const copy = join(dir, 'copy.flow.json');
    writeFileSync(copy, clinicText());
    dialogAnswer = copy;
    await studio.openFlowFile();
    expect(await studio.openRecentFile(copy)).toMatchObject({ status: 'imported', changed: false });
    await expect(studio.openRecentFile('/etc/passwd')).rejects.toThrow('not in the list of recent files');
    rmSync(copy);
    await expect(studio.openRecentFile(copy)).rejects.toThrow(/Could not read .*ENOENT/);
    expect((await studio.getSettings()).recentFiles).toEqual([]);
  });
});

describe('exporting flow files', () => {
  it('writes the newest version where the designer chooses, replacing the file whole', async () => {
    await studio.importFlow({ fileName: 'a.flow.json', text: clinicText() });
    await studio.saveFlow(renamed(clinicBooking(), 'Agenda'));
    const target = join(dir, 'out', 'agenda.flow.json');
    dialogAnswer = target;
    await expect(studio.exportFlowFile('clinic-booking')).rejects.toThrow(
      /Could not write .*ENOENT.*Nothing was changed/,
    );
    const existing = join(dir, 'agenda.flow.json');
    writeFileSync(existing, 'old content');
    dialogAnswer = existing;
    expect(await studio.exportFlowFile('clinic-booking')).toEqual({
      status: 'written',
      path: existing,
      testsBeside: null,
    });
    expect(readFileSync(existing, 'utf8')).toBe(serializeFlow(renamed(clinicBooking(), 'Agenda')));
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect((await studio.getSettings()).recentFiles[0]?.path).toBe(existing);
  });

  it('gives the newest version’s file for a download', async () => {
    await studio.importFlow({ fileName: 'a.flow.json', text: clinicText() });
    expect(await studio.getFlowFile('clinic-booking')).toEqual({
      fileName: 'clinic-booking.flow.json',
      text: serializeFlow(clinicBooking()),
    });
  });

  it('says the browser edition has no system dialogs', async () => {
    const browser = createStudio({
      workspace,
      host: { edition: 'browser', appVersion: '0.1.0', nativeFileDialogs: false, workspaceFile: workspace.file },
    });
    await expect(browser.openFlowFile()).rejects.toThrow(/cannot show your system’s file dialogs/);
  });
});

describe('flow files with their tests beside them (desktop)', () => {
  const example = (name: string) => new URL(`../../flows/examples/${name}`, import.meta.url).pathname;
  /** lead-capture.flow.json copied into the temporary folder as `<stem>.flow.json`, with its tests when asked. */
  function leadCaptureOnDisk(stem: string, tests: string | null): string {
    const flowPath = join(dir, `${stem}.flow.json`);
    copyFileSync(example('lead-capture.flow.json'), flowPath);
    if (tests !== null) writeFileSync(join(dir, `${stem}.transcript.json`), tests);
    return flowPath;
  }
  const leadTests = () => readFileSync(example('lead-capture.transcript.json'), 'utf8');
  const testNames = async () =>
    (await studio.getTranscript('lead-capture', null))?.transcript.tests.map((test) => test.name);

  it('imports X.transcript.json beside X.flow.json as the flow’s tests', async () => {
    dialogAnswer = leadCaptureOnDisk('leads', leadTests());
    const outcome = await studio.openFlowFile();
    const expected = JSON.parse(leadTests()).tests.map((test: { name: string }) => test.name);
    expect(outcome).toMatchObject({
      status: 'imported',
      testsBeside: { status: 'imported', fileName: 'leads.transcript.json', tests: expected.length },
    });
    expect(expected.length).toBeGreaterThan(0);
    expect(await testNames()).toEqual(expected);
    // Opened again from the recent list: the same tests add no revision.
    await studio.openRecentFile(dialogAnswer);
    expect((await studio.getTranscript('lead-capture', null))?.revision).toBe(1);
  });

  it('imports the flow alone when no tests file is beside it, and uploads never look for one', async () => {
    dialogAnswer = leadCaptureOnDisk('alone', null);
    expect(await studio.openFlowFile()).toMatchObject({ status: 'imported', testsBeside: null });
    writeFileSync(join(dir, 'lead-capture.transcript.json'), leadTests());
    const uploaded = await studio.importFlow({
      fileName: 'lead-capture.flow.json',
      text: readFileSync(dialogAnswer, 'utf8'),
    });
    expect(uploaded).toMatchObject({ status: 'imported', testsBeside: null });
    expect(await studio.getTranscript('lead-capture', null)).toBeNull();
  });

  it('still imports the flow when the tests beside it are invalid, says why in the designer’s language, and keeps the tests it had', async () => {
    dialogAnswer = leadCaptureOnDisk('leads', leadTests());
    await studio.openFlowFile();
    const before = await testNames();
    await studio.setSettings({ language: 'pt-BR' });
    const changed = JSON.parse(readFileSync(dialogAnswer, 'utf8'));
    changed.name = 'Captura de leads (nova)';
    writeFileSync(dialogAnswer, JSON.stringify(changed));
    writeFileSync(join(dir, 'leads.transcript.json'), '{"tests": [{"name": "", "turns": []}]}');
    const outcome = await studio.openFlowFile();
    expect(outcome).toMatchObject({
      status: 'imported',
      document: { version: 2, flow: { name: 'Captura de leads (nova)' } },
      testsBeside: { status: 'invalid', fileName: 'leads.transcript.json' },
    });
    if (outcome.status !== 'imported' || outcome.testsBeside?.status !== 'invalid') throw new Error('not reported');
    expect(outcome.testsBeside.problems.map((problem) => problem.path)).toEqual(
      expect.arrayContaining(['$.tests[0].name', '$.tests[0].turns']),
    );
    // The parser's words in the designer's language, not English.
    expect(outcome.testsBeside.problems.some((problem) => /[ãçéêíóú]/.test(problem.message))).toBe(true);
    expect(await testNames()).toEqual(before);
  });

  it('reports a tests file it cannot read or that is too large, and imports the flow', async () => {
    dialogAnswer = leadCaptureOnDisk('folder', null);
    mkdirSync(join(dir, 'folder.transcript.json'));
    expect(await studio.openFlowFile()).toMatchObject({
      status: 'imported',
      document: { flow: { id: 'lead-capture' } },
      testsBeside: {
        status: 'unreadable',
        fileName: 'folder.transcript.json',
        message: expect.stringMatching(/EISDIR/),
      },
    });
    dialogAnswer = leadCaptureOnDisk('huge', null);
    writeFileSync(join(dir, 'huge.transcript.json'), Buffer.alloc(maxFlowFileBytes + 1, 0x20));
    expect(await studio.openFlowFile()).toMatchObject({
      status: 'imported',
      testsBeside: { status: 'unreadable', message: expect.stringMatching(/too large to be a tests file/) },
    });
  });

  it('writes the flow’s tests beside the flow file it exports, and nothing when the flow has none', async () => {
    dialogAnswer = leadCaptureOnDisk('alone', null);
    await studio.openFlowFile();
    const bare = join(dir, 'exported', 'bare.flow.json');
    mkdirSync(join(dir, 'exported'));
    dialogAnswer = bare;
    expect(await studio.exportFlowFile('lead-capture')).toEqual({ status: 'written', path: bare, testsBeside: null });
    expect(readdirSync(join(dir, 'exported'))).toEqual(['bare.flow.json']);

    await studio.importTranscript('lead-capture', { fileName: 'lead-capture.transcript.json', text: leadTests() });
    const target = join(dir, 'exported', 'leads.flow.json');
    dialogAnswer = target;
    const testsPath = join(dir, 'exported', 'leads.transcript.json');
    const count = JSON.parse(leadTests()).tests.length;
    expect(await studio.exportFlowFile('lead-capture')).toEqual({
      status: 'written',
      path: target,
      testsBeside: { status: 'written', path: testsPath, tests: count },
    });
    expect(JSON.parse(readFileSync(testsPath, 'utf8')).tests).toEqual(JSON.parse(leadTests()).tests);
    expect(readdirSync(join(dir, 'exported')).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    // The pair written is the pair read back: a fresh workspace gets the flow and its tests.
    workspace.close();
    workspace = openWorkspace(join(dir, 'fresh.db'));
    studio = createStudio({ workspace, host: await studio.getHostInfo(), picker: scriptedDialogs });
    expect(await studio.openFlowFile()).toMatchObject({ testsBeside: { status: 'imported', tests: count } });
  });

  it('says so when the tests cannot be written beside a flow file that was written', async () => {
    dialogAnswer = leadCaptureOnDisk('alone', null);
    await studio.openFlowFile();
    await studio.importTranscript('lead-capture', { fileName: 'lead-capture.transcript.json', text: leadTests() });
    mkdirSync(join(dir, 'blocked.transcript.json'));
    dialogAnswer = join(dir, 'blocked.flow.json');
    expect(await studio.exportFlowFile('lead-capture')).toMatchObject({
      status: 'written',
      path: dialogAnswer,
      testsBeside: {
        status: 'not-written',
        path: join(dir, 'blocked.transcript.json'),
        message: expect.stringMatching(/Could not write .*blocked\.transcript\.json/),
      },
    });
    expect(readFileSync(dialogAnswer, 'utf8')).toContain('"id": "lead-capture"');
  });
});

describe('saving and history', () => {
  it('saves a version per change, refuses an invalid flow without writing, and restores old versions', async () => {
    const flow = clinicBooking();
    expect(await studio.saveFlow(flow)).toMatchObject({ status: 'saved', document: { version: 1 } });
    expect(await studio.saveFlow(flow)).toMatchObject({ status: 'unchanged', document: { version: 1 } });
    await studio.saveFlow(renamed(flow, 'Agenda'));
    const invalid = await studio.saveFlow({ ...flow, name: '   ' });
    expect(invalid).toMatchObject({ status: 'invalid', errors: [{ path: '$.name' }] });
    expect((await studio.listVersions(flow.id)).map((version) => version.version)).toEqual([2, 1]);

    const restored = await studio.restoreVersion(flow.id, 1);
    expect(restored.version).toBe(3);
    expect(restored.flow).toEqual(flow);
    expect(await studio.listVersions(flow.id)).toEqual([
      expect.objectContaining({ version: 3, origin: 'restore', restoredFrom: 1, name: flow.name }),
      expect.objectContaining({ version: 2, origin: 'save', name: 'Agenda' }),
      expect.objectContaining({ version: 1, origin: 'save' }),
    ]);
    expect((await studio.getVersion(flow.id, 2)).flow.name).toBe('Agenda');
    expect((await studio.getFlow(flow.id)).flow).toEqual(flow);
  });

  it('names missing flows and versions in the designer’s language', async () => {
    await studio.setSettings({ language: 'ar' });
    await expect(studio.getFlow('nope')).rejects.toThrow('لا يوجد مسار باسم «nope»');
    await studio.saveFlow(clinicBooking());
    await expect(studio.restoreVersion('clinic-booking', 7)).rejects.toThrow('ليس له إصدار رقم 7');
  });

  it('deletes a flow and its history', async () => {
    await studio.saveFlow(clinicBooking());
    await studio.deleteFlow('clinic-booking');
    expect(await studio.listFlows()).toEqual([]);
    await expect(studio.deleteFlow('clinic-booking')).rejects.toThrow(/no flow/);
  });
});

describe('autosave and recovery', () => {
  it('keeps unsaved work, shows it in the list, and recovers it as a version', async () => {
    const flow = clinicBooking();
    await studio.saveFlow(flow);
    const edited = renamed(flow, 'Agenda (rascunho)');
    await studio.saveDraft(flow.id, edited);
    expect(await studio.listDrafts()).toEqual([
      expect.objectContaining({ flowId: flow.id, name: 'Agenda (rascunho)', baseVersion: 1 }),
    ]);
    expect((await studio.listFlows())[0]?.hasDraft).toBe(true);
    expect(await studio.getDraft(flow.id)).toEqual(edited);

    const recovered = await studio.recoverDraft(flow.id);
    expect(recovered).toMatchObject({ status: 'saved', document: { version: 2, flow: { name: 'Agenda (rascunho)' } } });
    expect((await studio.listVersions(flow.id))[0]?.origin).toBe('recovery');
    expect(await studio.listDrafts()).toEqual([]);
  });

  it('keeps a draft that is not yet a valid flow, and recovering it reports why without losing it', async () => {
    await studio.saveDraft('half-done', { format: 'amana.flow', version: 1, id: 'half-done', name: 'Meio feito' });
    const outcome = await studio.recoverDraft('half-done');
    expect(outcome.status).toBe('invalid');
    expect(await studio.listDrafts()).toEqual([expect.objectContaining({ flowId: 'half-done', name: 'Meio feito' })]);
    await studio.discardDraft('half-done');
    expect(await studio.listDrafts()).toEqual([]);
  });

  it('refuses a draft that is not a document', async () => {
    await expect(studio.saveDraft('x', 'just text')).rejects.toThrow(/not a flow document/);
  });
});

describe('settings', () => {
  it('changes the language and tells the host, so the desktop menu follows', async () => {
    expect((await studio.setSettings({ language: 'ar' })).language).toBe('ar');
    expect(settingsSeen).toEqual(['ar']);
    expect(await studio.getHostInfo()).toMatchObject({ edition: 'desktop', nativeFileDialogs: true });
  });

  it('hides and shows the overview map, keeping the language', async () => {
    await studio.setSettings({ language: 'pt-BR' });
    expect(await studio.setSettings({ overviewMap: false })).toMatchObject({ language: 'pt-BR', overviewMap: false });
    expect((await studio.getSettings()).overviewMap).toBe(false);
    expect((await studio.setSettings({ overviewMap: true })).overviewMap).toBe(true);
  });
});

describe('dispatching requests from the renderer', () => {
  const errors: unknown[] = [];
  const options = {
    language: () => workspace.settings.get().language,
    logError: (error: unknown) => errors.push(error),
  };

  it('answers a known method with valid arguments', async () => {
    expect(await dispatch(studio, 'listFlows', [], options)).toEqual({ ok: true, value: [] });
  });

  it.each([
    ['toString', []],
    ['__proto__', []],
    ['constructor', []],
    ['runShell', ['rm -rf /']],
  ])('refuses %s, which is not an API method', async (method, args) => {
    expect(await dispatch(studio, method, args, options)).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
  });

  it.each([
    ['getFlow', [42]],
    ['getFlow', ['../../etc/passwd']],
    ['getFlow', ['clinic-booking', 'extra']],
    ['getVersion', ['clinic-booking', 0]],
    ['getVersion', ['clinic-booking', 1.5]],
    ['saveFlow', ['a flow as text']],
    ['importFlow', [{ fileName: 'a.flow.json', text: 'x', path: '/etc/passwd' }]],
    ['setSettings', [{ language: 'fr' }]],
    ['setSettings', [{ overviewMap: 'no' }]],
    ['listFlows', 'not an array'],
  ])('refuses %s with arguments %j', async (method, args) => {
    expect(await dispatch(studio, method, args, options)).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
  });

  it('reports a studio failure with its message, and hides the details of an unexpected one', async () => {
    expect(await dispatch(studio, 'getFlow', ['nope'], options)).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: 'There is no flow “nope” in this workspace.' },
    });
    workspace.close();
    const reply = await dispatch(studio, 'listFlows', [], { ...options, language: () => 'pt-BR' });
    expect(reply).toEqual({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('Algo deu errado') },
    });
    expect(errors).toHaveLength(1);
    workspace = openWorkspace(join(dir, 'workspace.db'));
  });
});
