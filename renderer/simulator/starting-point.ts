import type { JsonValue } from '../../flows/engine/index.ts';
import { factsOf, type Flow } from '../../flows/index.ts';

/** What “Start from here” proposes: the consents and values the shortest way to the step would give. */
export interface StartingProposal {
  /** Every purpose of the flow, granted as the way there grants it; the designer may change each. */
  purposes: { id: string; granted: boolean }[];
  /** The keys stored on the way there, with a made-up value the designer may change. */
  values: { key: string; value: string }[];
  /** The step cannot be reached from the start; nothing is proposed. */
  unreachable: boolean;
}

/**
 * Reads the shortest way from the start to a step (fewest connections) and what it would leave
 * behind: the purposes consented to (by `granted` outcomes on the way) and the keys stored.
 */
export function proposeStartingPoint(flow: Flow, nodeId: string): StartingProposal {
  const way = shortestWay(flow, nodeId);
  const granted = new Set<string>();
  const values = new Map<string, string>();
  for (const { node, outcome } of way ?? []) {
    const facts = factsOf(node);
    for (const grant of facts.grants) if (grant.outcome === outcome) grant.purposes.forEach((p) => granted.add(p));
    for (const collection of facts.collects) {
      values.set(collection.key, collection.source === 'choice' ? outcome : exampleOf(collection.input));
    }
  }
  return {
    purposes: flow.purposes.map((purpose) => ({ id: purpose.id, granted: granted.has(purpose.id) })),
    values: [...values].map(([key, value]) => ({ key, value })),
    unreachable: way === undefined,
  };
}

/** The chosen values as the engine holds them: numbers as numbers, empty ones left out. */
export function chosenValues(values: readonly { key: string; value: string }[]): Record<string, JsonValue> {
  const held: Record<string, JsonValue> = {};
  for (const { key, value } of values) {
    if (value.trim().length === 0) continue;
    held[key] = /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value.trim()) : value;
  }
  return held;
}

/** The steps on the shortest way from the start to `target`, each with the outcome it leaves by (not the target). */
function shortestWay(flow: Flow, target: string): { node: Flow['nodes'][number]; outcome: string }[] | undefined {
  const start = flow.nodes.find((node) => node.type === 'start');
  if (!start) return undefined;
  const cameFrom = new Map<string, { from: string; outcome: string } | null>([[start.id, null]]);
  const queue = [start.id];
  for (let id = queue.shift(); id !== undefined && !cameFrom.has(target); id = queue.shift()) {
    for (const edge of flow.edges) {
      if (edge.from !== id || cameFrom.has(edge.to)) continue;
      cameFrom.set(edge.to, { from: id, outcome: edge.outcome ?? 'next' });
      queue.push(edge.to);
    }
  }
  if (!cameFrom.has(target)) return undefined;
  const way: { node: Flow['nodes'][number]; outcome: string }[] = [];
  for (let step = cameFrom.get(target); step; step = cameFrom.get(step.from)) {
    const node = flow.nodes.find((candidate) => candidate.id === step?.from);
    if (node) way.unshift({ node, outcome: step.outcome });
  }
  return way;
}

function exampleOf(input: string | undefined): string {
  switch (input) {
    case 'email':
      return 'ana@example.com';
    case 'phone':
      return '+5511912345678';
    case 'number':
      return '2';
    case 'date':
      return '2030-05-17';
    case 'cpf':
      return '52998224725';
    default:
      return 'Ana Souza';
  }
}
