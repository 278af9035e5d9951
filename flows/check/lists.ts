/**
 * Reading the checker's flat lists (the graph's CSR arrays, per-kind node lists, key tables).
 * Every index a rule uses comes from the graph itself — a node's span, an edge number, a position
 * below a length — so it is always in range; these accessors say so once, and fail loudly if a
 * bug ever breaks that, instead of a non-null assertion at every read.
 */

/** The item at `at` of a list the index is known to be inside. */
export function item<T>(list: ArrayLike<T>, at: number): T {
  const value = list[at];
  if (value === undefined) throw new RangeError(`The checker read item ${at} of a list of ${list.length}`);
  return value;
}

/**
 * Where node n's items begin in a flat list whose spans are `starts` (the graph keeps node n's
 * collections, reads, shares, grants, assures and edges at `[starts[n], starts[n + 1])`).
 */
export function firstOf(starts: Int32Array, node: number): number {
  return item(starts, node);
}

/** Where node n's items end (exclusive) in a flat list whose spans are `starts`. */
export function endOf(starts: Int32Array, node: number): number {
  return item(starts, node + 1);
}
