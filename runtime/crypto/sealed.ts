import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Authenticated encryption of one value: AES-256-GCM with a random 12-byte IV and a 16-byte tag
 * (NIST SP 800-38D's recommended IV length; GCM's full-length tag). The sealed form is
 * `version (1 byte) || iv (12) || ciphertext || tag (16)`. The additional data binds a value to
 * where it belongs (its person and its role), so a ciphertext moved to another row does not open.
 */
const formatVersion = 1;
const ivLength = 12;
const tagLength = 16;
const keyLength = 32;

/** A sealed value did not open: wrong key, wrong context, or the bytes were altered. */
export class SealError extends Error {
  constructor(reason: string) {
    super(`sealed value does not open: ${reason}`);
    this.name = 'SealError';
  }
}

export function seal(key: Buffer, plaintext: Buffer, additionalData: Buffer): Buffer {
  assertKey(key);
  const iv = randomBytes(ivLength);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: tagLength });
  cipher.setAAD(additionalData);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.of(formatVersion), iv, body, cipher.getAuthTag()]);
}

export function open(key: Buffer, sealed: Buffer, additionalData: Buffer): Buffer {
  assertKey(key);
  if (sealed.length < 1 + ivLength + tagLength) throw new SealError('too short');
  if (sealed[0] !== formatVersion) throw new SealError(`unknown format ${sealed[0]}`);
  const iv = sealed.subarray(1, 1 + ivLength);
  const tag = sealed.subarray(sealed.length - tagLength);
  const body = sealed.subarray(1 + ivLength, sealed.length - tagLength);
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: tagLength });
  decipher.setAAD(additionalData);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw new SealError('authentication failed');
  }
}

function assertKey(key: Buffer): void {
  if (key.length !== keyLength) throw new RangeError(`AES-256 keys are ${keyLength} bytes, got ${key.length}`);
}
