import type { Flow } from '../model/schema.ts';
import { factsOf } from '../nodes/registry.ts';

/** Every data key the flow declares, stores, reads or sends. */
export function usedKeys(flow: Flow): Set<string> {
  const keys = new Set<string>();
  for (const field of flow.data) keys.add(field.key);
  for (const variable of flow.variables) keys.add(variable.key);
  for (const node of flow.nodes) for (const key of keysOfNode(node)) keys.add(key);
  return keys;
}

/** The keys one node stores, reads or sends (from its kind's privacy facts). */
export function keysOfNode(node: Flow['nodes'][number]): string[] {
  const facts = factsOf(node);
  return [
    ...facts.collects.map((collection) => collection.key),
    ...facts.reads,
    ...facts.shares.flatMap((sharing) => sharing.keys),
    ...(facts.assures ?? []).flatMap((assured) => assured.keys),
  ];
}
