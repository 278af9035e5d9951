import type { BrowserWindow, Dialog } from 'electron';
import type { UiLanguage } from '../flows/i18n/index.ts';
import type { FilePicker } from '../services/files/file-picker.ts';
import { shellText } from './shell-text.ts';

/** The system's open, save and folder dialogs, attached to the studio window when there is one. */
export function nativeFilePicker(
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>,
  window: () => BrowserWindow | null,
): FilePicker {
  const flowFilter = (language: UiLanguage) => [
    { name: shellText(language, 'dialog-filter-flows'), extensions: ['json'] },
  ];
  const attached = () => window() ?? undefined;
  return {
    async chooseFlowToOpen(language) {
      const options = {
        title: shellText(language, 'dialog-open-title'),
        filters: flowFilter(language),
        properties: ['openFile' as const],
      };
      const owner = attached();
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseFlowDestination(suggestedName, language) {
      const options = {
        title: shellText(language, 'dialog-save-title'),
        defaultPath: suggestedName,
        filters: flowFilter(language),
        properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
      };
      const owner = attached();
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      // Some Linux dialogs return the name as typed: keep the file recognisable as a flow.
      return /\.json$/i.test(result.filePath) ? result.filePath : `${result.filePath}.flow.json`;
    },
    async chooseFolder(language) {
      const options = {
        title: shellText(language, 'dialog-folder-title'),
        properties: ['openDirectory' as const, 'createDirectory' as const],
      };
      const owner = attached();
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
