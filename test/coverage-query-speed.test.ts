/**
 * The page's coverage query (relatedCoverage) must stay cheap on the runtime pack, where every
 * read of `index.items[n]` makes a lazy item object (#8: the own-seed page's query made ~2,000 of
 * them, almost all to compare a candidate's URL with the page's own). These pin that the query
 * reads candidates' URLs through the index's URL column (urlAt) and reads items only for the few
 * it votes with or lists, with the same answer.
 */
import { describe, expect, it } from 'vitest';
import { buildCoverageIndex, type CoverageIndex, type CoverageItem } from '../lib/coverage/index';
import { relatedCoverage } from '../lib/coverage/rank';
import type { LinkedEntity } from '../lib/report';

const linked = (id: string, mentions: number): LinkedEntity => ({
  id, name: id.toUpperCase(), type: 'person', description: '', confidence: 1,
  mentions: Array.from({ length: mentions }, (_, i) => ({ text: id.toUpperCase(), start: i * 10, end: i * 10 + 1, paragraph: i })),
});

// 600 items naming 'a' (one in three also 'b'), each with its own URL, over two years.
const items: CoverageItem[] = Array.from({ length: 600 }, (_, i) => ({
  id: `x-${i}`, date: new Date(Date.UTC(2023, 0, 1) + i * 86_400_000).toISOString().slice(0, 10), source: 'Wire',
  entities: i % 3 ? ['a'] : ['a', 'b'], topics: [`Story ${i % 7}`], url: `https://news.example.org/item-${i}`, origin: 'timeline',
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
    const own = 'https://news.example.org/item-597';
    expect(relatedCoverage(plain, page).map((h) => h.id)).toContain('x-597');
    const expected = relatedCoverage(plain, { ...page, excludeUrl: `${own}#comments` });
    const { index, reads } = counted(buildCoverageIndex(items, (id) => id.toUpperCase()));
    const hits = relatedCoverage(index, { ...page, excludeUrl: `${own}#comments` });
    expect(hits.map((h) => h.id)).not.toContain('x-597');
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
