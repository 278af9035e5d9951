import type { MenuCommand } from '../../shared/api.ts';
import { exportOpenFlow } from './export-flow.ts';
import { importFromSystemDialog, importRecentFile } from './import-flow.ts';
import { attempt } from './report-failure.ts';
import { switchLanguage } from './switch-language.ts';

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
    case 'show-history':
      document.getElementById('history')?.focus();
      return Promise.resolve();
  }
}
