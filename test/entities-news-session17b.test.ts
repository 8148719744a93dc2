/**
 * Linker mechanisms for unseen news (issue #4, session 17, newsprec16): a name inside a longer name
 * of another kind, and recurring events.
 * - A model's code after its maker, when the maker's name is also a person's surname ("a Boeing 737
 *   MAX 8": William Boeing's "Boeing" must not stop the product-code rule), in the plural or with a
 *   variant's number ("24 Boeing 777s", "a Boeing 737-800"): longer-names.ts productCodeAfter and
 *   link.ts fullPersonAmong.
 * - A landmark's name and a settlement's right after it make one structure's name ("Trump Tower
 *   Belgrade"): neither links (link.ts placeAfterLandmark).
 * - One test of a competition's qualifier (longer-names.ts otherCompetitionBefore), asked of every
 *   event and of a dated series: a draw's word, a code, an acronym before a competition's name; not an
 *   owner's possessive ("NASA's OSIRIS-REx"), nor an acronym before another kind of event.
 * - A state's (a region's) name before a generic body's name ("the Oklahoma Supreme Court") is the
 *   state's body, one span as the gold's "U.S. Senate": neither the state nor the nation's body of that
 *   name links (link.ts regionBodyAfter).
 * - A festival's name in dated text is the festival (recurring-events.ts: not a series head).
 * Own sentences, own small entity list; each case fails without its mechanism, and each has the
 * neighbouring right reading that must stay.
 */
import { describe, expect, it } from 'vitest';
import { buildEntityIndex } from '../lib/entities/index';
import { tokenize } from '../lib/entities/normalize';
import { longerNameCueBefore, otherCompetitionBefore } from '../lib/entities/longer-names';
import { recurringSeries } from '../lib/entities/recurring-events';
import { linkKeys, testEntity } from './_entity-fixtures';

const E = testEntity;
const entities = [
  E({ id: 'boeing', name: 'Boeing', type: 'organization', subtype: 'company', country: 'US', prominence: 85 }),
  E({ id: 'wboeing', name: 'William Boeing', type: 'person', country: 'US', prominence: 50 }),
  E({ id: 'united', name: 'United Airlines', type: 'organization', subtype: 'company', country: 'US', prominence: 75 }),
  E({ id: 'tower', name: 'Trump Tower', type: 'place', subtype: 'landmark', country: 'US', prominence: 60 }),
  E({ id: 'belgrade', name: 'Belgrade', type: 'place', subtype: 'capital', country: 'RS', population: 1_200_000, prominence: 85 }),
  E({ id: 'nyc', name: 'New York City', type: 'place', subtype: 'city', aliases: ['New York'], country: 'US', population: 8_000_000, prominence: 95 }),
  E({ id: 'worldcup', name: 'FIFA World Cup', type: 'event', aliases: ['World Cup'], prominence: 90 }),
  E({ id: 'osiris', name: 'OSIRIS-REx', type: 'event', prominence: 55 }),
  E({ id: 'nasa', name: 'NASA', type: 'organization', subtype: 'government_body', country: 'US', prominence: 90 }),
  E({ id: 'scotus', name: 'Supreme Court of the United States', type: 'organization', subtype: 'government_body', aliases: ['Supreme Court'], country: 'US', prominence: 90 }),
  E({ id: 'oklahoma', name: 'Oklahoma', type: 'place', subtype: 'region', country: 'US', prominence: 70 }),
  E({ id: 'glasto', name: 'Glastonbury Festival', type: 'event', country: 'GB', prominence: 60 }),
];
const index = buildEntityIndex(entities);
const links = (text: string, date: string | null = '2024-06-01') => linkKeys(index, text, date);

