// The desktop app's main process: a composition of small modules, each tested against a fake
// `electron` (test/shell/). Order matters: the app:// scheme and the sandbox are declared before
// the app is ready; every web contents is guarded the moment it exists.
import { join } from 'node:path';
import { app, dialog, ipcMain, Menu, protocol, session, shell, type BrowserWindow } from 'electron';
import { closestUiLanguage } from '../flows/i18n/index.ts';
import type { MenuCommand } from '../shared/api.ts';
import { menuCommandChannel } from '../shared/api-methods.ts';
import { runtimeSourceAt } from '../services/bundle/runtime-source.ts';
import { createStudio } from '../services/studio/create-studio.ts';
import { defaultWorkspaceFile } from '../services/workspace/default-location.ts';
import { openWorkspace } from '../services/workspace/open-workspace.ts';
import { workspaceOpeningProblem } from '../services/workspace/opening-problem.ts';
import { appSchemePrivileges, serveStudio } from './app-scheme.ts';
import { nativeFilePicker } from './dialogs.ts';
import { guardContents } from './guard-contents.ts';
import { registerApiHandlers } from './ipc-handlers.ts';
import { menuTemplate } from './menu-template.ts';
import { denyAllPermissions } from './permissions.ts';
import { shellText } from './shell-text.ts';
import { openStudioWindow } from './studio-window.ts';

protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
app.enableSandbox();
app.on('web-contents-created', (_event, contents) => guardContents(contents));

if (app.requestSingleInstanceLock()) {
  void app.whenReady().then(startStudio);
} else {
  // One studio per workspace: a second launch hands over to the first window.
  app.quit();
}

function startStudio(): void {
  const developer = !app.isPackaged;
  const appPath = app.getAppPath();
  const systemLanguage = closestUiLanguage(app.getLocale());
  const workspaceFile = defaultWorkspaceFile();
  let workspace: ReturnType<typeof openWorkspace>;
  try {
    // In development the addon built for Electron's ABI sits beside node_modules' (scripts/start-desktop.mjs).
    const nativeBinding = developer ? process.env['AMANA_SQLITE_BINDING'] : undefined;
    workspace = openWorkspace(workspaceFile, { defaultLanguage: systemLanguage, nativeBinding });
  } catch (error) {
    dialog.showErrorBox(
      shellText(systemLanguage, 'startup-failed'),
      workspaceOpeningProblem(error, workspaceFile, systemLanguage),
    );
    app.quit();
    return;
  }

  let window: BrowserWindow | null = null;
  const language = () => workspace.settings.get().language;
  const logError = (error: unknown) => console.error(error);
  const send = (command: MenuCommand) => window?.webContents.send(menuCommandChannel, command);
  const refreshMenu = () => {
    const { language: current, recentFiles } = workspace.settings.get();
    const state = { language: current, recentFiles, platform: process.platform, developer };
    const actions = {
      send,
      about: () => {
        const detail = shellText(current, 'about-detail', { version: app.getVersion() });
        void dialog.showMessageBox({ type: 'info', title: 'Amana', message: 'Amana — أمانة', detail });
      },
      showWorkspace: () => shell.showItemInFolder(workspaceFile),
    };
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(state, actions)));
  };

  denyAllPermissions(session.defaultSession);
  serveStudio(session.defaultSession.protocol, join(appPath, 'out', 'renderer'));
  const api = createStudio({
    workspace,
    host: { edition: 'desktop', appVersion: app.getVersion(), nativeFileDialogs: true, workspaceFile },
    picker: nativeFilePicker(dialog, () => window),
    // The prebuilt bot program, out/runtime/server.js (`npm run build:runtime`).
    runtime: runtimeSourceAt(appPath),
    onSettingsChanged: refreshMenu,
  });
  registerApiHandlers(ipcMain, api, { language, logError });
  refreshMenu();

  const open = () => {
    window = openStudioWindow(join(appPath, 'out', 'electron', 'preload.cjs'), developer);
    window.on('closed', () => (window = null));
  };
  open();
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on('activate', () => window ?? open());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => workspace.close());
}
