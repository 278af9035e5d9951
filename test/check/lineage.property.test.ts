import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFlow } from '../../flows/check/index.ts';
import { parseFlow, templateKeys } from '../../flows/index.ts';

type Node = Record<string, unknown> & {
  id: string;
  type: string;
  text?: Record<string, string>;
  send?: string[];
  share?: string[];
  url?: string;
  body?: string;
  headers?: Record<string, string>;
};
type Json = {
  data: (Record<string, unknown> & { key: string; category: string })[];
  recipients: { id: string }[];
  nodes: Node[];
  edges: { id: string; from: string; to: string; outcome?: string }[];
};

const examples = join(import.meta.dirname, '../../flows/examples');
const flows = readdirSync(examples)
  .filter((file) => file.endsWith('.flow.json'))
  .sort()
  .map((file) => [file, JSON.parse(readFileSync(join(examples, file), 'utf8')) as Json] as const);

/** Every template of a step that reads keys: a message's texts, a request's URL, body and headers. */
function templatesOf(node: Node): string[] {
  if (node.type === 'message') return Object.values(node.text ?? {});
  if (node.type === 'http') return [node.url ?? '', node.body ?? '', ...Object.values(node.headers ?? {})];
  return [];
}

/**
 * The steps that read, send or pass on a declared field (messages, requests, handoffs): the
 * places a value can be renamed before it is used.
 */
function readers(flow: Json): { node: string; key: string }[] {
  const declared = new Set(flow.data.map((field) => field.key));
  return flow.nodes.flatMap((node) =>
    [
      ...new Set([
        ...templatesOf(node).flatMap((text) => templateKeys(text)),
        ...(node.send ?? []),
        ...(node.share ?? []),
      ]),
    ]
      .filter((key) => declared.has(key))
      .map((key) => ({ node: node.id, key })),
  );
}

/**
 * Puts a chain of `length` Set variable steps before `reader`, each copying the previous key into a
 * new one, and makes the step read, send or pass on the last copy instead. The copies are declared
 * as personal data of the plainest kind and the widest declaration (`user.content`, legitimate
 * interests, shared with every recipient, same purposes and retention): a copy must be judged as the
 * data it holds (DESIGN.md §2 “Lineage”), not by its own declaration.
 */
function renamed(flow: Json, reader: { node: string; key: string }, length: number): Json {
  const copy = structuredClone(flow);
  const field = copy.data.find((candidate) => candidate.key === reader.key)!;
  const keys = Array.from({ length }, (_, at) => `${reader.key}_copy_${at + 1}`);
  const everyone = copy.recipients.map((recipient) => recipient.id);
  copy.data.push(
    ...keys.map((key) => ({
      ...field,
      key,
      category: 'user.content',
      legalBasis: 'legitimate_interests',
      sharedWith: everyone,
    })),
  );
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
  const last = keys.at(-1)!;
  const placeholder = new RegExp(`\\{\\{\\s*${reader.key.replace('.', '\\.')}\\s*\\}\\}`, 'g');
  const rename = (text: string) => text.replaceAll(placeholder, `{{${last}}}`);
  const step = copy.nodes.find((node) => node.id === reader.node)!;
  for (const language in step.text) step.text[language] = rename(step.text[language]!);
  if (step.url !== undefined) step.url = rename(step.url);
  if (step.body !== undefined) step.body = rename(step.body);
  for (const name in step.headers) step.headers[name] = rename(step.headers[name]!);
  if (step.send) step.send = step.send.map((key) => (key === reader.key ? last : key));
  if (step.share) step.share = step.share.map((key) => (key === reader.key ? last : key));
  copy.nodes.push(...chain);
  return copy;
}

/**
 * What the checker reports: the rules, and each finding as rule, step and field (a finding through
 * a copy names the field it holds, so renaming changes messages and paths, never these).
 */
function reported(flow: unknown): { rules: string[]; findings: string[] } {
  const parsed = parseFlow(flow);
  if (!parsed.ok) throw new Error(parsed.errors.map((error) => error.message).join('\n'));
  // What the copies' own declarations lack (a retention the original lacks too) is about them, not the data.
  const diagnostics = checkFlow(parsed.flow).filter((diagnostic) => !diagnostic.dataKey?.includes('_copy_'));
  return {
    rules: [...new Set(diagnostics.map((diagnostic) => diagnostic.rule))].sort(),
    findings: [
      ...new Set(diagnostics.map(({ rule, nodeId, dataKey }) => `${rule} ${nodeId ?? '-'} ${dataKey ?? '-'}`)),
    ].sort(),
  };
}

/**
 * The flow as it is, and mistakes that only the renamed step's field would make (so the rule that
 * reports them has nothing else to report in a compliant flow): the field shared with no recipient,
 * and the step's request sent over plain http.
 */
function variants(flow: Json, reader: { node: string; key: string }): [string, Json][] {
  const unshared = structuredClone(flow);
  for (const field of unshared.data) if (field.key === reader.key) field['sharedWith'] = [];
  const plain = structuredClone(flow);
  for (const node of plain.nodes)
    if (node.id === reader.node && node.url !== undefined) node.url = node.url.replace(/^https:/, 'http:');
  return [
    ['as it is', flow],
    ['the field shared with nobody', unshared],
    ['the request over plain http', plain],
  ];
}

describe('lineage: renaming a value through a chain of Set variable steps', () => {
  it('has places to rename in messages, requests and handoffs', () => {
    const kinds = new Set(
      flows.flatMap(([, flow]) =>
        readers(flow).map((reader) => flow.nodes.find((node) => node.id === reader.node)?.type),
      ),
    );
    expect([...kinds].sort()).toEqual(['handoff', 'http', 'message']);
  });

  it.each(flows.filter(([, flow]) => readers(flow).length > 0))(
    '%s: never changes the rules the checker reports, nor which step they report about which field',
    (_file, flow) => {
      fc.assert(
        fc.property(fc.constantFrom(...readers(flow)), fc.integer({ min: 1, max: 4 }), (reader, length) => {
          for (const [variant, mistaken] of variants(flow, reader)) {
            const before = reported(mistaken);
            const after = reported(renamed(mistaken, reader, length));
            expect(after.rules, variant).toEqual(before.rules);
            expect(after.findings, variant).toEqual(before.findings);
          }
        }),
        { numRuns: 30 },
      );
    },
  );
});