describe("a model's code after a maker whose name is also a surname", () => {
  it('names the product, not the maker', () => {
    expect(links('An Ethiopian Airlines Boeing 737 MAX 8 jetliner crashed shortly after take-off.')).toEqual([]);
    expect(links('United Airlines Grounds 24 Boeing 777s After Engine Failure')).toEqual(['united:United Airlines']);
    expect(links('A fire breaks out in a Boeing 737-800 while it taxis at the airport.')).toEqual([]);
  });
  it('leaves the maker alone before a count, a year, a score-like pair, and the person by full name', () => {
    expect(links('Boeing 5 years ago sold jets to the carrier, officials said.')).toEqual(['boeing:Boeing']);
    expect(links('Boeing 2024 deliveries fell, and Boeing 10-2 was the tally.')).toEqual(['boeing:Boeing', 'boeing:Boeing']);
    expect(links('The founder William Boeing 1916 notes were found in the archive.')).toEqual(['wboeing:William Boeing']);
  });
});

describe("a settlement's name after a landmark's", () => {
  it('is one structure of that place; neither links', () => {
    expect(links('Parliament passes a law to expedite construction of Trump Tower Belgrade on the old site.')).toEqual([]);
  });
  it('leaves a landmark and a place apart alone', () => {
    expect(links('He lives in Trump Tower in New York, and flew to Belgrade.')).toEqual(['tower:Trump Tower', 'nyc:New York', 'belgrade:Belgrade']);
    expect(links('He lives in Trump Tower, New York.')).toEqual(['tower:Trump Tower', 'nyc:New York']);
  });
});

describe("one test of a competition's qualifier", () => {
  const at = (text: string, name: string) => {
    const tokens = tokenize(text);
    const words = name.split(' ');
    const from = tokens.findIndex((t, i) => words.every((w, j) => text.slice(tokens[i + j]?.start, tokens[i + j]?.end) === w));
    return otherCompetitionBefore(text, tokens, from, from + words.length) && longerNameCueBefore(text, tokens, from);
  };
  it("reads a draw's word, a code, an acronym before a competition", () => {
    expect(at("The FIFA Women's World Cup opens.", 'World Cup')).toBe(true);
    expect(at('The Junior World Cup opens.', 'World Cup')).toBe(true);
    expect(at('The T20 World Cup opens.', 'World Cup')).toBe(true);
    expect(at('The 3X3 World Cup opens.', 'World Cup')).toBe(true);
    expect(at('The ITTF World Cup opens.', 'World Cup')).toBe(true);
  });
  it("not an owner's possessive, nor an acronym before another kind of event", () => {
    expect(at("NASA's OSIRIS-REx capsule lands.", 'OSIRIS-REx')).toBe(false);
    expect(at('the UNRWA OSIRIS-REx row', 'OSIRIS-REx')).toBe(false);
    expect(at("FIFA's World Cup opens.", 'World Cup')).toBe(false);
    expect(at('the 2022 World Cup', 'World Cup')).toBe(false);
  });
  it('drops the event in undated text too, and keeps an owner’s event', () => {
    expect(links('Fans flock to the Junior World Cup in the capital.', null)).toEqual([]);
    expect(links("NASA's OSIRIS-REx capsule lands in the desert.", null)).toEqual(['nasa:NASA', 'osiris:OSIRIS-REx']);
  });
});

describe("a state's name before its country's generic body's name", () => {
  it("is the state's body, one span: neither the state nor the nation's body links", () => {
    expect(links('The Oklahoma Supreme Court dismisses a lawsuit brought by the families.')).toEqual([]);
  });
  it('leaves the state and the body alone apart', () => {
    expect(links('In Oklahoma, the Supreme Court dismissed a lawsuit.')).toEqual(['oklahoma:Oklahoma', 'scotus:Supreme Court']);
  });
});

describe('a festival in dated text', () => {
  it('is the festival, not a series without its edition', () => {
    expect(recurringSeries(entities.find((e) => e.id === 'glasto')!)).toBe(false);
    expect(links('Organisers announce that the Glastonbury Festival has been cancelled again.', '2021-01-21')).toEqual(['glasto:Glastonbury Festival']);
  });
});
