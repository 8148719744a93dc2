import { describe, expect, it } from 'vitest';
import { buildCoverageIndex, type CoverageItem, type HistoryItem } from '../lib/coverage/index';
import { contentStems, headingIndexOf, headingWordScores, stem } from '../lib/coverage/headings';
import { headingWordsText, pageLead, relatedCoverage } from '../lib/coverage/rank';
import type { LinkedEntity } from '../lib/report';

describe('stem', () => {
  it('folds demonyms onto place names', () => {
    expect(stem('Russian')).toBe(stem('Russia'));
    expect(stem('Ukrainian')).toBe(stem('Ukraine'));
    expect(stem('Yemeni')).toBe(stem('Yemen'));
    expect(stem('Turkish')).toBe(stem('Turkey'));
    expect(stem('strikes')).toBe(stem('strike'));
  });
  it('keeps different words apart', () => {
    expect(stem('war')).not.toBe(stem('ward'));
    expect(stem('Iran')).not.toBe(stem('Iraq'));
  });
  it('drops function words and numbers', () => {
    expect(contentStems('The 2025 strike on the air base')).toEqual(['strik', 'air', 'bas']);
  });
});

// Own fixture: made-up places; heading words are the only link for one storyline.
const names: Record<string, string> = { k: 'Korvania', l: 'Lusk', m: 'Mira Vell' };
let n = 0;
const item = (date: string, entities: string[], topics: string[]): CoverageItem => ({ id: `h-${++n}`, date, source: 'Wire', entities, topics, origin: 'timeline' });
const items: CoverageItem[] = [
  item('2025-01-10', ['l'], ['Korvanian flood relief']),
  item('2025-01-12', ['l'], ['Korvanian flood relief']),
  item('2025-01-14', ['m'], ['Korvanian flood relief']),
  item('2025-01-15', ['k'], ['Korvania–Lusk trade talks']),
  item('2025-01-16', ['k', 'l'], ['Korvania–Lusk trade talks']),
];
const index = buildCoverageIndex(items, (id) => names[id]);
const linked = (id: string): LinkedEntity => ({ id, name: names[id]!, type: 'place', description: '', mentions: [{ paragraph: 0, start: 0, end: 3, text: names[id]! }] });

describe('heading words', () => {
  it('score the headings a page\'s words name', () => {
    const hx = headingIndexOf(index);
    const scores = headingWordScores(hx, contentStems('Flood waters rise again in Korvania'), 1);
    const best = [...scores].sort((a, b) => b[1] - a[1])[0]![0];
    expect(index.topicNames[best]).toBe('Korvanian flood relief');
  });
  it('bring in a storyline\'s items that share no entity with the page', () => {
    const hits = relatedCoverage(index, { entities: [linked('k')], date: '2025-01-20', title: 'Korvania: flood relief reaches the coast', lead: 'Flood relief convoys arrive.', excludeUrl: null, limit: 5 });
    expect(hits.map((h) => h.id)).toContain('h-3');
    expect(hits.every((h) => h.date! < '2025-01-20')).toBe(true);
  });
  it('do not fetch anything without a linked entity', () => {
    expect(relatedCoverage(index, { entities: [], date: '2025-01-20', title: 'Korvanian flood relief', excludeUrl: null, limit: 5 })).toEqual([]);
  });
});

// Own fixture: a made-up games event whose sub-storyline's items name only the athletes.
const gameNames: Record<string, string> = { g: 'Vellmark Summer Games', a: 'Orla Quist', b: 'Teo Brann' };
let gn = 0;
const gameItem = (date: string, entities: string[], topics: string[]): CoverageItem => ({ id: `g-${++gn}`, date, source: 'Wire', entities, topics, origin: 'timeline' });
const gameIndex = buildCoverageIndex([
  gameItem('2025-07-01', ['g'], ['Vellmark Summer Games']),
  gameItem('2025-07-02', ['g'], ['Vellmark Summer Games']),
  gameItem('2025-07-03', ['a'], ['Rowing at the Vellmark Summer Games']),
  gameItem('2025-07-04', ['b'], ['Rowing at the Vellmark Summer Games']),
], (id) => gameNames[id]);
const games: LinkedEntity = { id: 'g', name: gameNames.g!, type: 'event', description: '', mentions: [{ paragraph: 0, start: 0, end: 5, text: gameNames.g! }] };

describe('an entities-only query (no title, no lead)', () => {
  const query = { entities: [games], date: '2025-07-10', title: '', lead: '', excludeUrl: null, limit: 5 };
  it('matches heading words with its entities\' names', () => {
    expect(headingWordsText(query, { namesAsWords: 1 })).toBe('Vellmark Summer Games');
    expect(headingWordsText({ ...query, title: 'Rowing final' }, { namesAsWords: 1 })).toBe('Rowing final\n');
  });
  it('reads its entities\' descriptions too: a city\'s country names "… in <country>" headings', () => {
    const port: LinkedEntity = { id: 'p', name: 'Harrowgate', type: 'place', description: 'City in Vellmark', mentions: [] };
    const idx = buildCoverageIndex([
      gameItem('2025-03-01', ['x'], ['Fever outbreak in Vellmark']),
      gameItem('2025-03-02', ['y'], ['Fever outbreak in Vellmark']),
      gameItem('2025-03-03', ['p'], ['Harrowgate port strike']),
    ], (id) => (id === 'p' ? 'Harrowgate' : id));
    const q = { entities: [port], date: '2025-03-10', excludeUrl: null, limit: 5, title: '', lead: '' };
    expect(headingWordsText(q, { namesAsWords: 2 })).toBe('Harrowgate\nin Vellmark'); // 'City' is a kind word (description-words.ts)
    const ids = relatedCoverage(idx, q).map((h) => h.id);
    expect(ids.length).toBe(3);
    expect(relatedCoverage(idx, { ...q, params: { namesAsWords: 1 } }).length).toBe(1);
  });
  it('brings in the items of headings that name its entities, though they link none of them', () => {
    const ids = relatedCoverage(gameIndex, query).map((h) => h.id);
    expect(ids).toEqual(expect.arrayContaining(['g-3', 'g-4']));
    const without = relatedCoverage(gameIndex, { ...query, params: { namesAsWords: 0 } }).map((h) => h.id);
    expect(without).not.toContain('g-3');
    expect(without).not.toContain('g-4');
  });
});

describe('history passed per query', () => {
  it('gives the same answer when the same array is passed again (indexed once)', () => {
    const history: HistoryItem[] = [
      { id: 'history:a', date: '2025-01-18', title: 'Read one', source: 'site.example', url: 'https://site.example/1', entities: ['k'], topics: [], origin: 'history' },
      { id: 'history:b', date: '2025-01-19', title: 'Read two', source: 'site.example', url: 'https://site.example/2', entities: ['m'], topics: [], origin: 'history' },
    ];
    const q = { entities: [linked('k')], date: '2025-01-20', title: 'Korvania', excludeUrl: null, limit: 5, extra: history };
    const first = relatedCoverage(index, q);
    expect(first.some((h) => h.id === 'history:a')).toBe(true);
    expect(first.some((h) => h.id === 'history:b')).toBe(false);
    expect(relatedCoverage(index, q)).toEqual(first);
  });
});

describe('pageLead', () => {
  it('keeps the first three paragraphs', () => {
    expect(pageLead(['one', 'two', 'three', 'four'])).toBe('one\ntwo\nthree');
    expect(pageLead(undefined)).toBe('');
  });
});
