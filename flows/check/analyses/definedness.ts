import { setOf } from '../bitset.ts';
import { effectTable, solveBitFlow, type BitFlowProblem, type BitFlowResult } from '../dataflow.ts';
import type { FlowGraph } from '../graph.ts';
import { builtInKeys } from '../inventory.ts';
import { forEachSettingEdge, type KeyIndex } from './keys.ts';
import { item } from '../lists.ts';

/**
 * Which keys hold a value on every path to each node (a must-analysis). The built-ins always do;
 * a node's stores and a condition's guarantees set keys on the edges they apply to; an `erase`
 * node clears every stored value (the engine forgets all variables, not only personal ones).
 */
function definednessProblem(graph: FlowGraph, keys: KeyIndex): BitFlowProblem {
  const width = keys.keys.length;
  const builtIns = builtInKeys.flatMap((key) => {
    const bit = keys.bitOf.get(key);
    return bit === undefined ? [] : [bit];
  });
  const edgeGen = effectTable(graph, 'edge', width);
  forEachSettingEdge(graph, (edge, set) => {
    for (let i = 0; i < set.length; i += 1) edgeGen.add(edge, keys.bitOf.get(item(set, i)) ?? 0);
  });
  const nodeKill = effectTable(graph, 'node', width);
  const stored = setOf(
    width,
    keys.keys.map((_, bit) => bit).filter((bit) => !builtIns.includes(bit)),
  );
  for (let at = 0; at < graph.erasing.length; at += 1) nodeKill.fill(item(graph.erasing, at), stored);
  return { width, direction: 'forward', meet: 'must', boundary: setOf(width, builtIns), edgeGen, nodeKill };
}

export function solveDefinedness(graph: FlowGraph, keys: KeyIndex): BitFlowResult {
  return solveBitFlow(graph, definednessProblem(graph, keys));
}
