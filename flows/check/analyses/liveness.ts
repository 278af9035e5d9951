import { emptySet, fullSet } from '../bitset.ts';
import { effectTable, solveBitFlow, type BitFlowResult } from '../dataflow.ts';
import type { FlowGraph } from '../graph.ts';
import { addKeysUsedBy, forEachSettingEdge, type KeyIndex } from './keys.ts';
import { item } from '../lists.ts';

/**
 * Which keys may still be read after each point (classic live variables, a backward
 * may-analysis): a node's reads and sends make a key live before it; storing a new value on an
 * edge, or an `erase` node, ends the life of the old one.
 */
export function solveLiveness(graph: FlowGraph, keys: KeyIndex): BitFlowResult {
  const width = keys.keys.length;
  const nodeGen = effectTable(graph, 'node', width);
  const nodeKill = effectTable(graph, 'node', width);
  const everything = fullSet(width);
  const use = (row: number, bit: number) => nodeGen.add(row, bit);
  for (let at = 0; at < graph.using.length; at += 1) addKeysUsedBy(graph, item(graph.using, at), keys, use);
  for (let at = 0; at < graph.erasing.length; at += 1) nodeKill.fill(item(graph.erasing, at), everything);
  const edgeKill = effectTable(graph, 'edge', width);
  forEachSettingEdge(graph, (edge, set) => {
    for (let i = 0; i < set.length; i += 1) edgeKill.add(edge, keys.bitOf.get(item(set, i)) ?? 0);
  });
  return solveBitFlow(graph, {
    width,
    direction: 'backward',
    meet: 'may',
    boundary: emptySet(width),
    nodeGen,
    nodeKill,
    edgeKill,
  });
}
