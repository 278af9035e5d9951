import type { z } from 'zod';
import { fill, type UiLanguage } from '../i18n/index.ts';
import { nodeTypes } from '../nodes/registry.ts';
import { jsonPath } from './json-path.ts';
import { findDuplicates } from './duplicates.ts';
import { migrate } from './migrations/index.ts';
import { parseMessages, type ParseMessageKey } from './parse-messages.ts';
import { currentFlowVersion, flowFormat, flowSchema, type Flow } from './schema.ts';

/** One problem in a flow file: where (a JSON path) and what, in plain words. */
export interface ParseError {
  /** JSON path of the offending value, e.g. `$.nodes[3].text.pt-BR`. */
  path: string;
  /** Stable problem code, for tools; the message is for people. */
  code: ParseMessageKey;
  message: string;
}

export type ParseResult = { ok: true; flow: Flow } | { ok: false; errors: ParseError[] };

export interface ParseOptions {
  /** Language of the error messages (default English). */
  language?: UiLanguage;
}

/**
 * Reads a flow file: JSON text or an already-parsed value. Returns the typed flow, or every
 * problem found with its JSON path; it never throws. Older format versions are migrated first.
 */
export function parseFlow(input: unknown, options: ParseOptions = {}): ParseResult {
  const language = options.language ?? 'en';
  const say = (path: PropertyKey[], code: ParseMessageKey, params: Record<string, string | number> = {}) => ({
    path: jsonPath(path),
    code,
    message: fill(parseMessages[language][code], params),
  });

  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return { ok: false, errors: [say([], 'json', { detail })] };
    }
  }
  if (!isRecord(value)) {
    return { ok: false, errors: [say([], 'not-object', { received: typeName(language, value) })] };
  }
  if (value['format'] !== flowFormat) return { ok: false, errors: [say(['format'], 'format')] };
  const tooDeep = firstTooDeep(value, maxDepth);
  if (tooDeep) return { ok: false, errors: [say(tooDeep, 'too-deep', { depth: maxDepth })] };

  const migrated = migrate(value, currentFlowVersion);
  if (!migrated.ok) {
    return {
      ok: false,
      errors: [
        migrated.problem === 'newer'
          ? say(['version'], 'version-newer', { version: migrated.version })
          : say(['version'], 'version-unknown', {
              current: currentFlowVersion,
              value: JSON.stringify(migrated.version) ?? 'undefined',
            }),
      ],
    };
  }

  const duplicates = findDuplicates(migrated.document).map((duplicate) =>
    say(duplicate.path, 'duplicate', {
      what: parseMessages[language][`what-${duplicate.what}`],
      id: duplicate.id,
    }),
  );
  const result = flowSchema.safeParse(migrated.document, { reportInput: true });
  if (result.success && duplicates.length === 0) return { ok: true, flow: result.data };
  const errors = result.success ? [] : result.error.issues.flatMap((issue) => describeIssue(issue, language));
  return { ok: false, errors: dedupe([...errors, ...duplicates]) };
}

/**
 * How deeply a flow file may nest objects and arrays. A flow itself needs about ten levels; the
 * rest is room for mock response bodies. Deeper values would overflow the stack of the code that
 * copies, hashes or writes them (validation, export), so they are refused here, with their path.
 */
const maxDepth = 100;

/** The path to the first value nested deeper than `limit`, found without recursion. */
function firstTooDeep(root: Record<string, unknown>, limit: number): PropertyKey[] | undefined {
  const values: object[] = [root];
  const depths: number[] = [0];
  const parents: number[] = [-1];
  const keys: PropertyKey[] = [''];
  for (let at = 0; at < values.length; at += 1) {
    const depth = depths[at]!;
    const value = values[at]!;
    const visit = (item: unknown, key: PropertyKey) => {
      if (typeof item !== 'object' || item === null) return;
      values.push(item);
      depths.push(depth + 1);
      parents.push(at);
      keys.push(key);
    };
    if (depth >= limit) {
      const path: PropertyKey[] = [];
      for (let node = at; node > 0; node = parents[node]!) path.unshift(keys[node]!);
      return path;
    }
    if (Array.isArray(value)) value.forEach(visit);
    else for (const [key, item] of Object.entries(value)) visit(item, key);
  }
  return undefined;
}

