import type { UiLanguage } from '../../flows/i18n/index.ts';
import type { HostInfo, Settings } from '../../shared/api.ts';
import type { RuntimeSource } from '../bundle/runtime-source.ts';
import type { FilePicker } from '../files/file-picker.ts';
import type { Workspace } from '../workspace/open-workspace.ts';

/** What the studio's methods work with; each host (desktop, browser) provides its own. */
export interface StudioContext {
  workspace: Workspace;
  host: HostInfo;
  /** The system's file dialogs; absent in the browser edition. */
  picker?: FilePicker;
  /** The exported bot's program; without it, bundles cannot be exported. */
  runtime?: RuntimeSource;
  /** Told after settings change, so the desktop shell can relabel its menu. */
  onSettingsChanged?: (settings: Settings) => void;
}

/** The interface language the designer chose: every message the services word is in it. */
export function languageOf(context: StudioContext): UiLanguage {
  return context.workspace.settings.get().language;
}
