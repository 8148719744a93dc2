/**
 * Topic records and nationality adjectives (#5, session 19): a disease a text names in common words,
 * and the country a single-state adjective names, are entities of the related-coverage query and of
 * the corpus items, found the same way in both (lib/coverage/topic-records.ts, demonym-countries.ts).
 * Fixture names are our own inventions, not reference data.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveTopicRecords, topicCore, topicFinder, topicIdsIn, withTopicRecords } from '../lib/coverage/topic-records';
import { compileCoverage } from '../lib/dataset/compile-coverage';
import { buildCoverageIndex } from '../lib/coverage/index';
import { buildEntityIndex } from '../lib/entities/index';
import { historyEntitiesOf, relatedForReport } from '../lib/analyze';
import { demonymCountriesIn, demonymCountryIdsIn, withDemonymCountries } from '../lib/coverage/demonym-countries';
import type { Knowledge } from '../lib/knowledge';
import type { LinkedEntity, PageReport } from '../lib/report';

const events = [
  { id: 'ev:glorb-atl', name: '2031 glorbpox outbreak in Atlantis' },
  { id: 'ev:glorb', name: '2031 glorbpox outbreak' },
  { id: 'ev:glorb-old', name: '2019 glorbpox outbreak' },
  { id: 'ev:xv12-atl', name: 'XV-12 pandemic in Atlantis' },
  { id: 'ev:xv12', name: 'XV-12 pandemic' },
  { id: 'pack:xv12', name: 'XV-12 pandemic' },
  { id: 'ev:zorb', name: 'second zorb pandemic' },
  { id: 'ev:quux', name: 'Quux virus epidemic in Lemuria' },
  { id: 'ev:vote', name: '2030 Atlantean general election' },
];

describe('deriveTopicRecords', () => {
  it('reads the kind of event without its dates and place', () => {
    expect(topicCore('2031 glorbpox outbreak in Atlantis')).toBe('glorbpox outbreak');
    expect(topicCore('January 2030–present XV-12 pandemic (second wave)')).toBe('XV-12 pandemic');
  });

  it('keys a disease (a code or lower-case words) to its broadest, latest record, the preferred id on a tie', () => {
    expect(deriveTopicRecords(events, new Set(['pack:xv12']))).toEqual([
      { key: 'glorbpox', id: 'ev:glorb', name: '2031 glorbpox outbreak' },
      { key: 'xv-12', id: 'pack:xv12', name: 'XV-12 pandemic' },
    ]);
    // Without a preference the lower id wins (deterministic).
    expect(deriveTopicRecords(events).find((r) => r.key === 'xv-12')?.id).toBe('ev:xv12');
  });
});

describe('topicFinder', () => {
  const find = topicFinder(deriveTopicRecords(events));
  it('finds a key as whole words, in any case, once per record', () => {
    const found = find('Atlantis reports Glorbpox; more glorbpox cases, and XV-12 vaccines arrive.');
    expect(found.map((f) => [f.record.id, f.start])).toEqual([['ev:glorb', 17], ['ev:xv12', 52]]);
    expect(find('antiglorbpox glorbpoxed XV-123')).toEqual([]);
  });

  it('adds the records to a query once, as undrawn events', () => {
    const atlantis: LinkedEntity = { id: 'pl:atlantis', name: 'Atlantis', type: 'place', description: '', mentions: [] };
    const q = withTopicRecords([atlantis], 'Atlantis reports glorbpox.', find);
    expect(q.map((e) => [e.id, e.type])).toEqual([['pl:atlantis', 'place'], ['ev:glorb', 'event']]);
    expect(withTopicRecords(q, 'glorbpox again', find)).toHaveLength(2);
    expect(withTopicRecords([atlantis], 'Nothing here.', find)).toEqual([atlantis]);
  });

  it('the shipped table keys the reference data\'s diseases', () => {
    expect(topicIdsIn('Mozambique reports its first case of monkeypox.')).toHaveLength(1);
    expect(topicIdsIn('The king receives his first dose of the COVID-19 vaccine.')).toHaveLength(1);
    expect(topicIdsIn('The king opens a bridge.')).toEqual([]);
  });
});

describe('compileCoverage with topic records', () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'cov19-')), 'c.jsonl');
  writeFileSync(file, [
    { id: 'wcep-2031-06-01-001', title: 'x', summary: 'Atlantis reports glorbpox.', date: '2031-06-01', source: 'Wire', dataset: 'wikipedia-current-events', topics: ['2031 glorbpox outbreak'] },
    { id: 'wcep-2031-06-02-001', title: 'x', summary: 'More glorbpox cases are reported.', date: '2031-06-02', source: 'Wire', dataset: 'wikipedia-current-events', topics: ['2031 glorbpox outbreak'] },
  ].map((l) => JSON.stringify(l)).join('\n'));
  const link = (text: string) => (text.includes('Atlantis') ? ['pl:atlantis'] : []);
  const topics = (text: string) => topicFinder(deriveTopicRecords(events))(text).map((f) => f.record.id);

  it('adds them to the entities of an item the linker links (one naming only a disease is still left out)', async () => {
    const { items } = await compileCoverage(file, link, { prose: false, topicRecords: topics, demonymCountries: null });
    expect(items.map((i) => i.entities)).toEqual([['pl:atlantis', 'ev:glorb']]);
    const off = await compileCoverage(file, link, { prose: false, topicRecords: null, demonymCountries: null });
    const adjectives = await compileCoverage(file, link, { prose: false, topicRecords: null, demonymCountries: (t) => (t.includes('Atlantis') ? ['c:atl', 'pl:atlantis'] : []) });
    expect(adjectives.items.map((i) => i.entities)).toEqual([['pl:atlantis', 'c:atl']]);
    expect(off.items.map((i) => i.entities)).toEqual([['pl:atlantis']]);
  });
});

describe('a page\'s related-coverage query carries the topic records its text says', () => {
  const monkeypox = topicIdsIn('monkeypox')[0]!;
  const index = buildCoverageIndex([
    { id: 't-1', date: '2022-05-20', source: 'Wire', entities: [monkeypox], topics: ['Outbreak'], origin: 'timeline' },
    { id: 't-2', date: '2022-05-21', source: 'Wire', entities: ['pl:elsewhere'], topics: ['Other'], origin: 'timeline' },
  ], (id) => id);
  const knowledge = { coverage: index, entities: buildEntityIndex([]) } as unknown as Knowledge;
  const report = (text: string): PageReport => ({
    url: 'https://news.example/a', entities: [], coverage: [], opinion: [],
    article: { detected: true, kind: 'news', title: '', date: '2022-06-01', text, paragraphs: [text], signals: [] },
  });

  it('finds the earlier item of a disease the page names in common words, and reads its history', () => {
    expect(relatedForReport(report('A first case of monkeypox is confirmed.'), knowledge).map((h) => h.id)).toEqual(['t-1']);
    expect(historyEntitiesOf(report('A first case of monkeypox is confirmed.'), knowledge)).toEqual([monkeypox]);
    expect(relatedForReport(report('A bridge opens.'), knowledge)).toEqual([]);
  });
});

describe('nationality adjectives as country evidence', () => {
  const countries = new Map([
    ['ML', { code: 'ML', id: 'c:ml', name: 'Mali' }],
    ['ES', { code: 'ES', id: 'c:es', name: 'Spain' }],
    ['KR', { code: 'KR', id: 'c:kr', name: 'South Korea' }],
  ]);

  it('reads a single-state adjective as its country, once, as whole words', () => {
    const found = demonymCountriesIn('The Malian junta asks Spanish troops to leave; Malian officials agree. Korean talks. Malians, Spaniards.', countries);
    expect(found.map((f) => [f.record.id, f.start])).toEqual([['c:ml', 4], ['c:es', 22]]);
  });

  it('adds the countries to a query as undrawn places, not repeating a linked one', () => {
    const mali: LinkedEntity = { id: 'c:ml', name: 'Mali', type: 'place', description: '', mentions: [] };
    const q = withDemonymCountries([mali], 'The Malian junta asks Spanish troops to leave.', countries);
    expect(q.map((e) => [e.id, e.type])).toEqual([['c:ml', 'place'], ['c:es', 'place']]);
    expect(withDemonymCountries([mali], 'No adjective here.', countries)).toEqual([mali]);
  });

  it('the shipped table names the pack\'s countries, and a page\'s query carries them', () => {
    const [mali] = demonymCountryIdsIn('The Malian junta demands a withdrawal.');
    expect(mali).toBeDefined();
    const index = buildCoverageIndex([
      { id: 't-1', date: '2022-01-20', source: 'Wire', entities: [mali!], topics: ['War'], origin: 'timeline' },
    ], (id) => id);
    const text = 'The Malian junta demands a withdrawal.';
    const report: PageReport = {
      url: 'https://news.example/b', entities: [], coverage: [], opinion: [],
      article: { detected: true, kind: 'news', title: '', date: '2022-02-01', text, paragraphs: [text], signals: [] },
    };
    expect(relatedForReport(report, { coverage: index, entities: buildEntityIndex([]) } as unknown as Knowledge).map((h) => h.id)).toEqual(['t-1']);
  });
});
