// The application menu for each platform and language (electron/menu-template.ts is pure).
import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { uiLanguages } from '../../flows/i18n/index.ts';
import { menuActionIds, type MenuCommand } from '../../shared/api.ts';
import { menuTemplate } from '../../electron/menu-template.ts';

const sent: MenuCommand[] = [];
const actions = {
  send: (command: MenuCommand) => sent.push(command),
  about: () => undefined,
  showWorkspace: () => undefined,
};
const base = { language: 'en' as const, recentFiles: [], platform: 'linux' as const, developer: false };
const labels = (items: MenuItemConstructorOptions[]) => items.map((item) => item.label ?? item.role);
const submenu = (item: MenuItemConstructorOptions | undefined) => (Array.isArray(item?.submenu) ? item.submenu : []);

describe('the application menu', () => {
  it.each(uiLanguages)('has File, Edit, View and Help with a label for every item in %s', (language) => {
    const template = menuTemplate({ ...base, language }, actions);
    expect(template).toHaveLength(4);
    for (const top of template) {
      expect(top.label).toBeTruthy();
      for (const item of submenu(top)) if (item.type !== 'separator') expect(item.label).toBeTruthy();
    }
  });

  it('starts with the application menu on macOS, where Quit and About live', () => {
    const template = menuTemplate({ ...base, platform: 'darwin' }, actions);
    expect(labels(template)).toEqual(['appMenu', '&File', '&Edit', '&View', '&Help']);
    expect(labels(submenu(template[1]))).not.toContain('Quit Amana');
  });

  it('offers the recent files, each reopening its own path', () => {
    sent.length = 0;
    const recentFiles = [{ path: '/flows/a.flow.json', name: 'a.flow.json', openedAt: '2026-01-01T00:00:00.000Z' }];
    const file = submenu(menuTemplate({ ...base, recentFiles }, actions)[0]);
    const recent = submenu(file.find((item) => item.label === 'Open Recent'));
    recent[0]?.click?.(undefined as never, undefined, undefined as never);
    expect(sent).toEqual([{ name: 'open-recent', path: '/flows/a.flow.json' }]);
  });

  it('switches the interface language from View, with the current one checked', () => {
    sent.length = 0;
    const view = submenu(menuTemplate({ ...base, language: 'pt-BR' }, actions)[2]);
    const languages = submenu(view.find((item) => item.label === 'Idioma da interface'));
    expect(languages.map((item) => [item.label, item.checked])).toEqual([
      ['English', false],
      ['Português (Brasil)', true],
      ['العربية', false],
    ]);
    languages[2]?.click?.(undefined as never, undefined, undefined as never);
    expect(sent).toEqual([{ name: 'set-language', language: 'ar' }]);
  });

  it('keeps reload and developer tools for development builds', () => {
    const roles = (developer: boolean) =>
      submenu(menuTemplate({ ...base, developer }, actions)[2]).map((item) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('offers the editor’s commands, each sent to the page’s action registry', () => {
    const sent: unknown[] = [];
    const template = menuTemplate(
      { language: 'en', recentFiles: [], platform: 'linux', developer: false },
      { send: (command) => sent.push(command), about: () => undefined, showWorkspace: () => undefined },
    );
    const items = template.flatMap((top) => (Array.isArray(top.submenu) ? top.submenu : []));
    const labels = [
      'New Flow…',
      'Save',
      'Undo',
      'Redo',
      'Find…',
      'Auto-layout',
      'Command Palette…',
      'Keyboard Shortcuts',
      'Export…',
    ];
    for (const label of labels) {
      const item = items.find((candidate) => candidate.label === label);
      // Electron passes the item, window and event; these handlers need none of them.
      (item?.click as (() => void) | undefined)?.();
    }
    // Every editor action the menu may send is reached from one of those items.
    expect(sent).toEqual(menuActionIds.map((id) => ({ name: 'action', id })));
  });
});
