import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFlow } from './parse.ts';

const examplesDir = new URL('../examples/', import.meta.url);
const examples = readdirSync(examplesDir)
  .filter((name) => name.endsWith('.flow.json'))
  .map((name) => JSON.parse(readFileSync(new URL(name, examplesDir), 'utf8')) as unknown);
examples.push(JSON.parse(readFileSync(new URL('./fixtures/design-example.flow.json', import.meta.url), 'utf8')));

/** Every path to a value inside a JSON document. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((item, i) => pathsOf(item, [...prefix, i]))];
  if (typeof value === 'object' && value !== null) {
    return [prefix, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...prefix, key]))];
  }
  return [prefix];
}

/** Replaces (or deletes, when replacement is undefined) the value at a path of a copy. */
function mutate(document: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(document) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const segment of path.slice(0, -1)) parent = parent[segment] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (replacement === undefined) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else parent[last] = replacement;
  return copy;
}

function expectWellFormed(input: unknown): void {
  const result = parseFlow(input);
  if (!result.ok) {
    expect(result.errors.length).toBeGreaterThan(0);
    for (const error of result.errors) {
      expect(error.path.startsWith('$')).toBe(true);
      expect(error.message.length).toBeGreaterThan(0);
    }
  }
}

describe('parseFlow never throws', () => {
  it('on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => expectWellFormed(value)),
      { numRuns: 500 },
    );
  });

  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (value) => expectWellFormed(value)),
      { numRuns: 300 },
    );
  });

  it('on examples with one value replaced or removed', () => {
    const mutation = fc
      .constantFrom(...examples)
      .chain((example) =>
        fc.tuple(
          fc.constant(example),
          fc.constantFrom(...pathsOf(example)),
          fc.oneof(fc.constant(undefined), fc.jsonValue({ maxDepth: 2 })),
        ),
      );
    fc.assert(
      fc.property(mutation, ([example, path, replacement]) => expectWellFormed(mutate(example, path, replacement))),
      { numRuns: 1000 },
    );
  });
});
