/**
 * The reading history as relatedCoverage reads it: per-entity posting lists over the history
 * items passed with a query (RelatedQuery.extra), so a query touches only the items naming one of
 * its entities instead of all 10,000.
 *
 * The background keeps one history array per worker and, after each recorded article, passes a
 * new array: the old one with that article placed by read time, its earlier read dropped and the
 * oldest reads evicted (lib/background/store-port.ts, withRecordedRead). Rebuilding the lists for
 * every such array cost 27–33 ms per article at 10,000 records (#8); instead the lists of the
 * array seen last are carried over to the new one: one merge walk comparing the two arrays item by
 * item (identity) finds the items kept, added and dropped, and only those touch the lists.
 *
 * Order is part of the answer (ties between history items go to the one met first), so every
 * posting list stays in the array's order. Items carry an order key ascending along the array;
 * an added item gets a key between its neighbours'. Whenever the new array is not "the old one,
 * same items in the same order, a few added or dropped" the lists are rebuilt, as before.
 */
import { normalizeUrl } from './facts';
import { dayNumber, type CoverageIndex, type HistoryItem } from './index';

export interface HistoryEntry {
  record: HistoryItem;
  /** Days since 1970-01-01 of the item's date; NaN when undated. */
  day: number;
  /** The item's topics as the coverage index numbers them (unknown topics left out). */
  topics: number[];
  /** Normalised URL (for excludeUrl and duplicate collapse). */
  url: string;
  /** Ascending along the array's order. */
  key: number;
}

export interface HistoryIndex {
  /** Entity id → the entries naming it, in the array's order (each entry once per list). */
  byEntity: Map<string, HistoryEntry[]>;
  /** Each item of the array (by identity) → its entry. */
  entries: Map<HistoryItem, HistoryEntry>;
}

interface Built {
  index: CoverageIndex;
  array: readonly HistoryItem[];
  size: number;
  /** The items `x` describes, in its order: a copy, as the caller may change `array` in place. */
  items: readonly HistoryItem[];
  x: HistoryIndex;
}

/** Entries by the array they describe; an exact hit costs nothing. */
const byArray = new WeakMap<readonly HistoryItem[], Built>();
/**
 * The entries used last with each coverage index, most recent first: a new array is carried from
 * one of them. A few, not one, so two callers alternating between their own arrays (a bench's
 * arms, a test's fixed array next to the worker's) do not make each other rebuild.
 */
const recent = new WeakMap<CoverageIndex, Built[]>();
const RECENT = 4;

/** How the last historyIndexOf call got its lists (tests and benches). */
export let lastHistoryIndexBuild: 'hit' | 'carried' | 'built' = 'built';

function entryOf(index: CoverageIndex, h: HistoryItem, key: number): HistoryEntry {
  const topics: number[] = [];
  for (const t of h.topics ?? []) {
    const n = index.topicIds.get(t);
    if (n !== undefined) topics.push(n);
  }
  return { record: h, day: dayNumber(h.date), topics, url: normalizeUrl(h.url), key };
}

/** Each entity of the item once, in the item's order. */
function entitiesOf(h: HistoryItem): string[] {
  const ids = h.entities ?? [];
  return ids.length < 2 ? ids : [...new Set(ids)];
}

function build(index: CoverageIndex, extra: readonly HistoryItem[]): HistoryIndex {
  const x: HistoryIndex = { byEntity: new Map(), entries: new Map() };
  for (let i = 0; i < extra.length; i++) {
    const h = extra[i]!;
    const e = entryOf(index, h, i);
    x.entries.set(h, e);
    for (const id of entitiesOf(h)) {
      const list = x.byEntity.get(id);
      if (list) list.push(e);
      else x.byEntity.set(id, [e]);
    }
  }
  return x;
}

