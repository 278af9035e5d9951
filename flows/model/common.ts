import { z } from 'zod';

/**
 * Building blocks shared by the flow schema and every node kind's schema.
 * Custom checks carry an `amana:<code>` message so parse errors can be explained in plain
 * words in every interface language (see ./parse-errors.ts).
 */

/** A BCP 47 language tag as flows use them: `en`, `pt-BR`, `ar`, `es-419`, `zh-Hant-TW`. */
export const languageTag = z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'amana:language-tag');

/** A string with something in it besides spaces (kept as written: parsing never rewrites a flow). */
export const nonBlank = z.string().refine((value) => value.trim().length > 0, 'amana:blank');

/** Text shown to a customer: one string per language tag, at least one language. */
export const text = z
  .record(
    languageTag,
    z.string().refine((value) => value.trim().length > 0, 'amana:empty-text'),
  )
  .refine((map) => Object.keys(map).length > 0, 'amana:empty-language-map');
export type LangText = z.infer<typeof text>;

/** Identifiers of nodes, edges, options, outcomes, purposes and recipients. */
export const identifier = z.string().regex(/^[\p{L}\p{N}_][\p{L}\p{N}_.:-]{0,127}$/u, 'amana:identifier');

/** Keys of data fields and variables; `contact.phone` style dotted keys are allowed. */
export const dataKey = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/, 'amana:data-key');

/** A string that may contain `{{key}}` placeholders (a text, URL or request body). */
export const template = z.string();

const position = z.strictObject({ x: z.number().finite(), y: z.number().finite() });

/** Fields every node has, whatever its kind. */
export const nodeBase = {
  id: identifier,
  position,
  note: z.string().optional(),
};

/**
 * The `{{ key }}` placeholders read by a template, in order of appearance: `{{`, optional spaces,
 * a key (`name`, `order.status`), optional spaces, `}}`.
 */
export function templateKeys(value: string): string[] {
  const keys: string[] = [];
  addTemplateKeys(value, keys, 0);
  return keys;
}

/**
 * Scans by hand rather than with a regular expression: the checker reads every text of a large
 * flow on each edit, and a match object per placeholder is most of what that reading allocated.
 * It accepts exactly `/\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)\s*\}\}/g`
 * (common.test.ts compares the two on arbitrary strings). Writes the keys into `keys` from index
 * `count` on, and returns the new count.
 */
function addTemplateKeys(value: string, keys: string[], count: number): number {
  let written = count;
  for (let open = value.indexOf('{{'); open !== -1;) {
    let at = skipSpaces(value, open + 2);
    const start = at;
    if (isKeyStart(value.charCodeAt(at))) {
      at += 1;
      while (isKeyPart(value.charCodeAt(at))) at += 1;
      while (value.charCodeAt(at) === 0x2e && isKeyPart(value.charCodeAt(at + 1))) {
        at += 2;
        while (isKeyPart(value.charCodeAt(at))) at += 1;
      }
      const end = at;
      at = skipSpaces(value, at);
      if (value.charCodeAt(at) === 0x7d && value.charCodeAt(at + 1) === 0x7d) {
        keys[written++] = value.slice(start, end);
        open = value.indexOf('{{', at + 2);
        continue;
      }
    }
    open = value.indexOf('{{', open + 1);
  }
  return written;
}

function isKeyStart(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f;
}

function isKeyPart(code: number): boolean {
  return isKeyStart(code) || (code >= 0x30 && code <= 0x39);
}

/** The characters of a regular expression's `\s`. */
function isSpace(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x20 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function skipSpaces(value: string, from: number): number {
  let at = from;
  while (isSpace(value.charCodeAt(at))) at += 1;
  return at;
}

/** The keys read by every language of a text, in order (one list for all texts without any). */
export function textKeys(value: LangText | undefined): readonly string[] {
  // Read into one list and copied at its size: most texts read nothing, and the checker asks
  // for the keys of every text of a large flow.
  let count = 0;
  for (const language in value) count = addTemplateKeys(value[language] ?? '', gathered, count);
  return count === 0 ? noKeys : gathered.slice(0, count);
}

/** Scratch space of `textKeys`; past the current count it may still hold an earlier text's keys. */
const gathered: string[] = [];
const noKeys: readonly string[] = Object.freeze([]);
