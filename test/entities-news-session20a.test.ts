/**
 * Linker precision on news, session 20 (issue #4, newsprec25): the inside-longer-name class. A
 * body's generic name ending a longer name the pack lacks (after a capitalised modifier, or after a
 * body's head noun and "for"), a person's name after an initial, and the derivation of the words
 * that tell a generic name. Own records and sentences; each case fails without its mechanism.
 */
import { describe, expect, it } from 'vitest';
import { buildEntityIndex } from '../lib/entities/index';
import { deriveOrgNameWords } from '../lib/dataset/org-name-words';
import { ordinaryBodyName } from '../lib/entities/generic-bodies';
import { tokenize } from '../lib/entities/normalize';
import { linkKeys, testEntity } from './_entity-fixtures';

const E = testEntity;

describe("a body's generic name after a capitalised modifier is another body's name", () => {
  const index = buildEntityIndex([
    E({ id: 'party', name: 'National Committee', type: 'organization', subtype: 'political_party', country: 'GR', prominence: 30 }),
    E({ id: 'fda', name: 'Food and Drug Administration', type: 'organization', subtype: 'government_body', country: 'US', prominence: 60 }),
    E({ id: 'guard', name: 'National Guard', type: 'organization', subtype: 'government_body', country: 'US', prominence: 50 }),
    E({ id: 'texas', name: 'Texas', type: 'place', subtype: 'region', country: 'US', prominence: 60, population: 29000000 }),
    E({ id: 'austin', name: 'Austin', type: 'place', subtype: 'city', country: 'US', prominence: 50, population: 960000 }),
    E({ id: 'wfp', name: 'World Food Programme', type: 'organization', subtype: 'ngo', prominence: 50 }),
  ]);
  const links = (text: string) => linkKeys(index, text, '2021-03-01');
  it('drops the party inside "the Republican National Committee" and a foreign agency after its nationality', () => {
    expect(links('Voters did a double-take at the Republican National Committee post, which was deleted within a day.')).toEqual([]);
    expect(links('On Monday the Nigerian Food and Drug Administration approved the vaccine for use in adults.')).toEqual([]);
  });
  it('drops the agency after "Agency for"', () => {
    expect(links('On Monday the National Agency for Food and Drug Administration and Control approved the vaccine for adults.')).toEqual([]);
  });
  it('keeps the body alone, after its own nationality or a place of its own country, and at a sentence start', () => {
    expect(links('The party said that the National Committee would meet in the capital next week.')).toEqual(['party:National Committee']);
    expect(links('On Monday the American Food and Drug Administration approved the vaccine for use in adults.')).toEqual(['fda:Food and Drug Administration']);
    expect(links('The mayor said that the Austin National Guard armory was closed on Monday night.')).toContain('guard:National Guard');
    expect(links('The vote went well. Republican National Committee members said so on the night.')).toEqual(['party:National Committee']);
  });
  it("drops a state inside the state's own body, keeping the nation's body of that name", () => {
    expect(links('The governor sent the Texas National Guard to the border on Monday night.')).toEqual(['guard:National Guard']);
  });
  it("keeps an international body (no country) after its parent's name", () => {
    expect(links('The aid was blocked, the UN World Food Programme said on Monday in a statement.')).toEqual(['wfp:World Food Programme']);
  });
});

describe("a person's name after an initial is a longer name's tail", () => {
  const index = buildEntityIndex([E({ id: 'bowler', name: 'Mara Quill', type: 'person', country: 'IE', prominence: 60 })]);
  const links = (text: string) => linkKeys(index, text, '2023-05-10');
  it('drops the record after "E."', () => {
    expect(links('A jury in the city awarded the writer E. Mara Quill damages for defamation on Tuesday.')).toEqual([]);
  });
  it('keeps it without the initial and after a country abbreviation', () => {
    expect(links('A jury in the city awarded the writer Mara Quill damages for defamation on Tuesday.')).toEqual(['bowler:Mara Quill']);
    expect(links('The court heard that the U.S. Mara Quill case was settled on Tuesday for a sum.')).toEqual(['bowler:Mara Quill']);
  });
});

describe("the words of bodies' generic names, derived from organisations' names and news prose", () => {
  const names: string[][] = [];
  // Many bodies' names end in "Committee" and use "National"; "Zorblax" is one company's own word.
  for (let i = 0; i < 30; i++) names.push([`National Sport${i} Committee`], [`Zorblax Holdings ${i}`]);
  const use = new Map([
    ['national', { lower: 50, cap: 10 }], ['committee', { lower: 40, cap: 5 }], ['holdings', { lower: 2, cap: 40 }], ['zorblax', { lower: 0, cap: 30 }],
  ]);
  const out = deriveOrgNameWords(names, use);
  it('keeps ordinary words many names use, and heads that end many', () => {
    expect(out.words).toEqual(['committee', 'national']);
    expect(out.heads).toEqual(['committee']);
  });
  it('tells a generic name by those words, one of them a head', () => {
    const t = tokenize('the Food and Drug Administration and the Zorblax Drug Administration');
    expect(ordinaryBodyName(t, 1, 5)).toBe(true);
    expect(ordinaryBodyName(t, 7, 10)).toBe(false);
  });
});
