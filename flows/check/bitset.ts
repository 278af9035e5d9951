/**
 * Fixed-width bit sets stored as 32-bit words, and tables of them (one row per graph node) kept in a
 * single typed array, so the dataflow analyses allocate once and run without garbage per step.
 */

/** Words needed for `width` bits. */
function wordsFor(width: number): number {
  return Math.max(1, Math.ceil(width / 32));
}

/** A bit set of a given width. */
export type BitSet = Uint32Array;

export function emptySet(width: number): BitSet {
  return new Uint32Array(wordsFor(width));
}

/** A set with every bit of the width set (the top of a must-analysis). */
export function fullSet(width: number): BitSet {
  const set = new Uint32Array(wordsFor(width));
  for (let bit = 0; bit < width; bit += 1) addBit(set, bit);
  return set;
}

export function setOf(width: number, bits: Iterable<number>): BitSet {
  const set = emptySet(width);
  for (const bit of bits) addBit(set, bit);
  return set;
}

function addBit(set: BitSet, bit: number): void {
  set[bit >>> 5] = (set[bit >>> 5] ?? 0) | (1 << (bit & 31));
}

export function hasBit(set: BitSet, bit: number): boolean {
  return ((set[bit >>> 5] ?? 0) & (1 << (bit & 31))) !== 0;
}

/** `rows` bit sets of one width in one array; row `r` occupies words [r * words, (r + 1) * words). */
export class BitTable {
  readonly words: number;
  readonly data: Uint32Array;

  constructor(
    readonly rows: number,
    readonly width: number,
  ) {
    this.words = wordsFor(width);
    this.data = new Uint32Array(rows * this.words);
  }

  has(row: number, bit: number): boolean {
    return ((this.data[row * this.words + (bit >>> 5)] ?? 0) & (1 << (bit & 31))) !== 0;
  }

  add(row: number, bit: number): void {
    const at = row * this.words + (bit >>> 5);
    this.data[at] = (this.data[at] ?? 0) | (1 << (bit & 31));
  }

  /** A copy of one row. */
  row(row: number): BitSet {
    return this.data.slice(row * this.words, (row + 1) * this.words);
  }

  fill(row: number, value: BitSet): void {
    this.data.set(value, row * this.words);
  }
}
