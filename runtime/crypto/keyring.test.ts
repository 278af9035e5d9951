import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Keyring, openJson, phoneDigits, sealJson } from './keyring.ts';
import { open, seal, SealError } from './sealed.ts';

describe('sealed values (AES-256-GCM)', () => {
  const key = randomBytes(32);
  const aad = Buffer.from('field:email');

  it('is version || 12-byte random IV || ciphertext || 16-byte tag, and opens with the same key and context', () => {
    const first = seal(key, Buffer.from('ana@example.com'), aad);
    const second = seal(key, Buffer.from('ana@example.com'), aad);
    expect(first).toHaveLength(1 + 12 + 15 + 16);
    expect(first[0]).toBe(1);
    expect(first.subarray(1, 13).equals(second.subarray(1, 13))).toBe(false);
    expect(open(key, first, aad).toString()).toBe('ana@example.com');
  });

  it('refuses another key, another context, and any altered byte', () => {
    const sealed = seal(key, Buffer.from('ana@example.com'), aad);
    expect(() => open(randomBytes(32), sealed, aad)).toThrow(SealError);
    expect(() => open(key, sealed, Buffer.from('field:name'))).toThrow(SealError);
    for (let index = 1; index < sealed.length; index += 7) {
      const altered = Buffer.from(sealed);
      altered[index] = (altered[index] ?? 0) ^ 1;
      expect(() => open(key, altered, aad)).toThrow(SealError);
    }
    expect(() => open(key, sealed.subarray(0, 20), aad)).toThrow(SealError);
  });
});

describe('Keyring', () => {
  const keyring = new Keyring(randomBytes(32));

  it('hashes a number the same however it is typed, and differently under another master key', () => {
    expect(keyring.phoneHash('+55 (11) 91234-5678').equals(keyring.phoneHash('5511912345678'))).toBe(true);
    expect(keyring.phoneHash('5511912345678').equals(keyring.phoneHash('5511912345679'))).toBe(false);
    expect(new Keyring(randomBytes(32)).phoneHash('5511912345678').equals(keyring.phoneHash('5511912345678'))).toBe(
      false,
    );
    expect(phoneDigits('+55 (11) 91234-5678')).toBe('5511912345678');
  });

  it('wraps person keys for one phone hash only', () => {
    const personKey = keyring.newPersonKey();
    const hash = keyring.phoneHash('5511912345678');
    const wrapped = keyring.wrapPersonKey(personKey, hash);
    expect(keyring.unwrapPersonKey(wrapped, hash).equals(personKey)).toBe(true);
    expect(() => keyring.unwrapPersonKey(wrapped, keyring.phoneHash('5511900000000'))).toThrow(SealError);
    expect(() => new Keyring(randomBytes(32)).unwrapPersonKey(wrapped, hash)).toThrow(SealError);
  });

  it('recognises its own key-check value and no other', () => {
    expect(keyring.matchesKeyCheck(keyring.keyCheckValue())).toBe(true);
    expect(new Keyring(randomBytes(32)).matchesKeyCheck(keyring.keyCheckValue())).toBe(false);
  });

  it('seals JSON for a person and a role', () => {
    const personKey = keyring.newPersonKey();
    const hash = keyring.phoneHash('5511912345678');
    const sealed = sealJson(personKey, hash, 'field:where', { latitude: -23.5, longitude: -46.6 });
    expect(openJson(personKey, hash, 'field:where', sealed)).toEqual({ latitude: -23.5, longitude: -46.6 });
    expect(() => openJson(personKey, hash, 'field:email', sealed)).toThrow(SealError);
    expect(() => openJson(personKey, keyring.phoneHash('5511900000000'), 'field:where', sealed)).toThrow(SealError);
  });
});
