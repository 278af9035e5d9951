import { emptySet, fullSet } from '../bitset.ts';
import { effectTable, solveBitFlow, type BitFlowResult } from '../dataflow.ts';
import type { FlowGraph } from '../graph.ts';
import { addKeysUsedBy, forEachSettingEdge, type KeyIndex } from './keys.ts';
import { item, firstOf, endOf } from '../lists.ts';

/** Live keys, and the copy steps whose reads did not count as uses. */
export interface Liveness extends BitFlowResult {
  /**
   * Steps that only copy personal data (Set variable steps storing a copy) whose copy no later
   * step reads: what they read was not used there (node indexes, in node order).
   */
  idleCopies: readonly number[];
}

/**
 * Which keys may still be read after each point (live variables, a backward may-analysis): a
 * node's reads and sends make a key live before it; storing a new value on an edge, or an `erase`
 * node, ends the life of the old one.
 *
 * Copying is not using (lineage, ./lineage.ts): a step that only stores copies of personal data
 * (`copyKeys`: a Set variable step whose key may hold a personal field) uses what it reads only
 * when the key it stores may be read later — “strongly live” variables. Such steps start idle;
 * after each solve, those whose copy turned out live have their reads added and the problem is
 * solved again, until none changes (once per link of the longest chain of copies). A value copied
 * into keys nobody reads is therefore not used, and a read of a copy counts as a use of its origin.
 */
export function solveLiveness(graph: FlowGraph, keys: KeyIndex, copyKeys: ReadonlySet<string>): Liveness {
  const width = keys.keys.length;
  const nodeGen = effectTable(graph, 'node', width);
  const nodeKill = effectTable(graph, 'node', width);
  const everything = fullSet(width);
  const use = (row: number, bit: number) => nodeGen.add(row, bit);
  const idle = new Set(copyOnlySteps(graph, copyKeys));
  for (let at = 0; at < graph.using.length; at += 1) {
    const node = item(graph.using, at);
    if (!idle.has(node)) addKeysUsedBy(graph, node, keys, use);
  }
  for (let at = 0; at < graph.erasing.length; at += 1) nodeKill.fill(item(graph.erasing, at), everything);
  const edgeKill = effectTable(graph, 'edge', width);
  forEachSettingEdge(graph, (edge, set) => {
    for (let i = 0; i < set.length; i += 1) edgeKill.add(edge, keys.bitOf.get(item(set, i)) ?? 0);
  });
  const problem = {
    width,
    direction: 'backward',
    meet: 'may',
    boundary: emptySet(width),
    nodeGen,
    nodeKill,
    edgeKill,
  } as const;
  let result = solveBitFlow(graph, problem);
  for (let woke = idle.size > 0; woke;) {
    woke = false;
    for (const node of idle) {
      if (!copyRead(graph, keys, result, node)) continue;
      idle.delete(node);
      addKeysUsedBy(graph, node, keys, use);
      woke = true;
    }
    if (woke) result = solveBitFlow(graph, problem);
  }
  return { ...result, idleCopies: [...idle].sort((a, b) => a - b) };
}

/** Set variable steps (copies, nothing sent) that store only keys that may hold personal data. */
function copyOnlySteps(graph: FlowGraph, copyKeys: ReadonlySet<string>): number[] {
  const steps: number[] = [];
  if (copyKeys.size === 0) return steps;
  for (let at = 0; at < graph.collecting.length; at += 1) {
    const node = item(graph.collecting, at);
    const first = firstOf(graph.copyStart, node);
    const end = endOf(graph.copyStart, node);
    if (first === end || firstOf(graph.shareStart, node) !== endOf(graph.shareStart, node)) continue;
    let personal = true;
    for (let c = first; c < end; c += 1) if (!copyKeys.has(item(graph.copies, c).key)) personal = false;
    if (personal) steps.push(node);
  }
  return steps;
}

/** Whether a key the copy step stores may be read after it (live where its edges lead). */
function copyRead(graph: FlowGraph, keys: KeyIndex, result: BitFlowResult, node: number): boolean {
  for (let c = firstOf(graph.copyStart, node); c < endOf(graph.copyStart, node); c += 1) {
    const bit = keys.bitOf.get(item(graph.copies, c).key);
    if (bit === undefined) continue;
    for (let out = firstOf(graph.outStart, node); out < endOf(graph.outStart, node); out += 1)
      if (result.atEntry.has(item(graph.edgeTo, item(graph.outEdges, out)), bit)) return true;
  }
  return false;
}
