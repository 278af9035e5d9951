import type { UiLanguage } from '../../flows/i18n/index.ts';

/**
 * The system's file dialogs, as the desktop shell shows them. Paths come only from here (or the
 * recent-files list the host keeps), never from the renderer, so a compromised page cannot make
 * the studio read or write a file the designer did not pick.
 */
export interface FilePicker {
  /** The flow file to open, or null when the designer cancels. */
  chooseFlowToOpen(language: UiLanguage): Promise<string | null>;
  /** Where to write a flow file, or null when the designer cancels. */
  chooseFlowDestination(suggestedName: string, language: UiLanguage): Promise<string | null>;
  /** A folder (for bundle exports), or null when the designer cancels. */
  chooseFolder(language: UiLanguage): Promise<string | null>;
}
