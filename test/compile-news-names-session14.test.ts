/**
 * News names' types (issue #4, session 14): a name the text places in a country ("in Abu Kamal,
 * Syria", "in Madjoari Department, Burkina Faso") is a place, though it looks like a person's or a
 * ministry's name; a saint's name before a place's head word is the place's ("Saint Helena Island").
 */
import { describe, expect, it } from 'vitest';
import { tokenize } from '../lib/entities/normalize';
import { capitalisedNames, newsNameType, type NameEvidence, type NameLexicon, type WordCase } from '../lib/dataset/news-names';

const GIVEN = new Set(['abu', 'rochelle', 'helena']);
const lexicon: NameLexicon = { givenName: (w) => GIVEN.has(w), demonym: () => false };
const use: WordCase = new Map([['department', { lower: 90, cap: 10 }]]);

function evidence(name: string, over: Partial<NameEvidence> = {}): NameEvidence {
  return { name, items: 2, afterPlaceWord: 0, afterArticle: 0, continued: 0, afterNumber: 0, quoted: 0, occurrences: 2, first: '2022-01-01', last: '2023-01-01', countries: {}, wcep: true, huffpost: false, ...over };
}

describe('newsNameType: placed in a country by the text', () => {
  it('types a person-like name written "in X, <Country>" half the time a place', () => {
    expect(newsNameType(evidence('Abu Kamal', { afterPlaceWord: 1, countries: { SY: 1 } }), use, lexicon)).toBe('place');
    // Without the country, the same evidence says person.
    expect(newsNameType(evidence('Abu Kamal', { afterPlaceWord: 1 }), use, lexicon)).toBe('person');
    // Placed in a country but not written after "in": not enough.
    expect(newsNameType(evidence('Rochelle Walensky', { countries: { US: 1 } }), use, lexicon)).toBe('person');
  });
  it('types an "X Department" placed in a country a place, not an organisation', () => {
    expect(newsNameType(evidence('Madjoari Department', { afterPlaceWord: 2, countries: { BF: 2 } }), use, lexicon)).toBe('place');
    expect(newsNameType(evidence('Madjoari Department'), use, lexicon)).toBe('organization');
  });
});

describe('capitalisedNames: a saint before a place', () => {
  const names = (text: string) => {
    const tokens = tokenize(text);
    return capitalisedNames(text, tokens, use).map(({ from, to }) => text.slice(tokens[from]!.start, tokens[to - 1]!.end));
  };
  it('keeps "Saint" in a place name ending in a head word, cuts it as a title otherwise', () => {
    expect(names('A shooting at a bar in Saint Helena Island kills four.')).toEqual(['Saint Helena Island']);
    expect(names('pilgrims honour Saint Helena today.')).toEqual(['Helena']);
  });
});
