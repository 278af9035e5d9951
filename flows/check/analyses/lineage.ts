import { BitTable } from '../bitset.ts';
import { effectTable, solveBitFlow, type BitFlowResult } from '../dataflow.ts';
import type { FlowGraph } from '../graph.ts';
import { builtInKeys } from '../inventory.ts';
import { item, firstOf, endOf } from '../lists.ts';
import { shortestWitnesses, type Track } from '../witness.ts';
import { forEachSettingEdge, keysSetBy } from './keys.ts';

/**
 * Lineage (DESIGN.md §2 “Lineage”, issue 19): which personal fields (declared in `data`, and the
 * built-ins `contact.phone` / `contact.name`) the value of a key may have been copied from, at
 * every step. The copies are the nodes' `copies` facts (../../nodes/kind.ts):
 * - a Set variable step stores the values its template reads;
 * - an http step's `saveResponse` mapping holds what the request sent only where the response
 *   echoes it: at exactly the place the request put it, or into a key the designer declares as the
 *   same kind of data (a category equal to, inside or around the sent field's). Any other answer —
 *   a ticket number, a status — is the recipient's own data (../../nodes/http/response-copies.ts).
 * Not copies: a question's answer and a chosen button or list row (the customer's input, and an
 * option's id is a fixed text of the flow even when its label shows a value), a condition's
 * verdict (only the way taken depends on the value; nothing is stored), a count, a fixed text.
 *
 * Each fact is a pair (copy key, origin field). It is a may-analysis solved with the gen/kill
 * solver: storing a key clears its pairs, an Erase data step clears all, and a copy step sets the
 * pairs of the fields its sources carry at that step. As a copy's gen depends on what its sources
 * carry, the problem is solved again with the gens it found until they stop growing (once per
 * link of the longest chain of copies; pairs only ever grow, so it ends). Only pairs a copy could
 * ever hold, ignoring the order of steps, get a bit, so a flow without copies of personal data
 * costs one pass over its copy facts.
 */
export interface Lineage {
  /** Keys that may hold a copy of personal data somewhere in the flow. */
  copies: ReadonlySet<string>;
  /** The origin fields `key` may hold when the conversation arrives at `node` (empty for none). */
  originsAt(node: number, key: string): readonly string[];
  /** The copy steps that may store `origin` into `key`, in node order. */
  copySteps(key: string, origin: string): readonly number[];
  /** The fact “`key` holds `origin`”, to follow along paths with other facts (../witness.ts). */
  track(key: string, origin: string): Track | undefined;
  /**
   * For each of `nodes` where `key` may hold `origin` on arrival: the shortest path from a start on
   * which it does, and the copy step on that path where it was copied last.
   */
  witnesses(key: string, origin: string, nodes: ReadonlySet<number>): Map<number, CopyWitness>;
  /** The last step of `path` (node indexes) that may copy `origin` into `key` on its way on. */
  lastCopyStep(key: string, origin: string, path: readonly number[]): number | undefined;
}

interface CopyWitness {
  path: number[];
  step: number;
}

interface CopyStep {
  node: number;
  copies: readonly { key: string; from: readonly string[]; sameKindFrom: readonly string[] }[];
}

const nothing: readonly string[] = [];
const noSteps: readonly number[] = [];

/** The built-ins' categories when the flow does not declare them (DESIGN.md §2). */
const builtInCategories: ReadonlyMap<string, string> = new Map([
  ['contact.phone', 'user.contact.phone_number'],
  ['contact.name', 'user.name'],
]);

