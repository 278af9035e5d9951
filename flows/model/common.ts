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

export const position = z.strictObject({ x: z.number().finite(), y: z.number().finite() });

/** Fields every node has, whatever its kind. */
export const nodeBase = {
  id: identifier,
  position,
  note: z.string().optional(),
};

const placeholder = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)\s*\}\}/g;

/** The `{{ key }}` placeholders read by a template, in order of appearance. */
export function templateKeys(value: string): string[] {
  const keys: string[] = [];
  // The checker reads every text of large flows on each edit: no iterator or copy per text.
  if (!value.includes('{{')) return keys;
  placeholder.lastIndex = 0;
  for (let match = placeholder.exec(value); match !== null; match = placeholder.exec(value)) keys.push(match[1] ?? '');
  return keys;
}

/** The keys read by every language of a text. */
export function textKeys(value: LangText | undefined): string[] {
  const keys: string[] = [];
  for (const language in value) keys.push(...templateKeys(value[language] ?? ''));
  return keys;
}
