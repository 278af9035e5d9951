/**
 * What the store's meta says about its master keys, besides the key check: the keys `rotate-key`
 * retired (refused at start with a message that says so) and a rotation under way (the bot does
 * not start until `rotate-key` has finished it). Key ids only: never a key.
 */
export const keyMeta = {
  /** The stable keys (./keyring.ts), sealed under the active master key, once a rotation happened. */
  stableKeys: 'stable-keys',
  retiredKeys: 'retired-keys',
  rotation: 'rotation',
} as const;

interface RetiredKey {
  id: string;
  /** When `rotate-key` retired it (ms since the epoch). */
  at: number;
}

interface Rotation {
  from: string;
  to: string;
  startedAt: number;
}

export function retiredKeys(value: Buffer | undefined): RetiredKey[] {
  if (!value) return [];
  const parsed: unknown = JSON.parse(value.toString('utf8'));
  if (!Array.isArray(parsed)) throw new Error('the retired keys are not a list');
  return parsed.filter(
    (entry): entry is RetiredKey =>
      typeof entry === 'object' && entry !== null && typeof entry.id === 'string' && typeof entry.at === 'number',
  );
}

export function rotationUnderWay(value: Buffer | undefined): Rotation | undefined {
  if (!value) return undefined;
  const parsed = JSON.parse(value.toString('utf8')) as Partial<Rotation>;
  if (typeof parsed.from !== 'string' || typeof parsed.to !== 'string' || typeof parsed.startedAt !== 'number')
    throw new Error('the rotation record is damaged');
  return { from: parsed.from, to: parsed.to, startedAt: parsed.startedAt };
}

export const asMeta = (value: unknown): Buffer => Buffer.from(JSON.stringify(value), 'utf8');
