// electron/main.ts against a fake `electron` module: the security settings it gives Electron,
// and what it does when a page misbehaves. The workspace behind it is real (SQLite in a temp dir).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiMethods, channelOf, menuCommandChannel } from '../../shared/api-methods.ts';
import { studioContentSecurityPolicy } from '../../shared/content-security-policy.ts';
import { clinicBookingFile } from '../fixtures/flows.ts';
import { createFakeElectron, type FakeElectron, type FakeFrame } from './fake-electron.ts';

let fake: FakeElectron;
let dir: string;
vi.mock('electron', async () => (await import('./fake-electron.ts')).electronModuleOf(() => fake));

const studioFrame: FakeFrame = { url: 'app://amana/index.html', parent: null };

async function launch(options: { packaged?: boolean; singleInstance?: boolean } = {}): Promise<void> {
  fake = createFakeElectron({ appPath: dir, ...options });
  vi.resetModules();
  await import('../../electron/main.ts');
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'amana-shell-'));
  mkdirSync(join(dir, 'out', 'renderer', 'assets'), { recursive: true });
  writeFileSync(join(dir, 'out', 'renderer', 'index.html'), '<!doctype html><title>Amana</title>');
  writeFileSync(join(dir, 'out', 'renderer', 'assets', 'index.js'), 'export {};');
  writeFileSync(join(dir, 'secret.txt'), 'not for the page');
  vi.stubEnv('AMANA_WORKSPACE', join(dir, 'workspace.db'));
});

