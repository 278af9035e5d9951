import type { z } from 'zod';
import type { UiLanguage } from '../../i18n/index.ts';
import { jsonPath } from '../../model/json-path.ts';
import { transcriptText, type TranscriptMessageKey } from './messages.ts';
import { currentTranscriptVersion, transcriptFormat, transcriptSchema, type Transcript } from './schema.ts';

/** One problem in a transcript file: where (a JSON path) and what, in plain words. */
export interface TranscriptProblem {
  path: string;
  message: string;
}

export type TranscriptParseResult = { ok: true; transcript: Transcript } | { ok: false; problems: TranscriptProblem[] };

/**
 * Reads a transcript file (JSON text or a parsed value): the typed transcript, or every problem
 * with its JSON path, in the interface language. Never throws.
 */
export function parseTranscript(input: unknown, language: UiLanguage = 'en'): TranscriptParseResult {
  const say = (path: PropertyKey[], key: TranscriptMessageKey, params: Record<string, string | number> = {}) => ({
    path: jsonPath(path),
    message: transcriptText(language, key, params),
  });
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      return {
        ok: false,
        problems: [say([], 'json', { detail: error instanceof Error ? error.message : String(error) })],
      };
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problems: [say([], 'not-object')] };
  }
  const format: unknown = Reflect.get(value, 'format');
  if (format !== undefined && format !== transcriptFormat) return { ok: false, problems: [say(['format'], 'format')] };
  const version: unknown = Reflect.get(value, 'version');
  if (typeof version === 'number' && version > currentTranscriptVersion) {
    return { ok: false, problems: [say(['version'], 'version', { value: version })] };
  }

  const result = transcriptSchema.safeParse(value, { reportInput: true });
  if (!result.success) {
    return { ok: false, problems: dedupe(result.error.issues.flatMap((issue) => describe(issue, language))) };
  }
  const seen = new Set<string>();
  const duplicates = result.data.tests.flatMap((test, index) => {
    if (!seen.has(test.name)) {
      seen.add(test.name);
      return [];
    }
    return [say(['tests', index, 'name'], 'duplicate-name', { value: test.name })];
  });
  return duplicates.length > 0 ? { ok: false, problems: duplicates } : { ok: true, transcript: result.data };
}

function describe(issue: z.core.$ZodIssue, language: UiLanguage): TranscriptProblem[] {
  const path = [...issue.path];
  const field = String([...path].reverse().find((segment) => typeof segment === 'string') ?? '');
  const problem = (key: TranscriptMessageKey, params: Record<string, string | number> = {}, at = path) => ({
    path: jsonPath(at),
    message: transcriptText(language, key, { field, ...params }),
  });
  const input = 'input' in issue ? issue.input : undefined;

  if (issue.message.startsWith('amana:')) {
    const key = issue.message.slice('amana:'.length);
    if (key === 'pattern' || key === 'blank' || key === 'one-input') {
      return [problem(key, { value: typeof input === 'string' ? input : (JSON.stringify(input) ?? '') })];
    }
  }
  switch (issue.code) {
    case 'invalid_type':
      return [
        input === undefined ? problem('required') : problem('type', { expected: typeName(language, issue.expected) }),
      ];
    case 'unrecognized_keys':
      return issue.keys.map((key) => problem('unknown-key', { key }, [...path, key]));
    case 'invalid_value':
      return issue.values.length === 1
        ? [problem('literal', { expected: JSON.stringify(issue.values[0]) })]
        : [problem('enum', { options: issue.values.map(String).join(', ') })];
    case 'invalid_union': {
      // `says: 5` fails both "a text" and "a list": say both, rather than "invalid".
      const expected = issue.errors.flatMap((branch) =>
        branch.length === 1 && branch[0]?.code === 'invalid_type' && branch[0].path.length === 0
          ? [typeName(language, branch[0].expected)]
          : [],
      );
      return expected.length === issue.errors.length
        ? [problem('type', { expected: [...new Set(expected)].join(transcriptText(language, 'or')) })]
        : [problem('invalid')];
    }
    case 'too_small':
      return [
        issue.origin === 'array'
          ? problem('too-few', { minimum: String(issue.minimum) })
          : issue.origin === 'string'
            ? problem('too-short')
            : problem('range'),
      ];
    case 'too_big':
      return [problem('range')];
    default:
      return [problem('invalid')];
  }
}

function typeName(language: UiLanguage, expected: string): string {
  const known: Record<string, TranscriptMessageKey> = {
    string: 'type-string',
    number: 'type-number',
    int: 'type-number',
    boolean: 'type-boolean',
    array: 'type-array',
    object: 'type-object',
    record: 'type-object',
    null: 'type-null',
  };
  const key = known[expected];
  return key ? transcriptText(language, key) : expected;
}

function dedupe(problems: TranscriptProblem[]): TranscriptProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.path}\u0000${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
