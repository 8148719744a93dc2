/**
 * FrozenStrings: a read-only string → number table over typed arrays, so a table of ~70k keys
 * loads with no Map and no string made until someone asks for one.
 *
 *   bytes    every key's UTF-8 bytes, one after the other                (stored)
 *   lengths  key i's length in bytes                                     (stored)
 *   starts   key i is bytes[starts[i] .. starts[i + 1])                  (prefix sums, made at load)
 *   buckets  open addressing (linear probing), power-of-two size ≥ 1.5 × keys; 0 = empty, else
 *            i + 1                                                       (made at load: a few ms,
 *            and it would cost hundreds of KB of hard-to-compress bytes in the package)
 *
 * UTF-8, not UTF-16: the keys are mostly Latin letters, so the stored form is about half the
 * bytes, and the worker's load time goes mostly into fetching and inflating bytes (issue #8).
 * The hash is FNV-1a over UTF-16 code units (the same over a query string and over the stored
 * bytes, decoded on the fly), so a lookup never encodes or decodes a whole string.
 */
import { FNV_OFFSET, FNV_PRIME, fnv1a } from '../fnv';

/** What is stored; the rest is derived when the table is made. */
export interface FrozenStringsParts {
  bytes: Uint8Array;
  lengths: Uint16Array;
}

