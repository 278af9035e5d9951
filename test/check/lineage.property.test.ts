import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFlow } from '../../flows/check/index.ts';
import { parseFlow, templateKeys } from '../../flows/index.ts';

type Json = {
  data: { key: string; category: string }[];
  nodes: (Record<string, unknown> & { id: string; type: string; text?: Record<string, string> })[];
  edges: { id: string; from: string; to: string; outcome?: string }[];
};

const examples = join(import.meta.dirname, '../../flows/examples');
const flows = readdirSync(examples)
  .filter((file) => file.endsWith('.flow.json'))
  .sort()
  .map((file) => [file, JSON.parse(readFileSync(join(examples, file), 'utf8')) as Json] as const);

/** Messages that read a declared field: the places a value can be renamed before it is shown. */
function readers(flow: Json): { node: string; key: string }[] {
  const declared = new Set(flow.data.map((field) => field.key));
  return flow.nodes.flatMap((node) =>
    node.type === 'message' && node.text
      ? [...new Set(Object.values(node.text).flatMap((text) => templateKeys(text)))]
          .filter((key) => declared.has(key))
          .map((key) => ({ node: node.id, key }))
      : [],
  );
}

/**
 * Puts a chain of `length` Set variable steps before `reader`, each copying the previous key into a
 * new one, and makes the message read the last copy. The copies are declared as personal data of
 * the plainest kind (`user.content`, same purposes, basis and retention): a copy must be judged as
 * the data it holds (DESIGN.md §2 “Lineage”), not by its own declaration.
 */
function renamed(flow: Json, reader: { node: string; key: string }, length: number): Json {
  const copy = structuredClone(flow);
  const field = copy.data.find((candidate) => candidate.key === reader.key)!;
  const keys = Array.from({ length }, (_, at) => `${reader.key}_copy_${at + 1}`);
  copy.data.push(...keys.map((key) => ({ ...field, key, category: 'user.content' })));
  const chain = keys.map((key, at) => ({
    id: `rename-${at + 1}`,
    type: 'set',
    position: { x: 0, y: 0 },
    key,
    value: `{{${at === 0 ? reader.key : keys[at - 1]}}}`,
  }));
  for (const edge of copy.edges) if (edge.to === reader.node) edge.to = chain[0]!.id;
  copy.edges.push(
    ...chain.map((step, at) => ({ id: `e-rename-${at + 1}`, from: step.id, to: chain[at + 1]?.id ?? reader.node })),
  );
  const message = copy.nodes.find((node) => node.id === reader.node)!;
  for (const language in message.text)
    message.text[language] = message.text[language]!.replaceAll(
      new RegExp(`\\{\\{\\s*${reader.key.replace('.', '\\.')}\\s*\\}\\}`, 'g'),
      `{{${keys.at(-1)}}}`,
    );
  copy.nodes.push(...chain);
  return copy;
}

function rulesOf(flow: unknown): string[] {
  const parsed = parseFlow(flow);
  if (!parsed.ok) throw new Error(parsed.errors.map((error) => error.message).join('\n'));
  return [...new Set(checkFlow(parsed.flow).map((diagnostic) => diagnostic.rule))].sort();
}

describe('lineage: renaming a value through a chain of Set variable steps', () => {
  it.each(flows.filter(([, flow]) => readers(flow).length > 0))(
    '%s: never changes the rules the checker reports',
    (_file, flow) => {
      const before = rulesOf(flow);
      fc.assert(
        fc.property(fc.constantFrom(...readers(flow)), fc.integer({ min: 1, max: 4 }), (reader, length) => {
          expect(rulesOf(renamed(flow, reader, length))).toEqual(before);
        }),
        { numRuns: 20 },
      );
    },
  );
});
