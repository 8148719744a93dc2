/**
 * Issue #4, speed (session 14): the linker's rules answer the common cases from char codes, without
 * a slice and a regex (lower-case-only phrases, inner capitals, sentence starts, party-state tags,
 * Wikidata links). Each must answer as the regex it stands in front of; these pin the cases where
 * the quick answer and the regex part ways if the quick path is wrong.
 */
import { describe, expect, it } from 'vitest';
import { buildEntityIndex } from '../lib/entities/index';
import { entityUrl } from '../lib/entities/link';
import { partyStateTags } from '../lib/entities/party-state-tags';
import { linkKeys, testEntity } from './_entity-fixtures';

const index = buildEntityIndex([
  testEntity({ id: 'Q1', name: 'Netlog', type: 'organization', prominence: 70 }),
  testEntity({ id: 'Q2', name: 'YouTube', type: 'organization', prominence: 90 }),
  testEntity({ id: 'Q3', name: 'September 11 attacks', type: 'event', aliases: ['9/11', '24/7 war'], prominence: 85, from: '2001-09-11' }),
  testEntity({ id: 'Q4', name: 'Gaza war', type: 'event', aliases: ['war in gaza'], prominence: 85, from: '2023-10-07' }),
  testEntity({ id: 'Q5', name: 'Élysée Palace', type: 'place', aliases: ['élysée'], prominence: 80, country: 'FR' }),
  testEntity({ id: 'Q7', name: 'eBay', type: 'organization', subtype: 'company', prominence: 80 }),
  testEntity({ id: 'Q8', name: 'Mytube', type: 'organization', prominence: 70 }),
  testEntity({ id: 'Q6', name: 'Shell', type: 'organization', subtype: 'company', prominence: 80 }),
]);
const links = (text: string) => linkKeys(index, text, '2025-01-01');

describe('lower-case-only phrases, by char codes', () => {
  it('a phrase written all in lower case is no name, in ASCII and beyond', () => {
    expect(links('The war in gaza went on.')).toEqual([]);
    expect(links('They met at the élysée today.')).toEqual([]);
  });
  it('a capital anywhere in the span makes it a name again', () => {
    expect(links('The war in Gaza went on.')).toEqual(['Q4:war in Gaza']);
    expect(links('They met at the Élysée today.')).toEqual(['Q5:Élysée']);
  });
  it('a word in lower case with a capital inside ("eBay") is no lower-case phrase', () => {
    expect(links('She sold it on eBay last week.')).toEqual(['Q7:eBay']);
    expect(links('She sold it on ebay last week.')).toEqual([]);
  });
  it('digits around a slash have no case; other digit phrases are still judged', () => {
    expect(links('Security was tightened after 9/11 across the region.')).toEqual(['Q3:9/11']);
    expect(links('It was a 24/7 war of words.')).toEqual([]);
  });
});

describe('inner capitals, by char codes', () => {
  it('a word with a capital after its first letter must be written so in the record', () => {
    expect(links('He joined Netlog in 2009.')).toEqual(['Q1:Netlog']);
    expect(links('He joined NetLog in 2009.')).toEqual([]);
    expect(links('He posted on YouTube daily.')).toEqual(['Q2:YouTube']);
    expect(links('He posted on Mytube daily.')).toEqual(['Q8:Mytube']);
    expect(links('He posted on MyTube daily.')).toEqual([]);
  });
});

describe('sentence starts, by char codes', () => {
  // "Shell" is also a word: capitalised at a sentence's start it is no name; inside one it is.
  it('a gap without a sentence sign is no sentence break', () => {
    expect(links('Profits rose, Shell said.')).toEqual(['Q6:Shell']);
    expect(links('Profits rose \u2013 Shell said.')).toEqual(['Q6:Shell']);
  });
  it('a gap with one still is', () => {
    expect(links('Profits rose. Shell said.')).toEqual([]);
    expect(links('Profits rose; Shell said.')).toEqual([]);
    expect(links('Profits rose: \u201cShell said so.\u201d')).toEqual([]);
    expect(links('He wrote \u201cShell said so.\u201d')).toEqual([]);
    expect(links('He wrote \u00abShell said so.\u00bb')).toEqual([]);
  });
});

describe('given-name repeats: the quick no by length and first letter', () => {
  const people = buildEntityIndex([
    testEntity({ id: 'P1', name: 'Zoe Quinn', type: 'person', prominence: 50 }),
    testEntity({ id: 'P2', name: 'Marsha P. Johnson', type: 'person', prominence: 60 }),
    testEntity({ id: 'P3', name: 'Bartholomew Roberts', type: 'person', prominence: 50 }),
  ]);
  it('every introduced person\'s given name links, the shortest, the longest and one between', () => {
    const text = 'Zoe Quinn met Marsha P. Johnson and Bartholomew Roberts.\n\nLater, Bartholomew left, Zoe stayed and Marsha spoke. Zed and Marshal did not.';
    expect(linkKeys(people, text, null)).toEqual([
      'P1:Zoe Quinn', 'P2:Marsha P. Johnson', 'P3:Bartholomew Roberts', 'P3:Bartholomew', 'P1:Zoe', 'P2:Marsha',
    ]);
  });
});

describe('party-state tags: the hyphen gate', () => {
  it('finds the tag after other hyphens, and at the text\'s start', () => {
    expect(partyStateTags('A well-known, long-serving senator (R-Tex.) said so.').map((t) => t.state)).toEqual(['Texas']);
    expect(partyStateTags('(D-Calif.) was all it said.').map((t) => t.state)).toEqual(['California']);
    expect(partyStateTags('-D-Calif.) and a co-sponsor, I-VT, agreed').map((t) => t.state)).toEqual(['Vermont']);
    expect(partyStateTags('A co-sponsor, I-VT, agreed').map((t) => t.state)).toEqual(['Vermont']);
    expect(partyStateTags('A co-sponsor (X-Calif.) and D -Calif. agreed').map((t) => t.state)).toEqual([]);
    expect(partyStateTags('Rep. Jane Doe, R-Tex., and a co-sponsor').map((t) => t.state)).toEqual(['Texas']);
  });
});

describe('entity links', () => {
  it('a Wikidata id, and only one, gives the Wikidata page', () => {
    const e = (id: string) => testEntity({ id, name: 'X', type: 'person' });
    expect(entityUrl(e('Q42'))).toBe('https://www.wikidata.org/wiki/Q42');
    expect(entityUrl(e('Q'))).toBeUndefined();
    expect(entityUrl(e('Q42a'))).toBeUndefined();
    expect(entityUrl(e('QQ42'))).toBeUndefined();
    expect(entityUrl(e('q42'))).toBeUndefined();
    expect(entityUrl(e('enwiki:Kyiv'))).toBe('https://en.wikipedia.org/wiki/Kyiv');
  });
});
