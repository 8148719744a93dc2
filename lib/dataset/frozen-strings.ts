/**
 * FrozenStrings: a read-only string → number table over typed arrays, so a table of ~70k keys
 * loads with no Map and no string made until someone asks for one.
 *
 *   chars    every key's UTF-16 code units, one after the other       (stored)
 *   lengths  key i's length in code units                              (stored)
 *   starts   key i is chars[starts[i] .. starts[i + 1])                (prefix sums, made at load)
 *   buckets  open addressing (linear probing), power-of-two size ≥ 2 × keys; 0 = empty, else
 *            i + 1                                                      (made at load: a few ms,
 *            and it would cost hundreds of KB of hard-to-compress bytes in the package)
 *
 * The hash is FNV-1a over UTF-16 code units, the same over the stored chars and over a query.
 */

/** What is stored; the rest is derived when the table is made. */
export interface FrozenStringsParts {
  chars: Uint16Array;
  lengths: Uint16Array;
}

function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export class FrozenStrings {
  readonly chars: Uint16Array;
  readonly lengths: Uint16Array;
  readonly starts: Uint32Array;
  readonly buckets: Uint32Array;
  private readonly mask: number;

  constructor(parts: FrozenStringsParts) {
    const { chars, lengths } = parts;
    const n = lengths.length;
    const starts = new Uint32Array(n + 1);
    let at = 0;
    for (let i = 0; i < n; i++) {
      starts[i] = at;
      at += lengths[i]!;
    }
    starts[n] = at;
    if (at !== chars.length) throw new Error('FrozenStrings: lengths do not add up to the characters');
    let size = 1;
    while (size < n * 2) size <<= 1;
    const buckets = new Uint32Array(size);
    const mask = size - 1;
    for (let i = 0; i < n; i++) {
      let h = 0x811c9dc5;
      for (let c = starts[i]!, e = starts[i + 1]!; c < e; c++) h = Math.imul(h ^ chars[c]!, 0x01000193);
      let b = (h >>> 0) & mask;
      while (buckets[b] !== 0) b = (b + 1) & mask;
      buckets[b] = i + 1;
    }
    this.chars = chars;
    this.lengths = lengths;
    this.starts = starts;
    this.buckets = buckets;
    this.mask = mask;
  }

  /** Build from distinct keys (each under 65,536 code units); key i gets number i. */
  static build(keys: readonly string[]): FrozenStrings {
    if (new Set(keys).size !== keys.length) throw new Error('FrozenStrings: duplicate keys');
    let total = 0;
    for (const k of keys) total += k.length;
    const chars = new Uint16Array(total);
    const lengths = new Uint16Array(keys.length);
    let at = 0;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      if (k.length > 0xffff) throw new Error('FrozenStrings: key too long');
      lengths[i] = k.length;
      for (let c = 0; c < k.length; c++) chars[at++] = k.charCodeAt(c);
    }
    return new FrozenStrings({ chars, lengths });
  }

  get size(): number {
    return this.starts.length - 1;
  }

  /** The key's number, or -1. */
  indexOf(key: string): number {
    const { chars, starts, buckets, mask } = this;
    const len = key.length;
    for (let b = hashOf(key) & mask; ; b = (b + 1) & mask) {
      const slot = buckets[b]!;
      if (slot === 0) return -1;
      const i = slot - 1;
      const s = starts[i]!;
      if (starts[i + 1]! - s !== len) continue;
      let c = 0;
      while (c < len && chars[s + c] === key.charCodeAt(c)) c++;
      if (c === len) return i;
    }
  }

  keyAt(i: number): string {
    const s = this.starts[i]!, e = this.starts[i + 1]!;
    // Chunked: fromCharCode.apply has an argument-count limit.
    let out = '';
    for (let a = s; a < e; a += 8192) out += String.fromCharCode.apply(null, this.chars.subarray(a, Math.min(e, a + 8192)) as unknown as number[]);
    return out;
  }

  keys(): string[] {
    const out: string[] = new Array(this.size);
    for (let i = 0; i < out.length; i++) out[i] = this.keyAt(i);
    return out;
  }
}
