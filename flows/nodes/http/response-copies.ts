import { templateKeys } from '../../model/common.ts';
import type { Copy } from '../kind.ts';
import { bodyKind, jsonPlaceholderPlaces } from './body-template.ts';
import { jsonPathSegments } from './json-path.ts';
import { sentKeys, templatedKeys } from './request.ts';
import type { HttpNode } from './schema.ts';

/**
 * Which of the values a request sends each `saveResponse` mapping may hold (lineage, DESIGN.md §2).
 *
 * A recipient's answer is its own data — a ticket number, an order status — unless it echoes what
 * was sent. Counting every answer to a request that sent personal data as a copy of it reports
 * ordinary flows (a ticket number would be “the customer's email”), so a mapping is a copy of a
 * sent key only when:
 * - its path is exactly the place the request put the key (`from`): the key's member path in a
 *   JSON body, its name as a form field or URL query parameter, or the key itself for a `send` key
 *   no template reads (which travels under its own name); or
 * - the designer declares the saved key as the same kind of data as a field the request sent
 *   (`sameKindFrom`: the checker compares the declared categories), as a CRM's normalised copy of
 *   the email it was sent would be declared.
 * Headers and URL path segments have no name a response could echo, and a mapping whose path is
 * not a path copies nothing.
 */
export function responseCopies(node: HttpNode): Copy[] {
  const mappings = node.saveResponse ?? [];
  if (mappings.length === 0) return [];
  const sent = sentKeys(node);
  if (sent.length === 0) return [];
  const places = sentPlaces(node);
  return mappings.map((mapping) => {
    const segments = jsonPathSegments(mapping.from);
    return { key: mapping.to, from: segments ? (places.get(placeName(segments)) ?? []) : [], sameKindFrom: sent };
  });
}

/** The keys the request puts at each named place (a JSON path, as `placeName`). */
function sentPlaces(node: HttpNode): Map<string, string[]> {
  const places = new Map<string, string[]>();
  const put = (path: readonly (string | number)[], keys: readonly string[]) => {
    const name = placeName(path);
    const list = places.get(name) ?? [];
    for (const key of keys) if (!list.includes(key)) list.push(key);
    places.set(name, list);
  };
  const templated = new Set(templatedKeys(node));
  for (const key of node.send) if (!templated.has(key)) put([key], [key]);
  const query = node.url.split('#')[0]?.split('?')[1];
  if (query !== undefined) for (const [name, keys] of formFields(query)) put([name], keys);
  if (node.body !== undefined) {
    const contentType =
      Object.entries(node.headers ?? {}).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
    const kind = bodyKind(node.body, contentType);
    if (kind === 'json') for (const { path, keys } of jsonPlaceholderPlaces(node.body)) put(path, keys);
    if (kind === 'form') for (const [name, keys] of formFields(node.body)) put([name], keys);
  }
  return places;
}

/** The fields of `a=x&b={{key}}` that read keys, by name. */
function formFields(text: string): [string, string[]][] {
  return text.split('&').flatMap((pair): [string, string[]][] => {
    const equals = pair.indexOf('=');
    if (equals < 0) return [];
    const keys = templateKeys(pair.slice(equals + 1));
    return keys.length === 0 ? [] : [[decodedName(pair.slice(0, equals)), keys]];
  });
}

function decodedName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

function placeName(path: readonly (string | number)[]): string {
  return JSON.stringify(path);
}
