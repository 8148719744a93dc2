/**
 * The coverage index: every coverage item the background knows (the default pack's timeline,
 * packs the reader installed, articles the reader read) in an inverted index
 *   entity id → item numbers sorted by date (oldest first; undated kept apart)
 * with an idf per entity, so a query touches only items that share an entity with the article.
 *
 * Items are kept compact: a day number, interned topic numbers, the entity ids. The index is
 * built once (background start, pack change) and history can be appended with addToCoverageIndex.
 */
import type { CoverageRecord } from '../dataset/schema';
import { normalizeUrl } from './facts';

export type CoverageOrigin = 'timeline' | 'pack' | 'history';
export type CoverageItem = CoverageRecord & { origin: CoverageOrigin };

/** An article the reader read, as a coverage item ("you read this earlier"). */
export type HistoryItem = CoverageRecord & { origin: 'history'; title: string; readAt?: number };

export interface IndexedItem {
  record: CoverageItem;
  /** Days since 1970-01-01 (UTC) of the item's date; NaN when undated. */
  day: number;
  /** Interned topic numbers (into CoverageIndex.topicNames). */
  topics: number[];
  /** Normalised own URL ('' when none; day-page URLs rebuilt from the date are shared, so not used) — for excludeUrl and duplicate collapse. */
  url: string;
}

export interface CoverageIndex {
  items: IndexedItem[];
  /** item id → item number. A Map when built here; read-only when loaded from the runtime pack (lib/coverage/frozen-index.ts). */
  byId: Map<string, number> | { get(id: string): number | undefined; has(id: string): boolean; readonly size: number };
  /** entity id → item numbers with a date, oldest first. */
  byEntity: Map<string, number[]>;
  /** entity id → undated item numbers. */
  undatedByEntity: Map<string, number[]>;
  /** entity id → log((N + 1) / (df + 0.5)). */
  idf: Map<string, number>;
  /** idf of an entity no item names (used for history items passed per query). */
  maxIdf: number;
  topicIds: Map<string, number>;
  topicNames: string[];
  nameOf: (id: string) => string | undefined;
  /** Per item number, struct-of-arrays for the query loop: day (NaN undated) and entity count. */
  days: Float64Array;
  entityCounts: Uint16Array;
  /** Topics of item n: topicList[topicStart[n] .. topicStart[n + 1]). */
  topicStart: Uint32Array;
  topicList: Int32Array;
  /**
   * Item n's normalised URL (its `url`), without making the item: the query compares every
   * candidate's URL with the page's own, and on the runtime pack reading `items[n]` makes a lazy
   * item object for each of ~10,000 candidates (#8).
   */
  urlAt(n: number): string;
  /** Scratch space for queries (one query at a time; JS is single-threaded). */
  scratch: { score: Float64Array; mark: Uint32Array; epoch: number };
}

/** "2025-06-08" / "2025-06" / "2025" → days since epoch; NaN when not a date. */
export function dayNumber(date: string | null | undefined): number {
  if (!date) return NaN;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date);
  if (!m) return NaN;
  return Math.floor(Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1) / 86_400_000);
}

function internTopics(index: CoverageIndex, topics: readonly string[] | undefined): number[] {
  const out: number[] = [];
  if (!topics) return out;
  for (let k = 0; k < topics.length; k++) {
    const t = topics[k]!;
    let n = index.topicIds.get(t);
    if (n === undefined) {
      n = index.topicNames.length;
      index.topicIds.set(t, n);
      index.topicNames.push(t);
    }
    if (!out.includes(n)) out.push(n);
  }
  return out;
}

export function buildCoverageIndex(items: CoverageItem[], nameOf: (id: string) => string | undefined): CoverageIndex {
  const index: CoverageIndex = {
    items: [],
    byId: new Map(),
    byEntity: new Map(),
    undatedByEntity: new Map(),
    idf: new Map(),
    maxIdf: 1,
    topicIds: new Map(),
    topicNames: [],
    nameOf,
    days: new Float64Array(0),
    entityCounts: new Uint16Array(0),
    topicStart: new Uint32Array(1),
    topicList: new Int32Array(0),
    urlAt: (n) => index.items[n]!.url,
    scratch: { score: new Float64Array(0), mark: new Uint32Array(0), epoch: 0 },
  };
  addToCoverageIndex(index, items);
  return index;
}

