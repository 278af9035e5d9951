import type { AmanaApi } from '../../shared/api.ts';
import type { StudioContext } from './context.ts';

type SettingsMethods = Pick<AmanaApi, 'getHostInfo' | 'getSettings' | 'setSettings' | 'listExports'>;

/** The host, the designer's settings and the export audit log. */
export function settingsMethods(context: StudioContext): SettingsMethods {
  const { settings, audit } = context.workspace;
  return {
    async getHostInfo() {
      return { ...context.host };
    },
    async getSettings() {
      return settings.get();
    },
    async setSettings(change) {
      if (change.language !== undefined) settings.setLanguage(change.language);
      if (change.overviewMap !== undefined) settings.setOverviewMap(change.overviewMap);
      const current = settings.get();
      context.onSettingsChanged?.(current);
      return current;
    },
    async listExports(flowId) {
      return audit.list(flowId);
    },
  };
}
