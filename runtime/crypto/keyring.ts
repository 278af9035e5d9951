import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { open, seal } from './sealed.ts';

/** What a sealed value is, bound into its additional data so values cannot be swapped between roles. */
export type SealContext = 'phone' | 'state' | 'inbox' | 'outbox' | 'handoff' | 'handoff-message' | `field:${string}`;

/**
 * Keys derived from the master key (AMANA_DATA_KEY) and the per-person data keys.
 *
 * The master key never encrypts personal values itself: HKDF-SHA256 (RFC 5869) derives one key
 * per job — wrapping person keys, hashing phone numbers, hashing message ids, checking that the
 * right master key was given — and every personal value is sealed under its person's own random
 * 32-byte data key. Deleting that wrapped key makes the person's ciphertexts unreadable
 * everywhere they still exist (old backups, WAL frames, free pages).
 */
export class Keyring {
  private readonly wrapKey: Buffer;
  private readonly phoneKey: Buffer;
  private readonly messageKey: Buffer;
  private readonly checkKey: Buffer;
  private readonly deskKey: Buffer;
  private readonly deskHashKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new RangeError('the master key is 32 bytes');
    const derive = (info: string) => Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), info, 32));
    this.wrapKey = derive('amana/v1/person-key-wrap');
    this.phoneKey = derive('amana/v1/phone-hash');
    this.messageKey = derive('amana/v1/message-id-hash');
    this.checkKey = derive('amana/v1/key-check');
    this.deskKey = derive('amana/v1/agent-desk');
    this.deskHashKey = derive('amana/v1/agent-desk-hash');
  }

  /**
   * The keyed hash a phone number is stored under (HMAC-SHA256 of its digits). Keyed, so the
   * hash of a known number cannot be computed, nor the ~10^11 possible numbers enumerated,
   * without the master key.
   */
  phoneHash(phone: string): Buffer {
    return createHmac('sha256', this.phoneKey).update(phoneDigits(phone)).digest();
  }

  /** The keyed hash of a WhatsApp message id (wamids embed the sender's number, so never stored as is). */
  messageHash(messageId: string): Buffer {
    return createHmac('sha256', this.messageKey).update(messageId).digest();
  }

  /** A fresh random data key for a new person. */
  newPersonKey(): Buffer {
    return randomBytes(32);
  }

  wrapPersonKey(personKey: Buffer, phoneHash: Buffer): Buffer {
    return seal(this.wrapKey, personKey, Buffer.concat([Buffer.from('person-key\0'), phoneHash]));
  }

  unwrapPersonKey(wrapped: Buffer, phoneHash: Buffer): Buffer {
    return open(this.wrapKey, wrapped, Buffer.concat([Buffer.from('person-key\0'), phoneHash]));
  }

  /**
   * Seals an agent desk secret (an account's TOTP secret) under a key of its own, bound to what it
   * is for (`purpose`, e.g. `totp:<account id>`), so it cannot be moved to another account.
   */
  sealDeskSecret(secret: Buffer, purpose: string): Buffer {
    return seal(this.deskKey, secret, Buffer.from(`desk\0${purpose}`));
  }

  openDeskSecret(sealed: Buffer, purpose: string): Buffer {
    return open(this.deskKey, sealed, Buffer.from(`desk\0${purpose}`));
  }

  /**
   * A keyed hash for the desk's records that must not be readable as they are (the account names
   * and addresses the sign-in rate limit counts under).
   */
  deskHash(value: string): Buffer {
    return createHmac('sha256', this.deskHashKey).update(value).digest();
  }

  /** A value sealed under the check key, stored once, so a wrong master key is caught at start. */
  keyCheckValue(): Buffer {
    return seal(this.checkKey, Buffer.from(keyCheckPlaintext), Buffer.from('key-check'));
  }

  matchesKeyCheck(sealed: Buffer): boolean {
    try {
      return open(this.checkKey, sealed, Buffer.from('key-check')).toString() === keyCheckPlaintext;
    } catch {
      return false;
    }
  }
}

const keyCheckPlaintext = 'amana key check v1';

/** Seals a JSON value for one person in one role. */
export function sealJson(personKey: Buffer, phoneHash: Buffer, context: SealContext, value: unknown): Buffer {
  return seal(personKey, Buffer.from(JSON.stringify(value)), additionalData(phoneHash, context));
}

export function openJson(personKey: Buffer, phoneHash: Buffer, context: SealContext, sealed: Buffer): unknown {
  return JSON.parse(open(personKey, sealed, additionalData(phoneHash, context)).toString('utf8'));
}

function additionalData(phoneHash: Buffer, context: SealContext): Buffer {
  return Buffer.concat([Buffer.from(`amana/v1\0${context}\0`), phoneHash]);
}

/** A WhatsApp id is the number's digits without `+`; operators may type `+55 (11) 91234-5678`. */
export function phoneDigits(phone: string): string {
  return phone.replace(/[^0-9]/g, '');
}
