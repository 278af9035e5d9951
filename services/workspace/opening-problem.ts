import type { UiLanguage } from '../../flows/i18n/index.ts';
import { studioText } from '../messages.ts';
import { NewerWorkspaceError } from './migrations.ts';

/** Why the workspace did not open, in the designer's language, for the startup error box. */
export function workspaceOpeningProblem(error: unknown, file: string, language: UiLanguage): string {
  if (error instanceof NewerWorkspaceError) {
    return studioText(language, 'workspace-newer', { file, found: error.found, supported: error.supported });
  }
  return studioText(language, 'workspace-unopenable', {
    file,
    reason: error instanceof Error ? error.message : String(error),
  });
}
