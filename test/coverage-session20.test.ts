/**
 * The sibling storylines (#5, session 20): the country a text's office-holders and places stand for
 * is an entity of the related-coverage query and of the corpus items, found the same way in both
 * (lib/coverage/implied-countries.ts); and a country the pack names otherwise than the storyline
 * headings do says the headings' name among the query's heading words (heading-country-names.ts).
 * Fixture names are our own inventions, not reference data.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countriesByCode, isNationalOffice, impliedCountryIds, impliedCountryOf, withImpliedCountries, type CountryFacts } from '../lib/coverage/implied-countries';
import { headingCountryNames, withHeadingCountryNames } from '../lib/coverage/heading-country-names';
import { HEADING_COUNTRY_NAMES } from '../lib/coverage/topic-table';
import { headingWordsText } from '../lib/coverage/rank';
import { buildCoverageIndex } from '../lib/coverage/index';
import { buildEntityIndex } from '../lib/entities/index';
import { compileCoverage } from '../lib/dataset/compile-coverage';
import { historyEntitiesOf, relatedForReport } from '../lib/analyze';
import type { Knowledge } from '../lib/knowledge';
import type { PackEntity } from '../lib/dataset/schema';
import type { LinkedEntity, PageReport } from '../lib/report';

const entity = (e: Partial<PackEntity> & Pick<PackEntity, 'id' | 'name' | 'type'>): PackEntity => ({ aliases: [], shortNames: [], roles: [], ...e } as PackEntity);
const entities: PackEntity[] = [
  entity({ id: 'c:at', name: 'Atlantis', type: 'place', subtype: 'country', country: 'AT' }),
  entity({ id: 'c:lm', name: 'Lemuria', type: 'place', subtype: 'country', country: 'LM' }),
  entity({ id: 'p:pm', name: 'Ora Vantel', type: 'person', country: 'AT', roles: [{ title: 'Prime Minister of Atlantis', from: '2020-01-01', to: '2024-06-30' }] }),
  entity({ id: 'p:gov', name: 'Ilo Marsh', type: 'person', country: 'AT', roles: [{ title: 'Governor of North Atlantis', from: '2020-01-01' }] }),
  entity({ id: 'p:min', name: 'Eda Quorl', type: 'person', country: 'LM', roles: [{ title: 'Minister of Finance', from: '2021-03-01' }] }),
  entity({ id: 'x:cap', name: 'Poseida', type: 'place', subtype: 'capital', country: 'AT' }),
  entity({ id: 'x:city', name: 'Coralton', type: 'place', subtype: 'city', country: 'AT' }),
  entity({ id: 'x:reg', name: 'North Atlantis', type: 'place', subtype: 'region', country: 'AT' }),
  entity({ id: 'x:dam', name: 'Coral Dam', type: 'place', subtype: 'landmark', country: 'AT' }),
  entity({ id: 'o:firm', name: 'Glorbco', type: 'organization', country: 'AT' }),
];
const byId = new Map(entities.map((e) => [e.id, e]));
const facts = (id: string): CountryFacts | undefined => byId.get(id);
const codes = countriesByCode(entities);

describe('office-holders and places as country evidence', () => {
  it('reads a national office, not a regional one or a chamber', () => {
    expect(['President of Atlantis', 'Prime Minister (Lemuria)', 'Minister of Finance', 'Deputy Prime Minister of Atlantis', 'Secretary of State', 'Monarch of Atlantis'].every(isNationalOffice)).toBe(true);
    expect(['Governor of North Atlantis', 'Mayor of Poseida', 'Member of the Atlantean Parliament', 'Senator (Lemuria)', 'Presidential adviser'].some(isNationalOffice)).toBe(false);
  });

  it('counts a person only while the office is held, and a city, capital or region, not a landmark or a company', () => {
    expect(impliedCountryOf(byId.get('p:pm')!, '2022-05-01')).toBe('AT');
    expect(impliedCountryOf(byId.get('p:pm')!, '2025-01-01')).toBeUndefined();
    expect(impliedCountryOf(byId.get('p:pm')!, '2019-01-01')).toBeUndefined();
    expect(impliedCountryOf(byId.get('p:gov')!, '2022-05-01')).toBeUndefined();
    expect(impliedCountryOf(byId.get('x:cap')!, '2022-05-01')).toBe('AT');
    expect(impliedCountryOf(byId.get('x:city')!, '2022-05-01')).toBe('AT');
    expect(impliedCountryOf(byId.get('x:reg')!, '2022-05-01')).toBe('AT');
    expect(impliedCountryOf(byId.get('x:dam')!, '2022-05-01')).toBeUndefined();
    expect(impliedCountryOf(byId.get('o:firm')!, '2022-05-01')).toBeUndefined();
  });

  it('gives an item the countries, once each, never one it names already', () => {
    const country = (code: string) => codes.get(code)?.id;
    expect(impliedCountryIds(['p:pm', 'x:cap', 'p:min'], facts, '2022-05-01', country)).toEqual(['c:at', 'c:lm']);
    expect(impliedCountryIds(['p:pm', 'c:at'], facts, '2022-05-01', country)).toEqual([]);
    expect(impliedCountryIds(['p:pm', 'x:dam'], facts, '2025-01-01', country)).toEqual([]);
  });

  it('adds the country to a query as an undrawn place with the holder\'s mentions', () => {
    const pm: LinkedEntity = { id: 'p:pm', name: 'Ora Vantel', type: 'person', description: '', mentions: [{ paragraph: 0, start: 15, end: 25, text: 'Ora Vantel' }] };
    const q = withImpliedCountries([pm], facts, '2022-05-01', (code) => codes.get(code));
    expect(q.map((e) => [e.id, e.type, e.mentions[0]?.start])).toEqual([['p:pm', 'person', 15], ['c:at', 'place', 15]]);
    expect(withImpliedCountries([pm], facts, '2025-01-01', (code) => codes.get(code))).toEqual([pm]);
  });

  it('the compiler adds them to an item at its date', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bs-office-'));
    const file = path.join(dir, 'c.jsonl');
    writeFileSync(file, [
      { id: 'w-1', dataset: 'wikipedia-current-events', date: '2022-05-01', summary: 'Ora Vantel opens a bridge.', topics: ['Bridges'] },
      { id: 'w-2', dataset: 'wikipedia-current-events', date: '2025-05-01', summary: 'Ora Vantel opens a bridge.', topics: ['Bridges'] },
    ].map((l) => JSON.stringify(l)).join('\n'));
    const index = buildEntityIndex(entities);
    const { impliedCountryIdsFor } = await import('../lib/coverage/implied-countries');
    const { items } = await compileCoverage(file, () => ['p:pm'], { prose: false, impliedCountries: (linked, date) => impliedCountryIdsFor(index, linked, date) });
    expect(items.map((it) => it.entities)).toEqual([['p:pm', 'c:at'], ['p:pm']]);
  });

  it('a page naming only the prime minister finds the country\'s earlier item, and reads its history', () => {
    const coverage = buildCoverageIndex([
      { id: 't-1', date: '2022-04-01', source: 'Wire', entities: ['c:at'], topics: ['Floods in Atlantis'], origin: 'timeline' },
    ], (id) => byId.get(id)?.name);
    const knowledge = { coverage, entities: buildEntityIndex(entities) } as unknown as Knowledge;
    const text = 'Prime Minister Ora Vantel visits the dam.';
    const report: PageReport = {
      url: 'https://news.example/a', coverage: [], opinion: [],
      entities: [{ id: 'p:pm', name: 'Ora Vantel', type: 'person', description: '', mentions: [{ paragraph: 0, start: 15, end: 25, text: 'Ora Vantel' }] }],
      article: { detected: true, kind: 'news', title: '', date: '2022-05-01', text, paragraphs: [text], signals: [] },
    };
    expect(relatedForReport(report, knowledge).map((h) => h.id)).toEqual(['t-1']);
    expect(historyEntitiesOf(report, knowledge)).toContain('c:at');
  });
});

describe('a country\'s name as the headings spell it', () => {
  const countries = [
    { id: 'c:at', name: 'Atlantis', aliases: ['Atlantica'] },
    { id: 'c:lm', name: 'Lemurië', aliases: ['Republic of Lemurië', 'Lemuria', 'the Lemurian Republic'] },
    { id: 'c:mu', name: 'Mu’a', aliases: ['the Mu Islands'] },
    { id: 'c:xx', name: 'Xandria', aliases: ['Xan'] },
  ];
  const headings = ['Floods in Atlantis', 'Glorbpox pandemic in Lemuria', 'Storms in the Mu Islands', 'Xanadu festival'];

  it('keeps a country no heading names by its pack name, with the alias a heading says as whole words', () => {
    expect(headingCountryNames(countries, headings)).toEqual([
      { id: 'c:lm', name: 'Lemurië', heading: 'Lemuria' },
      { id: 'c:mu', name: 'Mu’a', heading: 'Mu Islands' },
    ]);
  });

  it('adds the headings\' name where a text says the pack\'s (apostrophes folded), as whole words', () => {
    const table = headingCountryNames(countries, headings);
    expect(withHeadingCountryNames('Lemurië\nCity in Mu\'a', table)).toBe('Lemurië\nCity in Mu\'a\nLemuria\nMu Islands');
    expect(withHeadingCountryNames('Lemuriëan', table)).toBe('Lemuriëan');
  });

  it('a query of linked entities alone says the shipped table\'s heading name among its heading words', () => {
    const row = HEADING_COUNTRY_NAMES[0]!;
    const country: LinkedEntity = { id: row.id, name: row.name, type: 'place', description: '', mentions: [] };
    expect(headingWordsText({ entities: [country], title: '' }, { namesAsWords: 1 }).split('\n')).toEqual([row.name, row.heading]);
    // A page's own title and lead are its words as they are.
    expect(headingWordsText({ entities: [country], title: row.name }, { namesAsWords: 1 })).toBe(`${row.name}\n`);
  });
});