/** Turns one zod issue into messages a designer understands. */
function describeIssue(issue: z.core.$ZodIssue, language: UiLanguage): ParseError[] {
  const messages = parseMessages[language];
  const path = [...issue.path];
  const field = String(lastName(path) ?? '');
  const error = (code: ParseMessageKey, params: Record<string, string | number> = {}, at: PropertyKey[] = path) => ({
    path: jsonPath(at),
    code,
    message: fill(messages[code], { field, ...params }),
  });
  const input = 'input' in issue ? issue.input : undefined;
  const shown = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value)));

  if (issue.message.startsWith('amana:')) {
    const code = issue.message.slice('amana:'.length);
    if (code === 'empty-text') return [error('empty-text')];
    if (isMessageKey(code)) return [error(code, { value: shown(input) })];
  }

  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return [error('required')];
      if (issue.expected === 'int') return [error('integer')];
      return [
        error('type', {
          expected: typeName(language, sampleOf(issue.expected)),
          received: typeName(language, input),
        }),
      ];
    case 'unrecognized_keys':
      return issue.keys.map((key) => error('unknown-key', { key }, [...path, key]));
    case 'invalid_value':
      if (input === undefined) return [error('required')];
      if (issue.values.length === 1) return [error('literal', { expected: JSON.stringify(issue.values[0]) })];
      return [error('enum', { value: shown(input), options: issue.values.map(String).join(', ') })];
    case 'invalid_union':
      if ('discriminator' in issue && issue.discriminator === 'type' && isRecord(input)) {
        const options = nodeTypes.join(', ');
        const typePath = path.at(-1) === 'type' ? path : [...path, 'type'];
        return input['type'] === undefined
          ? [error('node-type-missing', { options }, typePath.slice(0, -1))]
          : [error('node-type', { value: shown(input['type']), options }, typePath)];
      }
      return [error('invalid')];
    case 'too_small':
      if (issue.origin === 'array' || issue.origin === 'set')
        return [error('too-few', { minimum: String(issue.minimum) })];
      if (issue.origin === 'string') return [error('too-short')];
      return [error('too-small', { minimum: String(issue.minimum) })];
    case 'too_big':
      return [error('too-big', { maximum: String(issue.maximum) })];
    case 'invalid_key':
      // A record key that is not a language tag, e.g. "text": { "portuguese": "…" }.
      return [error('language-tag', { value: String(path.at(-1) ?? '') })];
    case 'not_multiple_of':
      return [error('integer')];
    default:
      return [error('invalid')];
  }
}

function isMessageKey(code: string): code is ParseMessageKey {
  return code in parseMessages.en;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The last named segment of a path (the field), skipping array indexes. */
function lastName(path: PropertyKey[]): PropertyKey | undefined {
  for (let i = path.length - 1; i >= 0; i -= 1) if (typeof path[i] === 'string') return path[i];
  return undefined;
}

function sampleOf(expected: string): unknown {
  const samples: Record<string, unknown> = { string: '', number: 0, boolean: true, array: [], object: {}, null: null };
  return expected in samples ? samples[expected] : {};
}

function typeName(language: UiLanguage, value: unknown): string {
  const messages = parseMessages[language];
  if (value === undefined) return messages['type-missing'];
  if (value === null) return messages['type-null'];
  if (Array.isArray(value)) return messages['type-array'];
  switch (typeof value) {
    case 'string':
      return messages['type-string'];
    case 'number':
      return messages['type-number'];
    case 'boolean':
      return messages['type-boolean'];
    default:
      return messages['type-object'];
  }
}

function dedupe(errors: ParseError[]): ParseError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.path}\u0000${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
