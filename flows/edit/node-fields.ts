import { findKind } from '../nodes/registry.ts';
import type { FlowNode } from '../model/schema.ts';

/** A JSON path below a node: `['options', 0, 'label']`. */
export type FieldPath = readonly (string | number)[];

/**
 * A copy of `value` with the value at `path` replaced; `undefined` removes an object's key or an
 * array's item. Objects on the path are copied, everything else is shared. A key added to a node
 * goes where its kind's schema lists it, so a saved file reads as a parsed one does.
 */
function withValueAt(value: unknown, path: FieldPath, replacement: unknown, order?: readonly string[]): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  if (Array.isArray(value)) {
    const index = Number(head);
    const copy = [...value];
    const inner = withValueAt(copy[index], rest, replacement);
    if (inner === undefined) copy.splice(index, 1);
    else copy[index] = inner;
    return copy;
  }
  const record: Record<string, unknown> = typeof value === 'object' && value !== null ? { ...value } : {};
  const key = String(head);
  const inner = withValueAt(record[key], rest, replacement);
  if (inner === undefined) {
    delete record[key];
    return record;
  }
  if (Object.hasOwn(record, key) || order === undefined || !order.includes(key)) {
    record[key] = inner;
    return record;
  }
  const ordered: Record<string, unknown> = {};
  let written = false;
  for (const [existing, item] of Object.entries(record)) {
    if (!written && order.indexOf(key) < order.indexOf(existing)) {
      ordered[key] = inner;
      written = true;
    }
    ordered[existing] = item;
  }
  if (!written) ordered[key] = inner;
  return ordered;
}

/** The value at a path below a node (undefined when there is none). */
export function valueAt(value: unknown, path: FieldPath): unknown {
  let current = value;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** A copy of the node with one field set; the result is only a FlowNode once it parses. */
export function nodeWith(node: FlowNode, path: FieldPath, replacement: unknown): FlowNode {
  const order = Object.keys(findKind(node.type)?.schema.shape ?? {});
  // The caller's value is checked by the parser before the document keeps it (see validateNode).
  return withValueAt(node, path, replacement, order) as FlowNode;
}
