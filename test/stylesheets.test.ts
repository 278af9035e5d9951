// The studio's stylesheets are plain CSS: a rule left open by a merge silently nests every rule
// after it (Chromium reads CSS nesting), which unstyled the whole editor once. This finds that.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url).pathname;

function stylesheets(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return stylesheets(path);
    return entry.name.endsWith('.css') ? [path] : [];
  });
}

/** Where a rule opens inside another rule (an at-rule such as @media may hold rules), or is left open. */
function nestingMistakes(css: string): string[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
  const open: { atRule: boolean; line: number }[] = [];
  const mistakes: string[] = [];
  let line = 1;
  let start = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '\n') line += 1;
    if (char === '{') {
      const prelude = text.slice(start, index).trim();
      const parent = open.at(-1);
      if (parent && !parent.atRule) mistakes.push(`line ${line}: “${prelude}” opens inside a rule`);
      open.push({ atRule: prelude.startsWith('@'), line });
      start = index + 1;
    } else if (char === '}') {
      if (open.pop() === undefined) mistakes.push(`line ${line}: a closing brace with no rule open`);
      start = index + 1;
    } else if (char === ';') {
      start = index + 1;
    }
  }
  for (const rule of open) mistakes.push(`line ${rule.line}: a rule is never closed`);
  return mistakes;
}

describe('stylesheets', () => {
  it('finds a rule a merge left open', () => {
    expect(nestingMistakes('.a {\n  color: red;\n\n.b {\n  color: blue;\n}\n')).toEqual([
      'line 4: “.b” opens inside a rule',
      'line 1: a rule is never closed',
    ]);
    expect(nestingMistakes('@media print {\n  .a {\n    color: red;\n  }\n}\n')).toEqual([]);
  });

  it.each(stylesheets(join(root, 'renderer')).map((path) => [relative(root, path), path]))(
    '%s closes every rule it opens and nests none in another',
    (_name, path) => {
      expect(nestingMistakes(readFileSync(path, 'utf8'))).toEqual([]);
    },
  );
});
