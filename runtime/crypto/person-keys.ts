import type { PersonMaterial, PersonRow } from '../store/storage.ts';
import { openJson, phoneDigits, sealJson, type Keyring, type SealContext } from './keyring.ts';

/** Someone the store identifies by phone hash; the data key seals their values. */
export interface Sealer {
  phoneHash: Buffer;
  key: Buffer;
}

/**
 * Person data keys: unwrapped on demand and kept in a bounded cache (least recently used out),
 * so a busy bot does not unwrap a key per message.
 */
export class PersonKeys {
  private readonly cache = new Map<number, Buffer>();

  constructor(
    readonly keyring: Keyring,
    private readonly capacity = 10_000,
  ) {}

  /** The sealer of a stored person. */
  of(person: PersonRow): Sealer {
    let key = this.cache.get(person.id);
    if (key) {
      this.cache.delete(person.id);
    } else {
      key = this.keyring.unwrapPersonKey(person.wrappedKey, person.phoneHash);
      if (this.cache.size >= this.capacity) {
        const oldest = this.cache.keys().next();
        if (!oldest.done) this.cache.delete(oldest.value);
      }
    }
    this.cache.set(person.id, key);
    return { phoneHash: person.phoneHash, key };
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
    const phone = openJson(this.of(person).key, person.phoneHash, 'phone', person.phoneSealed);
    if (typeof phone !== 'string') throw new Error('sealed phone is not a string');
    return phone;
  }

  forget(personId: number): void {
    this.cache.delete(personId);
  }
}

export function sealFor(sealer: Sealer, context: SealContext, value: unknown): Buffer {
  return sealJson(sealer.key, sealer.phoneHash, context, value);
}

export function openFor(sealer: Sealer, context: SealContext, sealed: Buffer): unknown {
  return openJson(sealer.key, sealer.phoneHash, context, sealed);
}
