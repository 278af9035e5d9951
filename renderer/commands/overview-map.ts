import { amana } from '../bridge/amana.ts';
import { useViewportStore } from '../stores/viewport-store.ts';

/** Shows the canvas's overview map if it is hidden and hides it if shown; the workspace remembers it. */
export async function toggleOverviewMap(): Promise<void> {
  const shown = !useViewportStore.getState().overviewMap;
  useViewportStore.getState().showOverviewMap(shown);
  await amana().setSettings({ overviewMap: shown });
}
