import { textsOf } from '../../nodes/registry.ts';
import type { FlowNode } from '../../model/schema.ts';
import { nodeWith } from '../node-fields.ts';
import { fixLabel } from './fix-labels.ts';
import type { FixBuilder } from './quick-fix.ts';

/**
 * `wa-label-too-long`: every over-long label of the step cut to WhatsApp's limit (counted in code
 * points, as WhatsApp counts) at a word boundary where one is near; the cursor goes to the first
 * so the designer can reword it with the limit in sight.
 */
export const shortenLabels: FixBuilder = (flow, problem, language) => {
  const node = flow.nodes.find((candidate) => candidate.id === problem.nodeId);
  if (!node) return [];
  let changed: FlowNode = node;
  let first: (string | number)[] | undefined;
  let limit = 0;
  for (const site of textsOf(node)) {
    if (site.rule !== 'wa-label-too-long') continue;
    const text: Record<string, string> = { ...site.text };
    let shortened = false;
    for (const [tag, value] of Object.entries(site.text)) {
      if ([...value].length <= site.maxLength) continue;
      text[tag] = shorten(value, site.maxLength);
      shortened = true;
    }
    if (!shortened) continue;
    changed = nodeWith(changed, site.path, text);
    first ??= [...site.path];
    limit = limit || site.maxLength;
  }
  if (changed === node || first === undefined) return [];
  return [
    {
      kind: 'shorten-label',
      label: fixLabel(language, 'shorten-label', { max: limit }),
      op: { op: 'replaceNode', node: changed },
      focus: { nodeId: node.id, path: first },
    },
  ];
};

/** At most `max` code points, ending at the last word boundary when it keeps at least half. */
export function shorten(value: string, max: number): string {
  const points = [...value];
  const cut = points.slice(0, max).join('');
  if (points[max] === ' ') return cut.trimEnd();
  const boundary = cut.lastIndexOf(' ');
  return (boundary >= max / 2 ? cut.slice(0, boundary) : cut).trimEnd();
}
