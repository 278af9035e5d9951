import type { Keywords } from '../model/schema.ts';
import { inLanguage } from '../i18n/lang-text.ts';
import { normaliseForMatching } from '../i18n/normalise.ts';

/** The global keywords a customer can write at any question (DESIGN.md §2). */
export type KeywordKind = 'stop' | 'human' | 'erase';

/**
 * In the order they are tried when a message matches keywords of several kinds (a designer's
 * slip): honouring an opt-out comes first, erasing last because it cannot be undone.
 */
const precedence: readonly KeywordKind[] = ['stop', 'human', 'erase'];

/**
 * The keyword a whole message is, in any of the flow's languages, compared ignoring case,
 * accents, punctuation and, in Arabic, diacritics and letter variants (`ساعدني` and `ساعِدْني`,
 * `احذف بياناتي` and `إحذف بياناتى`). Only the whole message counts: a free-text answer that merely
 * mentions “stop” is still an answer.
 */
export function matchKeyword(keywords: Keywords | undefined, message: string): KeywordKind | undefined {
  if (!keywords) return undefined;
  const typed = normaliseForMatching(message);
  if (typed.length === 0) return undefined;
  const words = normalisedKeywords(keywords);
  return precedence.find((kind) => words.get(kind)?.has(typed));
}

/**
 * Each kind's words in every language, in the form messages are compared in: worked out once per
 * keywords object (flows are edited by replacing objects, never in place), not for every message.
 */
const normalised = new WeakMap<Keywords, Map<KeywordKind, Set<string>>>();

function normalisedKeywords(keywords: Keywords): Map<KeywordKind, Set<string>> {
  let words = normalised.get(keywords);
  if (!words) {
    words = new Map(
      precedence.map((kind) => [
        kind,
        new Set(Object.values(keywords[kind] ?? {}).flatMap((list) => list.map(normaliseForMatching))),
      ]),
    );
    normalised.set(keywords, words);
  }
  return words;
}

/**
 * The first keyword of this kind in `language` (picked as every text is, see `textLanguage`), to
 * quote to the customer or in the documents.
 */
export function keywordFor(
  keywords: Keywords | undefined,
  kind: KeywordKind,
  language: string,
  flowLanguages: readonly string[],
): string | undefined {
  return inLanguage(keywords?.[kind], language, flowLanguages)?.[0];
}