export function solveLineage(graph: FlowGraph): Lineage {
  const categories = new Map(builtInCategories);
  for (const field of graph.flow.data) categories.set(field.key, field.category);
  const personal = new Set([...builtInKeys, ...graph.flow.data.map((field) => field.key)]);
  const declared = new Map(graph.flow.data.map((field) => [field.key, field.category]));
  // Whether a copy into `key` holds `origin` when it came through `sameKindFrom`.
  const sameKind = (key: string, origin: string): boolean => {
    const kind = declared.get(key);
    const of = categories.get(origin);
    return kind !== undefined && of !== undefined && related(kind, of);
  };
  const steps = copyStepsOf(graph);
  const origins = staticOrigins(steps, personal, sameKind);
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
  if (pairs.length === 0)
    return {
      copies: new Set(),
      originsAt: () => nothing,
      copySteps: () => noSteps,
      track: () => undefined,
      witnesses: () => new Map(),
      lastCopyStep: () => undefined,
    };

  const width = pairs.length;
  // Storing a key (a copy or not) ends what its old value carried; an erase step ends everything.
  const edgeKill = effectTable(graph, 'edge', width);
  forEachSettingEdge(graph, (edge, set) => {
    for (let i = 0; i < set.length; i += 1)
      for (const bit of bitOf.get(item(set, i))?.values() ?? []) edgeKill.add(edge, bit);
  });
  const nodeKill = effectTable(graph, 'node', width);
  const everything = new BitTable(1, width);
  for (let bit = 0; bit < width; bit += 1) everything.add(0, bit);
  for (let at = 0; at < graph.erasing.length; at += 1) nodeKill.fill(item(graph.erasing, at), everything.row(0));

  let result: BitFlowResult | undefined;
  let edgeGen = effectTable(graph, 'edge', width);
  for (;;) {
    const next = effectTable(graph, 'edge', width);
    for (const step of steps) {
      const carried = (source: string): string[] => {
        const found = personal.has(source) ? [source] : [];
        const bits = bitOf.get(source);
        if (bits && result)
          for (const [origin, bit] of bits) if (result.atEntry.has(step.node, bit)) found.push(origin);
        return found;
      };
      for (const copy of step.copies) {
        const bits = bitOf.get(copy.key);
        if (!bits) continue;
        const held = new Set<string>();
        for (const source of copy.from) for (const origin of carried(source)) held.add(origin);
        for (const source of copy.sameKindFrom)
          for (const origin of carried(source)) if (sameKind(copy.key, origin)) held.add(origin);
        for (let out = firstOf(graph.outStart, step.node); out < endOf(graph.outStart, step.node); out += 1) {
          const edge = item(graph.outEdges, out);
          if (!keysSetBy(graph, edge).includes(copy.key)) continue;
          for (const origin of held) {
            const bit = bits.get(origin);
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
  const generates = (node: number, to: number | undefined, bit: number): boolean => {
    for (let out = firstOf(graph.outStart, node); out < endOf(graph.outStart, node); out += 1) {
      const edge = item(graph.outEdges, out);
      if ((to === undefined || graph.edgeTo[edge] === to) && edgeGen.has(edge, bit)) return true;
    }
    return false;
  };
  const lastCopyStep = (key: string, origin: string, path: readonly number[]): number | undefined => {
    const bit = bitOf.get(key)?.get(origin);
    if (bit === undefined) return undefined;
    for (let at = path.length - 2; at >= 0; at -= 1)
      if (generates(item(path, at), item(path, at + 1), bit)) return item(path, at);
    return undefined;
  };
  const track = (key: string, origin: string): Track | undefined => {
    const bit = bitOf.get(key)?.get(origin);
    return bit === undefined ? undefined : { problem: solved.problem, bit };
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
    copySteps(key, origin) {
      const bit = bitOf.get(key)?.get(origin);
      if (bit === undefined) return noSteps;
      return steps.filter((step) => generates(step.node, undefined, bit)).map((step) => step.node);
    },
    track,
    witnesses(key, origin, nodes) {
      const found = new Map<number, CopyWitness>();
      const fact = track(key, origin);
      if (!fact) return found;
      const paths = shortestWitnesses(graph, [fact], (node, facts) => facts === 1 && nodes.has(node), nodes);
      for (const [node, path] of paths) {
        // The path arrives holding the copy, so some step on it made the copy: name the last one.
        const step = lastCopyStep(key, origin, path);
        if (step !== undefined) found.set(node, { path, step });
      }
      return found;
    },
    lastCopyStep,
  };
}

/** Whether two categories are the same kind of data: equal, or one inside the other. */
function related(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}

/** The nodes with copy facts, each with its copies. */
function copyStepsOf(graph: FlowGraph): CopyStep[] {
  const steps: CopyStep[] = [];
  for (let at = 0; at < graph.collecting.length; at += 1) {
    const node = item(graph.collecting, at);
    const first = firstOf(graph.copyStart, node);
    const end = endOf(graph.copyStart, node);
    if (first === end) continue;
    const copies = [];
    for (let c = first; c < end; c += 1) {
      const copy = item(graph.copies, c);
      copies.push({ key: copy.key, from: copy.from, sameKindFrom: copy.sameKindFrom ?? nothing });
    }
    steps.push({ node, copies });
  }
  return steps;
}

/** The fields each copy key could ever hold, whatever the order of the steps (a fixpoint over the copies). */
function staticOrigins(
  steps: readonly CopyStep[],
  personal: ReadonlySet<string>,
  sameKind: (key: string, origin: string) => boolean,
): Map<string, Set<string>> {
  const origins = new Map<string, Set<string>>();
  const carried = (source: string) => [...(personal.has(source) ? [source] : []), ...(origins.get(source) ?? [])];
  for (let changed = true; changed;) {
    changed = false;
    for (const step of steps) {
      for (const copy of step.copies) {
        const add = (origin: string) => {
          let into = origins.get(copy.key);
          if (origin === copy.key || into?.has(origin)) return;
          if (!into) origins.set(copy.key, (into = new Set()));
          into.add(origin);
          changed = true;
        };
        for (const source of copy.from) carried(source).forEach(add);
        for (const source of copy.sameKindFrom)
          for (const origin of carried(source)) if (sameKind(copy.key, origin)) add(origin);
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
 * A path that goes through `via`: the shortest path from a start to `via`, then the shortest path
 * on from there to `node` (node indexes, start first); undefined when there is none.
 */
export function pathThrough(
  graph: FlowGraph,
  pathTo: (node: number) => number[] | undefined,
  via: number,
  node: number,
): number[] | undefined {
  const head = pathTo(via);
  if (!head) return undefined;
  const parents = new Int32Array(graph.nodes.length).fill(-2);
  parents[via] = -1;
  const queue = [via];
  for (let at = 0; at < queue.length && parents[node] === -2; at += 1) {
    const from = item(queue, at);
    for (let out = firstOf(graph.outStart, from); out < endOf(graph.outStart, from); out += 1) {
      const to = item(graph.edgeTo, item(graph.outEdges, out));
      if (parents[to] !== -2) continue;
      parents[to] = from;
      queue.push(to);
    }
  }
  if (node !== via && parents[node] === -2) return undefined;
  const tail: number[] = [];
  for (let at = node; at !== via && at >= 0; at = item(parents, at)) tail.push(at);
  return [...head, ...tail.reverse()];
}
