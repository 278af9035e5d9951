import { registerProblemAction } from '../problems/problem-actions.ts';
import { replayInSimulator } from './replay-in-simulator.ts';
import { simulatorText } from './texts.ts';

/**
 * Offers “Replay in simulator” on every problem with a witness path (DESIGN.md §6): it opens the
 * Simulator and plays the path from Start, and the panel says where and why the replay stopped.
 * Returns how to take the action away again.
 */
export function registerReplayProblemAction(): () => void {
  return registerProblemAction({
    id: 'replay-in-simulator',
    label: (language) => simulatorText(language, 'replay-in-simulator'),
    appliesTo: (problem) => (problem.path?.length ?? 0) > 0,
    perform: (problem) => replayInSimulator(problem.path ?? []),
  });
}
