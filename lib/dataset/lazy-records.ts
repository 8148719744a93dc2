/**
 * Records stored positionally and turned into objects only when read. The runtime pack stores
 * ~33k entities this way (lib/entities/frozen-index.ts): an article needs a few hundred of them,
 * so making all of them at worker start is work nobody uses, and their JSON text (field names,
 * quotes, repeated values) was half of the bytes the worker inflates (issue #8).
 *
 * A record is a run of unsigned varints (7 bits a byte, low bits first): field masks, counts and
 * numbers into shared tables (strings, numbers) that the record's own codec defines. Stored:
 * every record's varints one after the other, and each record's byte length (lengths compress
 * far better than offsets); each record's start is a prefix sum made at load.
 */

/** Appends varints for one record after another. */
export class RecordWriter {
  private bytes: number[] = [];
  private lengths: number[] = [];
  private start = 0;

  /** Append one unsigned integer (< 2^53) to the current record. */
  uint(n: number): void {
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`records: ${n} is not an unsigned integer`);
    while (n >= 0x80) {
      this.bytes.push((n % 0x80) | 0x80);
      n = Math.floor(n / 0x80);
    }
    this.bytes.push(n);
  }

  /** Close the current record. */
  end(): void {
    const length = this.bytes.length - this.start;
    if (length > 0xffff) throw new Error('records: a record over 65,535 bytes');
    this.lengths.push(length);
    this.start = this.bytes.length;
  }

  finish(): StoredRecords {
    if (this.bytes.length !== this.start) throw new Error('records: the last record was not closed');
    return { bytes: Uint8Array.from(this.bytes), lengths: Uint16Array.from(this.lengths) };
  }
}

/** What is stored. */
export interface StoredRecords {
  bytes: Uint8Array;
  lengths: Uint16Array;
}

/** Stored records with each record's start (made at load); read record i with `reader.at(i)`. */
export class RecordReader {
  private readonly bytes: Uint8Array;
  private readonly starts: Uint32Array;
  private pos = 0;
  private end = 0;

  constructor(stored: StoredRecords) {
    const n = stored.lengths.length;
    const starts = new Uint32Array(n + 1);
    let at = 0;
    for (let i = 0; i < n; i++) {
      starts[i] = at;
      at += stored.lengths[i]!;
    }
    starts[n] = at;
    if (at !== stored.bytes.length) throw new Error('records: lengths do not add up to the bytes');
    this.bytes = stored.bytes;
    this.starts = starts;
  }

  get count(): number {
    return this.starts.length - 1;
  }

  /** Position the reader at record i's first varint. */
  at(i: number): this {
    this.pos = this.starts[i]!;
    this.end = this.starts[i + 1]!;
    return this;
  }

  /** The next varint of the current record. */
  uint(): number {
    let n = 0, scale = 1, b: number;
    do {
      if (this.pos >= this.end) throw new Error('records: read past the end of a record');
      b = this.bytes[this.pos++]!;
      n += (b & 0x7f) * scale;
      scale *= 0x80;
    } while (b & 0x80);
    return n;
  }

  /** True when the current record has been read to its end. */
  get done(): boolean {
    return this.pos === this.end;
  }
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
  // The proxy's target is an EMPTY array (so Array.isArray and the array methods still hold),
  // its length reported by the traps, and the made elements are kept in a Map: V8's
  // `new Array(n)` costs ~30 µs per 1,000 slots once n passes ~32k (~1.5 ms for the 48k
  // entities, measured in Node), and the runtime pack made three such lists at every load,
  // for the few hundred elements an article reads (issue #8).
  const target: T[] = [];
  const cache = new Map<number, T>();
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
      cache.set(i, make(i));
      made[i] = 1;
    }
    return cache.get(i)!;
  };
  const list = new Proxy(target, {
    get(target, prop, receiver) {
      const i = index(prop);
      if (i >= 0) return at(i);
      return prop === 'length' ? length : Reflect.get(target, prop, receiver);
    },
    set(target, prop, value, receiver) {
      const i = index(prop);
      if (i < 0) return prop === 'length' ? value === length : Reflect.set(target, prop, value, receiver);
      cache.set(i, value as T);
      made[i] = 1;
      return true;
    },
    has(target, prop) {
      return index(prop) >= 0 || Reflect.has(target, prop);
    },
    getOwnPropertyDescriptor(target, prop) {
      const i = index(prop);
      if (i >= 0) return { value: at(i), writable: true, enumerable: true, configurable: true };
      if (prop === 'length') return { value: length, writable: true, enumerable: false, configurable: false };
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
      for (let i = 0; i < length; i++) if (made[i] === 0) { cache.set(i, all[i]!); made[i] = 1; }
    },
  };
}

/** What a lazy map looks its keys up in (FrozenStrings). */
export interface KeyTable {
  readonly size: number;
  indexOf(key: string): number;
  keyAt(i: number): string;
}

/**
 * A read-mostly Map over a frozen key table whose value for key i is make(i), made on the first
 * get/has of that key and kept. get and has look the key up without making the map; anything
 * else (size aside: iteration, forEach, set, delete) first makes every entry, in key-number order,
 * with the values already made, and from then on it is the ordinary Map it extends. Used where
 * a loaded table is read by a handful of keys per page (the heading-word index's ~20k stems).
 */
export class LazyMap<V> extends Map<string, V> {
  /** The values made so far, by key number (a Map, not an array of the table's size: see lazyList). */
  private made: Map<number, V> | null;
  constructor(private readonly keyTable: KeyTable, private readonly make: (i: number) => V) {
    super();
    this.made = new Map<number, V>();
  }

  private valueAt(i: number): V {
    const made = this.made!;
    let v = made.get(i);
    if (v === undefined && !made.has(i)) made.set(i, (v = this.make(i)));
    return v as V;
  }

  private all(): void {
    if (!this.made) return;
    for (let i = 0, n = this.keyTable.size; i < n; i++) super.set(this.keyTable.keyAt(i), this.valueAt(i));
    this.made = null;
  }

  override get(key: string): V | undefined {
    if (!this.made) return super.get(key);
    const i = this.keyTable.indexOf(key);
    return i < 0 ? undefined : this.valueAt(i);
  }
  override has(key: string): boolean {
    return this.made ? this.keyTable.indexOf(key) >= 0 : super.has(key);
  }
  override get size(): number {
    return this.made ? this.keyTable.size : super.size;
  }
  override set(key: string, value: V): this {
    this.all();
    return super.set(key, value);
  }
  override delete(key: string): boolean {
    this.all();
    return super.delete(key);
  }
  override clear(): void {
    this.all();
    super.clear();
  }
  override forEach(fn: (value: V, key: string, map: Map<string, V>) => void, thisArg?: unknown): void {
    this.all();
    super.forEach(fn, thisArg);
  }
  override entries(): MapIterator<[string, V]> {
    this.all();
    return super.entries();
  }
  override keys(): MapIterator<string> {
    this.all();
    return super.keys();
  }
  override values(): MapIterator<V> {
    this.all();
    return super.values();
  }
  override [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
}
