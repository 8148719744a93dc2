/**
 * Linker mechanisms for unseen news (issue #4, session 13, second wave): a legislator's party-state
 * tag, a place's name as a hyphenated modifier, and an outlet's national branch. Own sentences, own
 * small entity list; each case fails without its mechanism.
 */
import { describe, expect, it } from 'vitest';
import { buildEntityIndex } from '../lib/entities/index';
import { partyStateTags } from '../lib/entities/party-state-tags';
import { linkKeys, testEntity } from './_entity-fixtures';

const E = testEntity;
const index = buildEntityIndex([
  E({ id: 'Q30', name: 'United States', type: 'place', subtype: 'country', aliases: ['U.S.'], country: 'US', prominence: 98 }),
  E({ id: 'Q159', name: 'Russia', type: 'place', subtype: 'country', country: 'RU', prominence: 95 }),
  E({ id: 'Q408', name: 'Australia', type: 'place', subtype: 'country', country: 'AU', prominence: 95 }),
  E({ id: 'Q142', name: 'France', type: 'place', subtype: 'country', country: 'FR', prominence: 95 }),
  E({ id: 'Q99', name: 'California', type: 'place', subtype: 'region', country: 'US', prominence: 75 }),
  E({ id: 'Q1384', name: 'New York', type: 'place', subtype: 'region', country: 'US', prominence: 75 }),
  E({ id: 'Q60', name: 'New York City', type: 'place', subtype: 'city', aliases: ['New York'], country: 'US', population: 8_000_000, prominence: 90 }),
  E({ id: 'Q1588', name: 'Louisiana', type: 'place', subtype: 'region', country: 'US', prominence: 70 }),
  E({ id: 'Q65', name: 'Los Angeles', type: 'place', subtype: 'city', aliases: ['LA'], country: 'US', population: 3_800_000, prominence: 85 }),
  E({ id: 'schiff', name: 'Adam Schiff', type: 'person', country: 'US', prominence: 70 }),
  E({ id: 'Q22868', name: 'RT', type: 'organization', subtype: 'website', prominence: 72 }),
  E({ id: 'abc-au', name: 'ABC News', type: 'organization', subtype: 'media', country: 'AU', prominence: 70 }),
  E({ id: 'indy', name: 'Indianapolis', type: 'place', subtype: 'city', country: 'US', population: 880_000, prominence: 70 }),
  E({ id: 'nato', name: 'NATO', type: 'organization', subtype: 'international_organization', prominence: 90 }),
]);

function links(text: string, date: string | null = '2024-06-01'): string[] {
  return linkKeys(index, text, date);
}

describe('a party-state tag', () => {
  it('finds AP abbreviations and postal codes after a party letter, in parentheses or between commas', () => {
    const tags = (t: string) => partyStateTags(t).map((x) => `${t.slice(x.start, x.end)}=${x.state}`);
    expect(tags('Rep. Adam Schiff (D-Calif.) said.')).toEqual(['Calif.=California']);
    expect(tags('Sen. Ted Cruz, R-Tex., said')).toEqual(['Tex.=Texas']);
    expect(tags('(R-NY) and (D-W.Va.) and (I-Vt.)')).toEqual(['NY=New York', 'W.Va.=West Virginia', 'Vt.=Vermont']);
  });
  it('needs the tag shape: a party letter, a hyphen, a known abbreviation, the tag closing', () => {
    expect(partyStateTags('The D-Day landings (X-Calif.) and the Calif. coast')).toEqual([]);
    expect(partyStateTags('A new (R-Zz.) rule')).toEqual([]);
  });
  it('links the abbreviation to the US state, over the pack\'s own reading of the letters', () => {
    expect(links('Rep. Adam Schiff (D-Calif.) said the ads would be released.')).toEqual(['schiff:Adam Schiff', 'Q99:Calif']);
    expect(links('Sen. John Kennedy (R-LA) said so. Rep. Adam Schiff (D-N.Y.) agreed.')).toEqual(['Q1588:LA', 'schiff:Adam Schiff', 'Q1384:N.Y.']);
  });
  it('leaves the same letters alone outside a tag', () => {
    expect(links('The Calif. coast and LA traffic.')).toEqual(['Q65:LA']);
  });
});

describe('a place joined by a hyphen to a modifier', () => {
  it('is the place in a title-case headline ("Russia-Linked"), unlike a longer unknown name', () => {
    expect(links('House Plans To Release Thousands Of Russia-Linked Facebook Ads')).toContain('Q159:Russia');
    expect(links('Iran Condemns U.S.-Backed Airstrikes On Militias')).toContain('Q30:U.S.');
    expect(links('Thousands Gather In Russia-Kazan Arena For The Final')).not.toContain('Q159:Russia');
  });
});

describe("an outlet's name before a country's", () => {
  it('is its national branch: one mention of the outlet, the country not linked', () => {
    expect(links('RT France, the French arm of the network RT, closes.')).toEqual(['Q22868:RT France', 'Q22868:RT']);
    expect(links('ABC News Australia declares the result.')).toEqual(['abc-au:ABC News Australia']);
  });
  it('leaves an international body before a country alone', () => {
    expect(links('NATO France talks begin.')).toEqual(['nato:NATO', 'Q142:France']);
  });
});

describe('a place followed by a three-digit number', () => {
  it('is the race named after it ("the Indianapolis 500"), not the place', () => {
    expect(links('Josef Newgarden wins the 107th Indianapolis 500, his second win.')).toEqual([]);
    expect(links('Drivers arrive for the Indianapolis 500.')).toEqual([]);
  });
  it('stays the place before a lower-case word or a score\'s second half', () => {
    expect(links('Fans in Indianapolis 500 miles away cheered.')).toEqual(['indy:Indianapolis']);
    expect(links('France beat the United States 127–118 after overtime.')).toEqual(['Q142:France', 'Q30:United States']);
  });
});
