/**
 * Records kept as JSON bytes and turned into objects only when read. The runtime pack stores
 * ~25k entities and ~27k coverage items this way: an article needs a few hundred of them, so
 * parsing all of them at worker start (tens of ms for 8 MB of JSON) is work nobody uses.
 *
 * Storage: the UTF-8 text of a JSON array `[r0,r1,…]` and each record's byte length (lengths
 * compress far better than offsets); record i starts after the `[` and the records and
 * separators before it. The same bytes parse in one go when every record is wanted.
 */

/** What is stored. */
export interface StoredRecords {
  json: Uint8Array;
  lengths: Uint32Array;
}

/** Stored records plus each record's start offset (made at load). */
export interface RecordBytes {
  json: Uint8Array;
  starts: Uint32Array;
}

export function encodeRecords(texts: readonly string[]): StoredRecords {
  const enc = new TextEncoder();
  const parts = texts.map((t) => enc.encode(t));
  let total = 2; // [ and ]
  for (const p of parts) total += p.length;
  total += Math.max(0, parts.length - 1); // commas
  const json = new Uint8Array(total);
  const lengths = new Uint32Array(parts.length);
  json[0] = 0x5b; // [
  let at = 1;
  for (let i = 0; i < parts.length; i++) {
    if (i > 0) json[at++] = 0x2c; // ,
    json.set(parts[i]!, at);
    at += parts[i]!.length;
    lengths[i] = parts[i]!.length;
  }
  json[at] = 0x5d; // ]
  return { json, lengths };
}

/** Each record's start: after `[`, then after each record and its comma. */
export function recordBytes(stored: StoredRecords): RecordBytes {
  const n = stored.lengths.length;
  const starts = new Uint32Array(n + 1);
  let at = 1;
  for (let i = 0; i < n; i++) {
    starts[i] = at;
    at += stored.lengths[i]! + 1;
  }
  starts[n] = at;
  if (at !== (n === 0 ? 1 : stored.json.length)) throw new Error('records: lengths do not add up to the bytes');
  return { json: stored.json, starts };
}

const decoder = new TextDecoder();

/** Record i, parsed. */
export function parseRecord<T>(b: RecordBytes, i: number): T {
  return JSON.parse(decoder.decode(b.json.subarray(b.starts[i]!, b.starts[i + 1]! - 1))) as T;
}

/** Every record, parsed in one JSON.parse (faster than one at a time when all are wanted). */
export function parseAllRecords<T>(b: RecordBytes): T[] {
  return JSON.parse(decoder.decode(b.json)) as T[];
}

/**
 * A read-mostly array whose element i is made by make(i) on first read and kept. It behaves as
 * an ordinary array for indexing, length, iteration, `in` and the array methods; `fill()` makes
 * every element at once (e.g. from parseAllRecords) when a caller is about to read them all.
 */
export interface LazyList<T> {
  list: T[];
  fill(all: T[]): void;
}

export function lazyList<T>(length: number, make: (i: number) => T): LazyList<T> {
  const cache: T[] = new Array<T>(length);
  const made = new Uint8Array(length);
  const index = (prop: string | symbol): number => {
    if (typeof prop !== 'string') return -1;
    const c = prop.charCodeAt(0);
    if (c < 48 || c > 57) return -1;
    const i = Number(prop);
    return Number.isInteger(i) && i < length && String(i) === prop ? i : -1;
  };
  const at = (i: number): T => {
    if (made[i] === 0) {
      cache[i] = make(i);
      made[i] = 1;
    }
    return cache[i]!;
  };
  const list = new Proxy(cache, {
    get(target, prop, receiver) {
      const i = index(prop);
      return i >= 0 ? at(i) : Reflect.get(target, prop, receiver);
    },
    set(target, prop, value, receiver) {
      const i = index(prop);
      if (i >= 0) made[i] = 1;
      return Reflect.set(target, prop, value, receiver);
    },
    has(target, prop) {
      return index(prop) >= 0 || Reflect.has(target, prop);
    },
    getOwnPropertyDescriptor(target, prop) {
      const i = index(prop);
      if (i >= 0) return { value: at(i), writable: true, enumerable: true, configurable: true };
      return Reflect.getOwnPropertyDescriptor(target, prop);
    },
    ownKeys(target) {
      const keys: (string | symbol)[] = [];
      for (let i = 0; i < length; i++) keys.push(String(i));
      for (const k of Reflect.ownKeys(target)) if (index(k) < 0) keys.push(k);
      return keys;
    },
  });
  return {
    list,
    fill(all) {
      for (let i = 0; i < length; i++) if (made[i] === 0) { cache[i] = all[i]!; made[i] = 1; }
    },
  };
}