afterEach(() => {
  fake?.emitApp('will-quit');
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe('before the app is ready', () => {
  it('declares app:// as a standard, secure scheme, sandboxes every renderer and guards every page', async () => {
    await launch();
    expect(fake.calls.find((call) => call.name === 'protocol.registerSchemesAsPrivileged')?.args).toEqual([
      [
        {
          scheme: 'app',
          privileges: expect.objectContaining({ standard: true, secure: true }),
        },
      ],
    ]);
    expect(fake.calls.some((call) => call.name === 'app.enableSandbox')).toBe(true);
    expect(fake.windows).toEqual([]);
  });

  it('hands over to the running studio when another one has the single-instance lock', async () => {
    await launch({ singleInstance: false });
    await fake.ready();
    expect(fake.calls.some((call) => call.name === 'app.quit')).toBe(true);
    expect(fake.windows).toEqual([]);
  });
});

describe('the studio window', () => {
  beforeEach(async () => {
    await launch();
    await fake.ready();
  });

  it('is sandboxed and isolated, without Node.js, with web security on and only the preload bridge', () => {
    expect(fake.windows).toHaveLength(1);
    const preferences = fake.windows[0]?.options.webPreferences;
    expect(preferences).toEqual(
      expect.objectContaining({
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        preload: join(dir, 'out', 'electron', 'preload.cjs'),
      }),
    );
    expect(preferences).not.toHaveProperty('enableBlinkFeatures');
    expect(preferences?.['disableBlinkFeatures']).toBe('Auxclick');
  });

  it('loads the studio from app://amana/, not from file://', () => {
    expect(fake.windows[0]?.loadedUrl).toBe('app://amana/index.html');
  });

  it('keeps developer tools out of the packaged app', async () => {
    expect(fake.windows[0]?.options.webPreferences?.['devTools']).toBe(true);
    fake.emitApp('will-quit');
    await launch({ packaged: true });
    await fake.ready();
    expect(fake.windows[0]?.options.webPreferences?.['devTools']).toBe(false);
  });
});

describe('the app:// protocol', () => {
  beforeEach(async () => {
    await launch();
    await fake.ready();
  });

  const fetchApp = async (url: string, method = 'GET') => {
    const handler = fake.protocolHandler();
    if (!handler) throw new Error('app:// is not handled');
    return handler(new Request(url, { method }));
  };

  it('serves the built interface with the strict Content-Security-Policy header on every response', async () => {
    const page = await fetchApp('app://amana/index.html');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Amana</title>');
    const policy = page.headers.get('content-security-policy');
    expect(policy).toBe(studioContentSecurityPolicy('desktop'));
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'none'");
    // The live privacy check runs in a worker loaded from the studio's own files (DESIGN.md §6).
    expect(policy).toContain("worker-src 'self'");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const script = await fetchApp('app://amana/assets/index.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBe(policy);
    expect((await fetchApp('app://amana/missing.js')).headers.get('content-security-policy')).toBe(policy);
  });

  it.each([
    ['app://amana/../secret.txt', 'GET'],
    ['app://amana/%2e%2e/secret.txt', 'GET'],
    ['app://amana/..%2fsecret.txt', 'GET'],
    ['app://elsewhere/index.html', 'GET'],
    ['app://amana/index.html', 'POST'],
  ])('serves nothing for %s (%s)', async (url, method) => {
    const response = await fetchApp(url, method);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('not for the page');
  });
});

describe('every page', () => {
  beforeEach(async () => {
    await launch();
    await fake.ready();
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview'])(
    'is refused %s',
    (event) => {
      const contents = fake.windows[0]?.webContents;
      expect(contents?.attempt(event, 'https://evil.example/')).toBe(true);
    },
  );

  it('cannot open windows', () => {
    const contents = fake.windows[0]?.webContents;
    expect(contents?.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents?.windowOpenHandler?.({ url: 'app://amana/index.html' })).toEqual({ action: 'deny' });
  });

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'midiSysex', 'openExternal', 'fullscreen'])(
    'is refused the %s permission, asked or checked',
    (permission) => {
      const { request, check, device } = fake.permissionHandlers();
      const answers: unknown[] = [];
      request?.({}, permission, (granted: unknown) => answers.push(granted), {});
      expect(answers).toEqual([false]);
      expect(check?.({}, permission, 'app://amana', {})).toBe(false);
      expect(device?.({ deviceType: 'usb', origin: 'app://amana' })).toBe(false);
    },
  );
});

describe('IPC', () => {
  beforeEach(async () => {
    await launch();
    await fake.ready();
  });

  it('has one channel per API method, amana:<method>, and no other', () => {
    expect(fake.ipcChannels().sort()).toEqual(apiMethods.map(channelOf).sort());
  });

  it('answers the studio’s own page from the real workspace', async () => {
    const text = readFileSync(clinicBookingFile, 'utf8');
    const imported = await fake.invoke(channelOf('importFlow'), studioFrame, { fileName: 'c.flow.json', text });
    expect(imported).toMatchObject({ ok: true, value: { status: 'imported', created: true } });
    expect(await fake.invoke(channelOf('listFlows'), studioFrame)).toMatchObject({
      ok: true,
      value: [{ id: 'clinic-booking', version: 1 }],
    });
  });

  it.each<[string, FakeFrame | null]>([
    ['another origin', { url: 'https://evil.example/', parent: null }],
    ['a file:// page', { url: 'file:///home/designer/index.html', parent: null }],
    ['an app:// page on another host', { url: 'app://other/index.html', parent: null }],
    ['an iframe inside the studio', { url: 'app://amana/index.html', parent: studioFrame }],
    ['a frame that no longer exists', null],
    ['a frame with no URL', { url: '', parent: null }],
  ])('refuses a request from %s, and runs nothing', async (_label, frame) => {
    const text = readFileSync(clinicBookingFile, 'utf8');
    const reply = await fake.invoke(channelOf('importFlow'), frame, { fileName: 'c.flow.json', text });
    expect(reply).toEqual({
      ok: false,
      error: { code: 'refused', message: expect.stringContaining('não veio da própria página') },
    });
    expect(await fake.invoke(channelOf('listFlows'), studioFrame)).toEqual({ ok: true, value: [] });
  });

  it('checks the arguments of the studio’s own page too', async () => {
    expect(await fake.invoke(channelOf('getFlow'), studioFrame, { id: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
  });
});

describe('dialogs and the menu', () => {
  beforeEach(async () => {
    await launch();
    await fake.ready();
  });

  type Item = { label?: string; role?: string; accelerator?: string; submenu?: Item[]; click?: () => void };
  const menu = () => fake.menu() as Item[];
  const find = (items: Item[] | undefined, label: string): Item | undefined =>
    items?.find((item) => item.label === label);

  it('has File, Edit, View and Help in the system’s language, with the usual shortcuts', () => {
    expect(menu().map((item) => item.label)).toEqual(['&Arquivo', '&Editar', 'E&xibir', 'Aj&uda']);
    const file = find(menu(), '&Arquivo')?.submenu;
    expect(find(file, 'Importar fluxo…')?.accelerator).toBe('CmdOrCtrl+O');
    expect(find(file, 'Exportar arquivo do fluxo…')?.accelerator).toBe('CmdOrCtrl+Shift+E');
    const edit = find(menu(), '&Editar')?.submenu;
    // Undo and redo go to the page (the flow's history, or the text field's own while typing).
    expect(edit?.map((item) => item.role).filter(Boolean)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
    expect(find(edit, 'Desfazer')?.accelerator).toBe('CmdOrCtrl+Z');
    expect(find(edit, 'Refazer')?.accelerator).toBe('Shift+CmdOrCtrl+Z');
  });

  it('sends menu commands to the studio page, and follows a language change', async () => {
    find(find(menu(), '&Arquivo')?.submenu, 'Importar fluxo…')?.click?.();
    expect(fake.windows[0]?.webContents.sent).toEqual([
      { channel: menuCommandChannel, payload: { name: 'import-flow' } },
    ]);
    await fake.invoke(channelOf('setSettings'), studioFrame, { language: 'ar' });
    expect(menu().map((item) => item.label)).toEqual(['&ملف', '&تحرير', '&عرض', '&مساعدة']);
  });

  it('imports through the system’s open dialog, attached to the window, and lists the file as recent', async () => {
    fake.dialogAnswers.open = [clinicBookingFile];
    expect(await fake.invoke(channelOf('openFlowFile'), studioFrame)).toMatchObject({
      ok: true,
      value: { status: 'imported', fileName: 'clinic-booking.flow.json' },
    });
    expect(fake.dialogCalls[0]).toMatchObject({
      kind: 'open',
      owner: fake.windows[0],
      options: { title: 'Importar um arquivo de fluxo', properties: ['openFile'] },
    });
    const recent = find(find(menu(), '&Arquivo')?.submenu, 'Abrir recente')?.submenu;
    expect(recent?.map((item) => item.label)).toEqual(['clinic-booking.flow.json']);
  });

  it('exports through the system’s save dialog, naming the file as a flow', async () => {
    fake.dialogAnswers.open = [clinicBookingFile];
    await fake.invoke(channelOf('openFlowFile'), studioFrame);
    fake.dialogAnswers.save = join(dir, 'agenda');
    expect(await fake.invoke(channelOf('exportFlowFile'), studioFrame, 'clinic-booking')).toEqual({
      ok: true,
      value: { status: 'written', path: join(dir, 'agenda.flow.json'), testsBeside: null },
    });
    expect(readFileSync(join(dir, 'agenda.flow.json'), 'utf8')).toContain('"id": "clinic-booking"');
  });

  it('opens a flow file with the tests beside it, and writes them beside the flow file it saves', async () => {
    const examples = new URL('../../flows/examples/', import.meta.url);
    const tests = readFileSync(new URL('lead-capture.transcript.json', examples), 'utf8');
    mkdirSync(join(dir, 'from'));
    writeFileSync(join(dir, 'from', 'leads.flow.json'), readFileSync(new URL('lead-capture.flow.json', examples)));
    writeFileSync(join(dir, 'from', 'leads.transcript.json'), tests);
    fake.dialogAnswers.open = [join(dir, 'from', 'leads.flow.json')];
    expect(await fake.invoke(channelOf('openFlowFile'), studioFrame)).toMatchObject({
      ok: true,
      value: { status: 'imported', testsBeside: { status: 'imported', fileName: 'leads.transcript.json' } },
    });
    fake.dialogAnswers.save = join(dir, 'copia');
    expect(await fake.invoke(channelOf('exportFlowFile'), studioFrame, 'lead-capture')).toMatchObject({
      ok: true,
      value: {
        status: 'written',
        path: join(dir, 'copia.flow.json'),
        testsBeside: { status: 'written', path: join(dir, 'copia.transcript.json') },
      },
    });
    expect(JSON.parse(readFileSync(join(dir, 'copia.transcript.json'), 'utf8')).tests).toEqual(JSON.parse(tests).tests);
  });
});

describe('a workspace that cannot be opened', () => {
  it('is explained in the system’s language, and the app quits without a window', async () => {
    writeFileSync(join(dir, 'workspace.db'), 'this is not a database, just text long enough to be read as one');
    await launch();
    await fake.ready();
    expect(fake.errorBoxes).toEqual([
      {
        title: 'O Amana não pôde iniciar',
        content: expect.stringContaining('Não foi possível abrir o espaço de trabalho'),
      },
    ]);
    expect(fake.windows).toEqual([]);
    expect(fake.calls.some((call) => call.name === 'app.quit')).toBe(true);
  });
});
