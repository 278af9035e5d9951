import { BitTable } from '../bitset.ts';
import { effectTable, solveBitFlow, type BitFlowResult } from '../dataflow.ts';
import type { FlowGraph } from '../graph.ts';
import { forEachSettingEdge, keysSetBy } from './keys.ts';

/**
 * Lineage (DESIGN.md §2 “Lineage”, issue 19): which declared personal fields the value of a key
 * may have been copied from, at every step. A copy is a step that stores a key computed from other
 * keys: a Set variable step (its template's keys). Not yet followed: an http step's `saveResponse`
 * (a recipient's answer to a request that sent personal data; counting every such answer, a ticket
 * number included, as a copy reports ordinary flows, so it waits for a way to say which answers
 * echo what was sent). What is not a copy: a question's answer or a chosen
 * option (the customer's own input, judged by its own declaration), a condition's verdict (only
 * the outcome taken depends on the value, nothing is stored), and a fixed text.
 *
 * Each fact is a pair (copy key, origin field). It is a may-analysis solved with the gen/kill
 * solver: storing a key clears its pairs, and a copy step sets the pairs of the fields its sources
 * carry at that step. As a copy's gen depends on what its sources carry, the problem is solved
 * again with the gens it found until they stop growing (once per link of the longest chain of
 * copies; pairs only ever grow, so it ends). Only pairs a copy could ever hold, ignoring the order
 * of steps, get a bit, so a flow without copies of personal data costs one pass over its nodes.
 */
export interface Lineage {
  /** Keys that are copies of personal data somewhere in the flow. */
  copies: ReadonlySet<string>;
  /** The origin fields `key` may hold when the conversation arrives at `node` (empty for none). */
  originsAt(node: number, key: string): readonly string[];
  /** The copy steps that store `key` from `origin`, in node order (for witness paths). */
  copySteps(key: string, origin: string): readonly number[];
}

interface CopyStep {
  node: number;
  /** The keys stored (the copies) and the keys they are computed from. */
  targets: readonly string[];
  sources: readonly string[];
}

const nothing: readonly string[] = [];
const noSteps: readonly number[] = [];

export function solveLineage(graph: FlowGraph): Lineage {
  const personal = new Set(graph.flow.data.map((field) => field.key));
  const steps = copyStepsOf(graph);
  const origins = staticOrigins(steps, personal);
  const pairs: { key: string; origin: string }[] = [];
  const bitOf = new Map<string, Map<string, number>>();
  for (const [key, from] of origins) {
    const bits = new Map<string, number>();
    for (const origin of from) {
      bits.set(origin, pairs.length);
      pairs.push({ key, origin });
    }
    bitOf.set(key, bits);
  }
  if (pairs.length === 0) return { copies: new Set(), originsAt: () => nothing, copySteps: () => noSteps };

  const width = pairs.length;
  // Storing a key (a copy or not) ends what its old value carried; an erase step ends everything.
  const edgeKill = effectTable(graph, 'edge', width);
  forEachSettingEdge(graph, (edge, set) => {
    for (let i = 0; i < set.length; i += 1)
      for (const bit of bitOf.get(set[i]!)?.values() ?? []) edgeKill.add(edge, bit);
  });
  const nodeKill = effectTable(graph, 'node', width);
  const everything = new BitTable(1, width);
  for (let bit = 0; bit < width; bit += 1) everything.add(0, bit);
  for (let at = 0; at < graph.erasing.length; at += 1) nodeKill.fill(graph.erasing[at]!, everything.row(0));

  let result: BitFlowResult | undefined;
  let edgeGen = effectTable(graph, 'edge', width);
  for (;;) {
    const next = effectTable(graph, 'edge', width);
    for (const step of steps) {
      const carried = new Set<string>();
      for (const source of step.sources) {
        if (personal.has(source)) carried.add(source);
        const bits = bitOf.get(source);
        if (bits && result)
          for (const [origin, bit] of bits) if (result.atEntry.has(step.node, bit)) carried.add(origin);
      }
      for (let out = graph.outStart[step.node]!; out < graph.outStart[step.node + 1]!; out += 1) {
        const edge = graph.outEdges[out]!;
        const stored = keysSetBy(graph, edge);
        for (const target of step.targets) {
          if (!stored.includes(target)) continue;
          const bits = bitOf.get(target);
          for (const origin of carried) {
            const bit = bits?.get(origin);
            if (bit !== undefined) next.add(edge, bit);
          }
        }
      }
    }
    if (result && sameTable(next, edgeGen)) break;
    edgeGen = next;
    result = solveBitFlow(graph, {
      width,
      direction: 'forward',
      meet: 'may',
      boundary: new BitTable(1, width).row(0),
      edgeGen,
      edgeKill,
      nodeKill,
    });
  }
  const solved = result;
  const generatedBy = (key: string, origin: string): number[] => {
    const bit = bitOf.get(key)?.get(origin);
    if (bit === undefined) return [];
    return steps
      .filter((step) => {
        for (let out = graph.outStart[step.node]!; out < graph.outStart[step.node + 1]!; out += 1)
          if (edgeGen.has(graph.outEdges[out]!, bit)) return true;
        return false;
      })
      .map((step) => step.node);
  };
  return {
    copies: new Set(bitOf.keys()),
    originsAt(node, key) {
      const bits = bitOf.get(key);
      if (!bits) return nothing;
      const found: string[] = [];
      for (const [origin, bit] of bits) if (solved.atEntry.has(node, bit)) found.push(origin);
      return found;
    },
    copySteps: generatedBy,
  };
}

