/**
 * Linker mechanisms for unseen news (issue #4, session 15, newsprec9): namesakes read in the hand
 * audit of unreserved items. A plural administrative noun said of a list of names ("the Kharkiv,
 * Sumy and Donetsk oblasts", "the provinces of Guayas and Esmeraldas") makes every listed name the
 * region, not the city of that name; a capitalised noun ("Ukraine's Kharkiv Region", "the Province
 * of Málaga") does as the lower-case one does. Own sentences, own small entity list; each case fails
 * without its mechanism.
 */
import { describe, expect, it } from 'vitest';
import { buildEntityIndex } from '../lib/entities/index';
import { pluralNounOverList, regionNounAround } from '../lib/entities/region-cue';
import { tokenize } from '../lib/entities/normalize';
import { sharedPartyUnplaced } from '../lib/entities/namesake-country';
import { demonymCountriesAmong } from '../lib/entities/demonym-country';
import { linkKeys, testEntity } from './_entity-fixtures';

const E = testEntity;
const index = buildEntityIndex([
  E({ id: 'ukraine', name: 'Ukraine', type: 'place', subtype: 'country', country: 'UA', prominence: 97 }),
  E({ id: 'kharkiv', name: 'Kharkiv', type: 'place', subtype: 'city', country: 'UA', population: 1_400_000, prominence: 75 }),
  E({ id: 'kharkiv-oblast', name: 'Kharkiv Oblast', type: 'place', subtype: 'region', country: 'UA', prominence: 60 }),
  E({ id: 'sumy', name: 'Sumy', type: 'place', subtype: 'city', country: 'UA', population: 260_000, prominence: 55 }),
  E({ id: 'sumy-oblast', name: 'Sumy Oblast', type: 'place', subtype: 'region', country: 'UA', prominence: 50 }),
  E({ id: 'luhansk', name: 'Luhansk', type: 'place', subtype: 'city', country: 'UA', population: 400_000, prominence: 60 }),
  E({ id: 'luhansk-oblast', name: 'Luhansk Oblast', type: 'place', subtype: 'region', country: 'UA', prominence: 55 }),
  E({ id: 'donetsk-dpr', name: 'Donetsk', type: 'place', subtype: 'region', country: 'UA', prominence: 65 }),
  E({ id: 'donetsk-oblast', name: 'Donetsk Oblast', type: 'place', subtype: 'region', country: 'UA', prominence: 60 }),
  E({ id: 'kumamoto', name: 'Kumamoto', type: 'place', subtype: 'city', country: 'JP', population: 740_000, prominence: 55 }),
  E({ id: 'kumamoto-pref', name: 'Kumamoto Prefecture', type: 'place', subtype: 'region', country: 'JP', prominence: 50 }),
  E({ id: 'japan', name: 'Japan', type: 'place', subtype: 'country', country: 'JP', prominence: 97 }),
  E({ id: 'esmeraldas', name: 'Esmeraldas', type: 'place', subtype: 'city', country: 'EC', population: 160_000, prominence: 45 }),
  E({ id: 'esmeraldas-prov', name: 'Esmeraldas Province', type: 'place', subtype: 'region', country: 'EC', prominence: 40 }),
  E({ id: 'guayas-prov', name: 'Guayas Province', type: 'place', subtype: 'region', country: 'EC', prominence: 45 }),
  E({ id: 'hcmc', name: 'Ho Chi Minh City', type: 'place', subtype: 'city', country: 'VN', population: 3_400_000, prominence: 72 }),
  E({ id: 'dallas', name: 'Dallas', type: 'place', subtype: 'city', country: 'US', population: 1_300_000, prominence: 75 }),
  E({ id: 'us', name: 'United States', type: 'place', subtype: 'country', aliases: ['U.S.'], country: 'US', prominence: 99 }),
  E({ id: 'nevada', name: 'Nevada', type: 'place', subtype: 'region', country: 'US', prominence: 80 }),
  E({ id: 'kentucky', name: 'Kentucky', type: 'place', subtype: 'region', country: 'US', prominence: 80 }),
  E({ id: 'dayton', name: 'Dayton', type: 'place', subtype: 'city', aliases: ['Dayton, Ohio'], country: 'US', population: 140_000, prominence: 65 }),
  E({ id: 'lex-va', name: 'Lexington', type: 'place', subtype: 'city', aliases: ['Lexington, Virginia'], country: 'US', prominence: 62 }),
  E({ id: 'lex-ky', name: 'Lexington', type: 'place', subtype: 'city', country: 'US', population: 225_000, prominence: 55 }),
  E({ id: 'italy', name: 'Italy', type: 'place', subtype: 'country', country: 'IT', prominence: 97 }),
  E({ id: 'sicily', name: 'Sicily', type: 'place', subtype: 'region', country: 'IT', prominence: 75 }),
  E({ id: 'palermo', name: 'Palermo', type: 'place', subtype: 'city', aliases: ['Palermo, Italy'], country: 'IT', population: 650_000, prominence: 70 }),
  E({ id: 'ldp-xk', name: 'Liberal Democratic Party', type: 'organization', subtype: 'political_party', aliases: ['LDP'], country: 'XK', prominence: 60 }),
  E({ id: 'ldp-jp', name: 'Liberal Democratic Party', type: 'organization', subtype: 'political_party', aliases: ['LDP'], country: 'JP', prominence: 60 }),
  E({ id: 'fa-uy', name: 'Broad Front', type: 'organization', subtype: 'political_party', aliases: ['Frente Amplio'], country: 'UY', prominence: 60 }),
  E({ id: 'fa-cr', name: 'Broad Front', type: 'organization', subtype: 'political_party', country: 'CR', prominence: 60 }),
  E({ id: 'chile', name: 'Chile', type: 'place', subtype: 'country', country: 'CL', prominence: 92 }),
  E({ id: 'uruguay', name: 'Uruguay', type: 'place', subtype: 'country', country: 'UY', prominence: 88 }),
  E({ id: 'smith-md', name: 'Will Smith', type: 'person', shortNames: ['Smith'], roles: [{ title: 'Member of the Maryland Senate (district 20)', from: '2019-01-09' }], country: 'US', prominence: 62 }),
  E({ id: 'davis-ga', name: 'Viola Davis', type: 'person', shortNames: ['Davis'], roles: [{ title: 'Member of the Georgia House of Representatives', from: '2021-01-11' }], country: 'US', prominence: 62 }),
  E({ id: 'davis-city', name: 'Davis', type: 'place', subtype: 'city', aliases: ['Davis, California'], country: 'US', population: 66_000, prominence: 62 }),
  E({ id: 'maryland', name: 'Maryland', type: 'place', subtype: 'region', country: 'US', prominence: 80 }),
  E({ id: 'malaga', name: 'Málaga', type: 'place', subtype: 'city', country: 'ES', population: 570_000, prominence: 60 }),
]);

