import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh secret for one launch of the browser edition: 256 random bits, URL-safe. */
export function createLaunchToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Compares a presented token with the launch token in constant time. Both are hashed first so
 * the comparison does not even reveal the expected length.
 */
export function tokensMatch(presented: string | undefined, expected: string): boolean {
  if (presented === undefined) return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
