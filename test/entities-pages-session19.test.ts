/**
 * Linker mechanisms for pages' reference lists (issue #4, session 19, pagesprec23).
 * - The field right after a reference's quoted title names the website, periodical or body that
 *   published it; a known name covering only part of that field is a word of that other name
 *   ("New Zealand History", "Tourism New Zealand", "The Mozilla Blog"), one covering all of it is
 *   the publisher (citation-fields.ts insideCitedWorkName, asked of blocks mayCite accepts).
 * - A country's nudge (the page's support for a record's country) says nothing between an
 *   organisation and a place of no one country of the same name: "immigration from Asia" on a page
 *   naming Britain is the continent, not the British band (link.ts countrylessPlaceAmong).
 * - A minor brand abroad (prominence 40 or less) links by a one-word name only where the page names
 *   its country or the block reads as business news: "on Broadway" is not the Hong Kong retailer
 *   (minor-brands.ts minorBrandUnsupported).
 * Own sentences, own small entity lists; each case fails without its mechanism, and each has the
 * neighbouring right reading that must stay.
 */
import { describe, expect, it } from 'vitest';
import { buildEntityIndex } from '../lib/entities/index';
import { insideCitedWorkName, mayCite } from '../lib/entities/citation-fields';
import { tokenize } from '../lib/entities/normalize';
import { linkKeys, testEntity } from './_entity-fixtures';

const E = testEntity;
const entities = [
  E({ id: 'nz', name: 'New Zealand', type: 'place', subtype: 'country', country: 'NZ', prominence: 92 }),
  E({ id: 'london', name: 'London', type: 'place', subtype: 'capital', country: 'GB', population: 8_000_000, prominence: 95 }),
  E({ id: 'mozilla', name: 'Mozilla', type: 'organization', subtype: 'company', country: 'US', prominence: 70 }),
  E({ id: 'statsnz', name: 'Statistics New Zealand', type: 'organization', subtype: 'government_body', country: 'NZ', prominence: 60 }),
  E({ id: 'heritage', name: 'Heritage Foundation', type: 'organization', subtype: 'think_tank', country: 'US', prominence: 65 }),
];
const index = buildEntityIndex(entities);
const links = (text: string) => linkKeys(index, text, null);

describe("a name inside the publisher's field of a reference", () => {
  it("is a word of the website's or the body's name after the quoted title", () => {
    expect(links('^ "The Battle for Crete". New Zealand History. Ministry for Culture and Heritage. Retrieved 9 January 2011.')).toEqual([]);
    expect(links('^ "New Zealand climate and weather". Tourism New Zealand. Retrieved 13 November 2016.')).toEqual(['nz:New Zealand']);
    expect(links('^ "Structure of the court system". Courts of New Zealand. Retrieved 9 June 2018.')).toEqual([]);
    expect(links('^ "FAQ on CEO Resignation". The Mozilla Blog. Retrieved 2015-04-20.')).toEqual([]);
    expect(links('^ "Air". Mozilla Wiki.')).toEqual([]);
  });
  it('is the publisher when the name is the whole field', () => {
    expect(links('^ "Population clock". Statistics New Zealand. Retrieved 14 April 2016.')).toEqual(['statsnz:Statistics New Zealand']);
    expect(links('^ "Rankings on Economic Freedom". The Heritage Foundation. 2016. Retrieved 30 November 2016.')).toEqual(['heritage:Heritage Foundation']);
    expect(links('^ "Mobile features". Mozilla. Retrieved 2012-06-26.')).toEqual(['mozilla:Mozilla']);
  });
  it('leaves the place of publication before its publisher, and the quoted title', () => {
    expect(links('^ "Quality of Living Ranking 2016". London: Mercer. 23 February 2016. Retrieved 28 April 2017.')).toEqual(['london:London']);
    expect(links('^ "New Zealand Cuisine Guide". Retrieved 4 January 2016.')).toEqual(['nz:New Zealand']);
  });
  it('is not read in running text', () => {
    // The same words after a quotation in a news sentence: no reference entry's mark or words.
    expect(links('He called it "a good day". New Zealand Prime Minister Bill English agreed.')).toEqual(['nz:New Zealand']);
  });
});

describe('the reference-entry gate', () => {
  it("reads a back-link mark or a citation's own words", () => {
    expect(mayCite('^ "Title". Work.')).toBe(true);
    expect(mayCite('Smith (2010). "Title". Work. Retrieved 1 May 2011.')).toBe(true);
    expect(mayCite('He said "yes". New Zealand History Society members agreed.')).toBe(false);
  });
  it('asks for a capitalised word of the field outside the match', () => {
    const text = '^ "Title". The New Zealand. Retrieved 2011.';
    const tokens = tokenize(text);
    const from = tokens.findIndex((t) => t.norm === 'new');
    expect(insideCitedWorkName(text, tokens, from, from + 2)).toBe(false);
  });
});

describe('a country-less place and an organisation of one name', () => {
  const idx = buildEntityIndex([
    E({ id: 'continent', name: 'Asia', type: 'place', subtype: 'landmark', prominence: 57 }),
    E({ id: 'band', name: 'Asia', type: 'organization', subtype: 'music_group', country: 'GB', prominence: 42 }),
    E({ id: 'uk', name: 'United Kingdom', type: 'place', subtype: 'country', aliases: ['Britain'], country: 'GB', prominence: 95 }),
  ]);
  it("is the place whatever the page's country: a band of that country gets no nudge", () => {
    expect(linkKeys(idx, 'Settlers came from Britain and the United Kingdom; later immigration from Asia was promoted.', null))
      .toEqual(['uk:Britain', 'uk:United Kingdom', 'continent:Asia']);
  });
});

describe('a minor brand abroad', () => {
  const idx = buildEntityIndex([
    E({ id: 'broadwayco', name: 'Broadway', type: 'organization', subtype: 'company', country: 'HK', prominence: 40 }),
    E({ id: 'us', name: 'United States', type: 'place', subtype: 'country', country: 'US', prominence: 99 }),
    E({ id: 'hk', name: 'Hong Kong', type: 'place', subtype: 'region', country: 'HK', prominence: 80 }),
  ]);
  const l = (text: string) => linkKeys(idx, text, null);
  it('is not linked on a page naming other countries only', () => {
    expect(l('The musical toured the United States before it opened on Broadway last year.')).toEqual(['us:United States']);
  });
  it("stays where the page names the brand's country or reads as business news", () => {
    expect(l('The musical toured the United States and Hong Kong, where Broadway sponsored it.')).toEqual(['us:United States', 'hk:Hong Kong', 'broadwayco:Broadway']);
    expect(l('Shares of the retailer Broadway fell, investors in the United States said.')).toEqual(['broadwayco:Broadway', 'us:United States']);
  });
});
