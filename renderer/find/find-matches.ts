import type { Flow } from '../../flows/index.ts';
import { findKind } from '../../flows/index.ts';

/** Lower case without accents, so “acao” finds “Ação”. */
function folded(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

function strings(value: unknown, into: string[]): void {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) strings(item, into);
  else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) strings(item, into);
}

/**
 * The steps a find query matches, in flow order: its text in any language, its id, the data keys
 * it saves, sends or reads, or its kind's name in any interface language.
 */
export function findMatches(flow: Flow, query: string): string[] {
  const wanted = folded(query.trim());
  if (wanted === '') return [];
  return flow.nodes
    .filter((node) => {
      const found: string[] = [];
      strings({ ...node, position: undefined }, found);
      const label = findKind(node.type)?.label;
      if (label) found.push(...Object.values(label));
      return found.some((value) => folded(value).includes(wanted));
    })
    .map((node) => node.id);
}
