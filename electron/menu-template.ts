import type { MenuItemConstructorOptions } from 'electron';
import { uiLanguages, type UiLanguage } from '../flows/i18n/index.ts';
import type { MenuActionId, MenuCommand, RecentFile } from '../shared/api.ts';
import { shellText } from './shell-text.ts';

export interface MenuActions {
  /** Sends a command to the studio's page, which carries it out as its own buttons do. */
  send(command: MenuCommand): void;
  about(): void;
  showWorkspace(): void;
}

export interface MenuState {
  language: UiLanguage;
  recentFiles: RecentFile[];
  platform: NodeJS.Platform;
  /** Reload and developer tools are for people working on Amana, not in the packaged app. */
  developer: boolean;
}

const endonyms: Record<UiLanguage, string> = { en: 'English', 'pt-BR': 'Português (Brasil)', ar: 'العربية' };

/**
 * The application menu: File, Edit, View, Help (and the app menu on macOS), in the interface
 * language, with the usual shortcuts. Rebuilt whenever the language or the recent files change.
 */
export function menuTemplate(state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  const say = (key: Parameters<typeof shellText>[1]) => shellText(state.language, key);
  const mac = state.platform === 'darwin';
  const action = (id: MenuActionId) => actions.send({ name: 'action', id });

  const recent: MenuItemConstructorOptions[] =
    state.recentFiles.length === 0
      ? [{ label: say('menu-no-recent'), enabled: false }]
      : state.recentFiles.map((file) => ({
          label: file.name,
          toolTip: file.path,
          click: () => actions.send({ name: 'open-recent', path: file.path }),
        }));

  const file: MenuItemConstructorOptions = {
    label: say('menu-file'),
    submenu: [
      { label: say('menu-new-flow'), accelerator: 'CmdOrCtrl+N', click: () => action('new-flow') },
      { label: say('menu-import'), accelerator: 'CmdOrCtrl+O', click: () => actions.send({ name: 'import-flow' }) },
      { label: say('menu-open-recent'), submenu: recent },
      { label: say('menu-save'), accelerator: 'CmdOrCtrl+S', click: () => action('save') },
      { type: 'separator' },
      { label: say('menu-export-bot'), accelerator: 'CmdOrCtrl+E', click: () => action('export-bundle') },
      {
        label: say('menu-export'),
        accelerator: 'CmdOrCtrl+Shift+E',
        click: () => actions.send({ name: 'export-flow' }),
      },
      ...(mac ? [] : [{ type: 'separator' as const }, { label: say('menu-quit'), role: 'quit' as const }]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: say('menu-edit'),
    submenu: [
      // The page's undo and redo: the flow's history, or the text field's own while typing in one.
      { label: say('menu-undo'), accelerator: 'CmdOrCtrl+Z', click: () => action('undo') },
      { label: say('menu-redo'), accelerator: 'Shift+CmdOrCtrl+Z', click: () => action('redo') },
      { type: 'separator' },
      { label: say('menu-cut'), role: 'cut' },
      { label: say('menu-copy'), role: 'copy' },
      { label: say('menu-paste'), role: 'paste' },
      { label: say('menu-select-all'), role: 'selectAll' },
      { type: 'separator' },
      { label: say('menu-find'), accelerator: 'CmdOrCtrl+F', click: () => action('find') },
      { label: say('menu-auto-layout'), click: () => action('auto-layout') },
      { label: say('menu-command-palette'), accelerator: 'CmdOrCtrl+K', click: () => action('command-palette') },
      { label: say('menu-shortcuts'), click: () => action('cheat-sheet') },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: say('menu-view'),
    submenu: [
      {
        label: say('menu-history'),
        accelerator: 'CmdOrCtrl+Shift+H',
        click: () => actions.send({ name: 'show-history' }),
      },
      {
        label: say('menu-language'),
        submenu: uiLanguages.map((language) => ({
          label: endonyms[language],
          type: 'radio' as const,
          checked: language === state.language,
          click: () => actions.send({ name: 'set-language', language }),
        })),
      },
      { type: 'separator' },
      { label: say('menu-zoom-in'), role: 'zoomIn' },
      { label: say('menu-zoom-out'), role: 'zoomOut' },
      { label: say('menu-actual-size'), role: 'resetZoom' },
      { type: 'separator' },
      { label: say('menu-full-screen'), role: 'togglefullscreen' },
      ...(state.developer
        ? [
            { type: 'separator' as const },
            { label: say('menu-reload'), role: 'reload' as const },
            { label: say('menu-developer-tools'), role: 'toggleDevTools' as const },
          ]
        : []),
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: say('menu-help'),
    role: 'help',
    submenu: [
      { label: say('menu-show-workspace'), click: () => actions.showWorkspace() },
      ...(mac ? [] : [{ type: 'separator' as const }, { label: say('menu-about'), click: () => actions.about() }]),
    ],
  };

  const appMenu: MenuItemConstructorOptions = {
    role: 'appMenu',
    submenu: [
      { label: say('menu-about'), click: () => actions.about() },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { label: say('menu-quit'), role: 'quit' },
    ],
  };

  return [...(mac ? [appMenu] : []), file, edit, view, help];
}
