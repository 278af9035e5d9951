import { parseEnv } from 'node:util';

/** A `.env` file read into names and values; problems name the line, never the value. */
export interface EnvFileResult {
  values: Record<string, string>;
  /** Line numbers (from 1) that are not `NAME=value`; the other lines are still read. */
  badLines: number[];
}

const setting = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/;
const name = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Reads a `.env` file with Node's own parser (`util.parseEnv`, the syntax of `node --env-file`:
 * `NAME=value`, optional `export `, `#` comments, quoted values, `\n` in double quotes), and names
 * the lines that are not settings, which that parser passes over silently.
 */
export function parseEnvFile(text: string): EnvFileResult {
  const badLines: number[] = [];
  const lines = text.split(/\r?\n/).map((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || setting.test(trimmed)) return line;
    badLines.push(index + 1);
    // Node's parser would read on past a line without `=` into the next one and lose that setting.
    return '';
  });
  const parsed = parseEnv(lines.join('\n'));
  // In the file's order (Node's parser gives them sorted), so messages list settings as written.
  const written = lines.flatMap((line) => setting.exec(line.trim())?.[1] ?? []);
  const values: Record<string, string> = {};
  for (const key of new Set([...written, ...Object.keys(parsed)])) {
    const value = parsed[key];
    if (name.test(key) && value !== undefined) values[key] = value;
  }
  return { values, badLines };
}
