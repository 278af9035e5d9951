// electron/dialogs.ts: the system's open, save and folder dialogs, in the designer's language.
import type { BrowserWindow, Dialog } from 'electron';
import { describe, expect, it } from 'vitest';
import { nativeFilePicker } from '../../electron/dialogs.ts';

interface Shown {
  kind: 'open' | 'save';
  owner: unknown;
  options: Record<string, unknown>;
}

/** A system dialog that records how it was shown and answers as the designer would. */
function systemDialogs(answer: { paths?: string[]; path?: string }) {
  const shown: Shown[] = [];
  const dialog = {
    showOpenDialog: async (...args: unknown[]) => {
      const [owner, options] = args.length === 2 ? args : [undefined, args[0]];
      shown.push({ kind: 'open', owner, options: options as Record<string, unknown> });
      return { canceled: !answer.paths, filePaths: answer.paths ?? [] };
    },
    showSaveDialog: async (...args: unknown[]) => {
      const [owner, options] = args.length === 2 ? args : [undefined, args[0]];
      shown.push({ kind: 'save', owner, options: options as Record<string, unknown> });
      return { canceled: !answer.path, filePath: answer.path ?? '' };
    },
  } as unknown as Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  return { dialog, shown };
}

const studioWindow = { id: 1 } as unknown as BrowserWindow;

describe('the native file dialogs', () => {
  it('choose a folder, titled in the designer’s language and attached to the studio window', async () => {
    const { dialog, shown } = systemDialogs({ paths: ['/srv/bots/clinica'] });
    expect(await nativeFilePicker(dialog, () => studioWindow).chooseFolder('pt-BR')).toBe('/srv/bots/clinica');
    expect(shown).toEqual([
      {
        kind: 'open',
        owner: studioWindow,
        options: { title: 'Escolher uma pasta', properties: ['openDirectory', 'createDirectory'] },
      },
    ]);
  });

  it('open flow files only, and report a cancel as null', async () => {
    const { dialog, shown } = systemDialogs({});
    expect(await nativeFilePicker(dialog, () => studioWindow).chooseFlowToOpen('ar')).toBeNull();
    expect(shown[0]?.options).toMatchObject({
      title: 'استيراد ملف مسار',
      filters: [{ name: 'مسارات أمانة', extensions: ['json'] }],
      properties: ['openFile'],
    });
  });

  it('suggest the flow’s file name when saving, confirm overwriting, and keep the flow extension', async () => {
    const { dialog, shown } = systemDialogs({ path: '/home/ana/agenda' });
    const picker = nativeFilePicker(dialog, () => null);
    expect(await picker.chooseFlowDestination('clinic-booking.flow.json', 'en')).toBe('/home/ana/agenda.flow.json');
    expect(shown[0]).toMatchObject({
      kind: 'save',
      owner: undefined,
      options: {
        defaultPath: 'clinic-booking.flow.json',
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      },
    });
    const named = systemDialogs({ path: '/home/ana/agenda.json' });
    expect(await nativeFilePicker(named.dialog, () => null).chooseFlowDestination('x.flow.json', 'en')).toBe(
      '/home/ana/agenda.json',
    );
  });
});
