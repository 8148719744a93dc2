/** Compiler rules added for issue #4, on own tiny reference files (no ../shared needed). */
import { entityFilesDir as dir } from './_entity-files';
import { describe, expect, it } from 'vitest';
import { compileEntities } from '../lib/dataset/compile-entities';

const ISO = 'rigour-territories (MIT); iso3166-2-db 2.3.11 (MIT)';

describe('compileEntities: rules for issue #4', async () => {
  const regions: object[] = [];
  // A country with many regions: first-level (ISO 3166-2) ones stay, counties go.
  for (let i = 0; i < 60; i++) regions.push({ id: `Q9${i}00`, name: `Statename${String.fromCharCode(97 + (i % 26))}${i}`, type: 'place', subtype: 'region', country: 'ZZ', source: ISO });
  for (let i = 0; i < 40; i++) regions.push({ id: `Q8${i}00`, name: `Countyname${i} County`, type: 'place', subtype: 'region', country: 'ZZ', source: 'FB15k-237 entity2wikidata' });
  const d = dir(
    [
      { id: 'Q16090635', name: 'Yoon Suk-yeol', type: 'person', aliases: ['Yoon Suk Yeol'], shortNames: ['yeol'], country: 'KR', roles: [{ title: 'President of South Korea', from: '2022-05-10', to: '2025-04-04' }], source: 'wikidata (CC0)' },
      { id: 'Q23505', name: 'George H. W. Bush', type: 'person', country: 'US', roles: [{ title: 'President of the United States', from: '1989-01-20', to: '1993-01-20' }], source: 'wikidata (CC0)' },
    ],
    [
      ...regions,
      { id: 'Q1428', name: 'Georgia (USA)', type: 'place', subtype: 'region', country: 'US', source: ISO },
      { id: 'Q692022', name: 'Ennahda Movement', type: 'organization', subtype: 'political_party', country: 'TN', source: 'partyfacts (MIT)' },
      { id: 'Q29468', name: 'Republican Party', type: 'organization', subtype: 'political_party', country: 'US', source: 'partyfacts (MIT)' },
      { id: 'Q4700', name: 'Claude Debussy', type: 'person', country: 'FR', source: 'FB15k-237 entity2wikidata' },
      { id: 'Q7000001', name: 'Minor Roleless', type: 'person', country: 'FR', source: 'eps:france (CC0)' },
      { id: 'Q2', name: 'Earth', type: 'place', subtype: 'region', source: 'FB15k-237 entity2wikidata' },
      { id: 'Q1124', name: 'Bill Clinton', type: 'person', country: 'US', roles: [{ title: 'President (United States)', from: '1993-01-20', to: '2001-01-20' }], source: 'eps:us-cabinet (CC0)' },
    ],
    [
      { id: 'enwiki:Mark_Zuckerberg', name: 'Mark Zuckerberg', type: 'person', shortNames: ['Zuckerberg'], country: 'US', born: '1984-05-14', url: 'https://en.wikipedia.org/wiki/Mark_Zuckerberg', source: 'wikipedia:date-pages (CC BY-SA 4.0)', popularity: 88.4 },
      { id: 'enwiki:Old_Scholar', name: 'Old Scholar', type: 'person', born: '1880-01-01', url: 'https://en.wikipedia.org/wiki/Old_Scholar', source: 'wikipedia:date-pages (CC BY-SA 4.0)', popularity: 88.4 },
      { id: 'enwiki:Older_Scholar', name: 'Older Scholar', type: 'person', born: '1850-01-01', url: 'https://en.wikipedia.org/wiki/Older_Scholar', source: 'wikipedia:date-pages (CC BY-SA 4.0)', popularity: 88.4 },
      { id: 'enwiki:Low_Tier', name: 'Low Tier', type: 'person', born: '1980-01-01', url: 'https://en.wikipedia.org/wiki/Low_Tier', source: 'wikipedia:date-pages (CC BY-SA 4.0)', popularity: 39.8 },
    ],
  );
  const { entities } = await compileEntities(d, { moreLimit: 1000 });
  const byId = new Map(entities.map((e) => [e.id, e]));

  it('gives family-name-first people their family name as the short form', () => {
    expect(byId.get('Q16090635')?.shortNames).toEqual(['Yoon']);
  });
  it('adds the closed-up initials form of a name', () => {
    expect(byId.get('Q23505')?.aliases).toContain('George H.W. Bush');
  });
  it('keeps first-level regions of a country with many regions, drops the counties', () => {
    expect(entities.filter((e) => e.country === 'ZZ' && /^Statename/.test(e.name))).toHaveLength(60);
    expect(entities.filter((e) => e.country === 'ZZ' && /County$/.test(e.name))).toHaveLength(0);
  });
  it('drops a qualifier in parentheses from a name', () => {
    expect(byId.get('Q1428')?.name).toBe('Georgia');
  });
  it('keeps the distinctive first word of "<Word> Movement" as an alias, not an adjective of a party', () => {
    expect(byId.get('Q692022')?.aliases).toContain('Ennahda');
    expect(byId.get('Q29468')?.aliases ?? []).not.toContain('Republican');
  });
  it('keeps famous people without roles (FB15k), drops role-less minor ones', () => {
    expect(byId.has('Q4700')).toBe(true);
    expect(byId.has('Q7000001')).toBe(false);
  });
  it('takes the date pages\' second tier for people born since 1930, then 1880–1929 at a low prominence, not earlier ones or the low tier', () => {
    expect(byId.has('enwiki:Mark_Zuckerberg')).toBe(true);
    expect(byId.has('enwiki:Old_Scholar')).toBe(true);
    // History is taken for recall: a namesake in today's news must outrank it.
    expect(byId.get('enwiki:Old_Scholar')!.prominence!).toBeLessThan(byId.get('enwiki:Mark_Zuckerberg')!.prominence! - 20);
    expect(byId.has('enwiki:Older_Scholar')).toBe(false);
    expect(byId.has('enwiki:Low_Tier')).toBe(false);
  });
  it('leaves out a Wikipedia URL that the enwiki id gives', () => {
    expect(byId.get('enwiki:Mark_Zuckerberg')?.url).toBeUndefined();
  });
  it('applies curated inclusions and exclusions regardless of rank and quota', () => {
    expect(byId.has('Q1124')).toBe(true);
    expect(byId.has('Q2')).toBe(false);
  });
});

