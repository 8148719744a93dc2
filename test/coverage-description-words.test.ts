import { describe, expect, it } from 'vitest';
import { buildCoverageIndex, type CoverageItem } from '../lib/coverage/index';
import { DESCRIPTION_STOP_STEMS, descriptionStopStems, descriptionWords } from '../lib/coverage/description-words';
import { contentStems } from '../lib/coverage/headings';
import { headingWordsText, relatedCoverage } from '../lib/coverage/rank';
import type { LinkedEntity } from '../lib/report';

// Own fixture: made-up countries (codes) and descriptions in the linker's shapes.
const people = [['AA', 'Vellmark'], ['BB', 'Ostria'], ['CC', 'Drava']].map(([country, name]) => ({ country, text: `Person from ${name} (born 1961)` }));
const cities = [{ country: 'AA', text: 'City in Vellmark (pop. 12,000)' }, { country: 'BB', text: 'City in Ostria (pop. 3 million)' }, { country: 'BB', text: 'City in Ostria' }, { country: 'CC', text: 'City in Drava' }];

describe('descriptionStopStems (kind words, derived from the descriptions by how many countries use them)', () => {
  const stops = descriptionStopStems([...people, ...cities], (e) => e.text, 3);
  it('keeps the words that say where an entity is', () => {
    expect(stops).not.toContain(contentStems('Vellmark')[0]);
    expect(stops).not.toContain(contentStems('Ostria')[0]); // used by three entities, but of two countries
  });
  it('drops the words that say what kind of entity it is', () => {
    for (const w of ['Person', 'born', 'City']) expect(stops).toContain(contentStems(w)[0]);
    expect(stops).not.toContain(contentStems('pop')[0]); // two countries only
  });
  it('is sorted and counts an entity with no country as one more country', () => {
    expect(stops).toEqual([...stops].sort());
    const noCountry = descriptionStopStems([{ text: 'Website' }, { country: 'AA', text: 'Website' }], (e) => e.text, 2);
    expect(noCountry).toEqual([contentStems('Website')[0]]);
  });
});

describe('an entities-only query reads its entities\' descriptions without their kind words', () => {
  it('descriptionWords keeps the place, drops the kind', () => {
    expect(descriptionWords('City in Vellmark (pop. 12,000)', new Set(['cit', 'pop']))).toBe('in Vellmark 12 000');
  });
  it('the shipped list holds template words, not country names', () => {
    for (const w of ['Person', 'City', 'pop', 'since', 'January', 'Former']) expect(DESCRIPTION_STOP_STEMS.has(contentStems(w)[0]!)).toBe(true);
    for (const w of ['United', 'Kingdom', 'China', 'Kenya', 'South']) expect(DESCRIPTION_STOP_STEMS.has(contentStems(w)[0]!)).toBe(false);
  });
  it('a heading that shares only a kind word with a description brings no items in', () => {
    let n = 0;
    const item = (date: string, entities: string[], topics: string[]): CoverageItem => ({ id: `d-${++n}`, date, source: 'Wire', entities, topics, origin: 'timeline' });
    const idx = buildCoverageIndex([
      item('2025-03-01', ['x'], ['City hall fire']),
      item('2025-03-02', ['x'], ['City hall fire']),
      item('2025-03-03', ['p'], ['Harrowgate port strike']),
    ], (id) => (id === 'p' ? 'Harrowgate' : id));
    const port: LinkedEntity = { id: 'p', name: 'Harrowgate', type: 'place', description: 'City in Vellmark', mentions: [] };
    const q = { entities: [port], date: '2025-03-10', excludeUrl: null, limit: 5, title: '', lead: '' };
    expect(headingWordsText({ ...q, descriptionStops: new Set(['cit']) }, { namesAsWords: 2 })).toBe('Harrowgate\nin Vellmark');
    expect(relatedCoverage(idx, { ...q, descriptionStops: new Set(['cit']) }).map((h) => h.id)).toEqual(['d-3']);
    // Without the list, "City" in the description brings the city hall's items in.
    expect(relatedCoverage(idx, { ...q, descriptionStops: new Set() }).map((h) => h.id)).toContain('d-1');
  });
});
