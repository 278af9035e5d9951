/** A repeated id: where the second one is, and which kind of id it is. */
export interface Duplicate {
  path: (string | number)[];
  what: 'language' | 'node' | 'edge' | 'purpose' | 'recipient' | 'key';
  id: string;
}

/**
 * Finds repeated ids in a flow document, reading it loosely so that duplicates are found even
 * when other parts of the file are invalid. Data fields and variables share one key space.
 */
export function findDuplicates(document: Record<string, unknown>): Duplicate[] {
  const found: Duplicate[] = [];
  const scan = (what: Duplicate['what'], sources: { list: string; field?: string }[]) => {
    const seen = new Set<string>();
    for (const { list, field } of sources) {
      const items = document[list];
      if (!Array.isArray(items)) continue;
      items.forEach((item: unknown, index) => {
        const value = field === undefined ? item : isRecord(item) ? item[field] : undefined;
        if (typeof value !== 'string') return;
        if (seen.has(value))
          found.push({ path: field === undefined ? [list, index] : [list, index, field], what, id: value });
        seen.add(value);
      });
    }
  };
  scan('language', [{ list: 'languages' }]);
  scan('node', [{ list: 'nodes', field: 'id' }]);
  scan('edge', [{ list: 'edges', field: 'id' }]);
  scan('purpose', [{ list: 'purposes', field: 'id' }]);
  scan('recipient', [{ list: 'recipients', field: 'id' }]);
  scan('key', [
    { list: 'data', field: 'key' },
    { list: 'variables', field: 'key' },
  ]);
  return found;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
