import type { Flow, FlowEdge, FlowNode } from '../model/schema.ts';

/** Lookups the engine makes on every move, built once per flow object. */
export interface FlowIndex {
  node(id: string): FlowNode | undefined;
  /** The edge leaving `from` by `outcome` (an edge without `outcome` leaves by `next`). */
  edge(from: string, outcome: string): FlowEdge | undefined;
  edgesFrom(from: string): FlowEdge[];
  startNode(): FlowNode | undefined;
}

const cache = new WeakMap<Flow, FlowIndex>();

/** The flow's index; flows are treated as immutable, so it is cached per flow object. */
export function indexFlow(flow: Flow): FlowIndex {
  const cached = cache.get(flow);
  if (cached) return cached;
  const nodes = new Map(flow.nodes.map((node) => [node.id, node]));
  const byOutcome = new Map<string, FlowEdge>();
  const bySource = new Map<string, FlowEdge[]>();
  for (const edge of flow.edges) {
    const key = `${edge.from}\u0000${edge.outcome ?? 'next'}`;
    // The first edge wins when a flow has duplicates (the checker's `duplicate-outcome`).
    if (!byOutcome.has(key)) byOutcome.set(key, edge);
    bySource.set(edge.from, [...(bySource.get(edge.from) ?? []), edge]);
  }
  const start = flow.nodes.find((node) => node.type === 'start');
  const index: FlowIndex = {
    node: (id) => nodes.get(id),
    edge: (from, outcome) => byOutcome.get(`${from}\u0000${outcome}`),
    edgesFrom: (from) => bySource.get(from) ?? [],
    startNode: () => start,
  };
  cache.set(flow, index);
  return index;
}
