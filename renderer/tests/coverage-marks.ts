import type { Coverage } from '../../flows/engine/index.ts';

/** Steps and connections no test reaches, for marking them on the canvas. */
export interface CoverageMarks {
  nodes: Set<string>;
  edges: Set<string>;
}

export function uncoveredOf(coverage: Coverage | undefined): CoverageMarks | null {
  if (!coverage) return null;
  return { nodes: new Set(coverage.nodes.missed), edges: new Set(coverage.edges.missed) };
}
