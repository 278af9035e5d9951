import type { Flow } from '../../model/schema.ts';
import type { Trace } from '../conversation.ts';

interface CoverageCount {
  covered: number;
  total: number;
  /** Ids never reached, in the flow's order. */
  missed: string[];
}

/** How much of a flow a set of conversations went through. */
export interface Coverage {
  nodes: CoverageCount;
  edges: CoverageCount;
}

export function coverageOf(flow: Flow, traces: readonly Trace[]): Coverage {
  const nodes = new Set(traces.flatMap((trace) => trace.nodes));
  const edges = new Set(traces.flatMap((trace) => trace.edges));
  const count = (ids: string[], reached: Set<string>): CoverageCount => {
    const missed = ids.filter((id) => !reached.has(id));
    return { covered: ids.length - missed.length, total: ids.length, missed };
  };
  return {
    nodes: count(
      flow.nodes.map((node) => node.id),
      nodes,
    ),
    edges: count(
      flow.edges.map((edge) => edge.id),
      edges,
    ),
  };
}
