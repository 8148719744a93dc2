/**
 * The worker edits its one history array in place and logs the edits (lib/coverage/history-log.ts);
 * the history posting lists apply the logged edits instead of being rebuilt or compared item by
 * item (lib/coverage/history-index.ts, #8). Differential: after every update the worker makes
 * (recordInHistory: a read placed by time, its earlier read replaced, the oldest evicted), the
 * lists and the ranking must be exactly what a fresh build of the same items gives.
 */
import { describe, expect, it } from 'vitest';
import { buildCoverageIndex, type CoverageItem, type HistoryItem } from '../lib/coverage/index';
import { relatedCoverage } from '../lib/coverage/rank';
import { historyIndexOf, lastHistoryIndexBuild, type HistoryIndex } from '../lib/coverage/history-index';
import { recordInHistory } from '../lib/background/store-port';
import { historyVersion, insertHistoryItem, MAX_KEPT, removeHistoryItem } from '../lib/coverage/history-log';
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

/** A history of `n` reads recorded one by one, as the worker's cache grows from an empty store. */
function recorded(rand: () => number, n: number, readAt: (i: number) => number): HistoryItem[] {
  const items: HistoryItem[] = [];
  for (let i = 0; i < n; i++) recordInHistory(items, readOf(rand, i, readAt(i)), 0);
  return items;
}

describe('history posting lists follow the worker\'s in-place updates', () => {
  it('match a fresh build after every record: new reads, re-reads, old read times, evictions', () => {
    const rand = rng(8);
    const cap = 200;
    let clock = 1_000_000;
    const items = recorded(rand, cap, () => (clock += 1000));
    historyIndexOf(index, items);
    let next = 1000;
    const seen = { applied: 0 };
    for (let step = 0; step < 80; step++) {
      // One to three records between two queries (an article with no history entity records
      // without a query).
      for (let k = step % 3; k >= 0; k--) {
        const r = rand();
        // Mostly a new page read now; some re-reads of a page in the history; some reads with an
        // older time (a slow clock: placed mid-array) and some with the same time as another read.
        const url = r < 0.2 ? Number(items[Math.floor(rand() * items.length)]!.title.slice(6)) : next++;
        const readAt = r < 0.3 ? clock - Math.floor(rand() * 100) * 1000 : r < 0.35 ? clock : (clock += 1000);
        const read = readOf(rand, url, readAt);
        const stays = items.some((h) => h.id === historyItemOfRead(read).id);
        recordInHistory(items, read, stays ? 0 : Math.max(0, items.length + 1 - cap));
      }
      expect(items.length).toBeLessThanOrEqual(cap);
      relatedCoverage(index, { ...queries[step % queries.length]!, extra: items });
      if (lastHistoryIndexBuild === 'applied') seen.applied++;
      expectSameAsBuilt(items);
    }
    // Every update was applied from the log, none rebuilt.
    expect(seen.applied).toBe(80);
  });

  it('the same array is a hit until it is edited', () => {
    const items = recorded(rng(4), 30, (i) => 1000 + i);
    historyIndexOf(index, items);
    const x = historyIndexOf(index, items);
    expect(lastHistoryIndexBuild).toBe('hit');
    const v = historyVersion(items);
    recordInHistory(items, readOf(rng(5), 77, 5000), 1);
    expect(historyVersion(items)).toBe(v + 2); // one added, one evicted
    expect(historyIndexOf(index, items)).toBe(x);
    expect(lastHistoryIndexBuild).toBe('applied');
  });

  it('rebuilds when the array changed without the log, repeats an item, or the log no longer reaches back', () => {
    const rand = rng(5);
    const items = recorded(rand, 100, (i) => 1000 + i);
    historyIndexOf(index, items);
    // A change the log does not know (a push), then a logged one: the lists cannot follow.
    items.push(historyItemOfRead(readOf(rand, 500, 1)));
    recordInHistory(items, readOf(rand, 501, 9000), 0);
    historyIndexOf(index, items);
    expect(lastHistoryIndexBuild).toBe('built');
    expectSameAsBuilt(items);
    // The same item inserted twice.
    insertHistoryItem(items, 60, items[10]!);
    historyIndexOf(index, items);
    expect(lastHistoryIndexBuild).toBe('built');
    expect(listsOf(historyIndexOf(index, items))).toEqual(listsOf(historyIndexOf(index, fresh(items))));
    removeHistoryItem(items, 60);
    // More edits than the log keeps between two queries.
    for (let i = 0; i < MAX_KEPT; i++) recordInHistory(items, readOf(rand, 600 + i, 10_000 + i), 1);
    historyIndexOf(index, items);
    expect(lastHistoryIndexBuild).toBe('built');
    expectSameAsBuilt(items);
    // A second coverage index gets its own lists (topics are numbered per index).
    const other = buildCoverageIndex(timeline.slice(0, 2), (id) => id);
    historyIndexOf(other, items);
    expect(lastHistoryIndexBuild).toBe('built');
    expect(listsOf(historyIndexOf(other, items))).toEqual(listsOf(historyIndexOf(index, fresh(items))));
  });

  it('survives many reads placed in the same gap (keys halve until a rebuild)', () => {
    const rand = rng(11);
    const items = recorded(rand, 20, (i) => 100 + i * 1000);
    historyIndexOf(index, items);
    const kinds = new Set<string>();
    // Each new read is older than the last one and newer than the read at 5,100: it lands just
    // before that read, and its key halves the same gap each time (doubles run out after ~50).
    for (let i = 0; i < 70; i++) {
      recordInHistory(items, readOf(rand, 500 + i, 5100 + 70 - i), 0);
      historyIndexOf(index, items);
      kinds.add(lastHistoryIndexBuild);
      expect(listsOf(historyIndexOf(index, items))).toEqual(listsOf(historyIndexOf(index, fresh(items))));
    }
    expect(kinds).toContain('applied');
    expect(kinds).toContain('built');
  });
});