/** UTF-8 length of a string without making bytes (lone surrogates count as U+FFFD, 3 bytes). */
function utf8Length(key: string): number {
  let n = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < key.length && (key.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * Walk the UTF-8 bytes [s, e) as UTF-16 code units, calling unit(u) for each; stops early when
 * unit returns false. Returns false when stopped. Input is well-formed (our own encoder's).
 */
function eachUnit(bytes: Uint8Array, s: number, e: number, unit: (u: number) => boolean): boolean {
  for (let p = s; p < e; ) {
    const b = bytes[p]!;
    let cp: number;
    if (b < 0x80) {
      cp = b;
      p += 1;
    } else if (b < 0xe0) {
      cp = ((b & 0x1f) << 6) | (bytes[p + 1]! & 0x3f);
      p += 2;
    } else if (b < 0xf0) {
      cp = ((b & 0x0f) << 12) | ((bytes[p + 1]! & 0x3f) << 6) | (bytes[p + 2]! & 0x3f);
      p += 3;
    } else {
      cp = ((b & 0x07) << 18) | ((bytes[p + 1]! & 0x3f) << 12) | ((bytes[p + 2]! & 0x3f) << 6) | (bytes[p + 3]! & 0x3f);
      p += 4;
      cp -= 0x10000;
      if (!unit(0xd800 + (cp >> 10))) return false;
      cp = 0xdc00 + (cp & 0x3ff);
    }
    if (!unit(cp)) return false;
  }
  return true;
}

const decoder = new TextDecoder();

/** Stored parts of distinct or repeated strings (each under 65,536 UTF-8 bytes, no lone surrogates). */
function encodeParts(keys: readonly string[]): FrozenStringsParts {
  const enc = new TextEncoder();
  const parts = keys.map((k) => {
    const b = enc.encode(k);
    if (b.length > 0xffff) throw new Error('FrozenStrings: key too long');
    if (b.length !== utf8Length(k) || decoder.decode(b) !== k) throw new Error(`FrozenStrings: key ${JSON.stringify(k)} is not well-formed UTF-16`);
    return b;
  });
  let total = 0;
  for (const p of parts) total += p.length;
  const bytes = new Uint8Array(total);
  const lengths = new Uint16Array(keys.length);
  let at = 0;
  parts.forEach((p, i) => {
    bytes.set(p, at);
    at += p.length;
    lengths[i] = p.length;
  });
  return { bytes, lengths };
}

/**
 * Front coding of stored parts, for string tables kept in sorted order (alias slot keys, entity
 * ids): each string as the number of leading bytes it shares with the one before it (at most 255,
 * never splitting a UTF-8 sequence) and its remaining bytes. Sorted keys share long prefixes
 * ("donald", "donald j trump", "donald trump"; "Q1000", "Q10000"): the 98k slot keys take 0.73 MB
 * instead of 1.55 MB and gzip to 348 KB instead of 511 KB, and the worker's load is mostly
 * fetching and inflating bytes (issue #8). FrontCodedStrings reads them in that form.
 */
export interface FrontCodedParts {
  /** Leading bytes shared with the previous string. */
  shared: Uint8Array;
  /** The rest: its length per string, and the bytes, string after string. */
  suffixLengths: Uint16Array;
  suffixBytes: Uint8Array;
}

export function frontEncode(parts: FrozenStringsParts): FrontCodedParts {
  const { bytes, lengths } = parts;
  const n = lengths.length;
  const shared = new Uint8Array(n), suffixLengths = new Uint16Array(n);
  const suffix: Uint8Array[] = [];
  let prev = 0, prevLength = 0, at = 0, total = 0;
  for (let i = 0; i < n; i++) {
    const len = lengths[i]!;
    let s = 0;
    while (s < prevLength && s < len && s < 255 && bytes[prev + s] === bytes[at + s]) s++;
    while (s > 0 && s < len && (bytes[at + s]! & 0xc0) === 0x80) s--; // not inside a UTF-8 sequence
    shared[i] = s;
    suffixLengths[i] = len - s;
    suffix.push(bytes.subarray(at + s, at + len));
    total += len - s;
    prev = at;
    prevLength = len;
    at += len;
  }
  const suffixBytes = new Uint8Array(total);
  for (let i = 0, k = 0; i < n; k += suffix[i]!.length, i++) suffixBytes.set(suffix[i]!, k);
  return { shared, suffixLengths, suffixBytes };
}

/**
 * FrontCodedStrings: the FrozenStrings lookups (indexOf, mayHold, keyAt) straight over the
 * front-coded parts, without rebuilding the keys' plain bytes. At load: each key's hash (FNV-1a
 * is sequential: a key's hash starts from the state its shared prefix left in the key before it,
 * kept per byte position, and only its own suffix is hashed) and suffix start, then the hash
 * table; a key's bytes are put together only when a lookup meets a candidate of the same hash
 * and length, or keyAt asks. For the 125k alias slot keys (issue #8): rebuilding their 1.8 MB of
 * plain bytes at every worker start was work nothing at load reads. Worker-thread CPU of the task
 * that decodes the cached image, session start → this (paired, test/bench/_pack-load-cpu.ts, load
 * ~8): warm reloads 22.3 → 12.5 ms, worker starts (cold code) 27.8 → 19.1 ms.
 *
 * Key i's bytes: its own suffix gives positions [shared[i], length); the positions before come
 * from its `from` key, the nearest earlier key that shares less (every key in between shares at
 * least shared[i] bytes with its predecessor, so that key starts with the same shared[i] bytes),
 * whose suffix gives [shared[from], shared[i]), and so on back to a key that shares nothing: a few
 * steps (the shared lengths strictly fall along the way). A key's `from` is found by scanning back
 * the first time its bytes are needed, and kept (at load it was a pass over every key).
 */
export class FrontCodedStrings {
  readonly size: number;
  readonly buckets: Uint32Array;
  private readonly mask: number;
  private readonly shared: Uint8Array;
  private readonly suffixLengths: Uint16Array;
  private readonly suffixBytes: Uint8Array;
  /** Key i's suffix is suffixBytes[suffixStart[i] .. suffixStart[i] + suffixLengths[i]). */
  private readonly suffixStart: Uint32Array;
  private readonly hashes: Uint32Array;
  /** `from` key + 1 of each key whose bytes were put together so far (0: not looked for yet). */
  private readonly from: Uint32Array;
  /** Least shared length + 1 per block of BLOCK keys, filled as fromOf's long walks cross them. */
  private minima: Uint16Array | null = null;
  /** Where a candidate key's bytes are put together (the longest key's length). */
  private readonly scratch: Uint8Array;

  constructor(coded: FrontCodedParts) {
    const { shared, suffixLengths, suffixBytes } = coded;
    const n = shared.length;
    if (suffixLengths.length !== n) throw new Error('FrozenStrings: front-coded counts disagree');
    // The longest key a front-coded table can hold (shared ≤ 255 bytes, a suffix < 65,536): the
    // hash state and the scratch buffer are sized to it instead of the table's own longest key,
    // whose search (a pass over the 131k suffix lengths) cost ~2.5 ms of a cold worker's load
    // (issue #8); the two zeroed buffers (320 KB, one dropped after the load) cost microseconds.
    const maxLength = MAX_FRONT_CODED_LENGTH;
    const suffixStart = new Uint32Array(n + 1);
    const hashes = frontHashes(shared, suffixLengths, suffixBytes, suffixStart, maxLength);
    this.size = n;
    this.buckets = hashTable(hashes);
    this.mask = this.buckets.length - 1;
    this.shared = shared;
    this.suffixLengths = suffixLengths;
    this.suffixBytes = suffixBytes;
    this.suffixStart = suffixStart;
    this.hashes = hashes;
    this.from = new Uint32Array(n);
    this.scratch = new Uint8Array(maxLength);
  }

  /**
   * Key k's `from` key: the nearest earlier key that shares less (found once, then kept). Walking
   * back key by key (a key already placed jumps to its own `from`: every key in between shares at
   * least as much) is a few steps for most keys, but a key sharing 1 byte walked to the last key
   * with another first letter: 1.5M keys for the first 300 records (issue #8). After NEAR_STEPS
   * steps the walk goes on over the block minima instead (nearestSharingLess).
   */
  private fromOf(k: number): number {
    const got = this.from[k]!;
    if (got !== 0) return got - 1;
    const { shared, from } = this;
    const sh = shared[k]!;
    let j = k - 1;
    for (let steps = 0; shared[j]! >= sh; steps++) {
      if (steps === NEAR_STEPS) {
        j = nearestSharingLess(shared, (this.minima ??= blockMinima(shared.length)), j, sh);
        break;
      }
      const f = from[j]!;
      j = f !== 0 ? f - 1 : j - 1;
    }
    from[k] = j + 1;
    return j;
  }

  /** Key i's bytes into the scratch buffer; returns its length. */
  private assemble(i: number): number {
    const { shared, suffixLengths, suffixBytes, suffixStart, scratch } = this;
    const length = shared[i]! + suffixLengths[i]!;
    let need = length, k = i;
    for (;;) {
      const sh = shared[k]!;
      for (let p = sh, q = suffixStart[k]!; p < need; p++, q++) scratch[p] = suffixBytes[q]!;
      if (sh === 0) return length;
      need = sh;
      k = this.fromOf(k);
    }
  }

  /** See FrozenStrings.mayHold. */
  mayHold(hash: number, byteLen: number): boolean {
    const { shared, suffixLengths, buckets, mask } = this;
    for (let b = hash & mask; ; b = (b + 1) & mask) {
      const slot = buckets[b]!;
      if (slot === 0) return false;
      if (byteLen < 0 || shared[slot - 1]! + suffixLengths[slot - 1]! === byteLen) return true;
    }
  }

  /** The key's number, or -1. */
  indexOf(key: string): number {
    const { shared, suffixLengths, hashes, buckets, mask, scratch } = this;
    const hash = fnv1a(key);
    let byteLen = -1;
    for (let b = hash & mask; ; b = (b + 1) & mask) {
      const slot = buckets[b]!;
      if (slot === 0) return -1;
      const i = slot - 1;
      if (hashes[i] !== hash) continue;
      if (byteLen < 0) byteLen = utf8Length(key);
      if (shared[i]! + suffixLengths[i]! !== byteLen) continue;
      this.assemble(i);
      if (sameKey(scratch, 0, byteLen, key)) return i;
    }
  }

  keyAt(i: number): string {
    if (!(i >= 0 && i < this.size)) throw new RangeError(`FrozenStrings: no key ${i}`);
    return keyString(this.scratch, 0, this.assemble(i));
  }

  keys(): string[] {
    const out: string[] = new Array(this.size);
    for (let i = 0; i < out.length; i++) out[i] = this.keyAt(i);
    return out;
  }
}

const BLOCK_BITS = 5, BLOCK = 1 << BLOCK_BITS, BLOCK_MASK = BLOCK - 1;
/** Steps of fromOf's plain walk back before it turns to the block minima. */
const NEAR_STEPS = 32;

/** An empty cache of block minima for a table of n keys (nearestSharingLess fills it). */
export function blockMinima(n: number): Uint16Array {
  return new Uint16Array((n + BLOCK_MASK) >> BLOCK_BITS);
}

/**
 * The nearest key at or before j whose shared length is below sh (key 0 shares nothing, so one
 * is found when sh > 0): key by key to j's block start, then over whole blocks of BLOCK keys whose
 * least shared length is ≥ sh, then key by key inside the block where it is. A block's least
 * shared length is found the first time a walk crosses it and kept in `minima` (+ 1; 0 = not yet):
 * a pass over all 131k keys up front cost a cold worker ~9 ms, more than the walks it saved.
 */
export function nearestSharingLess(shared: Uint8Array, minima: Uint16Array, j: number, sh: number): number {
  for (; (j & BLOCK_MASK) !== BLOCK_MASK; j--) if (shared[j]! < sh) return j;
  let b = j >> BLOCK_BITS;
  for (;; b--) {
    let least = minima[b]! - 1;
    if (least < 0) {
      least = 0xff;
      for (let i = b << BLOCK_BITS, end = i + BLOCK; i < end; i++) if (shared[i]! < least) least = shared[i]!;
      minima[b] = least + 1;
    }
    if (least < sh) break;
  }
  j = (b << BLOCK_BITS) + BLOCK_MASK;
  while (shared[j]! >= sh) j--;
  return j;
}

/** The most bytes a front-coded key can have: a shared prefix (a u8) and a suffix (a u16). */
export const MAX_FRONT_CODED_LENGTH = 0xff + 0xffff;

/**
 * Each front-coded key's FNV-1a hash (as fnv1a over its UTF-16 code units), its suffix's start
 * noted in `suffixStart` on the way, the parts checked as they are read. FNV-1a is sequential, so
 * a key's hash starts from the state its shared prefix left in the key before it (kept per byte
 * position; a prefix never ends inside a UTF-8 sequence) and only its suffix is hashed.
 */
function frontHashes(shared: Uint8Array, suffixLengths: Uint16Array, suffixBytes: Uint8Array, suffixStart: Uint32Array, maxLength: number): Uint32Array {
  const n = shared.length;
  const hashes = new Uint32Array(n);
  const state = new Int32Array(maxLength + 1);
  state[0] = FNV_OFFSET | 0;
  let s = 0, prevLength = 0;
  for (let i = 0; i < n; i++) {
    const sh = shared[i]!, end = s + suffixLengths[i]!;
    if (sh > prevLength) throw new Error('FrozenStrings: a front-coded string shares more than the one before it has');
    if (end > suffixBytes.length) throw new Error('FrozenStrings: front-coded lengths do not add up to the bytes');
    prevLength = sh + suffixLengths[i]!;
    suffixStart[i] = s;
    let h = state[sh]!, pos = sh;
    while (s < end) {
      const b = suffixBytes[s++]!;
      pos++;
      if (b < 0x80) {
        h = Math.imul(h ^ b, FNV_PRIME);
        state[pos] = h;
        continue;
      }
      // A multi-byte sequence: its code point as UTF-16 units, hashed like fnv1a does.
      const extra = b < 0xe0 ? 1 : b < 0xf0 ? 2 : 3;
      let cp = b & (extra === 1 ? 0x1f : extra === 2 ? 0x0f : 0x07);
      for (let k = 0; k < extra; k++) cp = (cp << 6) | (suffixBytes[s++]! & 0x3f);
      pos += extra;
      if (cp >= 0x10000) {
        cp -= 0x10000;
        h = Math.imul(h ^ (0xd800 + (cp >> 10)), FNV_PRIME);
        cp = 0xdc00 + (cp & 0x3ff);
      }
      h = Math.imul(h ^ cp, FNV_PRIME);
      state[pos] = h;
    }
    hashes[i] = h >>> 0;
  }
  if (s !== suffixBytes.length) throw new Error('FrozenStrings: front-coded lengths do not add up to the bytes');
  suffixStart[n] = s;
  return hashes;
}

/**
 * The bucket count of a table of n keys: the smallest power of two ≥ 1.5 × n (load ≤ 2/3; ≥ 1/3
 * above 2 keys). It was ≥ 2 × n (load ≤ 1/2), and the default pack's alias slot keys crossed that
 * rule's step at 2^17 / 2 (126,461 → 131,644 keys, session 14): the table doubled from 1 to 2 MB,
 * and the worker's load of the cached image (paired, thread CPU, test/bench/_pack-load-cpu.ts,
 * load ~13) took 23.6 → 19.3 ms back with this rule, the decode task 11.2 → 9.3 and the entity
 * thaw's wall time 22.8 → 11.8: the bigger table costs far more in the worker than its fill loop
 * (1.3 ms either size in Node; a fresh 2 MB buffer's pages and a GC the worker ran after it). At
 * the new rule's worst load a missing key probes ~5 buckets instead of ~2.5; the default pack sits
 * at 0.50, where it was (0.48) before it grew.
 */
export function bucketCount(n: number): number {
  let size = 1;
  while (size * 2 < n * 3) size <<= 1;
  return size;
}

/** Open addressing over key hashes (linear probing, bucketCount buckets; 0 = empty, else key + 1). */
function hashTable(hashes: Uint32Array): Uint32Array {
  const n = hashes.length;
  const size = bucketCount(n);
  const buckets = new Uint32Array(size);
  const mask = size - 1;
  for (let i = 0; i < n; i++) {
    let b = hashes[i]! & mask;
    while (buckets[b] !== 0) b = (b + 1) & mask;
    buckets[b] = i + 1;
  }
  return buckets;
}

/** Whether the UTF-8 bytes [s, e) are `key` (its UTF-8 length already known to be e - s). */
function sameKey(bytes: Uint8Array, s: number, e: number, key: string): boolean {
  const len = key.length;
  if (e - s === len) {
    // All ASCII (byte count = code-unit count): compare bytes to code units directly.
    let c = 0;
    while (c < len && bytes[s + c] === key.charCodeAt(c)) c++;
    return c === len;
  }
  let c = 0;
  return eachUnit(bytes, s, e, (u) => u === key.charCodeAt(c++)) && c === len;
}

/** The string of the UTF-8 bytes [s, e). */
function keyString(bytes: Uint8Array, s: number, e: number): string {
  let ascii = e - s <= 64;
  for (let c = s; ascii && c < e; c++) if (bytes[c]! >= 0x80) ascii = false;
  // Short ASCII keys (most of them): no TextDecoder call.
  if (ascii) return String.fromCharCode.apply(null, bytes.subarray(s, e) as unknown as number[]);
  return decoder.decode(bytes.subarray(s, e));
}

/**
 * StringList: strings by number only (no lookup by string, so no hash table to make at load):
 * the same stored parts as FrozenStrings, read with keyAt. Used for string tables that records
 * and the heading index refer to by number.
 */
export class StringList {
  readonly bytes: Uint8Array;
  readonly lengths: Uint16Array;
  readonly starts: Uint32Array;

  constructor(parts: FrozenStringsParts) {
    const { bytes, lengths } = parts;
    const n = lengths.length;
    const starts = new Uint32Array(n + 1);
    let at = 0;
    for (let i = 0; i < n; i++) {
      starts[i] = at;
      at += lengths[i]!;
    }
    starts[n] = at;
    if (at !== bytes.length) throw new Error('FrozenStrings: lengths do not add up to the bytes');
    this.bytes = bytes;
    this.lengths = lengths;
    this.starts = starts;
  }

  /** Strings (repeats allowed) → stored parts; string i is number i. */
  static encode(strings: readonly string[]): FrozenStringsParts {
    return encodeParts(strings);
  }

  get size(): number {
    return this.starts.length - 1;
  }

  keyAt(i: number): string {
    return keyString(this.bytes, this.starts[i]!, this.starts[i + 1]!);
  }

  keys(): string[] {
    const out: string[] = new Array(this.size);
    for (let i = 0; i < out.length; i++) out[i] = this.keyAt(i);
    return out;
  }
}

export class FrozenStrings extends StringList {
  readonly buckets: Uint32Array;
  private readonly mask: number;

  constructor(parts: FrozenStringsParts) {
    super(parts);
    const { bytes, starts } = this;
    const hashes = new Uint32Array(this.size);
    let h = 0;
    const mix = (u: number) => {
      h = Math.imul(h ^ u, FNV_PRIME);
      return true;
    };
    for (let i = 0; i < hashes.length; i++) {
      h = FNV_OFFSET;
      const s = starts[i]!, e = starts[i + 1]!;
      let c = s;
      // ASCII fast path: a byte is its code unit.
      while (c < e && bytes[c]! < 0x80) h = Math.imul(h ^ bytes[c++]!, FNV_PRIME);
      if (c < e) eachUnit(bytes, c, e, mix);
      hashes[i] = h >>> 0;
    }
    this.buckets = hashTable(hashes);
    this.mask = this.buckets.length - 1;
  }

  /** Build from distinct keys (each under 65,536 UTF-8 bytes, no lone surrogates); key i gets number i. */
  static build(keys: readonly string[]): FrozenStrings {
    if (new Set(keys).size !== keys.length) throw new Error('FrozenStrings: duplicate keys');
    return new FrozenStrings(encodeParts(keys));
  }

  /**
   * Could a key with FNV-1a hash `hash` (any bits above the table's are ignored) and `byteLen`
   * UTF-8 bytes (-1: unknown) be stored? false = it is not. Lets a caller that hashed a key as it
   * read it skip making the key's string for a lookup that would miss.
   */
  mayHold(hash: number, byteLen: number): boolean {
    const { starts, buckets, mask } = this;
    for (let b = hash & mask; ; b = (b + 1) & mask) {
      const slot = buckets[b]!;
      if (slot === 0) return false;
      if (byteLen < 0 || starts[slot]! - starts[slot - 1]! === byteLen) return true;
    }
  }

  /** The key's number, or -1. */
  indexOf(key: string): number {
    const { bytes, starts, buckets, mask } = this;
    let byteLen = -1; // computed on the first candidate
    for (let b = fnv1a(key) & mask; ; b = (b + 1) & mask) {
      const slot = buckets[b]!;
      if (slot === 0) return -1;
      const i = slot - 1;
      const s = starts[i]!, e = starts[i + 1]!;
      if (byteLen < 0) byteLen = utf8Length(key);
      if (e - s !== byteLen) continue;
      if (sameKey(bytes, s, e, key)) return i;
    }
  }
}

/**
 * A key table (lib/dataset/lazy-records.ts KeyTable) over stored parts that does no work until
 * used: keyAt makes the StringList's prefix sums on its first call, indexOf the FrozenStrings hash
 * table on its first call. For tables a load must provide but a page reads by a handful of keys
 * or not at all (the coverage index's topic names and posting keys, issue #8).
 */
export class DeferredStrings {
  private list: StringList | null = null;
  private table: FrozenStrings | null = null;
  readonly size: number;
  constructor(private readonly parts: FrozenStringsParts) {
    this.size = parts.lengths.length;
  }
  keyAt(i: number): string {
    return (this.list ??= this.table ?? new StringList(this.parts)).keyAt(i);
  }
  indexOf(key: string): number {
    return (this.table ??= new FrozenStrings(this.parts)).indexOf(key);
  }
  keys(): string[] {
    return (this.list ??= this.table ?? new StringList(this.parts)).keys();
  }
}
