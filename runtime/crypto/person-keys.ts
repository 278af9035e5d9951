import type { PersonMaterial, PersonRow } from '../store/storage.ts';
import { openJson, phoneDigits, sealJson, type Keyring, type SealContext } from './keyring.ts';

/** Someone the store identifies by phone hash; the data key seals their values. */
export interface Sealer {
  phoneHash: Buffer;
  key: Buffer;
}

/**
 * Person data keys: unwrapped on demand and kept in a bounded cache (least recently used out),
 * so a busy bot does not unwrap a key per message. A person's number, once opened, is kept beside
 * their key: every message to or from them needs it (three times a turn), and whoever holds the key
 * can open it anyway. {@link forget} drops both.
 */
export class PersonKeys {
  private readonly cache = new Map<number, { key: Buffer; phone?: string }>();

  constructor(
    readonly keyring: Keyring,
    private readonly capacity = 10_000,
  ) {}

  /** The sealer of a stored person. */
  of(person: PersonRow): Sealer {
    return { phoneHash: person.phoneHash, key: this.entry(person).key };
  }

  /** A new person's material (wrapped fresh key, sealed number) and the sealer for their values. */
  create(phone: string): { material: PersonMaterial; sealer: Sealer } {
    const phoneHash = this.keyring.phoneHash(phone);
    const key = this.keyring.newPersonKey();
    const sealer = { phoneHash, key };
    return {
      material: {
        wrappedKey: this.keyring.wrapPersonKey(key, phoneHash),
        phoneSealed: sealJson(key, phoneHash, 'phone', phoneDigits(phone)),
      },
      sealer,
    };
  }

  /** The person's WhatsApp number (digits). */
  phoneOf(person: PersonRow): string {
    const entry = this.entry(person);
    if (entry.phone === undefined) {
      const phone = openJson(entry.key, person.phoneHash, 'phone', person.phoneSealed);
      if (typeof phone !== 'string') throw new Error('sealed phone is not a string');
      entry.phone = phone;
    }
    return entry.phone;
  }

  forget(personId: number): void {
    this.cache.delete(personId);
  }

  /** The person's cached entry, made most recently used (unwrapping their key when it is not cached). */
  private entry(person: PersonRow): { key: Buffer; phone?: string } {
    let entry = this.cache.get(person.id);
    if (entry) {
      this.cache.delete(person.id);
    } else {
      entry = { key: this.keyring.unwrapPersonKey(person.wrappedKey, person.phoneHash) };
      if (this.cache.size >= this.capacity) {
        const oldest = this.cache.keys().next();
        if (!oldest.done) this.cache.delete(oldest.value);
      }
    }
    this.cache.set(person.id, entry);
    return entry;
  }
}

export function sealFor(sealer: Sealer, context: SealContext, value: unknown): Buffer {
  return sealJson(sealer.key, sealer.phoneHash, context, value);
}

export function openFor(sealer: Sealer, context: SealContext, sealed: Buffer): unknown {
  return openJson(sealer.key, sealer.phoneHash, context, sealed);
}
