import { emptySet } from '../bitset.ts';
import { effectTable, solveBitFlow, type BitFlowProblem, type BitFlowResult } from '../dataflow.ts';
import type { FlowGraph } from '../graph.ts';
import { item, firstOf, endOf } from '../lists.ts';

/** Purposes consent may be given for, each with a bit number, and the solved must-analysis. */
export interface ConsentAnalysis {
  purposes: readonly string[];
  bitOf: ReadonlyMap<string, number>;
  /** The nodes that grant each purpose (on one outcome) and withdraw it (on the others). */
  askedAt: ReadonlyMap<string, readonly number[]>;
  problem: BitFlowProblem;
  result: BitFlowResult;
}

/**
 * Which purposes the customer has consented to on every path to each node (a must-analysis,
 * one bit per purpose). A node that grants purposes on an outcome (a consent node's `granted`)
 * records the customer's answer, so leaving it by any other outcome (`declined`) grants nothing
 * and withdraws those purposes, as the engine does: a later “no” wins over an earlier “yes”.
 */
export function solveConsent(graph: FlowGraph, fieldPurposes: readonly string[]): ConsentAnalysis {
  const bitOf = new Map<string, number>();
  const purposes: string[] = [];
  const add = (id: string) => {
    if (bitOf.has(id)) return;
    bitOf.set(id, purposes.length);
    purposes.push(id);
  };
  const askedAt = new Map<string, number[]>();
  for (let at = 0; at < graph.granting.length; at += 1) {
    const node = item(graph.granting, at);
    for (let g = firstOf(graph.grantStart, node); g < endOf(graph.grantStart, node); g += 1) {
      for (const id of item(graph.grants, g).purposes) {
        add(id);
        const nodes = askedAt.get(id) ?? [];
        if (nodes[nodes.length - 1] !== node) nodes.push(node);
        askedAt.set(id, nodes);
      }
    }
  }
  fieldPurposes.forEach(add);
  const width = purposes.length;
  const edgeGen = effectTable(graph, 'edge', width);
  const edgeKill = effectTable(graph, 'edge', width);
  for (let g = 0; g < graph.granting.length; g += 1) {
    const node = item(graph.granting, g);
    const first = firstOf(graph.grantStart, node);
    const end = endOf(graph.grantStart, node);
    for (let out = firstOf(graph.outStart, node); out < endOf(graph.outStart, node); out += 1) {
      const edge = item(graph.outEdges, out);
      const outcome = graph.edgeOutcome[edge];
      let granting = false;
      for (let at = first; at < end; at += 1) if (item(graph.grants, at).outcome === outcome) granting = true;
      for (let at = first; at < end; at += 1) {
        const grant = item(graph.grants, at);
        if (granting && grant.outcome !== outcome) continue;
        for (const id of grant.purposes) (granting ? edgeGen : edgeKill).add(edge, bitOf.get(id) ?? 0);
      }
    }
  }
  const problem: BitFlowProblem = {
    width,
    direction: 'forward',
    meet: 'must',
    boundary: emptySet(width),
    edgeGen,
    edgeKill,
  };
  return { purposes, bitOf, askedAt, problem, result: solveBitFlow(graph, problem) };
}
