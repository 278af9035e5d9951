import { describe, expect, it } from 'vitest';
import { checkFlow } from '../flows/check/index.ts';
import { parseFlow, nodeTypes } from '../flows/index.ts';
import { generateFlow } from './check-generator.ts';

describe('the benchmark’s flow generator', () => {
  it('is deterministic for a size and seed', () => {
    expect(generateFlow(300, 7)).toEqual(generateFlow(300, 7));
    expect(generateFlow(300, 7)).not.toEqual(generateFlow(300, 8));
  });

  it('makes valid flows of about the asked size that use every node kind', () => {
    for (const size of [200, 2000]) {
      const parsed = parseFlow(generateFlow(size));
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
      expect(Math.abs(parsed.flow.nodes.length - size)).toBeLessThan(25);
      expect(new Set(parsed.flow.nodes.map((node) => node.type))).toEqual(new Set(nodeTypes));
    }
  });

  // A generated flow is compliant by construction, so any finding is a false positive: the
  // checker is run over several seeds of branches, loops, consents and handoffs.
  it('checks clean for several seeds (no false positives on large, looping flows)', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const parsed = parseFlow(generateFlow(1500, seed));
      if (!parsed.ok) throw new Error('generated flow does not parse');
      expect(checkFlow(parsed.flow), `seed ${seed}`).toEqual([]);
    }
  });
});
