import type { LangText } from './common.ts';
import type { Flow } from './schema.ts';
import { sha256Hex } from './sha256.ts';

/**
 * What a customer agrees to when they consent to a purpose: its label and description, in every
 * language the flow gives them, and the consent-based fields that rely on it. A consent is
 * recorded with the hash of this wording (DESIGN.md §5), so that when a new version of the flow
 * words the purpose differently, or makes other fields rely on it, the earlier consent no longer
 * counts and the customer is asked again.
 *
 * The hash is SHA-256 over a canonical JSON form: texts by language tag in sorted order, each
 * NFC-normalised with surrounding spaces trimmed (so re-saving the same words in another editor
 * changes nothing), empty texts left out, field keys sorted. Moving nodes, renaming the flow or
 * rewording other purposes leaves it as it is.
 */
export type PurposeWording = Readonly<Record<string, string>>;

/** Bumped if the canonical form ever changes (every earlier consent would then be asked again). */
const canonicalForm = 'amana.purpose-wording/1';

const cache = new WeakMap<Pick<Flow, 'purposes' | 'data'>, PurposeWording>();

/** The wording hash of every purpose the flow declares, by purpose id (hex SHA-256). */
export function purposeWording(flow: Pick<Flow, 'purposes' | 'data'>): PurposeWording {
  const known = cache.get(flow);
  if (known) return known;
  const hashes: Record<string, string> = {};
  for (const purpose of flow.purposes) {
    const fields = flow.data
      .filter((field) => field.legalBasis === 'consent' && field.purposes.includes(purpose.id))
      .map((field) => field.key);
    hashes[purpose.id] = sha256Hex(
      JSON.stringify([
        canonicalForm,
        purpose.id,
        canonicalText(purpose.label),
        canonicalText(purpose.description),
        [...new Set(fields)].sort(),
      ]),
    );
  }
  cache.set(flow, hashes);
  return hashes;
}

function canonicalText(text: LangText | undefined): [string, string][] {
  return Object.entries(text ?? {})
    .map(([tag, words]): [string, string] => [tag, words.normalize('NFC').trim()])
    .filter(([, words]) => words.length > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
