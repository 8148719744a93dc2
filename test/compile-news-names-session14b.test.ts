/**
 * News names (issue #4, session 14b): a name written in quotation marks most of the time is a
 * work's title, not a person ("Lizzie McGuire"); a news name "<region> Province/State/Region" is
 * the region's record written with its area noun ("Balochistan Province"), not a record of its own.
 */
import { describe, expect, it } from 'vitest';
import { foldNewsNameVariants } from '../lib/dataset/news-name-variants';
import { gatherNameEvidence, countWordCase, newsNameId, newsNameRecords, quotedAt, type NameLexicon } from '../lib/dataset/news-names';
import type { NewsCorpusItem } from '../lib/dataset/news-salience';
import type { PackEntity } from '../lib/dataset/schema';

const GIVEN = new Set(['lizzie', 'molly', 'rochelle']);
const lexicon: NameLexicon = { givenName: (w) => GIVEN.has(w), demonym: () => false };

describe('quotedAt', () => {
  it('is true for a name between opening and closing marks, straight or curly', () => {
    const t = 'a virtual "Molly Brandt" reunion and the \u201cMolly Brandt\u201d star';
    const at = (i: number) => quotedAt(t, i, i + 'Molly Brandt'.length);
    expect(at(t.indexOf('Molly'))).toBe(true);
    expect(at(t.lastIndexOf('Molly'))).toBe(true);
  });
  it('is false for a possessive or a name without an opening mark', () => {
    const t = 'Molly Brandt\u2019s new show';
    expect(quotedAt(t, 0, 'Molly Brandt'.length)).toBe(false);
  });
});

describe('news names in quotation marks', () => {
  const items = (quoted: number, plain: number): NewsCorpusItem[] => [
    ...Array.from({ length: quoted }, (_, i) => ({ id: `huffpost-q${i}`, summary: `Fans cheer as the cast of "Molly Brandt" reunites for episode ${i}.` })),
    ...Array.from({ length: plain }, (_, i) => ({ id: `huffpost-p${i}`, summary: `Reports say Molly Brandt spoke to reporters on day ${i}.` })),
  ];
  const names = (it: NewsCorpusItem[]) => newsNameRecords(it, new Set(), { minItems: 2, known: new Set(), lexicon }).records.map((r) => `${r.name}/${r.type}`);
  it('makes no person of a title quoted most of the time', () => {
    expect(names(items(2, 0))).toEqual([]);
    expect(names(items(2, 1))).toEqual([]);
  });
  it('keeps a person named plainly, or quoted once in two (a renaming)', () => {
    expect(names(items(0, 2))).toEqual(['Molly Brandt/person']);
    expect(names(items(1, 1))).toEqual(['Molly Brandt/person']);
  });
  it('counts the quoted occurrences in the evidence', () => {
    const it2 = items(2, 1);
    expect(gatherNameEvidence(it2, new Set(), countWordCase(it2, new Set()), () => false).get('molly brandt')).toMatchObject({ quoted: 2, occurrences: 3 });
  });
});

describe('news names: a region written with its area noun', () => {
  const rec = (id: string, name: string, type: PackEntity['type'], more: Partial<PackEntity> = {}): PackEntity =>
    ({ id, name, type, aliases: [], shortNames: [], roles: [], sources: ['more'], ...more });
  const news = (name: string) => rec(newsNameId(name), name, 'place', { sources: ['coverage-wcep'] });
  const entities = [
    rec('geonames:1183606', 'Balochistan', 'place', { subtype: 'region', country: 'PK' }),
    rec('geonames:1183880', 'Bannu', 'place', { subtype: 'city', country: 'PK' }),
  ];
  it('folds "Balochistan Province" into the region as an alias', () => {
    const r = foldNewsNameVariants([news('Balochistan Province')], entities);
    expect(r.records).toEqual([]);
    expect(Object.fromEntries(r.aliases)).toEqual({ 'geonames:1183606': ['Balochistan Province'] });
    expect(r.folded.area).toBe(1);
  });
  it('keeps "Bannu District" (the district of a city, another place) and a head word that is no area noun', () => {
    const r = foldNewsNameVariants([news('Bannu District'), news('Balochistan Coast')], entities);
    expect(r.records.map((e) => e.name)).toEqual(['Bannu District', 'Balochistan Coast']);
  });
});
