import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { PersonRow } from '../store/storage.ts';
import { Keyring } from './keyring.ts';
import { PersonKeys } from './person-keys.ts';
import { SealError } from './sealed.ts';

describe('PersonKeys', () => {
  const keyring = new Keyring(randomBytes(32));
  const person = (id: number, phone: string): PersonRow => {
    const { material } = new PersonKeys(keyring).create(phone);
    return { id, phoneHash: keyring.phoneHash(phone), createdAt: 0, ...material };
  };

  it("opens a person's number once and keeps it with their key until forgotten", () => {
    const keys = new PersonKeys(keyring);
    const ana = person(1, '+55 11 91234-5678');
    expect(keys.phoneOf(ana)).toBe('5511912345678');
    // The sealed number is not opened again: a row whose copy was altered still answers from the cache.
    const altered = { ...ana, phoneSealed: Buffer.from(ana.phoneSealed).fill(0, 1) };
    expect(keys.phoneOf(altered)).toBe('5511912345678');
    keys.forget(ana.id);
    expect(() => keys.phoneOf(altered)).toThrow(SealError);
  });

  it('drops the least recently used person, number and key, when full', () => {
    const keys = new PersonKeys(keyring, 2);
    const [first, second, third] = [person(1, '5511900000001'), person(2, '5511900000002'), person(3, '5511900000003')];
    keys.phoneOf(first);
    keys.phoneOf(second);
    keys.of(first);
    keys.phoneOf(third);
    // `second` was the least recently used: opened again from its (now unreadable) row.
    const unreadable = (row: PersonRow) => ({ ...row, phoneSealed: Buffer.alloc(row.phoneSealed.length) });
    expect(keys.phoneOf(unreadable(first))).toBe('5511900000001');
    expect(() => keys.phoneOf(unreadable(second))).toThrow(SealError);
  });
});
