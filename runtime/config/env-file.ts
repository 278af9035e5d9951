/** A `.env` file read into names and values; problems name the line, never the value. */
export interface EnvFileResult {
  values: Record<string, string>;
  /** Line numbers (from 1) that are not `NAME=value`; the other lines are still read. */
  badLines: number[];
}

/**
 * Parses the usual `.env` syntax: `NAME=value`, optional `export `, `#` comments on their own line
 * or after an unquoted value, 'single-quoted' values taken literally, "double-quoted" ones with
 * `\n`, `\"` and `\\` escapes.
 */
export function parseEnvFile(text: string): EnvFileResult {
  const values: Record<string, string> = {};
  const badLines: number[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    const name = match?.[1];
    const value = match ? unquote(match[2] ?? '') : undefined;
    if (!name || value === undefined) {
      badLines.push(index + 1);
      return;
    }
    values[name] = value;
  });
  return { values, badLines };
}

function unquote(value: string): string | undefined {
  if (value.startsWith("'")) {
    const end = value.indexOf("'", 1);
    return end > 0 && /^\s*(#.*)?$/.test(value.slice(end + 1)) ? value.slice(1, end) : undefined;
  }
  if (value.startsWith('"')) {
    const match = /^"((?:[^"\\]|\\.)*)"\s*(#.*)?$/.exec(value);
    if (!match) return undefined;
    return (match[1] ?? '').replace(/\\(.)/g, (_, char: string) => (char === 'n' ? '\n' : char));
  }
  return value.replace(/\s+#.*$/, '').trim();
}
