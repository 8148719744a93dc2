/**
 * Page-class linker mechanisms, session 20 (issue #4, pagesprec25). Own sentences, own small entity
 * lists; each case fails without its mechanism and has the neighbouring reading that must stay.
 */
import { describe, expect, it } from 'vitest';
import { buildEntityIndex } from '../lib/entities/index';
import { PageWorks } from '../lib/entities/page-works';
import { pageLinkKeys, testEntity } from './_entity-fixtures';

const E = testEntity;


describe('a name the page calls a work, away from the cue (page-works.ts)', () => {
  const index = buildEntityIndex([
    E({ id: 'chicago', name: 'Chicago', type: 'place', subtype: 'city', country: 'US', population: 2_700_000, prominence: 80 }),
  ]);
  it("is the city again in a place's grammar in another block", () => {
    expect(pageLinkKeys(index, [
      'The council met in Chicago on Monday to approve the budget.',
      'At the festival, the film Chicago played to a full house.',
      'Streets near Chicago, Illinois were closed for the parade.',
    ])).toEqual(['chicago:Chicago', 'chicago:Chicago']);
  });
  it('is the work in the cue\'s own block and in bare repeats elsewhere', () => {
    expect(pageLinkKeys(index, [
      'Chicago',
      'Chicago is a musical film. The cast of Chicago sang in Chicago, the film says.',
      'Chicago won six awards.',
    ])).toEqual([]);
  });
  it('reads the block of each cue', () => {
    const blocks = ['He lives in Paris.', 'Her new film Paris opens today.', 'Paris, France is far.'];
    const works = new PageWorks(() => blocks.join('\n'), blocks.map((text) => ({ text })));
    expect(works.namesWork('Paris', 'film', 1, 29)).toBe(true);
    expect(works.namesWork('Paris', 'in', 0, 16)).toBe(false);
    expect(works.namesWork('Paris', undefined, 2, 5)).toBe(false);
    expect(works.namesWork('Paris', 'visited', 2, 100)).toBe(true);
  });
});

describe("a reference's editors after \"In \" (citation-names.ts)", () => {
  const index = buildEntityIndex([
    E({ id: 'douglas', name: 'Douglas', type: 'place', subtype: 'city', country: 'GB', population: 27_000, prominence: 40 }),
    E({ id: 'jagdeep', name: 'Jagdeep', type: 'person', subtype: 'arts letters', country: 'IN', prominence: 40 }),
  ]);
  it('are no given names of the pack', () => {
    expect(pageLinkKeys(index, ['^ Ross, M. (1994). "The Linguistic Evidence". In Sutton, Douglas (ed.). The Origins. Auckland.'])).toEqual([]);
    expect(pageLinkKeys(index, ['^ Kennedy, J. (2007). "Leadership". In Chhokar, Jagdeep; Brodbeck, Felix (eds.). Culture.'])).toEqual([]);
  });
  it('leave "In" in running text and a town after a stop', () => {
    expect(pageLinkKeys(index, ['He grew up in Douglas, Jagdeep said (2007).'])).toEqual(['douglas:Douglas', 'jagdeep:Jagdeep']);
    expect(pageLinkKeys(index, ['The ferry left. In Douglas, Isle of Man (2019), the port was closed.'])).toEqual(['douglas:Douglas']);
  });
});

describe('a word of a web address or a path (web-addresses.ts)', () => {
  const index = buildEntityIndex([
    E({ id: 'london', name: 'London', type: 'place', subtype: 'city', country: 'GB', population: 9_000_000, prominence: 90 }),
    E({ id: 'us', name: 'United States', aliases: ['US'], type: 'place', subtype: 'country', country: 'US', prominence: 100 }),
    E({ id: 'uk', name: 'United Kingdom', aliases: ['UK'], type: 'place', subtype: 'country', country: 'GB', prominence: 100 }),
  ]);
  it('does not link', () => {
    expect(pageLinkKeys(index, ['Read it at https://example.com/news/London/plan or www.example.org/en-US/docs today.'])).toEqual([]);
    expect(pageLinkKeys(index, ['"App manifest", https://example.org/en- US/Apps/Build/Manifest/5, April 2014.'])).toEqual([]);
  });
  it('leaves names joined by a slash or a hyphen in running text', () => {
    expect(pageLinkKeys(index, ['The US/UK plan and pro-London voters.', 'US/UK/EU sanctions hit London-based firms.']))
      .toEqual(['us:US', 'uk:UK', 'london:London', 'us:US', 'uk:UK', 'london:London']);
  });
});

describe("the publisher's field after a quoted title and its format (citation-fields.ts)", () => {
  const index = buildEntityIndex([
    E({ id: 'nz', name: 'New Zealand', type: 'place', subtype: 'country', country: 'NZ', prominence: 90 }),
    E({ id: 'statsnz', name: 'Statistics New Zealand', type: 'organization', subtype: 'government agency', country: 'NZ', prominence: 50 }),
  ]);
  it('is no mention of a place inside it, after "(PDF)" as after the bare title', () => {
    expect(pageLinkKeys(index, ['^ "Participation Levels" (PDF). Sport and Recreation New Zealand. 2009. Retrieved 5 May 2015.'])).toEqual([]);
    expect(pageLinkKeys(index, ['^ "A Valid Category?" (PDF). New Zealand Population Review. 30 (1): 5–22.'])).toEqual([]);
  });
  it('is the publisher when the name is the whole field', () => {
    expect(pageLinkKeys(index, ['^ "Projections" (PDF). Statistics New Zealand. Retrieved 20 October 2018.'])).toEqual(['statsnz:Statistics New Zealand']);
  });
});

describe("a release's or a project's name (product-names.ts)", () => {
  const index = buildEntityIndex([
    E({ id: 'monterey', name: 'Monterey', type: 'place', subtype: 'city', country: 'US', population: 28_000, prominence: 50 }),
    E({ id: 'dublin', name: 'Dublin', type: 'place', subtype: 'city', country: 'IE', population: 1_200_000, prominence: 80 }),
    E({ id: 'eu', name: 'European Union', aliases: ['EU'], type: 'organization', subtype: 'international organization', prominence: 95 }),
  ]);
  it('is not the place', () => {
    expect(pageLinkKeys(index, ['Apple released macOS Monterey today.', 'The browser, codenamed Dublin, shipped. Its code name "Dublin" stuck.'])).toEqual([]);
  });
  it('leaves a place after a hyphenated prefix or in running text', () => {
    expect(pageLinkKeys(index, ['The pro-EU party met in Dublin.', 'A named Monterey resident spoke.'])).toEqual(['eu:EU', 'dublin:Dublin', 'monterey:Monterey']);
  });
});
