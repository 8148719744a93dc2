/**
 * SortedKeys: a key table (lib/dataset/lazy-records.ts KeyTable) over a stored string list whose
 * lookups need no table made at load or on first use: the build stores the keys' order by value
 * (`order[r]` = the number of the r-th smallest key, UTF-16 code-unit order as Array.sort
 * compares strings), and indexOf is a binary search over that order, comparing the stored UTF-8
 * bytes with the key's code units (ASCII; a key with other characters is compared as a string).
 *
 * For the coverage index's posting keys (entity ids): the page's first query looked up its ~15
 * entities, and the first lookup made a FrozenStrings hash table over all ~6,500 keys (hashing
 * every key's bytes) — work on the first query of every freshly decoded index, ~0.4 ms with warm
 * code and several ms in a fresh worker (#8). A lookup here reads ~13 keys.
 */
import { StringList, type FrozenStringsParts } from '../dataset/frozen-strings';

/** order[r] for the keys: their numbers sorted by key (the build's side of SortedKeys). */
export function keyOrder(keys: readonly string[]): Uint32Array {
  const order = Uint32Array.from(keys, (_, i) => i);
  return order.sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
}

/** Sign of (stored key i) − key in UTF-16 code-unit order. */
function compareAt(list: StringList, i: number, key: string): number {
  const { bytes, starts } = list;
  const e = starts[i + 1]!;
  for (let p = starts[i]!, c = 0; ; p++, c++) {
    if (p === e) return c === key.length ? 0 : -1;
    if (c === key.length) return 1;
    const b = bytes[p]!;
    if (b >= 0x80) {
      const stored = list.keyAt(i);
      return stored < key ? -1 : stored > key ? 1 : 0;
    }
    const u = key.charCodeAt(c);
    if (b !== u) return b < u ? -1 : 1;
  }
}

export class SortedKeys {
  readonly size: number;
  private list: StringList | null = null;

  constructor(private readonly parts: FrozenStringsParts, private readonly order: Uint32Array) {
    this.size = parts.lengths.length;
    if (order.length !== this.size) throw new Error('SortedKeys: the order does not cover the keys');
  }

  private strings(): StringList {
    return (this.list ??= new StringList(this.parts));
  }

  keyAt(i: number): string {
    return this.strings().keyAt(i);
  }

  keys(): string[] {
    return this.strings().keys();
  }

  /** The key's number, or -1. */
  indexOf(key: string): number {
    const list = this.strings(), order = this.order;
    let lo = 0, hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = compareAt(list, order[mid]!, key);
      if (c === 0) return order[mid]!;
      if (c < 0) lo = mid + 1;
      else hi = mid;
    }
    return -1;
  }
}
