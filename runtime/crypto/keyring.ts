import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { open, seal } from './sealed.ts';

/** What a sealed value is, bound into its additional data so values cannot be swapped between roles. */
export type SealContext =
  | 'phone'
  | 'state'
  | 'inbox'
  | 'outbox'
  | 'handoff'
  | 'handoff-message'
  | `field:${string}`
  | `recipient-ref:${string}`;

/**
 * The keys that name and find things rather than lock them: the phone and message-id hash keys,
 * and the agent desk's keys. They are derived from the database's first master key and stay the
 * same when `rotate-key` replaces that key (sealed then under the new one, in the store's meta
 * `stable-keys`): every stored phone hash, the append-only consent ledger and erasure journal
 * (which must not be rewritten), the message dedupe hashes and the desk's secrets keep working.
 */
interface StableKeys {
  phone: Buffer;
  message: Buffer;
  desk: Buffer;
  deskHash: Buffer;
}

/**
 * Keys derived from the master key (AMANA_DATA_KEY) and the per-person data keys.
 *
 * The master key never encrypts personal values itself: HKDF-SHA256 (RFC 5869) derives one key
 * per job — wrapping person keys, hashing phone numbers, hashing message ids, checking that the
 * right master key was given, encrypting backups — and every personal value is sealed under its
 * person's own random 32-byte data key. Deleting that wrapped key makes the person's ciphertexts
 * unreadable everywhere they still exist (WAL frames, free pages; old backups once the erasure
 * journal is replayed on them, see ../commands/backup.ts).
 */
export class Keyring {
  private readonly wrapKey: Buffer;
  private readonly phoneKey: Buffer;
  private readonly messageKey: Buffer;
  private readonly checkKey: Buffer;
  private readonly deskKey: Buffer;
  private readonly deskHashKey: Buffer;
  private readonly eraseRequestKey: Buffer;
  private readonly stableWrapKey: Buffer;
  /** The master key's public name (hex): in backups' headers, on re-wrapped person rows, in messages. */
  readonly keyId: string;

  /** `stable`: the stable keys of a database whose master key was rotated (else derived from `masterKey`). */
  constructor(
    private readonly masterKey: Buffer,
    stable?: StableKeys,
  ) {
    if (masterKey.length !== 32) throw new RangeError('the master key is 32 bytes');
    const derive = (info: string) => deriveKey(masterKey, info);
    const own = stable ?? stableKeysOf(masterKey);
    this.wrapKey = derive('amana/v1/person-key-wrap');
    this.phoneKey = own.phone;
    this.messageKey = own.message;
    this.checkKey = derive('amana/v1/key-check');
    this.deskKey = own.desk;
    this.deskHashKey = own.deskHash;
    // From a stable key, so a request queued before `rotate-key` is still sent after it.
    this.eraseRequestKey = deriveKey(own.phone, 'amana/v1/erase-request');
    this.stableWrapKey = derive('amana/v1/stable-keys-wrap');
    this.keyId = derive('amana/v1/key-id').subarray(0, 8).toString('hex');
  }

  /** The stable keys this keyring hashes and seals desk secrets with. */
  get stableKeys(): StableKeys {
    return { phone: this.phoneKey, message: this.messageKey, desk: this.deskKey, deskHash: this.deskHashKey };
  }

  /** Seals stable keys under this master key (what `rotate-key` stores for the new key). */
  sealStableKeys(keys: StableKeys): Buffer {
    return seal(this.stableWrapKey, Buffer.concat([keys.phone, keys.message, keys.desk, keys.deskHash]), stableAad);
  }

  openStableKeys(sealed: Buffer): StableKeys {
    const bytes = open(this.stableWrapKey, sealed, stableAad);
    if (bytes.length !== 128) throw new RangeError('the stable keys are 4 × 32 bytes');
    const part = (index: number) => Buffer.from(bytes.subarray(index * 32, index * 32 + 32));
    return { phone: part(0), message: part(1), desk: part(2), deskHash: part(3) };
  }

  /** The key of one backup file: HKDF of the master key with the file's random salt. */
  backupKey(salt: Buffer): Buffer {
    return Buffer.from(hkdfSync('sha256', this.masterKey, salt, 'amana/v1/backup-file', 32));
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

  /**
   * Seals the call that asks a recipient to erase a person (its filled-in URL holds the reference
   * the recipient returned) under a key of its own: the person's key is deleted by the erasure
   * the call follows. Bound to the subject and the recipient, so it cannot be moved to another.
   */
  sealEraseRequest(request: unknown, subject: Buffer, recipient: string): Buffer {
    return seal(this.eraseRequestKey, Buffer.from(JSON.stringify(request)), eraseRequestData(subject, recipient));
  }

  openEraseRequest(sealed: Buffer, subject: Buffer, recipient: string): unknown {
    return JSON.parse(open(this.eraseRequestKey, sealed, eraseRequestData(subject, recipient)).toString('utf8'));
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

function eraseRequestData(subject: Buffer, recipient: string): Buffer {
  return Buffer.concat([Buffer.from(`erase-request\0${recipient}\0`), subject]);
}
const stableAad = Buffer.from('stable-keys');

function deriveKey(masterKey: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), info, 32));
}

/** The stable keys as a master key derives them (a database's first key; see {@link StableKeys}). */
function stableKeysOf(masterKey: Buffer): StableKeys {
  return {
    phone: deriveKey(masterKey, 'amana/v1/phone-hash'),
    message: deriveKey(masterKey, 'amana/v1/message-id-hash'),
    desk: deriveKey(masterKey, 'amana/v1/agent-desk'),
    deskHash: deriveKey(masterKey, 'amana/v1/agent-desk-hash'),
  };
}

/** Seals a JSON value for one person in one role. */
export function sealJson(personKey: Buffer, phoneHash: Buffer, context: SealContext, value: unknown): Buffer {
  return seal(personKey, Buffer.from(JSON.stringify(value)), additionalData(phoneHash, context));
}

export function openJson(personKey: Buffer, phoneHash: Buffer, context: SealContext, sealed: Buffer): unknown {
  return JSON.parse(open(personKey, sealed, additionalData(phoneHash, context)).toString('utf8'));
}

function additionalData(phoneHash: Buffer, context: SealContext): Buffer {
  let prefix = contextPrefixes.get(context);
  if (!prefix) {
    prefix = Buffer.from(`amana/v1\0${context}\0`);
    // A flow names a bounded set of fields and recipients; the bound only guards against surprises.
    if (contextPrefixes.size < 1024) contextPrefixes.set(context, prefix);
  }
  return Buffer.concat([prefix, phoneHash]);
}
/** The encoded start of each role's additional data, encoded once (every seal and open needs one). */
const contextPrefixes = new Map<SealContext, Buffer>();

/** A WhatsApp id is the number's digits without `+`; operators may type `+55 (11) 91234-5678`. */
export function phoneDigits(phone: string): string {
  return phone.replace(/[^0-9]/g, '');
}