describe('a record costs the changes, not the history (#8)', () => {
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
    const items = recorded(rand, 3000, (i) => 1_000_000 + i * 1000);
    const x = historyIndexOf(index, items);
    const lookups = countLookups(x);
    for (let r = 0; r < 5; r++) {
      lookups.n = 0;
      recordInHistory(items, readOf(rand, 5000 + r, 20_000_000 + r), 1);
      expect(historyIndexOf(index, items)).toBe(x);
      expect(lastHistoryIndexBuild).toBe('applied');
      expect(lookups.n).toBeLessThanOrEqual(4);
      expect(listsOf(x)).toEqual(listsOf(historyIndexOf(index, fresh(items))));
    }
  });

  it('recording a new page or a re-read does not compare the read with every item of the history', () => {
    const rand = rng(31);
    const items = recorded(rand, 3000, (i) => 1_000_000 + i * 1000);
    const reads = { n: 0 };
    for (const h of items) {
      const id = h.id;
      Object.defineProperty(h, 'id', { get: () => (reads.n++, id), enumerable: true });
    }
    recordInHistory(items, readOf(rand, 9000, 90_000_000), 1); // the first record indexes the ids once
    for (const url of [9001, 1500]) {
      reads.n = 0;
      recordInHistory(items, readOf(rand, url, 90_000_000 + 10_000 - url), url === 1500 ? 0 : 1);
      expect(reads.n).toBeLessThanOrEqual(4);
    }
    expect(items.filter((h) => h.title === 'Story 1500')).toHaveLength(1);
    expect(items[0]!.title).toBe('Story 1500');
    expect(items).toHaveLength(3000);
  });

  it('random adds and drops anywhere in a long history: the same lists and answers as a build', () => {
    const rand = rng(77);
    const items: HistoryItem[] = [];
    for (let i = 0; i < 1500; i++) items.push(historyItemOfRead(readOf(rand, i, 1_000_000 + i)));
    historyIndexOf(index, items);
    let url = 10_000;
    for (let step = 0; step < 30; step++) {
      // A few drops and inserts at random places (not only the ends), then a rank and a compare.
      for (let k = Math.floor(rand() * 4); k > 0; k--) removeHistoryItem(items, Math.floor(rand() * items.length));
      for (let k = 1 + Math.floor(rand() * 4); k > 0; k--) insertHistoryItem(items, Math.floor(rand() * (items.length + 1)), historyItemOfRead(readOf(rand, url++, 1)));
      relatedCoverage(index, { ...queries[1]!, extra: items });
      expect(lastHistoryIndexBuild).toBe('applied');
      expectSameAsBuilt(items);
    }
  });
});