/** First position in `list` whose key is ≥ key. */
function keyBound(list: HistoryEntry[], key: number): number {
  let lo = 0, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.key < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Runs of consecutive positions (ascending): [first, count] each. */
function runsOf(positions: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (let r = 0; r < positions.length; ) {
    let end = r;
    while (end + 1 < positions.length && positions[end + 1] === positions[end]! + 1) end++;
    runs.push([positions[r]!, end - r + 1]);
    r = end + 1;
  }
  return runs;
}

/**
 * Updates `b` (its lists describe `b.items`) to describe `extra`, or returns false without
 * changing it when `extra` is not b.items with a few items added or dropped, order kept.
 *
 * One merge walk over both arrays: where they agree (nearly everywhere) it is an identity
 * comparison, so a recorded read costs the lists that read's own changes plus a pass of pointer
 * comparisons, not a Map look-up per kept item (that pass was ~0.7 ms of each query after a
 * record at 10,000 reads, #8). Only where they differ is the item looked up: a known item later
 * in b.items means the items before it were dropped; an unknown one is added.
 */
function carry(index: CoverageIndex, b: Built, extra: readonly HistoryItem[]): boolean {
  const x = b.x, old = b.items;
  // An array holding one item twice has two entries' worth of lists under one key: rebuilt.
  if (x.entries.size !== old.length) return false;
  const n = extra.length;
  // Past this many changes a rebuild costs about as much.
  const limit = Math.max(64, n >> 3);
  const fresh: number[] = [];
  const dropped: HistoryItem[] = [];
  let j = 0;
  for (let i = 0; i < n; i++) {
    const h = extra[i]!;
    if (j < old.length && old[j] === h) {
      j++;
      continue;
    }
    const e = x.entries.get(h);
    if (!e) {
      fresh.push(i);
      if (fresh.length + dropped.length > limit) return false;
      continue;
    }
    // A known item: it must come later in b.items (else it is met twice or out of order);
    // everything before it there was dropped.
    if (j >= old.length || e.key < x.entries.get(old[j]!)!.key) return false;
    while (old[j] !== h) {
      dropped.push(old[j++]!);
      if (fresh.length + dropped.length > limit) return false;
    }
    j++;
  }
  while (j < old.length) {
    dropped.push(old[j++]!);
    if (fresh.length + dropped.length > limit) return false;
  }
  if (fresh.length > 1 && new Set(fresh.map((i) => extra[i])).size !== fresh.length) return false;
  // Keys for the added items, run by run, strictly between their kept neighbours'.
  const keys = new Map<number, number>();
  for (const [first, count] of runsOf(fresh)) {
    const lo = first > 0 ? x.entries.get(extra[first - 1]!)!.key : -Infinity;
    const hi = first + count < n ? x.entries.get(extra[first + count]!)!.key : Infinity;
    let prev = lo;
    for (let c = 0; c < count; c++) {
      const k = lo === -Infinity ? (hi === Infinity ? c : hi - (count - c)) : hi === Infinity ? lo + c + 1 : lo + ((hi - lo) * (c + 1)) / (count + 1);
      if (!(k > prev && k < hi)) return false; // the gap is too narrow for doubles
      keys.set(first + c, (prev = k));
    }
  }
  // Nothing above changed the lists; now apply.
  for (const h of dropped) {
    const e = x.entries.get(h)!;
    x.entries.delete(h);
    for (const id of entitiesOf(h)) {
      const list = x.byEntity.get(id);
      if (!list) continue;
      const at = keyBound(list, e.key);
      if (list[at] === e) list.splice(at, 1);
      if (list.length === 0) x.byEntity.delete(id);
    }
  }
  for (const i of fresh) {
    const h = extra[i]!;
    const e = entryOf(index, h, keys.get(i)!);
    x.entries.set(h, e);
    for (const id of entitiesOf(h)) {
      const list = x.byEntity.get(id);
      if (!list) x.byEntity.set(id, [e]);
      else if (list.length === 0 || list[list.length - 1]!.key < e.key) list.push(e);
      else list.splice(keyBound(list, e.key), 0, e);
    }
  }
  b.items = extra.slice();
  return true;
}

/**
 * The posting lists of `extra` against `index`: kept per array (an exact hit when the same array
 * comes again, unchanged in length), carried over from the array used last with this index when
 * `extra` is that array updated, else built.
 */
export function historyIndexOf(index: CoverageIndex, extra: readonly HistoryItem[]): HistoryIndex {
  let used = recent.get(index);
  if (!used) recent.set(index, (used = []));
  const touch = (b: Built): HistoryIndex => {
    const at = used.indexOf(b);
    if (at >= 0) used.splice(at, 1);
    used.unshift(b);
    if (used.length > RECENT) used.length = RECENT;
    return b.x;
  };
  const known = byArray.get(extra);
  if (known && known.index === index && known.size === extra.length) {
    lastHistoryIndexBuild = 'hit';
    return touch(known);
  }
  // The array's own entry (it was changed in place), else the ones used last with this index.
  const from = known && known.index === index ? [known] : used;
  for (const b of from) {
    if (!carry(index, b, extra)) continue;
    // The lists now describe `extra`: the array they described before must not find them.
    byArray.delete(b.array);
    b.array = extra;
    b.size = extra.length;
    byArray.set(extra, b);
    lastHistoryIndexBuild = 'carried';
    return touch(b);
  }
  const made: Built = { index, array: extra, size: extra.length, items: extra.slice(), x: build(index, extra) };
  byArray.set(extra, made);
  lastHistoryIndexBuild = 'built';
  return touch(made);
}
