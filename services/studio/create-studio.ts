import type { AmanaApi } from '../../shared/api.ts';
import type { StudioContext } from './context.ts';
import { draftMethods } from './draft-methods.ts';
import { exportMethods } from './export-methods.ts';
import { fileMethods } from './file-methods.ts';
import { flowMethods } from './flow-methods.ts';
import { settingsMethods } from './settings-methods.ts';
import { transcriptMethods } from './transcript-methods.ts';

/**
 * The studio's services behind the typed API: what the desktop shell serves over IPC and the
 * browser edition over HTTP. Arguments are validated by the host (see ./dispatch.ts) first.
 */
export function createStudio(context: StudioContext): AmanaApi {
  return {
    ...settingsMethods(context),
    ...flowMethods(context),
    ...draftMethods(context),
    ...fileMethods(context),
    ...exportMethods(context),
    ...transcriptMethods(context),
  };
}
