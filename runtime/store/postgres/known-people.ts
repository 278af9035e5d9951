import type { PersonRow } from '../storage.ts';

/**
 * The people this instance met lately, by keyed phone hash, so that a delivery from someone it knows
 * is written without first asking the database who they are (one round trip instead of three). What
 * is kept is what the person row holds (id, keyed hash, wrapped key, sealed number), never a value in
 * clear. Someone erased or forgotten since, by any instance, is caught by the database itself: the
 * inbox row would refer to a person who no longer exists, the write fails as a whole, and the caller
 * forgets them and asks (see PostgresStorage.ingest). Bounded: the least recently met go first.
 */
export class KnownPeople {
  private readonly byHash = new Map<string, PersonRow>();

  constructor(private readonly limit = 10_000) {}

  /** Everyone with these phone hashes, by hex hash; undefined when one of them is not known here. */
  all(phoneHashes: readonly Buffer[]): Map<string, PersonRow> | undefined {
    const found = new Map<string, PersonRow>();
    for (const phoneHash of phoneHashes) {
      const key = phoneHash.toString('hex');
      const person = this.byHash.get(key);
      if (!person) return undefined;
      // Met again: to the back of the line.
      this.byHash.delete(key);
      this.byHash.set(key, person);
      found.set(key, person);
    }
    return found;
  }

  remember(persons: Iterable<PersonRow>): void {
    for (const person of persons) {
      const key = person.phoneHash.toString('hex');
      this.byHash.delete(key);
      this.byHash.set(key, person);
    }
    for (const key of this.byHash.keys()) {
      if (this.byHash.size <= this.limit) break;
      this.byHash.delete(key);
    }
  }

  forget(phoneHashes: readonly Buffer[]): void {
    for (const phoneHash of phoneHashes) this.byHash.delete(phoneHash.toString('hex'));
  }
}
