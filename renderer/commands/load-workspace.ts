import { amana } from '../bridge/amana.ts';
import { useLanguageStore } from '../stores/language-store.ts';
import { useViewportStore } from '../stores/viewport-store.ts';
import { useWorkspaceStore } from '../stores/workspace-store.ts';
import { reportFailure } from './report-failure.ts';

/** First load: the host, the designer's settings, the flows and any unsaved work to recover. */
export async function loadWorkspace(): Promise<void> {
  try {
    const [host, settings, flows, drafts] = await Promise.all([
      amana().getHostInfo(),
      amana().getSettings(),
      amana().listFlows(),
      amana().listDrafts(),
    ]);
    useLanguageStore.getState().setLanguage(settings.language);
    useViewportStore.getState().showOverviewMap(settings.overviewMap);
    useWorkspaceStore.getState().loaded({ host, flows, drafts, recentFiles: settings.recentFiles });
  } catch (error) {
    useWorkspaceStore.getState().unavailable();
    reportFailure(error);
  }
}

/** Reloads the flow list and drafts after something changed them. */
export async function refreshFlows(): Promise<void> {
  const [flows, drafts, settings] = await Promise.all([
    amana().listFlows(),
    amana().listDrafts(),
    amana().getSettings(),
  ]);
  useWorkspaceStore.getState().listed(flows, drafts);
  useWorkspaceStore.getState().recentFilesChanged(settings.recentFiles);
}
