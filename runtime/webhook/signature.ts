import { createHmac, timingSafeEqual } from 'node:crypto';

const header = /^sha256=([0-9a-fA-F]{64})$/;

/**
 * Meta signs every webhook POST: `X-Hub-Signature-256: sha256=<hex>`, the HMAC-SHA256 of the raw
 * body bytes keyed by the app secret. The bytes are hashed exactly as received (never re-encoded
 * JSON) and compared in constant time.
 */
export function verifySignature(rawBody: Buffer, signatureHeader: string | undefined, appSecret: string): boolean {
  const match = signatureHeader === undefined ? null : header.exec(signatureHeader.trim());
  if (!match?.[1]) return false;
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(match[1], 'hex'));
}

/** The header value Meta would send for a body (tests and the benchmark sign with it). */
export function signatureFor(rawBody: Buffer | string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/** Compares two secrets in constant time whatever their lengths (admin token, verify token). */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHmac('sha256', 'amana/v1/compare').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
