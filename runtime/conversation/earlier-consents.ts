import type { LedgerEntry } from '../store/storage.ts';

/**
 * What the consent ledger holds for a returning customer: each purpose granted and not since
 * declined or erased, with the wording hash it was granted for. The engine counts those whose
 * wording the flow still has, and asks again for the others, saying the notice changed. Answers
 * recorded before the ledger kept their wording are not carried (the consent step asks, as it did).
 */
export function earlierConsents(ledger: readonly LedgerEntry[]): Record<string, string> {
  const consents: Record<string, string> = {};
  for (const entry of ledger) {
    if (entry.event === 'erased') {
      for (const purpose of Object.keys(consents)) delete consents[purpose];
      continue;
    }
    if (entry.event !== 'granted' && entry.event !== 'declined') continue;
    for (const purpose of entry.purposes) {
      const wording = entry.wording?.[purpose];
      if (entry.event === 'granted' && wording !== undefined) consents[purpose] = wording;
      else delete consents[purpose];
    }
  }
  return consents;
}