describe('compileEntities: curated entities (lib/dataset/curated/entities.json)', async () => {
  const d = dir([], []);
  const { entities } = await compileEntities(d, { moreLimit: 10 });
  const byId = new Map(entities.map((e) => [e.id, e]));
  it('adds curated records with their note, dates, link and the curated source', () => {
    const obama = byId.get('curated:obama-administration');
    expect(obama?.type).toBe('organization');
    expect(obama?.note).toMatch(/Obama/);
    expect(obama?.sources).toEqual(['curated']);
    expect(byId.get('Q10806')?.from).toBe('2001-09-11');
    expect(byId.get('curated:instagram')?.url).toBe('https://en.wikipedia.org/wiki/Instagram');
  });
  it('keeps their reviewed one-word aliases', () => {
    expect(byId.get('curated:mojang-studios')?.aliases).toContain('Mojang');
  });
});

describe('compileEntities: company heads and former heads of government', async () => {
  const d = dir(
    [],
    [
      // Five sitting backbenchers, a governor and a former prime minister compete for five places
      // (with the party, which ranks below them all).
      ...[1, 2, 3, 4, 5].map((i) => ({ id: `Q71000${i}`, name: `Backbencher Number${i}`, type: 'person', country: 'ZW', roles: [{ title: 'Member of the National Assembly (Zimbabwe)', from: '2023-09-01' }], source: 'eps:zimbabwe (CC0)' })),
      { id: 'Q57762', name: 'Morgan Tsvangirai', type: 'person', country: 'ZW', roles: [{ title: 'Prime Minister (Zimbabwe)', from: '2009-02-11', to: '2013-09-11' }], source: 'eps:zimbabwe (CC0)' },
      { id: 'Q7200001', name: 'Ray Abbott', type: 'person', country: 'US', roles: [{ title: 'Governor of Texas', from: '2015-01-20' }], source: 'eps:us (CC0)' },
    ],
    [
      { id: 'cik:1308547', name: 'Dolbyx Laboratories', type: 'organization', subtype: 'company', source: 'sec:company_tickers 2025-08 (US public domain)', popularity: 89.6 },
      { id: 'cik:1800', name: 'Abbott Laboratories', type: 'organization', subtype: 'company', source: 'sec:company_tickers 2025-08 (US public domain)', popularity: 99 },
      { id: 'cik:1801', name: 'Julian Technologies', type: 'organization', subtype: 'company', source: 'sec:company_tickers 2025-08 (US public domain)', popularity: 95 },
    ],
  );
  const { entities } = await compileEntities(d, { moreLimit: 6 });
  const party = await compileEntities(dir([], [
    { id: 'Q571956', name: 'Democratic Party', type: 'organization', subtype: 'political_party', aliases: ['Democratic'], country: 'JP', source: 'partyfacts (MIT)' },
    { id: 'Q692022', name: 'Ennahda Party', type: 'organization', subtype: 'political_party', aliases: ['Ennahda'], country: 'TN', source: 'partyfacts (MIT)' },
  ]), { moreLimit: 10 });
  const byId = new Map(entities.map((e) => [e.id, e]));
  it('drops the adjective of a party name as its one-word alias', () => {
    const got = new Map(party.entities.map((e) => [e.id, e]));
    expect(got.get('Q571956')?.aliases).toEqual([]);
    expect(got.get('Q692022')?.aliases).toEqual(['Ennahda']);
  });
  it('ranks a former prime minister (2009–2013) above sitting backbenchers', () => {
    expect(byId.has('Q57762')).toBe(true);
  });
  it("offers a company's distinctive head as an alias, not a person's family name or a given name", () => {
    expect(byId.get('cik:1308547')?.aliases).toContain('Dolbyx');
    expect(byId.get('cik:1800')?.aliases ?? []).not.toContain('Abbott');
    expect(byId.get('cik:1801')?.aliases ?? []).not.toContain('Julian');
  });
});

