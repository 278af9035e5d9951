import { useMemo } from 'react';
import { uncoveredOf } from '../tests/coverage-marks.ts';
import { useTests } from '../tests/tests-store-instance.ts';
import { pathTaken } from './rehearsal.ts';
import { useSimulator } from './simulator-store.ts';

/** Class names the canvas gives a step or a connection for the simulator and the tests. */
export interface CanvasMarks {
  node(id: string): string | undefined;
  edge(id: string): string | undefined;
}

/**
 * What the canvas marks: while simulating, the current step, the path taken and the step whose
 * bubble was clicked; while the Tests panel is open, the steps and connections no test reaches.
 */
export function useCanvasMarks(): CanvasMarks {
  const rehearsal = useSimulator((state) => (state.open ? state.rehearsal : null));
  const focused = useSimulator((state) => (state.open ? state.focused : null));
  const coverage = useTests((state) => (state.open ? state.result?.coverage : undefined));
  return useMemo(() => {
    const taken = rehearsal ? pathTaken(rehearsal) : null;
    const current = rehearsal?.turns.at(-1)?.state.node ?? null;
    const uncovered = uncoveredOf(coverage);
    const join = (...names: (string | false)[]) => names.filter(Boolean).join(' ') || undefined;
    return {
      node: (id) =>
        join(
          id === current && 'sim-current',
          taken?.nodes.has(id) === true && 'sim-taken',
          id === focused && 'sim-focused',
          uncovered?.nodes.has(id) === true && 'uncovered',
        ),
      edge: (id) =>
        join(taken?.edges.has(id) === true && 'sim-taken', uncovered?.edges.has(id) === true && 'uncovered'),
    };
  }, [rehearsal, focused, coverage]);
}
