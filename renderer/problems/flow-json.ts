import type { Flow } from '../../flows/index.ts';

/** Each step's and connection's JSON text, kept while the object lives (edits replace, never mutate, them). */
const texts = new WeakMap<object, string>();

function jsonOf(item: object): string {
  let text = texts.get(item);
  if (text === undefined) texts.set(item, (text = JSON.stringify(item)));
  return text;
}

/**
 * The flow as JSON text for the check worker, without writing out again the steps and connections
 * an edit left alone: on a 2,000-node flow, serialising the whole flow at every edit was the
 * largest part of the page's work between an edit and its check.
 */
export function flowJson(flow: Flow): string {
  const { nodes, edges, ...rest } = flow;
  // As JSON.stringify does, a field holding undefined is left out.
  const fields = Object.entries(rest)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`);
  fields.push(`"nodes":[${nodes.map(jsonOf).join(',')}]`, `"edges":[${edges.map(jsonOf).join(',')}]`);
  return `{${fields.join(',')}}`;
}
