// A stand-in for the `electron` module, for testing the desktop shell where Electron's binary
// cannot run. It records what the shell asks of Electron (windows, handlers, menus, dialogs) and
// lets a test play Electron's part: fire app events, call IPC handlers as a given frame, answer
// dialogs. Only the members the shell uses exist, so an unexpected call fails loudly.
import { EventEmitter } from 'node:events';

type Listener = (...args: unknown[]) => unknown;

/** A page's web contents: records its guards so a test can try to navigate or open windows. */
export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => unknown) | undefined;
  readonly sent: { channel: string; payload: unknown }[] = [];
  setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  /** Emits an event the way Electron does, returning whether a listener called preventDefault(). */
  attempt(event: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
}

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

export function createFakeElectron(options: { appPath: string; packaged?: boolean; singleInstance?: boolean }) {
  const calls: { name: string; args: unknown[] }[] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) =>
      void calls.push({ name, args });
  const appEvents = new EventEmitter();
  let becomeReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (becomeReady = resolve));
  const ipcHandlers = new Map<string, Listener>();
  const windows: FakeBrowserWindow[] = [];
  let applicationMenu: unknown;
  let protocolHandler: ((request: Request) => Promise<Response>) | undefined;
  let permissionRequestHandler: Listener | undefined;
  let permissionCheckHandler: Listener | undefined;
  let devicePermissionHandler: Listener | undefined;
  const dialogAnswers: { open: string[] | null; save: string | null } = { open: null, save: null };
  const dialogCalls: { kind: string; owner: unknown; options: unknown }[] = [];
  const errorBoxes: { title: string; content: string }[] = [];
  const exposed: { key: string; api: unknown }[] = [];
  const rendererListeners = new Map<string, Set<Listener>>();
  const invocations: { channel: string; args: unknown[] }[] = [];
  let invokeReply: unknown = { ok: true, value: null };

  class FakeBrowserWindow extends EventEmitter {
    readonly webContents = new FakeWebContents();
    loadedUrl: string | undefined;
    shown = false;
    constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
      super();
      windows.push(this);
      appEvents.emit('web-contents-created', {}, this.webContents);
    }
    async loadURL(url: string) {
      this.loadedUrl = url;
    }
    show() {
      this.shown = true;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
  }

  const dialogAnswer = async (kind: string, ownerOrOptions: unknown, maybeOptions?: unknown) => {
    const options = maybeOptions ?? ownerOrOptions;
    dialogCalls.push({ kind, owner: maybeOptions === undefined ? undefined : ownerOrOptions, options });
    if (kind === 'save') return { canceled: dialogAnswers.save === null, filePath: dialogAnswers.save ?? undefined };
    return { canceled: dialogAnswers.open === null, filePaths: dialogAnswers.open ?? [] };
  };

  const module = {
    app: {
      isPackaged: options.packaged ?? false,
      enableSandbox: record('app.enableSandbox'),
      on: (event: string, listener: Listener) => appEvents.on(event, listener),
      requestSingleInstanceLock: () => options.singleInstance ?? true,
      whenReady: () => ready,
      quit: record('app.quit'),
      getAppPath: () => options.appPath,
      getLocale: () => 'pt-BR',
      getVersion: () => '0.1.0-test',
    },
    protocol: { registerSchemesAsPrivileged: record('protocol.registerSchemesAsPrivileged') },
    session: {
      defaultSession: {
        protocol: {
          handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
            calls.push({ name: 'protocol.handle', args: [scheme] });
            protocolHandler = handler;
          },
        },
        setPermissionRequestHandler: (handler: Listener) => (permissionRequestHandler = handler),
        setPermissionCheckHandler: (handler: Listener) => (permissionCheckHandler = handler),
        setDevicePermissionHandler: (handler: Listener) => (devicePermissionHandler = handler),
      },
    },
    ipcMain: { handle: (channel: string, handler: Listener) => ipcHandlers.set(channel, handler) },
    BrowserWindow: FakeBrowserWindow,
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: (menu: unknown) => (applicationMenu = menu),
    },
    dialog: {
      showOpenDialog: (owner: unknown, opts?: unknown) => dialogAnswer('open', owner, opts),
      showSaveDialog: (owner: unknown, opts?: unknown) => dialogAnswer('save', owner, opts),
      showErrorBox: (title: string, content: string) => errorBoxes.push({ title, content }),
      showMessageBox: async (opts: unknown) => {
        dialogCalls.push({ kind: 'message', owner: undefined, options: opts });
        return { response: 0 };
      },
    },
    shell: { showItemInFolder: record('shell.showItemInFolder') },
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push({ key, api }) },
    ipcRenderer: {
      invoke: async (channel: string, ...args: unknown[]) => {
        invocations.push({ channel, args });
        return invokeReply;
      },
      on: (channel: string, listener: Listener) => {
        const set = rendererListeners.get(channel) ?? new Set();
        set.add(listener);
        rendererListeners.set(channel, set);
      },
      removeListener: (channel: string, listener: Listener) => rendererListeners.get(channel)?.delete(listener),
    },
  };

  return {
    module,
    calls,
    windows,
    dialogAnswers,
    dialogCalls,
    errorBoxes,
    exposed,
    invocations,
    /** Fires Electron's ready event and lets the shell's start-up run. */
    async ready() {
      becomeReady();
      await ready;
      await new Promise((resolve) => setImmediate(resolve));
    },
    emitApp: (event: string, ...args: unknown[]) => appEvents.emit(event, ...args),
    /** Calls an IPC handler as a frame would, with Electron's event shape. */
    invoke(channel: string, frame: FakeFrame | null, ...args: unknown[]): Promise<unknown> {
      const handler = ipcHandlers.get(channel);
      if (!handler) throw new Error(`No IPC handler on ${channel}`);
      return Promise.resolve(handler({ senderFrame: frame, sender: windows[0]?.webContents }, ...args));
    },
    ipcChannels: () => [...ipcHandlers.keys()],
    menu: () => (applicationMenu as { template: unknown } | undefined)?.template,
    protocolHandler: () => protocolHandler,
    permissionHandlers: () => ({
      request: permissionRequestHandler,
      check: permissionCheckHandler,
      device: devicePermissionHandler,
    }),
    /** Answers the preload's next ipcRenderer.invoke calls with this reply. */
    replyWith(reply: unknown) {
      invokeReply = reply;
    },
    /** Sends a message to the preload's listeners, as main's webContents.send would. */
    sendToRenderer(channel: string, payload: unknown) {
      for (const listener of rendererListeners.get(channel) ?? []) listener({ sender: 'ipc event' }, payload);
    },
    rendererListenerCount: (channel: string) => rendererListeners.get(channel)?.size ?? 0,
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

/**
 * The object to return from `vi.mock('electron', …)`. Vitest keeps a mocked module for the whole
 * file, so its members read the current fake each time: every test can launch a fresh shell.
 */
export function electronModuleOf(current: () => FakeElectron): FakeElectron['module'] {
  const members = Object.keys(createFakeElectron({ appPath: '' }).module);
  return Object.defineProperties(
    {},
    Object.fromEntries(
      members.map((name) => [
        name,
        { enumerable: true, get: () => current().module[name as keyof FakeElectron['module']] },
      ]),
    ),
  ) as FakeElectron['module'];
}
