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

  it('never gives two values the same IV, also across refills of the pool IVs are drawn from', () => {
    const ivs = new Set<string>();
    for (let index = 0; index < 1000; index += 1) {
      ivs.add(seal(key, Buffer.from('x'), aad).subarray(1, 13).toString('hex'));
    }
    expect(ivs.size).toBe(1000);
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

  it('names its master key by a stable public id, distinct per key', () => {
    const master = randomBytes(32);
    expect(new Keyring(master).keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(new Keyring(master).keyId).toBe(new Keyring(master).keyId);
    expect(new Keyring(randomBytes(32)).keyId).not.toBe(new Keyring(master).keyId);
  });

  it('derives a different backup key per salt and per master key', () => {
    const salt = randomBytes(16);
    expect(keyring.backupKey(salt)).toHaveLength(32);
    expect(keyring.backupKey(salt).equals(keyring.backupKey(salt))).toBe(true);
    expect(keyring.backupKey(salt).equals(keyring.backupKey(randomBytes(16)))).toBe(false);
    expect(new Keyring(randomBytes(32)).backupKey(salt).equals(keyring.backupKey(salt))).toBe(false);
  });
});

describe('Keyring across a master key rotation', () => {
  const oldMaster = randomBytes(32);
  const old = new Keyring(oldMaster);
  const newMaster = randomBytes(32);
  const next = new Keyring(newMaster, old.stableKeys);

  it('keeps the phone and message hashes and the desk secrets of the first key', () => {
    expect(next.phoneHash('5511912345678').equals(old.phoneHash('5511912345678'))).toBe(true);
    expect(next.messageHash('wamid.X').equals(old.messageHash('wamid.X'))).toBe(true);
    expect(next.deskHash('ana').equals(old.deskHash('ana'))).toBe(true);
    const secret = old.sealDeskSecret(Buffer.from('totp'), 'totp:1');
    expect(next.openDeskSecret(secret, 'totp:1').toString()).toBe('totp');
  });

  it('re-wraps a person key: it opens under the new master key and no longer needs the old one', () => {
    const personKey = old.newPersonKey();
    const hash = old.phoneHash('5511912345678');
    const rewrapped = next.wrapPersonKey(old.unwrapPersonKey(old.wrapPersonKey(personKey, hash), hash), hash);
    expect(next.unwrapPersonKey(rewrapped, hash).equals(personKey)).toBe(true);
    expect(() => old.unwrapPersonKey(rewrapped, hash)).toThrow(SealError);
    expect(next.keyId).not.toBe(old.keyId);
    expect(next.matchesKeyCheck(old.keyCheckValue())).toBe(false);
  });

  it('seals the stable keys for the new master key only, and a keyring opened with them hashes the same', () => {
    const sealed = next.sealStableKeys(old.stableKeys);
    const reopened = new Keyring(newMaster, next.openStableKeys(sealed));
    expect(reopened.phoneHash('5511912345678').equals(old.phoneHash('5511912345678'))).toBe(true);
    expect(() => old.openStableKeys(sealed)).toThrow(SealError);
    expect(() => new Keyring(oldMaster).openStableKeys(sealed)).toThrow(SealError);
  });
});
