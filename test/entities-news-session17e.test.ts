/**
 * Event editions held in another year than their name's (issue #4, session 17, newsprec19). The
 * compiler dates a recurring series' edition a year after its name's year when the coverage that
 * links it says so (edition-years.ts: "2020 Summer Olympics", held in 2021); the series rule then
 * reads the series' name in dated text as the edition held in the text's year, not only the one
 * named for it (recurring-events.ts editionInYear). Own sentences and records; each case fails
 * without its mechanism.
 */
import { describe, expect, it } from 'vitest';
import { buildEntityIndex } from '../lib/entities/index';
import { editionInYear, editionSeriesName } from '../lib/entities/recurring-events';
import { datePostponedEditions } from '../lib/dataset/edition-years';
import type { CoverageRecord, PackEntity } from '../lib/dataset/schema';
import { linkKeys, testEntity } from './_entity-fixtures';

const E = testEntity;
const series = () => [
  E({ id: 'olympics', name: 'Olympic Games', type: 'event', aliases: ['Olympics'], prominence: 85 }),
  E({ id: 'expo', name: 'Expo', type: 'event', aliases: ['World Expo'], prominence: 60 }),
];
const item = (id: string, date: string, entities: string[]): CoverageRecord => ({ id, date, source: '', entities, topics: [] });

describe('the compiler dates a postponed edition from the coverage that links it', () => {
  const entities = (): PackEntity[] => [
    ...series(),
    E({ id: 'summer20', name: '2020 Summer Olympics', type: 'event', prominence: 70 }),
    E({ id: 'winter22', name: '2022 Winter Olympics', type: 'event', prominence: 70 }),
    E({ id: 'summer28', name: '2028 Summer Olympics', type: 'event', prominence: 60 }),
    E({ id: 'expo20', name: 'Expo 2020', type: 'event', prominence: 50 }),
    E({ id: 'expo25', name: 'Expo 2025', type: 'event', prominence: 50 }),
    E({ id: 'blast20', name: '2020 Harbour explosion', type: 'event', prominence: 50 }),
  ];
  const coverage = [
    item('a', '2021-07-24', ['summer20']), item('b', '2021-08-01', ['summer20']), item('c', '2022-02-01', ['summer20', 'winter22']),
    item('d', '2021-11-30', ['winter22']), item('e', '2021-12-08', ['winter22']), item('f', '2022-02-04', ['winter22']),
    item('g', '2027-05-01', ['summer28']), item('h', '2029-01-01', ['summer28']),
    item('i', '2021-10-01', ['expo20']), item('j', '2021-12-01', ['expo20']), item('k', '2020-03-01', ['expo20']),
    item('l', '2026-01-10', ['expo25']),
    item('m', '2021-08-04', ['blast20']), item('n', '2021-08-05', ['blast20']),
  ];
  it('gives an edition linked mostly the year after its name the year held, and no other record', () => {
    const es = entities();
    expect(datePostponedEditions(es, coverage)).toBe(2);
    const to = Object.fromEntries(es.map((e) => [e.id, e.to]));
    expect(to).toMatchObject({ summer20: '2021', expo20: '2021' });
    // Written about the year before (not held then), two years on, one look back, not a series' edition.
    for (const id of ['winter22', 'summer28', 'expo25', 'blast20', 'olympics']) expect(to[id]).toBeUndefined();
  });
  it("keeps an edition's own dates", () => {
    const es = entities().map((e) => (e.id === 'summer20' ? { ...e, from: '2021-07-23', to: '2021-08-08' } : e));
    datePostponedEditions(es, coverage);
    expect(es.find((e) => e.id === 'summer20')!.to).toBe('2021-08-08');
  });
  it('reads the year and the names of the series from an edition name', () => {
    expect(editionSeriesName('2020 Summer Olympics')).toEqual({ year: 2020, series: ['Summer Olympics', 'Olympics'] });
    expect(editionSeriesName('Expo 2020')).toEqual({ year: 2020, series: ['Expo'] });
    expect(editionSeriesName('2020–21 UEFA Champions League')).toBeUndefined();
  });
});

describe('a series name in dated text is the edition held in that year', () => {
  const index = buildEntityIndex([
    ...series(),
    E({ id: 'summer20', name: '2020 Summer Olympics', type: 'event', to: '2021', prominence: 70 }),
    E({ id: 'winter22', name: '2022 Winter Olympics', type: 'event', prominence: 70 }),
    E({ id: 'wc', name: 'FIFA World Cup', type: 'event', aliases: ['World Cup'], prominence: 85 }),
    E({ id: 'wc22', name: '2022 FIFA World Cup', type: 'event', prominence: 73 }),
  ]);
  const at = (date: string) => (text: string) => linkKeys(index, text, date);
  it('is the edition named for the year before when it was held in this one', () => {
    expect(at('2021-07-23')('Child athletes must be kept safe as the Olympics begin, campaigners say.')).toEqual(['summer20:Olympics']);
    expect(at('2020-03-24')('The Olympics are postponed over the pandemic.')).toEqual(['summer20:Olympics']);
  });
  it("is the year's own edition first, and nothing for an edition held the year before", () => {
    expect(at('2022-02-04')('Athletes arrive for the Olympics.')).toEqual(['winter22:Olympics']);
    expect(at('2023-01-10')('Fans still talk about the World Cup final.')).toEqual([]);
  });
  it('asks the held year only when the year names no edition', () => {
    const named = (map: Record<string, number[]>) => (name: string) => map[name] ?? [];
    const olympics = series()[0]!;
    expect(editionInYear(olympics, '2021-07-01', named({ '2020 Summer Olympics': [3] }), () => '2021')).toBe(3);
    expect(editionInYear(olympics, '2021-07-01', named({ '2020 Summer Olympics': [3] }), () => undefined)).toBeUndefined();
    expect(editionInYear(olympics, '2021-07-01', named({ '2020 Summer Olympics': [3] }))).toBeUndefined();
  });
});