describe('compileEntities: most newsworthy role, parties by vote share (session 7)', async () => {
  const d = dir(
    [],
    [
      // Six records for three places: a former prime minister whose latest role is a seat in
      // parliament, two backbenchers, and three parties (parties rank above backbenchers).
      { id: 'Q7300001', name: 'Former Premier', type: 'person', country: 'GB', source: 'eps:uk (CC0)', roles: [
        { title: 'Prime Minister (United Kingdom)', from: '2010-05-11', to: '2016-07-13' },
        { title: 'Member of the Parliament of the United Kingdom', from: '2001-06-07', to: '2016-09-12' },
      ] },
      ...[1, 2].map((i) => ({ id: `Q730010${i}`, name: `Sitting Member${i}`, type: 'person', country: 'GB', roles: [{ title: 'Member of the Parliament of the United Kingdom', from: '2015-05-07', to: '2019-11-06' }], source: 'eps:uk (CC0)' })),
      { id: 'Q7300201', name: 'Fringe List', type: 'organization', subtype: 'political_party', aliases: ['FLX'], country: 'FR', description: 'Political party in France; 0.4% of the vote in 2017', source: 'partyfacts (MIT)' },
      { id: 'Q7300202', name: 'Union for a Test Movement', type: 'organization', subtype: 'political_party', aliases: ['UTM'], country: 'FR', description: 'Former political party in France (2002–2015); 39.5% of the vote in 2007', source: 'partyfacts (MIT)' },
      { id: 'Q7300203', name: 'Union of Test Democrats', type: 'organization', subtype: 'political_party', aliases: ['UTD'], country: 'FR', description: 'Political party in France; 3.0% of the vote in 2017', source: 'partyfacts (MIT)' },
    ],
    [],
  );
  const { entities } = await compileEntities(d, { moreLimit: 3 });
  const byId = new Map(entities.map((e) => [e.id, e]));
  it("keeps a breadth record's most newsworthy role (prime minister), not its latest, and ranks by it", () => {
    expect(byId.get('Q7300001')?.roles.map((r) => r.title)).toEqual(['Prime Minister (United Kingdom)']);
    expect(byId.has('Q7300101')).toBe(false);
  });
  it('takes parties by vote share and keeps the acronyms of parties with a real share', () => {
    expect(byId.has('Q7300202')).toBe(true);
    expect(byId.has('Q7300203')).toBe(true);
    expect(byId.has('Q7300201')).toBe(false);
    expect(byId.get('Q7300202')?.aliases).toContain('UTM');
    expect(entities.some((e) => 'voteShare' in e)).toBe(false);
  });
});

