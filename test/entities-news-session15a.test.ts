/**
 * Linker mechanisms for unseen news (issue #4, session 15, first wave), each a class of false link
 * read in the hand audits of unreserved items: a name going on into a structure's or an event's name
 * ("Louisville Muhammad Ali International Airport", "the Kentucky Derby", "the Paris Agreement", "the
 * United Nations Interim Force in Lebanon"), including the event's noun when it is itself a name ("Derby",
 * "Olympics"); a transliterated word with an inner apostrophe before a name ("Kata'ib Hezbollah"); an
 * article-led name going on with "for" ("the Union for the Mediterranean"); a name matched across a
 * sentence's end ("Haifa, Israel. Police say"); a peerage ("The Duke of Edinburgh"); a building named after someone, with a possessive ("King Edward VII's Hospital"); an article-led phrase of quoted speech in a title-case headline ("'He Was On The Right Side'"). Own sentences, own small entity list; each case fails without its mechanism.
 */
import { describe, expect, it } from 'vitest';
import { buildEntityIndex } from '../lib/entities/index';
import { linkKeys, testEntity } from './_entity-fixtures';

const E = testEntity;
const index = buildEntityIndex([
  E({ id: 'louisville', name: 'Louisville', type: 'place', subtype: 'city', country: 'US', population: 620_000, prominence: 70 }),
  E({ id: 'ky', name: 'Kentucky', type: 'place', subtype: 'region', country: 'US', prominence: 80 }),
  E({ id: 'ali', name: 'Muhammad Ali', type: 'person', country: 'US', prominence: 90 }),
  E({ id: 'derby', name: 'Derby', type: 'place', subtype: 'city', country: 'GB', population: 260_000, prominence: 60 }),
  E({ id: 'paris', name: 'Paris', type: 'place', subtype: 'capital', country: 'FR', population: 2_100_000, prominence: 95 }),
  E({ id: 'tokyo', name: 'Tokyo', type: 'place', subtype: 'capital', country: 'JP', population: 14_000_000, prominence: 95 }),
  E({ id: 'olympics', name: 'Olympic Games', type: 'event', aliases: ['Olympics'], prominence: 90 }),
  E({ id: 'un', name: 'United Nations', type: 'organization', aliases: ['UN'], prominence: 98 }),
  E({ id: 'lebanon', name: 'Lebanon', type: 'place', subtype: 'country', country: 'LB', prominence: 90 }),
  E({ id: 'us', name: 'United States', type: 'place', subtype: 'country', aliases: ['US'], country: 'US', prominence: 99 }),
  E({ id: 'spaceforce', name: 'Space Force', type: 'organization', country: 'US', prominence: 70 }),
  E({ id: 'hezbollah', name: 'Hezbollah', type: 'organization', country: 'LB', prominence: 85 }),
  E({ id: 'aga', name: 'Aga Khan IV', type: 'person', prominence: 70 }),
  E({ id: 'union', name: 'The Union', type: 'organization', subtype: 'political_party', country: 'IT', prominence: 50 }),
  E({ id: 'israel', name: 'Israel', type: 'place', subtype: 'country', country: 'IL', prominence: 97 }),
  E({ id: 'ilpolice', name: 'Israel Police', type: 'organization', country: 'IL', prominence: 60 }),
  E({ id: 'haifa', name: 'Haifa', type: 'place', subtype: 'city', country: 'IL', population: 280_000, prominence: 65 }),
  E({ id: 'duke', name: 'Duke University', type: 'organization', subtype: 'university', aliases: ['Duke'], country: 'US', prominence: 75 }),
  E({ id: 'edinburgh', name: 'Edinburgh', type: 'place', subtype: 'city', country: 'GB', population: 500_000, prominence: 80 }),
  E({ id: 'sussex', name: 'Sussex', type: 'place', subtype: 'region', country: 'GB', prominence: 60 }),
  E({ id: 'edward', name: 'Edward VII', type: 'person', aliases: ['King Edward VII'], country: 'GB', prominence: 80 }),
  E({ id: 'china', name: 'China', type: 'place', subtype: 'country', country: 'CN', prominence: 98 }),
  E({ id: 'theright', name: 'The Right', type: 'organization', subtype: 'political_party', country: 'IT', prominence: 50 }),
  E({ id: 'game', name: 'The Game', type: 'person', shortNames: ['Game'], country: 'US', prominence: 60 }),
  E({ id: 'guardian', name: 'The Guardian', type: 'organization', subtype: 'media', country: 'GB', prominence: 85 }),
  E({ id: 'stlouis', name: 'St. Louis', type: 'place', subtype: 'city', country: 'US', population: 300_000, prominence: 70 }),
]);

const links = (text: string) => linkKeys(index, text, '2024-06-01');

