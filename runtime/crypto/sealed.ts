import { createCipheriv, createDecipheriv, randomFillSync } from 'node:crypto';

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
  const iv = nextIv();
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: tagLength });
  cipher.setAAD(additionalData);
  const body = cipher.update(plaintext);
  const rest = cipher.final();
  const sealed = Buffer.allocUnsafe(1 + ivLength + body.length + rest.length + tagLength);
  sealed[0] = formatVersion;
  iv.copy(sealed, 1);
  body.copy(sealed, 1 + ivLength);
  rest.copy(sealed, 1 + ivLength + body.length);
  cipher.getAuthTag().copy(sealed, sealed.length - tagLength);
  return sealed;
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
    const opened = decipher.update(body);
    const rest = decipher.final();
    return rest.length === 0 ? opened : Buffer.concat([opened, rest]);
  } catch {
    throw new SealError('authentication failed');
  }
}

/**
 * Random IVs, drawn from the system's CSPRNG a few hundred at a time: one call per IV cost a
 * quarter of a seal. An IV need only be unique under its key, not secret (it is stored beside the
 * ciphertext), so drawing it early changes nothing; each is handed out once.
 */
const ivPool = Buffer.alloc(ivLength * 256);
let ivPoolUsed = ivPool.length;

function nextIv(): Buffer {
  if (ivPoolUsed === ivPool.length) {
    randomFillSync(ivPool);
    ivPoolUsed = 0;
  }
  ivPoolUsed += ivLength;
  return ivPool.subarray(ivPoolUsed - ivLength, ivPoolUsed);
}

function assertKey(key: Buffer): void {
  if (key.length !== keyLength) throw new RangeError(`AES-256 keys are ${keyLength} bytes, got ${key.length}`);
}
