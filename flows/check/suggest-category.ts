import type { InputKind } from '../nodes/kind.ts';
import { inputCategory } from './rules/mislabeled-data.ts';
import { askingPart, suggestedKinds, type DataKind } from './text-cues.ts';

/** The fideslang category each kind of data the text cues recognise is declared under. */
const kindCategory: Record<DataKind, string> = {
  email: 'user.contact.email',
  phone: 'user.contact.phone_number',
  'government-id': 'user.government_id',
  address: 'user.contact.address',
  'birth-date': 'user.demographic.date_of_birth',
  financial: 'user.financial',
  health: 'user.health',
  name: 'user.name',
};

/**
 * The data category a question's answer most likely belongs in: what its input kind can only be
 * (an `email` question), else what the words of its text ask for, in any of its languages — the
 * checker's own cues (`mislabeled-data`), so a suggestion never contradicts the check.
 */
export function suggestedCategory(input: InputKind | undefined, texts: readonly string[]): string | undefined {
  const byInput = input === undefined ? undefined : inputCategory[input];
  if (byInput !== undefined) return byInput;
  for (const text of texts) {
    const [kind] = suggestedKinds(askingPart(text));
    if (kind !== undefined) return kindCategory[kind];
  }
  return undefined;
}
