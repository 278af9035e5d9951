import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateFlow } from '../../bench/check-generator.ts';
import { checkFlow } from '../../flows/check/index.ts';
import { parseFlow } from '../../flows/index.ts';

type Json = Record<string, unknown> & {
  nodes: { id: string }[];
  edges: { id: string; from: string; to: string; outcome?: string }[];
};

/**
 * Rewiring a generated flow at random (dropping connections, leading them elsewhere) makes flows
 * with every kind of mistake. Whatever the flow, the checker must not throw, and every witness
 * must be a real path: it starts at a Start step, follows existing connections and ends at the
 * step the finding is about.
 */
describe('witness paths on randomly rewired flows', () => {
  const base = generateFlow(120, 11) as Json;

  it('are real paths from Start to the reported step', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(base.edges.length - 1), fc.nat(base.nodes.length - 1), fc.boolean()), {
          maxLength: 12,
        }),
        (changes) => {
          const document = structuredClone(base);
          for (const [edge, target, drop] of changes) {
            const chosen = document.edges[edge];
            if (!chosen) continue;
            if (drop) document.edges.splice(edge, 1);
            else chosen.to = document.nodes[target]!.id;
          }
          const parsed = parseFlow(document);
          if (!parsed.ok) return;
          const flow = parsed.flow;
          const starts = new Set(flow.nodes.filter((node) => node.type === 'start').map((node) => node.id));
          const connected = new Set(flow.edges.map((edge) => `${edge.from}>${edge.to}`));
          for (const diagnostic of checkFlow(flow)) {
            if (!diagnostic.path) continue;
            expect(starts.has(diagnostic.path[0]!)).toBe(true);
            expect(diagnostic.path.at(-1)).toBe(diagnostic.nodeId);
            for (let at = 1; at < diagnostic.path.length; at += 1)
              expect(connected.has(`${diagnostic.path[at - 1]}>${diagnostic.path[at]}`)).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
