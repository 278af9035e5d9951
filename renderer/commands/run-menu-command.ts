import type { MenuCommand } from '../../shared/api.ts';
import { exportOpenFlow } from './export-flow.ts';
import { importFromSystemDialog, importRecentFile } from './import-flow.ts';
import { attempt } from './report-failure.ts';
import { switchLanguage } from './switch-language.ts';
import { performAction } from '../actions/registry.ts';
import { isTyping } from '../actions/shortcuts.ts';

/** Carries out a command from the desktop menu with the same commands the page's buttons use. */
export function runMenuCommand(command: MenuCommand): Promise<void> {
  switch (command.name) {
    case 'import-flow':
      return attempt(importFromSystemDialog);
    case 'export-flow':
      return attempt(exportOpenFlow);
    case 'open-recent':
      return attempt(() => importRecentFile(command.path));
    case 'set-language':
      return attempt(() => switchLanguage(command.language));
    case 'action':
      // In a text field the menu's Undo and Redo are the field's own, as everywhere else.
      if ((command.id === 'undo' || command.id === 'redo') && isTyping(document.activeElement)) {
        document.execCommand(command.id);
      } else performAction(command.id);
      return Promise.resolve();
    case 'show-history':
      document.getElementById('history')?.focus();
      return Promise.resolve();
  }
}
