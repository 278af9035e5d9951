import { emptySet } from '../bitset.ts';
import { effectTable, solveBitFlow, type BitFlowProblem, type BitFlowResult } from '../dataflow.ts';
import type { FlowGraph } from '../graph.ts';
import { item } from '../lists.ts';

/**
 * Whether, on every path to each node, the bot has disclosed itself or has already asked
 * something (one bit, a must-analysis). An asking node reached where the bit may be clear is
 * the first thing some path asks before any disclosure: that is where `disclosure-first` points,
 * and the questions after it are the same mistake, not new ones.
 */
function disclosureProblem(graph: FlowGraph): BitFlowProblem {
  const nodeGen = effectTable(graph, 'node', 1);
  for (let at = 0; at < graph.disclosing.length; at += 1) nodeGen.add(item(graph.disclosing, at), 0);
  for (let at = 0; at < graph.asking.length; at += 1) nodeGen.add(item(graph.asking, at), 0);
  return { width: 1, direction: 'forward', meet: 'must', boundary: emptySet(1), nodeGen };
}

export function solveDisclosure(graph: FlowGraph): BitFlowResult {
  return solveBitFlow(graph, disclosureProblem(graph));
}
