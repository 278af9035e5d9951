import { describe, expect, it } from 'vitest';
import { emptySet, setOf } from './bitset.ts';
import { effectTable, solveBitFlow, type BitFlowProblem } from './dataflow.ts';
import { buildGraph } from './graph.ts';
import { shortestWitnesses } from './witness.ts';
import { compliantParts, edges, node, testFlow } from '../../test/check/flow-builder.ts';

/**
 * A graph with a diamond and a loop:
 *   start → hello → menu ─help→ a ─→ join → loop ─→ bye
 *                       └agent→ b ─↗      ↑___|(next via c)
 */
function diamond() {
  const parts = compliantParts();
  return buildGraph(
    testFlow({
      ...parts,
      nodes: [
        node.start(),
        node.disclosure(),
        parts.nodes.find((each) => each['id'] === 'menu')!,
        node.message('a', 'A', 'A'),
        node.message('b', 'B', 'B'),
        node.message('join', 'J', 'J'),
        node.buttons('loop', [
          ['again', 'De novo', 'Again'],
          ['done', 'Pronto', 'Done'],
        ]),
        node.message('c', 'C', 'C'),
        node.end(),
      ],
      edges: edges(
        'start > hello, hello > menu, menu:help > a, menu:agent > b, a > join, b > join, join > loop, loop:again > c, c > loop, loop:done > bye',
      ),
    }),
  );
}

const at = (graph: ReturnType<typeof diamond>, id: string) => graph.nodes.findIndex((node) => node.id === id);

describe('the gen/kill solver', () => {
  it('must: a fact set on both branches holds at the join, one set on one branch does not', () => {
    const graph = diamond();
    const nodeGen = effectTable(graph, 'node', 2);
    nodeGen.add(at(graph, 'a'), 0);
    nodeGen.add(at(graph, 'b'), 0);
    nodeGen.add(at(graph, 'a'), 1);
    const problem: BitFlowProblem = { width: 2, direction: 'forward', meet: 'must', boundary: emptySet(2), nodeGen };
    const result = solveBitFlow(graph, problem);
    expect(result.atEntry.has(at(graph, 'join'), 0)).toBe(true);
    expect(result.atEntry.has(at(graph, 'join'), 1)).toBe(false);
    expect(result.atEntry.has(at(graph, 'bye'), 0)).toBe(true);
  });

  it('must: a fact killed inside a loop does not hold at the loop head (the loop converges)', () => {
    const graph = diamond();
    const nodeKill = effectTable(graph, 'node', 1);
    nodeKill.add(at(graph, 'c'), 0);
    const result = solveBitFlow(graph, {
      width: 1,
      direction: 'forward',
      meet: 'must',
      boundary: setOf(1, [0]),
      nodeKill,
    });
    expect(result.atEntry.has(at(graph, 'join'), 0)).toBe(true);
    expect(result.atEntry.has(at(graph, 'loop'), 0)).toBe(false);
    expect(result.atEntry.has(at(graph, 'bye'), 0)).toBe(false);
  });

  it('may, backward: a read after the loop is live everywhere before it; nothing is live after the last read', () => {
    const graph = diamond();
    const nodeGen = effectTable(graph, 'node', 1);
    nodeGen.add(at(graph, 'c'), 0);
    const result = solveBitFlow(graph, {
      width: 1,
      direction: 'backward',
      meet: 'may',
      boundary: emptySet(1),
      nodeGen,
    });
    expect(result.atEntry.has(at(graph, 'menu'), 0)).toBe(true);
    expect(result.atEntry.has(at(graph, 'c'), 0)).toBe(true);
    expect(result.atEntry.has(at(graph, 'bye'), 0)).toBe(false);
  });

  it('applies edge effects only on their edge (a grant on one outcome)', () => {
    const graph = diamond();
    const edgeGen = effectTable(graph, 'edge', 1);
    edgeGen.add(graph.edgeOutcome.indexOf('help'), 0);
    const result = solveBitFlow(graph, {
      width: 1,
      direction: 'forward',
      meet: 'must',
      boundary: emptySet(1),
      edgeGen,
    });
    expect(result.atEntry.has(at(graph, 'a'), 0)).toBe(true);
    expect(result.atEntry.has(at(graph, 'b'), 0)).toBe(false);
    expect(result.atEntry.has(at(graph, 'join'), 0)).toBe(false);
  });
});

describe('shortest witnesses', () => {
  it('finds the shortest path along which a fact is missing, through the branch that misses it', () => {
    const graph = diamond();
    const nodeGen = effectTable(graph, 'node', 1);
    nodeGen.add(at(graph, 'b'), 0);
    const problem: BitFlowProblem = { width: 1, direction: 'forward', meet: 'must', boundary: emptySet(1), nodeGen };
    const target = at(graph, 'loop');
    const paths = shortestWitnesses(
      graph,
      [{ problem, bit: 0 }],
      (n, facts) => n === target && facts === 0,
      new Set([target]),
    );
    expect(paths.get(target)?.map((n) => graph.nodes[n]!.id)).toEqual(['start', 'hello', 'menu', 'a', 'join', 'loop']);
  });

  it('finds none when every path has the fact', () => {
    const graph = diamond();
    const nodeGen = effectTable(graph, 'node', 1);
    nodeGen.add(at(graph, 'menu'), 0);
    const problem: BitFlowProblem = { width: 1, direction: 'forward', meet: 'must', boundary: emptySet(1), nodeGen };
    const target = at(graph, 'loop');
    expect(shortestWitnesses(graph, [{ problem, bit: 0 }], (n, facts) => n === target && facts === 0).size).toBe(0);
  });
});
