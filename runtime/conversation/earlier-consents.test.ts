import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../store/storage.ts';
import { earlierConsents } from './earlier-consents.ts';

const granted = (purposes: string[], at: number, wording = 'w1'): LedgerEntry => ({
  event: 'granted',
  purposes,
  wording: Object.fromEntries(purposes.map((purpose) => [purpose, `${purpose}-${wording}`])),
  at,
});

describe('earlierConsents', () => {
  it('carries each purpose granted and not since declined, with the wording it was granted for', () => {
    const ledger: LedgerEntry[] = [
      granted(['support', 'marketing'], 1),
      { event: 'declined', purposes: ['marketing'], at: 2 },
      granted(['support'], 3, 'w2'),
      { event: 'opted-out', purposes: [], at: 4 },
    ];
    expect(earlierConsents(ledger)).toEqual({ support: 'support-w2' });
  });

  it('carries nothing granted before an erasure, and what was granted after it', () => {
    expect(earlierConsents([granted(['support'], 1), { event: 'erased', purposes: [], at: 2 }])).toEqual({});
    expect(
      earlierConsents([granted(['support'], 1), { event: 'erased', purposes: [], at: 2 }, granted(['marketing'], 3)]),
    ).toEqual({ marketing: 'marketing-w1' });
  });

  it('does not carry an answer recorded before the ledger kept its wording', () => {
    expect(earlierConsents([{ event: 'granted', purposes: ['support'], at: 1 }])).toEqual({});
  });
});