/** Steps that store keys computed from other keys (`computed` values: Set variable steps). */
function copyStepsOf(graph: FlowGraph): CopyStep[] {
  const steps: CopyStep[] = [];
  for (let at = 0; at < graph.collecting.length; at += 1) {
    const node = graph.collecting[at]!;
    const targets: string[] = [];
    for (let c = graph.collectStart[node]!; c < graph.collectStart[node + 1]!; c += 1) {
      const collection = graph.collections[c]!;
      if (collection.source === 'computed') targets.push(collection.key);
    }
    if (targets.length === 0) continue;
    const sources: string[] = [];
    for (let r = graph.readStart[node]!; r < graph.readStart[node + 1]!; r += 1) sources.push(graph.reads[r]!);
    for (let s = graph.shareStart[node]!; s < graph.shareStart[node + 1]!; s += 1)
      sources.push(...graph.shares[s]!.keys);
    if (sources.length > 0) steps.push({ node, targets, sources });
  }
  return steps;
}

/** The fields each copy key could ever hold, whatever the order of the steps (a fixpoint over the copies). */
function staticOrigins(steps: readonly CopyStep[], personal: ReadonlySet<string>): Map<string, Set<string>> {
  const origins = new Map<string, Set<string>>();
  for (let changed = true; changed;) {
    changed = false;
    for (const step of steps) {
      for (const target of step.targets) {
        let into = origins.get(target);
        for (const source of step.sources) {
          const from = [...(personal.has(source) ? [source] : []), ...(origins.get(source) ?? [])];
          for (const origin of from) {
            if (origin === target || into?.has(origin)) continue;
            if (!into) origins.set(target, (into = new Set()));
            into.add(origin);
            changed = true;
          }
        }
      }
    }
  }
  return origins;
}

function sameTable(a: BitTable, b: BitTable): boolean {
  if (a.data.length !== b.data.length) return false;
  for (let at = 0; at < a.data.length; at += 1) if (a.data[at] !== b.data[at]) return false;
  return true;
}

/**
 * A witness that goes through a copy step: the shortest path from a start to `copy`, then the
 * shortest path on from there to `node` (node indexes, start first); undefined when there is none.
 */
export function pathThrough(
  graph: FlowGraph,
  pathTo: (node: number) => number[] | undefined,
  copy: number,
  node: number,
): number[] | undefined {
  const head = pathTo(copy);
  if (!head) return undefined;
  const parents = new Int32Array(graph.nodes.length).fill(-2);
  parents[copy] = -1;
  const queue = [copy];
  for (let at = 0; at < queue.length && parents[node] === -2; at += 1) {
    const from = queue[at]!;
    for (let out = graph.outStart[from]!; out < graph.outStart[from + 1]!; out += 1) {
      const to = graph.edgeTo[graph.outEdges[out]!]!;
      if (parents[to] !== -2) continue;
      parents[to] = from;
      queue.push(to);
    }
  }
  if (node !== copy && parents[node] === -2) return undefined;
  const tail: number[] = [];
  for (let at = node; at !== copy && at >= 0; at = parents[at]!) tail.push(at);
  return [...head, ...tail.reverse()];
}
