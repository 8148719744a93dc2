/**
 * The hover card's coverage (coverageForEntity) picks its few items from the index's day and
 * entity-count columns and reads only the items it picks (issue #8: the query runs for every
 * linked entity of a page). These pin the order rules that the cheaper selection must keep:
 * the page's own URL never listed and not the top score either, duplicates collapsed to the
 * first in order, items only about the entity ahead of crowded ones, undated items last, the
 * limit.
 */
import { describe, expect, it } from 'vitest';
import { buildCoverageIndex, type CoverageItem } from '../lib/coverage/index';
import { coverageForEntity } from '../lib/coverage/rank';

const item = (id: string, date: string | null, entities: string[], url?: string): CoverageItem => ({
  id, date, entities, topics: [], source: 'Wire', title: `Item ${id}`, origin: 'timeline', ...(url ? { url } : {}),
});

// Oldest first as a pack lists them; "same-day-b" repeats "same-day-a"'s URL.
const items: CoverageItem[] = [
  item('old', '2020-01-01', ['a'], 'https://ex.org/old'),
  item('page', '2020-03-20', ['a'], 'https://ex.org/page'),
  item('crowded', '2020-01-05', ['a', 'b', 'c', 'd', 'e', 'f'], 'https://ex.org/crowded'),
  item('same-day-a', '2020-03-28', ['a'], 'https://ex.org/same'),
  item('same-day-b', '2020-03-28', ['a'], 'https://ex.org/same'),
  item('undated', null, ['a'], 'https://ex.org/undated'),
  item('later', '2020-05-01', ['a'], 'https://ex.org/later'),
];
const index = buildCoverageIndex(items, (id) => id.toUpperCase());
const ids = (hits: { id: string }[]) => hits.map((h) => h.id);

describe('coverageForEntity selection', () => {
  it('skips the page itself, collapses duplicates, puts crowded items after focused ones and undated ones last', () => {
    const hits = coverageForEntity(index, 'a', { date: '2020-04-01', excludeUrl: 'https://ex.org/page', limit: 10 });
    // The newest of two same-day items with one URL stands for both (the later one in the list is read first).
    expect(ids(hits)).toEqual(['same-day-b', 'old', 'crowded', 'undated']);
  });
  it('skips only the excluded URL: the best other item leads', () => {
    const hits = coverageForEntity(index, 'a', { date: '2020-04-01', excludeUrl: 'https://ex.org/same', limit: 2 });
    expect(ids(hits)).toEqual(['page', 'old']);
  });
  it("carries the card's fields only: no ranking score or entity list in the page's reply (#8)", () => {
    const hits = coverageForEntity(index, 'a', { date: '2020-04-01', limit: 10 });
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(Object.keys(h).sort()).toEqual(['date', 'id', 'origin', 'source', 'title', 'url', 'why']);
  });
  it('never lists items from after the date, and stops at the limit', () => {
    expect(ids(coverageForEntity(index, 'a', { date: '2020-04-01', limit: 1 }))).toEqual(['same-day-b']);
    expect(ids(coverageForEntity(index, 'a', { date: '2020-03-21', limit: 10 }))).toEqual(['page', 'old', 'crowded', 'undated']);
  });
});
