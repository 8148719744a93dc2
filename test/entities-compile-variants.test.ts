/**
 * Compiler rules (issue #4, session 11), on own tiny reference files (no ../shared needed): written
 * variants of place names news uses ("N. Korea", "Democratic Republic of Congo"), and reference
 * aliases that mislead, dropped by curated/alias-exclusions.json.
 */
import { entityFilesDir as dir } from './_entity-files';
import { describe, expect, it } from 'vitest';
import { compileEntities, placeNameVariants } from '../lib/dataset/compile-entities';

const ISO = 'rigour-territories (MIT); iso3166-2-db 2.3.11 (MIT)';

describe('placeNameVariants', () => {
  it('abbreviates a leading compass word and drops the article of "of the"', () => {
    expect(placeNameVariants('North Korea', [])).toEqual(['N. Korea']);
    expect(placeNameVariants('Northern Ireland', [])).toEqual(['N. Ireland']);
    expect(placeNameVariants('DR Congo', ['Democratic Republic of the Congo'])).toEqual(['Democratic Republic of Congo']);
  });
  it('offers nothing for other names, nor a variant already written', () => {
    expect(placeNameVariants('Northampton', [])).toEqual([]);
    expect(placeNameVariants('Isle of the dead', [])).toEqual([]);
    expect(placeNameVariants('South Sudan', ['S. Sudan'])).toEqual([]);
  });
});

describe('compileEntities: place-name variants and misleading aliases', async () => {
  const d = dir(
    [
      { id: 'Q423', name: 'North Korea', type: 'place', subtype: 'country', aliases: ['DPRK'], country: 'KP', source: 'core' },
      { id: 'Q974', name: 'DR Congo', type: 'place', subtype: 'country', aliases: ['Democratic Republic of the Congo'], country: 'CD', source: 'core' },
      { id: 'Q145', name: 'United Kingdom', type: 'place', subtype: 'country', aliases: ['UK', 'Great Britain'], country: 'GB', source: 'core' },
    ],
    [
      { id: 'Q161885', name: 'Kingdom of Great Britain', type: 'place', subtype: 'region', aliases: ['UK', 'Great Britain', 'United Kingdom of Great Britain'], source: ISO },
      // A variant that is another record's name is not made: "N. Korea" stays this record's.
      { id: 'Q9500', name: 'North Ruritania', type: 'place', subtype: 'region', country: 'RR', source: ISO },
      { id: 'Q9501', name: 'N. Ruritania', type: 'place', subtype: 'region', country: 'RR', source: ISO },
    ],
  );
  const { entities } = await compileEntities(d, { moreLimit: 1000 });
  const byId = new Map(entities.map((e) => [e.id, e]));

  it('adds the abbreviated and the article-less forms', () => {
    expect(byId.get('Q423')?.aliases).toContain('N. Korea');
    expect(byId.get('Q974')?.aliases).toContain('Democratic Republic of Congo');
  });
  it("does not make a variant that is another record's name", () => {
    expect(byId.get('Q9500')?.aliases ?? []).not.toContain('N. Ruritania');
  });
  it('drops the aliases curated/alias-exclusions.json names for the record, and only those', () => {
    const gb = byId.get('Q161885');
    expect(gb?.aliases).not.toContain('UK');
    expect(gb?.aliases).not.toContain('Great Britain');
    expect(gb?.aliases).toContain('United Kingdom of Great Britain');
    expect(byId.get('Q145')?.aliases).toEqual(expect.arrayContaining(['UK', 'Great Britain']));
  });
});
