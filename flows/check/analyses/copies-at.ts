import type { Lineage } from './lineage.ts';

/** A key read or sent at a step that may hold a copy of a personal field there. */
export interface CopyAt {
  node: number;
  /** The key the step reads or sends. */
  copy: string;
  /** The personal field its value may come from. */
  origin: string;
  /** The shortest path from a start on which the copy holds the origin at `node`, through `step`. */
  path?: number[];
  /** The step on that path where the copy was made. */
  step?: number;
}

/**
 * Of the keys steps read or send, those that may hold copies of personal fields there, each with
 * its origin and a witness path through the copy step (one path search per copy and origin, for
 * all the steps that use it). In the order of `uses`, each use's origins in the order of the copy's.
 */
export function copiesAt(lineage: Lineage, uses: readonly { node: number; key: string }[]): CopyAt[] {
  if (lineage.copies.size === 0) return [];
  const found: CopyAt[] = [];
  const wanted = new Map<string, { copy: string; origin: string; nodes: Set<number> }>();
  for (const { node, key } of uses) {
    if (!lineage.copies.has(key)) continue;
    for (const origin of lineage.originsAt(node, key)) {
      found.push({ node, copy: key, origin });
      const pair = `${key}\u0000${origin}`;
      const entry = wanted.get(pair) ?? { copy: key, origin, nodes: new Set<number>() };
      entry.nodes.add(node);
      wanted.set(pair, entry);
    }
  }
  const witnesses = new Map<string, ReturnType<Lineage['witnesses']>>();
  for (const [pair, { copy, origin, nodes }] of wanted) witnesses.set(pair, lineage.witnesses(copy, origin, nodes));
  return found.map((each) => {
    const witness = witnesses.get(`${each.copy}\u0000${each.origin}`)?.get(each.node);
    return witness ? { ...each, path: witness.path, step: witness.step } : each;
  });
}

/**
 * What a finding about a copy carries (../rule.ts `Finding`): the witness through the copy step and
 * the copy itself, which fills `{copyStep}` in its message and marks the step in SARIF code flows.
 */
export function throughCopy(found: CopyAt): {
  path?: number[];
  copy?: { key: string; origin: string; step: number };
} {
  return {
    ...(found.path ? { path: found.path } : {}),
    ...(found.step === undefined ? {} : { copy: { key: found.copy, origin: found.origin, step: found.step } }),
  };
}
