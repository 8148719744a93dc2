import { describe, expect, it } from 'vitest';
import { foldNewsNameVariants } from '../lib/dataset/news-name-variants';
import { newsNameId } from '../lib/dataset/news-names';
import type { PackEntity } from '../lib/dataset/schema';

const rec = (id: string, name: string, type: PackEntity['type'], more: Partial<PackEntity> = {}): PackEntity =>
  ({ id, name, type, aliases: [], shortNames: [], roles: [], sources: ['more'], ...more });
const news = (name: string, type: PackEntity['type']) => rec(newsNameId(name), name, type, { sources: ['coverage-wcep'] });

const entities = [
  rec('Q1', 'Balochistan Liberation Army', 'organization', { country: 'PK' }),
  rec('Q2', 'Al Anbar Governorate', 'place', { country: 'IQ' }),
  rec('Q3', 'Jeffrey Zients', 'person', { country: 'US' }),
  rec('Q4', 'Islamic State – Khorasan Province', 'organization'),
  rec('Q5', 'Turks and Caicos Islands', 'place', { country: 'TC' }),
  rec('Q6', 'St. Louis County', 'place', { country: 'US' }),
  rec('Q7', 'Syrian Democratic Forces', 'organization', { country: 'SY' }),
  rec('Q8', 'Canary Islands', 'place', { country: 'ES' }),
  rec('Q9', 'Air Force', 'organization', { country: 'US' }),
  rec('geonames:127082', 'Khuzestan Province', 'place', { country: 'IR' }),
  rec('Q10', 'National Bank of Canada', 'organization', { country: 'CA' }),
];

describe('news names that are another record\'s name', () => {
  it('folds article and "-stan" land forms into the one record as aliases; not a short given name (often someone else)', () => {
    const r = foldNewsNameVariants([news('Baloch Liberation Army', 'organization'), news('Anbar Governorate', 'place'), news('Jeff Zients', 'person')], entities);
    expect(r.records.map((e) => e.name)).toEqual(['Jeff Zients']);
    expect(Object.fromEntries(r.aliases)).toEqual({ Q1: ['Baloch Liberation Army'], Q2: ['Anbar Governorate'] });
    expect(r.folded).toMatchObject({ article: 1, land: 1 });
  });
  it('drops the back of a longer name cut at a dash, "and" or "St."', () => {
    const r = foldNewsNameVariants([news('Khorasan Province', 'organization'), news('Caicos Islands', 'place'), news('Louis County', 'place')], entities);
    expect(r.records).toEqual([]);
    expect(r.dropped.tail).toBe(3);
  });
  it('keeps a different thing whose name holds a record\'s name after whole words ("Bank of Canada")', () => {
    const r = foldNewsNameVariants([news('Bank of Canada', 'organization')], entities);
    expect(r.records.map((e) => e.name)).toEqual(['Bank of Canada']);
  });
  it('drops a nationality before a record of that country or a stateless people before a long name; keeps other countries\'', () => {
    const r = foldNewsNameVariants([
      news('Kurdish Syrian Democratic Forces', 'organization'), news('Spanish Canary Islands', 'place'), news('Malian Air Force', 'organization'),
    ], entities);
    expect(r.records.map((e) => e.name)).toEqual(['Malian Air Force']);
    expect(r.dropped.nationality).toBe(2);
  });
  it('a one-word reference alias: folded into the pack\'s record of that type, dropped for a left-out one, ignored for another type', () => {
    const refs = new Map([
      ['khuzestan', [{ id: 'geonames:127082', type: 'place' as const }]],
      ['zamfara', [{ id: 'geonames:2595349', type: 'place' as const }]],
      ['assen', [{ id: 'Q2397774', type: 'person' as const }]],
    ]);
    const r = foldNewsNameVariants([news('Khuzestan', 'place'), news('Zamfara', 'place'), news('Assen', 'place')], entities, refs);
    expect(Object.fromEntries(r.aliases)).toEqual({ 'geonames:127082': ['Khuzestan'] });
    expect(r.dropped.referenceRecord).toBe(1);
    expect(r.records.map((e) => e.name)).toEqual(['Assen']);
  });
});
