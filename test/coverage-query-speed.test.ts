/**
 * The page's coverage query (relatedCoverage) must stay cheap on the runtime pack, where every
 * read of `index.items[n]` makes a lazy item object (#8: the own-seed page's query made ~2,000 of
 * them, almost all to compare a candidate's URL with the page's own). These pin that the query
 * reads candidates' URLs through the index's URL column (urlAt) and reads items only for the few
 * it votes with or lists, and keep a page's heading-word matches for its next query, with the
 * same answers as a fresh index gives.
 */
import { describe, expect, it } from 'vitest';
import { addToCoverageIndex, buildCoverageIndex, type CoverageIndex, type CoverageItem } from '../lib/coverage/index';
import { DEFAULT_RANK_PARAMS, pageWordsOf, relatedCoverage } from '../lib/coverage/rank';
import { headingIndexOf } from '../lib/coverage/headings';
import { mulberry32 } from '../lib/seeded-random';
import type { LinkedEntity } from '../lib/report';

const linked = (id: string, mentions: number): LinkedEntity => ({
  id, name: id.toUpperCase(), type: 'person', description: '',
  mentions: Array.from({ length: mentions }, (_, i) => ({ text: id.toUpperCase(), start: i * 10, end: i * 10 + 1, paragraph: i })),
});

// 600 items naming 'a' (one in three also 'b'), each with its own URL, over two years.
const HEADINGS = ['Flood relief in Korvania', 'Korvanian election crisis', 'Harbour strike talks', 'Border drone attacks', 'Vaccine trial results', 'Election recount dispute', 'Drone strike on the harbour'];
const items: CoverageItem[] = Array.from({ length: 600 }, (_, i) => ({
  id: `x-${i}`, date: new Date(Date.UTC(2023, 0, 1) + i * 86_400_000).toISOString().slice(0, 10), source: 'Wire',
  entities: i % 3 ? ['a'] : ['a', 'b', ...(i % 5 ? [] : ['c'])], topics: [HEADINGS[i % 7]!, ...(i % 4 ? [] : [HEADINGS[(i >> 2) % 7]!])], url: `https://news.example.org/item-${i}`, origin: 'timeline',
}));
const page = { entities: [linked('a', 3), linked('b', 2)], date: '2025-01-01', title: 'A and B', limit: 10 };

/** The index with its item list behind a counter of element reads, as the runtime pack's lazy list would make them. */
function counted(index: CoverageIndex): { index: CoverageIndex; reads: () => number } {
  let reads = 0;
  const urls = index.items.map((it) => it.url);
  const list = new Proxy(index.items, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver);
    },
  });
  return { index: { ...index, items: list, urlAt: (n) => urls[n]! }, reads: () => reads };
}

describe('relatedCoverage reads candidates through columns', () => {
  it('excludes the page by the URL column, reading only the items it votes with or lists', () => {
    const plain = buildCoverageIndex(items, (id) => id.toUpperCase());
    // The page is the item the query would list first.
    const top = relatedCoverage(plain, page)[0]!;
    const own = plain.items[plain.byId.get(top.id)!]!.url;
    const expected = relatedCoverage(plain, { ...page, excludeUrl: `${own}#comments` });
    const { index, reads } = counted(buildCoverageIndex(items, (id) => id.toUpperCase()));
    const hits = relatedCoverage(index, { ...page, excludeUrl: `${own}#comments` });
    expect(hits.map((h) => h.id)).not.toContain(top.id);
    expect(hits).toEqual(expected);
    // 600 candidates; the votes (20), the listing's pool (60) and the refDay read at most.
    expect(reads()).toBeLessThan(150);
  });
  it("urlAt is each item's normalised URL on a built index", () => {
    const index = buildCoverageIndex([...items, { ...items[0]!, id: 'no-url', url: undefined }], (id) => id);
    index.items.forEach((it, n) => expect(index.urlAt(n)).toBe(it.url));
    expect(index.urlAt(index.items.length - 1)).toBe('');
  });
});

describe("a page's heading-word matches are kept for its next query", () => {
  const words = ['flood', 'relief', 'election', 'recount', 'harbour', 'strike', 'drone', 'vaccine', 'border', 'talks', 'crisis', 'Korvania'];
  it('returns the kept matches for the same text and parameters, new ones otherwise', () => {
    const index = buildCoverageIndex(items, (id) => id);
    const hx = headingIndexOf(index);
    const p = DEFAULT_RANK_PARAMS;
    const first = pageWordsOf(index, hx, 'Drone strike on the harbour', p);
    expect(first.wordScores.size).toBeGreaterThan(0);
    expect(pageWordsOf(index, hx, 'Drone strike on the harbour', p)).toBe(first);
    expect(pageWordsOf(index, hx, 'Flood relief', p)).not.toBe(first);
    const again = pageWordsOf(index, hx, 'Drone strike on the harbour', p);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
    expect(pageWordsOf(index, hx, 'Drone strike on the harbour', { ...p, coverExp: 2 })).not.toBe(again);
    // Items appended under a new heading: a new heading index, whose matches include it.
    const kept = pageWordsOf(index, hx, 'Harbour drone strike', p);
    addToCoverageIndex(index, [{ id: 'new', date: '2024-01-02', source: 'Wire', entities: ['a'], topics: ['Harbour drone strike inquiry'], origin: 'timeline' }]);
    const hx2 = headingIndexOf(index);
    expect(hx2).not.toBe(hx);
    const fresh = pageWordsOf(index, hx2, 'Harbour drone strike', p);
    expect(fresh).not.toBe(kept);
    expect(fresh.wordScores.has(index.topicIds.get('Harbour drone strike inquiry')!)).toBe(true);
  });
  it('gives every query the answer a fresh index gives (pages repeated, texts and history changing)', () => {
    const rand = mulberry32(7);
    const pick = () => words[Math.floor(rand() * words.length)]!;
    const index = buildCoverageIndex(items, (id) => id);
    const pages = Array.from({ length: 12 }, (_, i) => ({
      entities: [linked('a', 1 + (i % 3)), ...(i % 2 ? [linked('b', 2)] : []), ...(i % 3 ? [] : [linked('c', 1)])],
      date: `2024-0${1 + (i % 9)}-15`, title: `${pick()} ${pick()}`, lead: `${pick()} ${pick()} ${pick()}`, limit: 10,
      excludeUrl: i % 4 ? null : `https://news.example.org/item-${100 + i}`,
    }));
    let n = 0;
    for (let round = 0; round < 40; round++) {
      const q = pages[Math.floor(rand() * pages.length)]!;
      const got = relatedCoverage(index, q);
      expect(got).toEqual(relatedCoverage(buildCoverageIndex(items, (id) => id), q));
      if (got.length) n++;
      // Items appended: a new heading index, so the kept matches must not be reused.
      if (round === 20) {
        const added: CoverageItem = { id: 'late', date: '2023-12-30', source: 'Wire', entities: ['a', 'b'], topics: ['Harbour flood relief'], url: 'https://news.example.org/late', origin: 'timeline' };
        addToCoverageIndex(index, [added]);
        items.push(added);
      }
    }
    expect(n).toBeGreaterThan(30);
  });
});
