/**
 * The history posting lists are carried from one history array to the next instead of rebuilt
 * (lib/coverage/history-index.ts, #8). Differential: after every update the worker makes
 * (withRecordedRead: a read placed by time, its earlier read replaced, the oldest evicted), the
 * carried lists and the ranking must be exactly what a fresh build of the same items gives.
 */
import { describe, expect, it } from 'vitest';
import { buildCoverageIndex, type CoverageItem, type HistoryItem } from '../lib/coverage/index';
import { relatedCoverage } from '../lib/coverage/rank';
import { historyIndexOf, lastHistoryIndexBuild, type HistoryIndex } from '../lib/coverage/history-index';
import { withRecordedRead } from '../lib/background/store-port';
import { historyItemOfRead, type ReadRecord } from '../lib/store/index';
import type { LinkedEntity } from '../lib/report';

const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
const timeline: CoverageItem[] = [
  { id: 't-1', date: '2025-05-01', source: 'Wire', entities: ['a', 'b'], topics: ['Talks'], origin: 'timeline' },
  { id: 't-2', date: '2025-05-20', source: 'Wire', entities: ['a', 'c'], topics: ['Talks'], origin: 'timeline' },
  { id: 't-3', date: '2025-06-01', source: 'Wire', entities: ['d'], topics: ['War'], origin: 'timeline' },
];
const index = buildCoverageIndex(timeline, (id) => id.toUpperCase());

/** A small deterministic generator (mulberry32). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function readOf(rand: () => number, url: number, readAt: number): ReadRecord {
  const pick = () => ids[Math.floor(rand() * ids.length)]!;
  // Few dates and few entity sets: many history items tie on score, so order decides.
  const day = 1 + Math.floor(rand() * 6);
  return {
    url: `https://site${url % 7}.example/story-${url}`, title: `Story ${url}`, site: `site${url % 7}`,
    date: rand() < 0.1 ? null : `2025-06-0${day}`, entityIds: [pick(), pick(), pick()], kind: 'news', opinionShare: 0, readAt,
  };
}

const linked = (id: string, mentions: number): LinkedEntity => ({
  id, name: id.toUpperCase(), type: 'person', description: '', mentions: Array.from({ length: mentions }, (_, p) => ({ paragraph: p, start: 0, end: 1, text: id.toUpperCase() })),
});
const queries = [
  { entities: [linked('a', 3), linked('b', 1)], date: '2025-06-08', title: 'A and B', excludeUrl: 'https://site3.example/story-10', limit: 10 },
  { entities: [linked('c', 2), linked('d', 2), linked('e', 1), linked('f', 1), linked('g', 1)], date: '2025-06-05', title: 'C', limit: 10 },
  { entities: [linked('h', 1)], date: null, title: '', limit: 10 },
];

/** Record ids per entity list, the lists' order. */
function listsOf(x: HistoryIndex): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [id, list] of x.byEntity) out[id] = list.map((e) => e.record.id);
  return out;
}
/** The same items as new objects: the index has never seen them, so it builds their lists. */
const fresh = (items: readonly HistoryItem[]): HistoryItem[] => items.map((h) => ({ ...h }));

function expectSameAsBuilt(items: readonly HistoryItem[]): void {
  const copy = fresh(items);
  const built = listsOf(historyIndexOf(index, copy));
  expect(lastHistoryIndexBuild).toBe('built');
  expect(listsOf(historyIndexOf(index, items))).toEqual(built);
  for (const q of queries) expect(relatedCoverage(index, { ...q, extra: items })).toEqual(relatedCoverage(index, { ...q, extra: copy }));
}

