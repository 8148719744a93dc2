import { describe, expect, it } from 'vitest';
import { addToCoverageIndex, buildCoverageIndex, type CoverageItem, type HistoryItem } from '../lib/coverage/index';
import { coverageForEntity, relatedCoverage, relativeAge } from '../lib/coverage/rank';
import type { LinkedEntity } from '../lib/report';

// Own fixture: a small timeline about made-up people and places.
const names: Record<string, string> = { a: 'Ann Alder', b: 'Bo Birch', c: 'Cedar Land', d: 'Dell City', e: 'Elm Party' };
const nameOf = (id: string) => names[id];
let n = 0;
const item = (date: string | null, entities: string[], topics: string[] = [], extra: Partial<CoverageItem> = {}): CoverageItem => ({
  id: `t-${++n}`, date, source: 'Wire One, Wire Two', entities, topics, origin: 'timeline', ...extra,
});
const items: CoverageItem[] = [
  item('2025-05-01', ['a', 'b'], ['Alder–Birch talks']),
  item('2025-05-20', ['a', 'b'], ['Alder–Birch talks']),
  item('2025-05-20', ['a', 'b'], ['Alder–Birch talks']), // same day, same entities and topic: near-duplicate
  item('2025-06-01', ['c', 'd'], ['Cedar Land war']),
  item('2025-06-07', ['a'], ['Elm Party leadership']),
  item('2025-06-08', ['a', 'b'], ['Alder–Birch talks']), // same day as the article: not earlier
  item('2025-06-20', ['a', 'b'], ['Alder–Birch talks']), // after the article
  item(null, ['a', 'b']), // undated
  item('2024-01-01', ['e'], ['Elm Party leadership']),
  item('2025-03-01', ['a', 'b'], [], { url: 'https://news.example.org/read-me' }),
];
const index = buildCoverageIndex(items, nameOf);
const linked = (id: string, paragraphs: number[]): LinkedEntity => ({
  id, name: names[id]!, type: 'person', description: '', mentions: paragraphs.map((p) => ({ paragraph: p, start: 0, end: 3, text: names[id]! })),
});
const article = { entities: [linked('a', [0, 1, 3]), linked('b', [0, 2]), linked('c', [5])], date: '2025-06-08', title: 'Ann Alder meets Bo Birch', excludeUrl: null, limit: 10 };

