import { describe, expect, it } from 'vitest';
import type { PersonRow } from '../storage.ts';
import { KnownPeople } from './known-people.ts';

const person = (id: number): PersonRow => ({
  id,
  phoneHash: Buffer.alloc(32, id),
  wrappedKey: Buffer.alloc(60, 1),
  phoneSealed: Buffer.alloc(40, 2),
  createdAt: 0,
});
const hashOf = (id: number) => Buffer.alloc(32, id);

describe('KnownPeople', () => {
  it('gives everyone asked for, or nothing when one of them is not known', () => {
    const people = new KnownPeople();
    people.remember([person(1), person(2)]);
    expect([...(people.all([hashOf(2), hashOf(1), hashOf(2)])?.values() ?? [])].map((p) => p.id)).toEqual([2, 1]);
    expect(people.all([hashOf(1), hashOf(3)])).toBeUndefined();
    people.forget([hashOf(1)]);
    expect(people.all([hashOf(1)])).toBeUndefined();
    expect(people.all([hashOf(2)])?.get(hashOf(2).toString('hex'))?.id).toBe(2);
  });

  it('keeps at most its limit, letting the least recently met go first', () => {
    const people = new KnownPeople(2);
    people.remember([person(1), person(2)]);
    people.all([hashOf(1)]); // met again: 2 is now the oldest
    people.remember([person(3)]);
    expect(people.all([hashOf(2)])).toBeUndefined();
    expect(people.all([hashOf(1), hashOf(3)])?.size).toBe(2);
  });
});