function links(text: string, date: string | null = '2024-06-01'): string[] {
  return linkKeys(index, text, date);
}

describe('a plural administrative noun said of a list of names', () => {
  it('makes each listed name before "oblasts" the region', () => {
    expect(links('Russian drones strike the Kharkiv, Sumy and Luhansk oblasts overnight.')).toEqual(['kharkiv-oblast:Kharkiv', 'sumy-oblast:Sumy', 'luhansk-oblast:Luhansk']);
    // Capitalised plural noun, a region record of the bare name yielding to the oblast.
    expect(links('Fighting goes on in Kharkiv, Donetsk, and Luhansk Oblasts, Ukraine.')).toEqual(['kharkiv-oblast:Kharkiv', 'donetsk-oblast:Donetsk', 'luhansk-oblast:Luhansk', 'ukraine:Ukraine']);
  });
  it('leaves the listed name unlinked where the pack has no such region', () => {
    expect(links('A state of emergency covers Gunma, Ishikawa, and Kumamoto prefectures in Japan.')).toEqual(['kumamoto-pref:Kumamoto', 'japan:Japan']);
    expect(links('Strikes hit the Kharkiv and Poltava regions.')).toEqual(['kharkiv-oblast:Kharkiv']);
  });
  it('reads "<plural noun> of" before the list', () => {
    expect(links('A state of emergency is declared in the provinces of Guayas and Esmeraldas.')).toEqual(['esmeraldas-prov:Esmeraldas']);
    expect(links('Power cuts hit the oblasts of Sumy, Kyiv, and Luhansk.')).toEqual(['sumy-oblast:Sumy', 'luhansk-oblast:Luhansk']);
  });
  it('keeps cities in a list without the noun, or where the noun follows another phrase', () => {
    expect(links('Sirens sound in Kharkiv, Sumy and Luhansk.')).toEqual(['kharkiv:Kharkiv', 'sumy:Sumy', 'luhansk:Luhansk']);
    expect(links('Trains link Kharkiv and Sumy with the eastern regions.')).toEqual(['kharkiv:Kharkiv', 'sumy:Sumy']);
    // An address is no list: one comma, no "and".
    expect(links('A blast hits a market in Kumamoto, Japan.')).toEqual(['kumamoto:Kumamoto', 'japan:Japan']);
  });
  it('drops a city listed among regions the pack lacks, but not a "… City"', () => {
    expect(links('Mask mandates hold in Bexar, Dallas, and Travis counties.')).toEqual([]);
    expect(links('Hanoi, Ho Chi Minh City, Dong Nai and Long An provinces must keep the curbs.')).toEqual(['hcmc:Ho Chi Minh City']);
  });
  it('walks over multi-word and hyphenated items', () => {
    const text = 'the Ivano-Frankivsk, Kharkiv and Zaporizhzhia oblasts';
    const tokens = tokenize(text);
    const at = tokens.findIndex((t) => t.norm === 'kharkiv');
    expect(pluralNounOverList(text, tokens, at, at + 1)).toContain('oblast');
    const first = tokens.findIndex((t) => t.norm === 'ivano');
    expect(pluralNounOverList(text, tokens, first, first + 2)).toContain('oblast');
  });
});

