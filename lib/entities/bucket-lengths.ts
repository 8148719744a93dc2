/**
 * The runtime alias table's quick no (AliasTable.slots.mayHold: "may a key of this FNV-1a hash and
 * UTF-8 length be here?") read from one byte per hash bucket instead of the front-coded table's own
 * arrays (issue #8, linking on the runtime index).
 *
 * FrontCodedStrings.mayHold walks its open-addressing buckets (a Uint32Array of ~262k key numbers,
 * 1 MB) and, for each occupied one, reads that key's shared-prefix and suffix lengths from two more
 * arrays: two or three scattered reads per capitalised word, most of them cache misses. It was half
 * of findMatches' time on the runtime index (profile of the linking bench's 154 KB, steady state),
 * and why linking there ran slower than on the built index, whose quick no is a 256 KB bit filter.
 * Here each bucket holds its key's byte length + 1 (0: empty; lengths from 254 up share the value
 * 255), so a probe reads one byte per bucket along the same walk and gives the same answer.
 *
 * The 256 KB of bytes are made after GATE_CALLS questions, not at load: an article of a few
 * thousand words asks fewer, and a worker that links one page should not pay for it (one pass over
 * the buckets, well under a millisecond).
 */
/** Questions answered by the table itself before the bytes are made. */
export const GATE_CALLS = 4096;
/** Byte lengths from this up are stored as one value; a question about such a length is passed on. */
const LONG = 254;

/** What the quick no needs of a front-coded table (lib/dataset/frozen-strings.ts FrontCodedStrings). */
export interface BucketTable {
  /** Open addressing, linear probing from hash & (length − 1); 0 = empty, else key number + 1. */
  readonly buckets: Uint32Array;
  mayHold(hash: number, byteLen: number): boolean;
}

export class BucketLengths {
  private lengths: Uint8Array | undefined;
  private asked = 0;
  /** `keyBytes(i)`: key i's UTF-8 length. */
  constructor(private readonly table: BucketTable, private readonly keyBytes: (i: number) => number) {}

  /** Same answer as table.mayHold(hash, byteLen). */
  mayHold(hash: number, byteLen: number): boolean {
    let lengths = this.lengths;
    if (lengths === undefined) {
      if (++this.asked <= GATE_CALLS) return this.table.mayHold(hash, byteLen);
      lengths = this.lengths = this.make();
    }
    if (byteLen >= LONG) return this.table.mayHold(hash, byteLen);
    const mask = lengths.length - 1, want = byteLen + 1;
    for (let b = hash & mask; ; b = (b + 1) & mask) {
      const v = lengths[b]!;
      if (v === 0) return false;
      if (byteLen < 0 || v === want) return true;
    }
  }

  /** Whether the bytes have been made (for tests). */
  get made(): boolean {
    return this.lengths !== undefined;
  }

  private make(): Uint8Array {
    const buckets = this.table.buckets;
    const lengths = new Uint8Array(buckets.length);
    for (let b = 0; b < buckets.length; b++) {
      const k = buckets[b]!;
      if (k !== 0) lengths[b] = Math.min(this.keyBytes(k - 1), LONG) + 1;
    }
    return lengths;
  }
}