describe('compileEntities: former leaders and ministers before backbenchers, type fixes, foreign words (session 8)', async () => {
  const d = dir(
    [],
    [
      // Three places: a head of state who left office in 2007 and a sitting minister must beat five
      // legislators seated since 2020 (all with QIDs, so file order would otherwise decide).
      ...[1, 2, 3, 4, 5].map((i) => ({ id: `Q740000${i}`, name: `Seated Member${i}`, type: 'person', country: 'NG', roles: [{ title: 'Member of the House of Representatives of Nigeria', from: '2023-06-13' }], source: 'eps:nigeria (CC0)' })),
      { id: 'Q2105', name: 'Jacques Chirac', type: 'person', country: 'FR', roles: [{ title: 'President (France)', from: '1995-05-17', to: '2007-05-16' }], source: 'eps:france-cabinet (CC0)' },
      { id: 'Q7400101', name: 'Sitting Minister', type: 'person', country: 'NG', roles: [{ title: 'Minister of Agriculture (Nigeria)', from: '2023-08-21' }], source: 'eps:nigeria (CC0)' },
    ],
    [
      // A brand spelled like Spanish/Italian "one": on a non-English page it is the word.
      { id: 'Q62535574', name: 'Uno', type: 'organization', subtype: 'company', source: 'wikidata:wikitrivia (CC0 data, MIT repo)', popularity: 98 },
    ],
  );
  const { entities } = await compileEntities(d, { moreLimit: 3 });
  // The reference types the BBC as a person; lib/dataset/curated/types.json fixes it.
  const bbc = await compileEntities(dir([], [{ id: 'Q9531', name: 'BBC', type: 'person', aliases: ['British Broadcasting Corporation'], country: 'GB', source: 'FB15k-237 entity2wikidata' }]), { moreLimit: 10 });
  const byId = new Map([...entities, ...bbc.entities].map((e) => [e.id, e]));
  it('ranks a former national leader and a sitting minister above legislators seated since 2020', () => {
    expect(byId.has('Q2105')).toBe(true);
    expect(byId.has('Q7400101')).toBe(true);
    expect(entities.filter((e) => /^Seated Member/.test(e.name))).toHaveLength(1);
  });
  it('applies a curated type fix (the BBC is a media organisation)', () => {
    expect(byId.get('Q9531')?.type).toBe('organization');
    expect(byId.get('Q9531')?.subtype).toBe('media');
    expect(byId.get('Q9531')?.sources).toContain('curated');
  });
  it('drops a one-word name that is a common word of another language', () => {
    expect(byId.has('Q62535574')).toBe(false);
  });
});