describe('a capitalised administrative noun beside the name', () => {
  it('"Kharkiv Region" and "the Province of Málaga" are regions, not the cities', () => {
    // A title-case headline, where the noun's capital says nothing.
    expect(links("Russia Says It's Pulling Back Forces From Ukraine's Kharkiv Region")).toEqual(['ukraine:Ukraine', 'kharkiv-oblast:Kharkiv']);
    expect(links('Floods hit the Province of Málaga.')).toEqual([]);
    // After another capitalised word the noun ends a longer name: no cue.
    const last = (text: string) => { const tokens = tokenize(text); return regionNounAround(text, tokens, tokens.length - 1, tokens.length)?.suffixes; };
    expect(last('a lockdown in the National Capital Region of Delhi')).toBeUndefined();
    expect(last('a ruling of the Southern District of Manhattan')).toBeUndefined();
    expect(last('a weather alert in the Province of Málaga')).toContain('province');
  });
  it('not where the noun begins a longer name', () => {
    const at = (text: string) => { const tokens = tokenize(text); return regionNounAround(text, tokens, 0, 1)?.suffixes; };
    expect(at('Kharkiv Region Court Jails Two Officers')).toBeUndefined();
    expect(at('Kharkiv Region Jails Two Officers')).toBeUndefined();
    expect(at('Kharkiv Region')).toContain('oblast');
    expect(at('Kharkiv Region, Ukraine')).toContain('oblast');
  });
});

describe('a state after a city that the address goes on from', () => {
  it('is no list when its own country follows ("Lexington, Kentucky, United States")', () => {
    expect(links('Two people are shot in Lexington, Kentucky, United States.')).toEqual(['lex-ky:Lexington', 'kentucky:Kentucky', 'us:United States']);
    // A list of places is still a list.
    expect(links('Storms hit Lexington, Kentucky and Nevada.')).toEqual(['lex-va:Lexington', 'kentucky:Kentucky', 'nevada:Nevada']);
  });
  it('is no list when a clause follows ("Dayton, Nevada, that …")', () => {
    expect(links('A church in Dayton, Nevada, that faces restrictions sues the governor.')).toEqual(['nevada:Nevada']);
  });
  it('keeps a city whose address alias names the country after the state ("Palermo, Sicily, Italy")', () => {
    expect(links('A fugitive is arrested in Palermo, Sicily, Italy, after 30 years.')).toEqual(['palermo:Palermo', 'sicily:Sicily', 'italy:Italy']);
  });
});

describe('a minor party whose name other countries\' parties share', () => {
  it('is no link on a page naming another country and not its own', () => {
    expect(links('Chile votes: the Broad Front candidate narrowly loses in Santiago.')).toEqual(['chile:Chile']);
    // A nationality adjective names the other country too.
    expect(links('The Chilean left and the Broad Front form a coalition.')).toEqual([]);
  });
  it('is the party of the country the page names, by name or adjective', () => {
    expect(links('Uruguay votes: the Broad Front candidate wins.')).toEqual(['uruguay:Uruguay', 'fa-uy:Broad Front']);
    expect(links('Japanese voters elect the Lower House; the ruling Liberal Democratic Party loses seats.')).toEqual(['ldp-jp:Liberal Democratic Party']);
  });
  it('reads the block\'s nationality adjectives as the countries it names', () => {
    const xk = testEntity({ id: 'ldp-xk', name: 'Liberal Democratic Party', type: 'organization', subtype: 'political_party', country: 'XK', prominence: 60 });
    const jp = testEntity({ id: 'ldp-jp', name: 'Liberal Democratic Party', type: 'organization', subtype: 'political_party', country: 'JP', prominence: 60 });
    const adjectives = () => demonymCountriesAmong(tokenize('Japanese voters elect the Lower House.'));
    const none = new Map<string, number>();
    expect(sharedPartyUnplaced(xk, [xk, jp], none, 0, adjectives)).toBe(true);
    expect(sharedPartyUnplaced(jp, [xk, jp], none, 0, adjectives)).toBe(false);
    // No country named at all: the reading stands (nothing says it is another's).
    expect(sharedPartyUnplaced(xk, [xk, jp], none, 0, () => new Set())).toBe(false);
  });
});

describe('a person the pack knows only as a US state legislator', () => {
  it('is a namesake on a page that never names the state', () => {
    expect(links('Will Smith Resigns From Film Academy Over Oscars Slap')).toEqual([]);
    // Nor does a shorter name inside it link ("Viola Davis" is not the city of Davis).
    expect(links("'Ma Rainey's Black Bottom' Is Viola Davis At Her Most Exciting")).toEqual([]);
  });
  it('is the legislator where the page names the state', () => {
    expect(links('Maryland state Sen. Will Smith proposes a bill on police reform.')).toEqual(['maryland:Maryland', 'smith-md:Will Smith']);
  });
});
