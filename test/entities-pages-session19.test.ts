/**
 * Linker mechanisms for pages' reference lists (issue #4, session 19, pagesprec23).
 * - The field right after a reference's quoted title names the website, periodical or body that
 *   published it; a known name covering only part of that field is a word of that other name
 *   ("New Zealand History", "Tourism New Zealand", "The Mozilla Blog"), one covering all of it is
 *   the publisher (citation-fields.ts insideCitedWorkName, asked of blocks mayCite accepts).
 * Own sentences, own small entity list; each case fails without its mechanism, and each has the
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