describe('history posting lists carried across the worker\'s updates', () => {
  it('match a fresh build after every record: new reads, re-reads, old read times, evictions', () => {
    const rand = rng(8);
    const cap = 200;
    let clock = 1_000_000;
    let items: HistoryItem[] = [];
    for (let i = 0; i < cap; i++) items = withRecordedRead(items, readOf(rand, i, (clock += 1000)), 0);
    historyIndexOf(index, items);
    let next = 1000;
    const seen = { carried: 0 };
    for (let step = 0; step < 80; step++) {
      const r = rand();
      // Mostly a new page read now; some re-reads of a page in the history; some reads with an
      // older time (a slow clock: placed mid-array) and some with the same time as another read.
      const url = r < 0.2 ? Number(items[Math.floor(rand() * items.length)]!.title.slice(6)) : next++;
      const readAt = r < 0.3 ? clock - Math.floor(rand() * 100) * 1000 : r < 0.35 ? clock : (clock += 1000);
      const read = readOf(rand, url, readAt);
      const stays = items.some((h) => h.id === historyItemOfRead(read).id);
      const evicted = stays ? 0 : Math.max(0, items.length + 1 - cap);
      const before = items;
      items = withRecordedRead(items, read, evicted);
      relatedCoverage(index, { ...queries[0]!, extra: items });
      if (lastHistoryIndexBuild === 'carried') seen.carried++;
      expectSameAsBuilt(items);
      // The array before the update (its lists were carried on to the new one) still ranks as itself.
      if (step % 10 === 0) expectSameAsBuilt(before);
    }
    // Every update was carried, none rebuilt (the earlier array's rebuild happens after the check).
    expect(seen.carried).toBe(80);
  });

  it('rebuilds when the new array reorders, repeats or replaces most items', () => {
    const rand = rng(5);
    let items: HistoryItem[] = [];
    for (let i = 0; i < 100; i++) items = withRecordedRead(items, readOf(rand, i, 1000 + i), 0);
    historyIndexOf(index, items);
    const swapped = [...items];
    [swapped[3], swapped[40]] = [swapped[40]!, swapped[3]!];
    historyIndexOf(index, swapped);
    expect(lastHistoryIndexBuild).toBe('built');
    expectSameAsBuilt(swapped);
    const twice = [...items.slice(0, 50), items[10]!, ...items.slice(50)];
    historyIndexOf(index, twice);
    expect(lastHistoryIndexBuild).toBe('built');
    expect(listsOf(historyIndexOf(index, twice))).toEqual(listsOf(historyIndexOf(index, fresh(twice))));
    const other = fresh(items);
    historyIndexOf(index, other);
    expect(lastHistoryIndexBuild).toBe('built');
    historyIndexOf(index, other);
    expect(lastHistoryIndexBuild).toBe('hit');
  });

  it('follows an array changed in place (a push, a removal)', () => {
    const rand = rng(3);
    const items: HistoryItem[] = [];
    for (let i = 0; i < 50; i++) items.push(historyItemOfRead(readOf(rand, i, 5000 - i)));
    historyIndexOf(index, items);
    items.push(historyItemOfRead(readOf(rand, 99, 1)));
    items.splice(7, 1);
    items.unshift(historyItemOfRead(readOf(rand, 98, 9999)));
    relatedCoverage(index, { ...queries[0]!, extra: items });
    expect(lastHistoryIndexBuild).toBe('carried');
    expectSameAsBuilt(items);
  });

  it('survives many reads placed in the same gap (keys halve until a rebuild)', () => {
    const rand = rng(11);
    let items: HistoryItem[] = [];
    for (let i = 0; i < 20; i++) items = withRecordedRead(items, readOf(rand, i, 100 + i * 1000), 0);
    historyIndexOf(index, items);
    const kinds = new Set<string>();
    // Each new read lands just before the same older one: its key halves the same gap each time.
    for (let i = 0; i < 70; i++) {
      items = withRecordedRead(items, readOf(rand, 500 + i, 100 + 5 * 1000 + 1), 0);
      historyIndexOf(index, items);
      kinds.add(lastHistoryIndexBuild);
      expect(listsOf(historyIndexOf(index, items))).toEqual(listsOf(historyIndexOf(index, fresh(items))));
    }
    expect(kinds).toContain('carried');
  });
});

describe('carrying costs the changes, not the history (#8)', () => {
  /** Counts the lists' item look-ups (HistoryIndex.entries.get) on this index object. */
  function countLookups(x: HistoryIndex): { n: number } {
    const seen = { n: 0 };
    const get = x.entries.get.bind(x.entries);
    x.entries.get = (h) => {
      seen.n++;
      return get(h);
    };
    return seen;
  }

  it('one read placed first and the oldest evicted looks up a few items, not all 3,000', () => {
    const rand = rng(21);
    let items: HistoryItem[] = [];
    for (let i = 0; i < 3000; i++) items.push(historyItemOfRead(readOf(rand, i, 10_000_000 - i * 1000)));
    const x = historyIndexOf(index, items);
    const lookups = countLookups(x);
    for (let r = 0; r < 5; r++) {
      lookups.n = 0;
      items = withRecordedRead(items, readOf(rand, 5000 + r, 20_000_000 + r), 1);
      expect(historyIndexOf(index, items)).toBe(x);
      expect(lastHistoryIndexBuild).toBe('carried');
      expect(lookups.n).toBeLessThanOrEqual(8);
      expect(listsOf(x)).toEqual(listsOf(historyIndexOf(index, fresh(items))));
    }
  });

  it('random adds and drops anywhere in a long history: the same lists and answers as a build', () => {
    const rand = rng(77);
    let items: HistoryItem[] = [];
    for (let i = 0; i < 1500; i++) items.push(historyItemOfRead(readOf(rand, i, 1_000_000 + i)));
    historyIndexOf(index, items);
    let url = 10_000;
    for (let step = 0; step < 30; step++) {
      const next = [...items];
      // A few drops and inserts at random places (not only the ends), then a rank and a compare.
      for (let k = Math.floor(rand() * 4); k > 0; k--) next.splice(Math.floor(rand() * next.length), 1);
      for (let k = 1 + Math.floor(rand() * 4); k > 0; k--) next.splice(Math.floor(rand() * (next.length + 1)), 0, historyItemOfRead(readOf(rand, url++, 1)));
      items = next;
      relatedCoverage(index, { ...queries[1]!, extra: items });
      expect(lastHistoryIndexBuild).toBe('carried');
      expectSameAsBuilt(items);
    }
  });
});
