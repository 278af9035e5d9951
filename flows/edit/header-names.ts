/** A request's headers as the studio edits them: name and value pairs, in the order shown. */
export type HeaderEntries = readonly (readonly [string, string])[];

/**
 * Why a header name was refused: blank, or another header of the same request already has it
 * (HTTP header names are the same whatever their case, RFC 9110 §5.1).
 */
export type HeaderNameRefusal = { reason: 'blank' } | { reason: 'taken'; name: string };

/**
 * The headers with the one at `index` renamed (trimmed), or why not: renaming onto a name another
 * header has would merge the two and lose one, so it is refused and nothing changes.
 */
export function renameHeader(
  entries: HeaderEntries,
  index: number,
  name: string,
): { ok: true; entries: [string, string][] } | ({ ok: false } & HeaderNameRefusal) {
  const trimmed = name.trim();
  if (!trimmed) return { ok: false, reason: 'blank' };
  if (entries.some(([other], at) => at !== index && other.toLowerCase() === trimmed.toLowerCase()))
    return { ok: false, reason: 'taken', name: trimmed };
  return { ok: true, entries: entries.map(([n, v], at) => (at === index ? [trimmed, v] : [n, v])) };
}

/** A name for a new header that no header has yet: `first`, else `X-Header-2`, `X-Header-3`… */
export function newHeaderName(entries: HeaderEntries, first: string): string {
  const taken = (name: string) => entries.some(([other]) => other.toLowerCase() === name.toLowerCase());
  let name = first;
  for (let n = entries.length + 1; taken(name); n += 1) name = `X-Header-${n}`;
  return name;
}