/**
 * Appends items (e.g. newly read articles) and refreshes idf. Items already present by id are skipped.
 * Runs on the background's startup path (~30k pack items): no per-item Sets or closures, day
 * numbers cached per date string, typed arrays filled by plain loops.
 */
export function addToCoverageIndex(index: CoverageIndex, items: CoverageItem[]): void {
  const touched = new Set<string>();
  const dayOf = new Map<string, number>();
  const { byEntity, undatedByEntity } = index;
  const byId = index.byId;
  if (!(byId instanceof Map)) throw new Error('addToCoverageIndex: this index is read-only (loaded from the runtime pack)');
  const list0 = index.items;
  for (let r = 0; r < items.length; r++) {
    const record = items[r]!;
    if (byId.has(record.id)) continue;
    const n = list0.length;
    byId.set(record.id, n);
    const date = record.date;
    let day = NaN;
    if (date) {
      const known = dayOf.get(date);
      if (known === undefined) dayOf.set(date, (day = dayNumber(date)));
      else day = known;
    }
    list0.push({ record, day, topics: internTopics(index, record.topics), url: record.url ? normalizeUrl(record.url) : '' });
    const ents = record.entities;
    if (!ents) continue;
    const map = day !== day ? undatedByEntity : byEntity; // NaN: undated
    for (let k = 0; k < ents.length; k++) {
      const e = ents[k]!;
      if (k > 0 && ents.indexOf(e) < k) continue; // each entity once per item, first occurrence order
      const list = map.get(e);
      if (list) list.push(n);
      else map.set(e, [n]);
      touched.add(e);
    }
  }
  const all = list0;
  // Keep posting lists in date order (stable: ties keep insertion order).
  for (const e of touched) {
    const list = byEntity.get(e);
    if (list && list.length > 1) {
      let sorted = true;
      for (let i = 1; i < list.length; i++) if (all[list[i - 1]!]!.day > all[list[i]!]!.day) { sorted = false; break; }
      if (!sorted) list.sort((a, b) => all[a]!.day - all[b]!.day || a - b);
    }
  }
  const N = all.length;
  index.idf.clear();
  // Same key order as before: dated entities first, then those only undated.
  for (const [e, dated] of byEntity) index.idf.set(e, Math.log((N + 1) / (dated.length + (undatedByEntity.get(e)?.length ?? 0) + 0.5)));
  for (const [e, undated] of undatedByEntity) if (!byEntity.has(e)) index.idf.set(e, Math.log((N + 1) / (undated.length + 0.5)));
  index.maxIdf = Math.log((N + 1) / 0.5);
  index.scratch = { score: new Float64Array(N), mark: new Uint32Array(N), epoch: 0 };
  const days = new Float64Array(N);
  const entityCounts = new Uint16Array(N);
  const topicStart = new Uint32Array(N + 1);
  let total = 0;
  for (let n = 0; n < N; n++) {
    const it = all[n]!;
    days[n] = it.day;
    entityCounts[n] = Math.min(65535, it.record.entities?.length ?? 0);
    topicStart[n] = total;
    total += it.topics.length;
  }
  topicStart[N] = total;
  const topicList = new Int32Array(total);
  for (let n = 0, o = 0; n < N; n++) {
    const t = all[n]!.topics;
    for (let k = 0; k < t.length; k++) topicList[o++] = t[k]!;
  }
  index.days = days;
  index.entityCounts = entityCounts;
  index.topicStart = topicStart;
  index.topicList = topicList;
}

export function idfOf(index: CoverageIndex, id: string): number {
  return index.idf.get(id) ?? index.maxIdf;
}
