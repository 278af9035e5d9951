import type { Flow } from '../model/schema.ts';
import { factsOf } from '../nodes/registry.ts';

/** Where a data key is used: the steps that collect it, read it (templates, conditions) and send it on. */
export interface FieldUsage {
  collectedBy: string[];
  readBy: string[];
  sharedBy: string[];
}

/**
 * For every key the flow's steps use, the steps that collect, read and share it, in the order of
 * the flow's nodes (the Flow settings list them beside each field; the data map prints them).
 */
export function fieldUsage(flow: Pick<Flow, 'nodes'>): Map<string, FieldUsage> {
  const usage = new Map<string, FieldUsage>();
  const of = (key: string) => {
    let entry = usage.get(key);
    if (!entry) usage.set(key, (entry = { collectedBy: [], readBy: [], sharedBy: [] }));
    return entry;
  };
  const add = (list: string[], id: string) => {
    if (list[list.length - 1] !== id) list.push(id);
  };
  for (const node of flow.nodes) {
    const facts = factsOf(node);
    for (const collection of facts.collects) add(of(collection.key).collectedBy, node.id);
    for (const key of facts.reads) add(of(key).readBy, node.id);
    for (const share of facts.shares) for (const key of share.keys) add(of(key).sharedBy, node.id);
  }
  return usage;
}
