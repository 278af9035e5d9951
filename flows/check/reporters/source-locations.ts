import { item } from '../lists.ts';
/** A place in a text file: 1-based line and column (in UTF-16 code units, as editors count). */
export interface SourcePosition {
  line: number;
  column: number;
}

/** Where each node, edge and data field of a flow file begins, by position in its array. */
export interface FlowLocations {
  nodes: SourcePosition[];
  edges: SourcePosition[];
  data: SourcePosition[];
}

const located = ['nodes', 'edges', 'data'] as const;

/**
 * Finds where the items of `nodes`, `edges` and `data` start in a flow file's JSON text, so code
 * scanning can point at the line of a finding. Reads the text the way JSON.parse does; a text
 * that is not JSON gives what was found before the problem.
 */
export function locateFlow(source: string): FlowLocations {
  const offsets: Record<(typeof located)[number], number[]> = { nodes: [], edges: [], data: [] };
  let at = 0;

  const space = () => {
    while (at < source.length && ' \t\n\r'.includes(item(source, at))) at += 1;
  };
  const string = (): string => {
    const start = at;
    at += 1;
    while (at < source.length && source[at] !== '"') at += source[at] === '\\' ? 2 : 1;
    at += 1;
    try {
      return JSON.parse(source.slice(start, at)) as string;
    } catch {
      return '';
    }
  };
  const value = (depth: number): void => {
    space();
    const char = source[at];
    if (char === '{') {
      at += 1;
      space();
      while (at < source.length && source[at] !== '}') {
        space();
        const key = string();
        space();
        at += 1; // the colon
        const wanted = depth === 0 ? located.find((name) => name === key) : undefined;
        if (wanted !== undefined) array(depth + 1, offsets[wanted]);
        else value(depth + 1);
        space();
        if (source[at] === ',') at += 1;
        space();
      }
      at += 1;
    } else if (char === '[') {
      array(depth + 1);
    } else if (char === '"') {
      string();
    } else {
      while (at < source.length && !',]} \t\n\r'.includes(item(source, at))) at += 1;
    }
  };
  const array = (depth: number, items?: number[]): void => {
    space();
    if (source[at] !== '[') return value(depth);
    at += 1;
    space();
    while (at < source.length && source[at] !== ']') {
      space();
      items?.push(at);
      value(depth + 1);
      space();
      if (source[at] === ',') at += 1;
      space();
    }
    at += 1;
  };

  // Only the keys of the top-level object (depth 0) are looked at.
  space();
  if (source[at] === '{') value(0);

  const lineStarts = [0];
  for (let index = 0; index < source.length; index += 1) if (source[index] === '\n') lineStarts.push(index + 1);
  const position = (offset: number): SourcePosition => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
  };
  return {
    nodes: offsets.nodes.map(position),
    edges: offsets.edges.map(position),
    data: offsets.data.map(position),
  };
}
