/**
 * Linker mechanisms for pages' reference lists (issue #4, session 17, newsprec18): dates and names
 * inside publications' and bodies' names.
 * - A citation's "Retrieved"/"Accessed"/"Archived" before a date makes it a date, not the event the
 *   pack names by it (event-dates.ts dateAfterPreposition).
 * - A publication's noun joined to a place makes one name of another kind: "The Encyclopedia of New
 *   Zealand", "Dictionary of New Zealand Biography" (longer-names.ts bodyNounOfBefore), "Hollywood
 *   Reporter", "US Weekly", "New Zealand Official Yearbook" (newspaperNounAfter).
 * - A university's name before "Press" is its publisher (longer-names.ts pressAfterUniversity), and a
 *   body's name after a reference work's noun and "of" is the work's ("Proceedings of the National
 *   Academy of Sciences": bodyNounOfBefore with REFERENCE_WORK_NOUNS, asked of organisations).
 * Own sentences, own small entity list; each case fails without its mechanism, and each has the
 * neighbouring right reading that must stay.
 */
import { describe, expect, it } from 'vitest';
import { buildEntityIndex } from '../lib/entities/index';
import { linkKeys, testEntity } from './_entity-fixtures';

const E = testEntity;
const entities = [
  E({ id: 'nz', name: 'New Zealand', type: 'place', subtype: 'country', country: 'NZ', prominence: 92 }),
  E({ id: 'us', name: 'United States', type: 'place', subtype: 'country', aliases: ['US'], country: 'US', prominence: 99 }),
  E({ id: 'hollywood', name: 'Hollywood', type: 'place', subtype: 'city', country: 'US', population: 150_000, prominence: 80 }),
  E({ id: 'cambridgeu', name: 'University of Cambridge', type: 'organization', subtype: 'university', aliases: ['Cambridge University'], country: 'GB', prominence: 85 }),
  E({ id: 'nas', name: 'National Academy', type: 'organization', subtype: 'university', country: 'US', prominence: 60 }),
  E({ id: 'nov2016', name: 'November 2016', type: 'event', prominence: 40 }),
  E({ id: 'oct7', name: '7 October attack', type: 'event', aliases: ['October 7'], country: 'IL', from: '2023-10-07', to: '2023-10-07', prominence: 85 }),
];
const index = buildEntityIndex(entities);
const links = (text: string) => linkKeys(index, text, null);

describe("a date after a citation's retrieval word", () => {
  it('is a date, not the event named by it', () => {
    expect(links('The Heritage Foundation report. Retrieved November 2016.')).toEqual([]);
    expect(links('"The war in Gaza". Accessed October 7, 2024.')).toEqual([]);
  });
  it('stays the event elsewhere', () => {
    expect(links('Protests grew across the country during November 2016, and the events of October 7 followed.')).toEqual(['nov2016:November 2016', 'oct7:October 7']);
  });
});

describe("a place inside a publication's name", () => {
  it('is the publication after its noun and "of"', () => {
    expect(links('"Premiers and prime ministers". Te Ara: The Encyclopedia of New Zealand.')).toEqual([]);
    expect(links('"Seddon, Richard John". Dictionary of New Zealand Biography. Ministry for Culture.')).toEqual([]);
  });
  it('is the publication before its noun', () => {
    expect(links('"Palm Springs: Film Review". Hollywood Reporter. Retrieved July 8, 2020.')).toEqual([]);
    expect(links('"12 Dates of Christmas". US Weekly. Retrieved 7 May 2014.')).toEqual([]);
  });
  it("is a reference work's name a word or two before its noun", () => {
    expect(links('Statistics office. New Zealand Official Yearbook (annual). ISBN 1-86953-776-9.')).toEqual([]);
  });
  it('stays the place in running text', () => {
    expect(links('The history of New Zealand and a reporter in Hollywood weekly visited the US.')).toEqual(['nz:New Zealand', 'hollywood:Hollywood', 'us:US']);
    // A title-case headline: only a reference work's noun is read words after the place.
    expect(links('New Zealand Official Told Reporter Her Skirt Was Too Short')).toEqual(['nz:New Zealand']);
  });
});

describe("a university's name before Press", () => {
  it('is the publisher', () => {
    expect(links('A Concise History of New Zealand. Australia: Cambridge University Press. ISBN 0-521-54228-6.')).toEqual(['nz:New Zealand']);
  });
  it("and a body's name after a reference work's noun and \"of\" is the work's", () => {
    expect(links('"Human colonization of East Polynesia". Proceedings of the National Academy of Sciences. 108 (5): 1815.')).toEqual([]);
    expect(links('The proceedings of the National Academy were closed to the press.')).toEqual(['nas:National Academy']);
  });
  it('stays the university otherwise', () => {
    expect(links('She studied at Cambridge University and told the press she would return.')).toEqual(['cambridgeu:Cambridge University']);
  });
});