describe('relatedCoverage', () => {
  const hits = relatedCoverage(index, article);
  it('returns only items strictly before the article date, undated last', () => {
    const dates = hits.map((h) => h.date);
    expect(dates.every((d) => d === null || d < '2025-06-08')).toBe(true);
    expect(dates.at(-1)).toBeNull();
    expect(dates.slice(0, -1)).not.toContain(null);
  });
  it('puts the shared storyline first and says why', () => {
    expect(['t-2', 't-3']).toContain(hits[0]!.id);
    expect(hits[0]!.why).toBe('Ann Alder · Bo Birch · 3 weeks earlier');
    expect(hits[0]!.title).toBe('Alder–Birch talks: Ann Alder, Bo Birch');
    expect(hits[0]!.url).toBe('');
    expect(hits[0]!.score).toBe(1);
  });
  it('collapses near-duplicates', () => {
    expect(hits.filter((h) => h.date === '2025-05-20')).toHaveLength(1);
  });
  it('excludes the article itself by URL', () => {
    const again = relatedCoverage(index, { ...article, excludeUrl: 'https://news.example.org/read-me#x' });
    expect(again.some((h) => h.url === 'https://news.example.org/read-me')).toBe(false);
    expect(hits.some((h) => h.url === 'https://news.example.org/read-me')).toBe(true);
  });
  it('lets everything in when the article has no date', () => {
    const all = relatedCoverage(index, { ...article, date: null });
    expect(all.some((h) => h.date === '2025-06-20')).toBe(true);
  });
  it('mixes history items in and says the reader read them', () => {
    const h: HistoryItem = { id: 'history:x', date: '2025-06-05', title: 'A page I read', source: 'site.example', url: 'https://site.example/a', entities: ['a', 'b'], topics: [], origin: 'history', readAt: 1 };
    const mixed = relatedCoverage(index, { ...article, extra: [h] });
    const hit = mixed.find((x) => x.origin === 'history')!;
    expect(hit.title).toBe('A page I read');
    expect(hit.why).toMatch(/^You read this · Ann Alder · Bo Birch · 3 days earlier$/);
  });
  it('keeps a history page read the same day, but not one dated after the article', () => {
    const h = (id: string, date: string, url: string): HistoryItem => ({ id, date, title: `Read ${id}`, source: 'site.example', url, entities: ['a', 'b'], topics: [], origin: 'history', readAt: 1 });
    const mixed = relatedCoverage(index, { ...article, extra: [h('history:same', '2025-06-08', 'https://site.example/same'), h('history:later', '2025-06-09', 'https://site.example/later')] });
    const ids = mixed.filter((x) => x.origin === 'history').map((x) => x.id);
    expect(ids).toEqual(['history:same']);
    expect(mixed.find((x) => x.id === 'history:same')!.why).toMatch(/^You read this · .*same day$/);
  });
  it('is empty without entities or limit', () => {
    expect(relatedCoverage(index, { ...article, entities: [] })).toEqual([]);
    expect(relatedCoverage(index, { ...article, limit: 0 })).toEqual([]);
  });
  it('mixes the article\'s main entities rather than repeating the top one', () => {
    const big = buildCoverageIndex(
      [
        ...Array.from({ length: 30 }, (_, i) => item(`2025-05-${String(i + 1).padStart(2, '0')}`, ['a'], ['A story'])),
        ...Array.from({ length: 5 }, (_, i) => item(`2025-04-${String(i + 1).padStart(2, '0')}`, ['d'], ['D story'])),
      ],
      nameOf,
    );
    const mix = relatedCoverage(big, { ...article, entities: [linked('a', [0, 0, 1, 2]), linked('d', [0, 3])], params: { diversity: 0.5 } });
    expect(mix.some((h) => h.entities.includes('d'))).toBe(true);
  });
  it('a full article: the likeliest storyline fills the top 5, then items naming two main entities from other storylines join', () => {
    const war = Array.from({ length: 20 }, (_, i) => item(`2025-05-${String(i + 10).padStart(2, '0')}`, ['a', 'c'], ['Cedar Land war']));
    const talks = Array.from({ length: 3 }, (_, i) => item(`2025-02-0${i + 1}`, ['a', 'b'], ['Alder–Birch talks']));
    const idx = buildCoverageIndex([...war, ...talks], nameOf);
    const full = { ...article, title: 'Cedar Land war: the front moves', entities: [linked('a', [0, 0, 1, 2]), linked('c', [0, 1, 2]), linked('b', [1, 3]), linked('d', [4]), linked('e', [5])] };
    const topic = (h: { id: string }) => (talks.some((t) => t.id === h.id) ? 'talks' : 'war');
    const mixed = relatedCoverage(idx, full).map(topic);
    expect(mixed.slice(0, 5)).toEqual(['war', 'war', 'war', 'war', 'war']);
    expect(mixed[5]).toBe('talks');
    expect(mixed.filter((t) => t === 'talks')).toHaveLength(3);
    // Without the quota the war's twenty items fill all ten places.
    expect(relatedCoverage(idx, { ...full, params: { pairEvery: 0 } }).map(topic)).not.toContain('talks');
    // A short text (under pairMinEntities entities) is not a full article: no quota.
    expect(relatedCoverage(idx, { ...full, entities: full.entities.slice(0, 3) }).map(topic).slice(0, 10)).not.toContain('talks');
  });
});

describe('coverageForEntity', () => {
  it('lists earlier items about one entity, newest first, duplicates collapsed', () => {
    const hits = coverageForEntity(index, 'b', { date: '2025-06-08', excludeUrl: null, limit: 3 });
    expect(hits.map((h) => h.date)).toEqual(['2025-05-20', '2025-05-01', '2025-03-01']);
    expect(hits[0]!.why).toBe('with Ann Alder · 3 weeks earlier');
    expect(hits[0]!.title).toBe('Alder–Birch talks: Ann Alder');
  });
  it('is empty for an unknown entity', () => {
    expect(coverageForEntity(index, 'zz', { date: null, excludeUrl: null, limit: 3 })).toEqual([]);
  });
});

describe('index', () => {
  it('appends items and keeps posting lists in date order', () => {
    const idx = buildCoverageIndex(items.slice(0, 3), nameOf);
    addToCoverageIndex(idx, [item('2025-01-01', ['a'], ['x']), items[0]!]);
    const days = idx.byEntity.get('a')!.map((i) => idx.items[i]!.day);
    expect([...days].sort((x, y) => x - y)).toEqual(days);
    expect(idx.items).toHaveLength(4);
  });
  it.each([[0, 'same day'], [1, '1 day earlier'], [5, '5 days earlier'], [21, '3 weeks earlier'], [200, '7 months earlier'], [800, '2 years earlier']])('relativeAge(%i) = %s', (d, s) => {
    expect(relativeAge(d)).toBe(s);
  });
});