describe("a name going on into a structure's or an event's name", () => {
  it('is part of an airport\'s name, even past a known name', () => {
    expect(links('A cargo aircraft crashes near Louisville Muhammad Ali International Airport in Kentucky, killing three.'))
      .toEqual(['ky:Kentucky']);
  });
  it("is part of a race's or a treaty's name, and so is the event's noun", () => {
    expect(links('The 150th edition of the Kentucky Derby is held, with the favourite finishing third.')).toEqual([]);
    expect(links('The country formally withdraws from the Paris Agreement on climate change, officials said.')).toEqual([]);
    expect(links('She is banned from the Tokyo Olympics for not taking doping tests, the agency said.')).toEqual([]);
  });
  it("is part of a force's name after words that start no known name", () => {
    expect(links('The United Nations Interim Force in Lebanon advises all civilian staff to leave the area.'))
      .toEqual(['lebanon:Lebanon']);
  });
  it('stays itself before lower-case words, a known body of its own country and at a sentence start', () => {
    expect(links('Officials in Kentucky said the race at Louisville would go ahead despite the storm.')).toEqual(['ky:Kentucky', 'louisville:Louisville']);
    expect(links('The US Space Force launches a new satellite from the coast on Tuesday.')).toEqual(['spaceforce:US Space Force']);
    expect(links('In Derby, police said that a man was arrested after the match on Saturday.')).toEqual(['derby:Derby']);
  });
});

describe("a transliterated word with an inner apostrophe before a name", () => {
  it('opens a longer name', () => {
    expect(links("Iraqi militia Kata'ib Hezbollah releases a researcher held since last year.")).toEqual([]);
  });
  it('leaves the name alone after a contraction or a longer word', () => {
    expect(links("They're Hezbollah fighters, the officials said after the strike on Monday.")).toEqual(['hezbollah:Hezbollah']);
    expect(links("The 49th Imam of Nizari Isma'ilism Aga Khan IV dies at the age of 88.")).toEqual(['aga:Aga Khan IV']);
  });
});

describe('an article-led name going on with "for"', () => {
  it("is part of a body's name", () => {
    expect(links("Rabat announces the country's readmission to the Union for the Mediterranean after years.")).toEqual([]);
  });
  it('stays itself before lower-case words', () => {
    expect(links('Senators of the Union for the first time voted against the budget on Monday.')).toEqual(['union:the Union']);
  });
});

describe("a name matched across a sentence's end", () => {
  it('is two names', () => {
    expect(links('Two people are injured during a stabbing attack in Haifa, Israel. Police say that it was deliberate.'))
      .toEqual(['haifa:Haifa', 'israel:Israel']);
  });
  it('leaves names with an abbreviation\'s full stop alone', () => {
    expect(links('The rally moved on to St. Louis on Monday, where thousands of people gathered.')).toEqual(['stlouis:St. Louis']);
  });
});

describe('a peerage', () => {
  it("names a person: neither its word nor its place links", () => {
    expect(links('The Duke of Edinburgh was treated at a hospital in London and released on Friday.')).toEqual([]);
    expect(links('The newspaper wrote about the Duke and Duchess of Sussex and their move abroad.')).toEqual([]);
  });
  it('leaves the place and the university alone elsewhere', () => {
    expect(links('Students at Duke protested in Edinburgh and in Sussex on Friday afternoon.')).toEqual(['duke:Duke', 'edinburgh:Edinburgh', 'sussex:Sussex']);
  });
});

describe("a person's name with a possessive before a structure's noun", () => {
  it("names a building, not the person", () => {
    expect(links("The patient was treated at King Edward VII's Hospital in the capital and released.")).toEqual([]);
  });
  it("leaves the person's own possessive and a place's alone", () => {
    expect(links("King Edward VII's reign began in 1901, after the death of his mother.")).toEqual(['edward:King Edward VII']);
    expect(linkKeys(index, "China's Olympics opened with a ceremony watched by many millions of people.", null)).toEqual(['china:China', 'olympics:Olympics']); // Undated: in dated text a series' name is that year's edition (recurring-events.ts).
  });
});

describe('an article-led phrase of quoted speech in a title-case headline', () => {
  it('is no name, nor is a one-word name after its article', () => {
    expect(links("Senator Talks Reform: 'He Was On The Right Side Of The Issues'")).toEqual([]);
    expect(links("'Alone In The Game' Shows Biggest Hurdles For Young Athletes")).toEqual([]);
  });
  it('stays a name outside quotation marks and after no preposition', () => {
    expect(links('Senator Says Reform Was On The Right Side Of History')).toEqual(['theright:The Right']);
    expect(links("Senator Tells Reporters: 'The Guardian Got It Wrong'")).toEqual(['guardian:The Guardian']);
  });
});
