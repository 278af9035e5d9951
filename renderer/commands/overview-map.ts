import { amana } from '../bridge/amana.ts';
import { useViewportStore } from '../stores/viewport-store.ts';

/** The toggle being saved, if any: the next one starts from what it saved. */
let saving: Promise<void> = Promise.resolve();

/**
 * Shows the canvas's overview map if it is hidden and hides it if shown, once the workspace has kept
 * the choice: the screen follows the saved setting, so a save that fails (the host gone, the disk
 * full) leaves the map as the workspace has it, and the failure is the caller's to say (`attempt`).
 * Toggles in quick succession are saved one after the other, each from the state the last one saved.
 */
export function toggleOverviewMap(): Promise<void> {
  const toggled = saving.then(async () => {
    const shown = !useViewportStore.getState().overviewMap;
    await amana().setSettings({ overviewMap: shown });
    useViewportStore.getState().showOverviewMap(shown);
  });
  saving = toggled.catch(() => undefined);
  return toggled;
}
