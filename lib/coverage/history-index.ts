/**
 * The reading history as relatedCoverage reads it: per-entity posting lists over the history
 * items passed with a query (RelatedQuery.extra), so a query touches only the items naming one of
 * its entities instead of all 10,000.
 *
 * The background keeps one history array per worker and changes it in place after each recorded
 * article, logging each edit (lib/coverage/history-log.ts; lib/background/store-port.ts,
 * recordInHistory). Rebuilding the lists after every record cost 27–33 ms at 10,000 records, and
 * carrying them over to a new array by a merge walk plus a copy allocated two 10,000-item arrays
 * per record, whose collection was most of the query's tail (#8). Now the lists of an array are
 * kept with the version of it they describe, and the next query applies the logged edits since:
 * a record costs the lists its own few changes.
 *
 * Order is part of the answer (ties between history items go to the one met first), so every
 * posting list stays in the array's order. Entries carry an order key ascending along the array;
 * an added item gets a key between its neighbours'. When the edits cannot be applied (no longer
 * logged, the gap between two keys too narrow, an item added twice, an array changed without the
 * log) the lists are rebuilt, as before.
 */
import { normalizeUrl } from './facts';
import { dayNumber, type CoverageIndex, type HistoryItem } from './index';
import { historyChangesSince, historyVersion, type HistoryChange } from './history-log';

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
  /** The array's version (history-log.ts) the lists describe. */
  version: number;
  /** Its length then: an array changed without the log is rebuilt. */
  size: number;
  x: HistoryIndex;
}

/** Lists by the array they describe (for the coverage index they were made with). */
const byArray = new WeakMap<readonly HistoryItem[], Built>();

/** How the last historyIndexOf call got its lists (tests and benches). */
export let lastHistoryIndexBuild: 'hit' | 'applied' | 'built' = 'built';

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

/** The key for an item placed between entries `prev` and `next` (null: that end), or null when doubles have none left. */
function keyBetween(prev: HistoryEntry | null, next: HistoryEntry | null): number | null {
  const lo = prev ? prev.key : -Infinity, hi = next ? next.key : Infinity;
  const k = lo === -Infinity ? (hi === Infinity ? 0 : hi - 1) : hi === Infinity ? lo + 1 : lo + (hi - lo) / 2;
  return k > lo && k < hi ? k : null;
}

/**
 * Applies one logged edit to the lists; false (the lists then half-changed: the caller rebuilds)
 * when it does not fit them: an added item already there or placed beside an item they lack, a
 * dropped item they lack, no key left between two neighbours.
 */
function apply(index: CoverageIndex, x: HistoryIndex, change: HistoryChange): boolean {
  const h = change.item;
  if (change.kind === 'dropped') {
    const e = x.entries.get(h);
    if (!e) return false;
    x.entries.delete(h);
    for (const id of entitiesOf(h)) {
      const list = x.byEntity.get(id);
      if (!list) continue;
      const at = keyBound(list, e.key);
      if (list[at] === e) list.splice(at, 1);
      if (list.length === 0) x.byEntity.delete(id);
    }
    return true;
  }
  if (x.entries.has(h)) return false;
  const prev = change.prev ? x.entries.get(change.prev) : null;
  const next = change.next ? x.entries.get(change.next) : null;
  if (prev === undefined || next === undefined) return false;
  const key = keyBetween(prev, next);
  if (key === null) return false;
  const e = entryOf(index, h, key);
  x.entries.set(h, e);
  for (const id of entitiesOf(h)) {
    const list = x.byEntity.get(id);
    if (!list) x.byEntity.set(id, [e]);
    else if (list[list.length - 1]!.key < key) list.push(e);
    else list.splice(keyBound(list, key), 0, e);
  }
  return true;
}

/** Brings `b` up to `extra`'s current version from the log; false when it cannot (then rebuilt). */
function catchUp(index: CoverageIndex, b: Built, extra: readonly HistoryItem[], version: number): boolean {
  const changes = historyChangesSince(extra, b.version);
  if (!changes) return false;
  for (const c of changes) if (!apply(index, b.x, c)) return false;
  // Every item once (an array holding one item twice is built: its lists hold it twice), and no
  // change made without the log.
  if (b.x.entries.size !== extra.length) return false;
  b.version = version;
  b.size = extra.length;
  return true;
}

/**
 * The posting lists of `extra` against `index`: kept per array (an exact hit when the same array
 * comes again at the same version), brought up to date from the array's edit log when it was
 * edited since (history-log.ts), else built.
 */
export function historyIndexOf(index: CoverageIndex, extra: readonly HistoryItem[]): HistoryIndex {
  const version = historyVersion(extra);
  const known = byArray.get(extra);
  if (known && known.index === index) {
    if (known.version === version && known.size === extra.length) {
      lastHistoryIndexBuild = 'hit';
      return known.x;
    }
    if (known.version !== version && catchUp(index, known, extra, version)) {
      lastHistoryIndexBuild = 'applied';
      return known.x;
    }
  }
  const made: Built = { index, version, size: extra.length, x: build(index, extra) };
  byArray.set(extra, made);
  lastHistoryIndexBuild = 'built';
  return made.x;
}
