import { simulatorStore } from './simulator-store.ts';

/**
 * “Replay in simulator” for a problem's witness path (node ids from the start, as the checker
 * gives them): opens the Simulator and drives the engine along the path's choices as far as it
 * can; the panel says where it stopped and why. For the Problems panel.
 */
export function replayInSimulator(path: readonly string[]): void {
  simulatorStore.getState().replay(path);
}
