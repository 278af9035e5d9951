import { transcriptTestFrom, type TranscriptTest } from '../../flows/engine/index.ts';
import type { Rehearsal } from './rehearsal.ts';

/**
 * “Save as test”: the rehearsed conversation as a transcript test expecting what happened in
 * each turn (the recorder of flows/engine/transcript), with the rehearsal's language, customer
 * and http answers, so `amana test` and the Tests panel replay it exactly. A rehearsal started
 * from a chosen step cannot be one: a test always begins at the start.
 */
export function testFromRehearsal(
  name: string,
  rehearsal: Rehearsal,
): { ok: true; test: TranscriptTest } | { ok: false; reason: 'started-mid-flow' | 'no-name' } {
  if (rehearsal.setup.from) return { ok: false, reason: 'started-mid-flow' };
  if (name.trim().length === 0) return { ok: false, reason: 'no-name' };
  const { language, contact, http } = rehearsal.setup;
  const test = transcriptTestFrom(name.trim(), rehearsal.turns, { language, contact });
  return { ok: true, test: Object.keys(http).length > 0 ? { ...test, http: { ...http } } : test };
}
