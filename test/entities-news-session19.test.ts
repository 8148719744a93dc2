/**
 * Linker precision on news, session 19 (issue #4, newsprec23): a legislator's abbreviated title as
 * the politics field, a state's offices after a name a state and a city share, a city's name in a
 * football sentence as its club, and an organisation's possessive alias ("King's") as a person's
 * possessive. Own records and sentences; each case fails without its mechanism.
 */
import { describe, expect, it } from 'vitest';
import { buildEntityIndex } from '../lib/entities/index';
import { linkEntities } from '../lib/entities/link';
import { personFieldCode } from '../lib/dataset/person-fields';
import { linkKeys, testEntity } from './_entity-fixtures';

const E = testEntity;

describe('an abbreviated legislative title writes the politics field', () => {
  const index = buildEntityIndex([
    E({ id: 'enwiki:Dale_Pickering_(actor)', name: 'Dale Pickering', type: 'person', prominence: 40 }),
    E({ id: 'senator', name: 'Marta Quill', type: 'person', subtype: 'arts', prominence: 60, roles: [{ title: 'Member of the Senate', from: '2019-01-03' }] }),
  ]);
  const links = (text: string) => linkKeys(index, text, '2021-05-11');
  it('rules out the actor after "Sen." or "Rep."', () => {
    expect(links('Georgia state Sen. Dale Pickering said he would run.')).toEqual([]);
    expect(links('Rep. Dale Pickering Drops Out Of Race')).toEqual([]);
  });
  it('keeps him without the title, and keeps an office holder', () => {
    expect(links('The actor Dale Pickering said he would run.')).toEqual(['enwiki:Dale_Pickering_(actor):Dale Pickering']);
    expect(links('Sen. Marta Quill said no.')).toEqual(['senator:Marta Quill']);
  });
});

describe("a state's office after a name a state and a city share", () => {
  const index = buildEntityIndex([
    E({ id: 'city', name: 'Nordham', type: 'place', subtype: 'city', country: 'US', prominence: 80 }),
    E({ id: 'state', name: 'Nordham', type: 'place', subtype: 'region', country: 'US', prominence: 70 }),
    E({ id: 'us', name: 'United States', type: 'place', subtype: 'country', country: 'US', prominence: 95 }),
  ]);
  const links = (text: string) => linkKeys(index, text, '2021-05-11');
  it('reads the state before "attorney general", "lieutenant governor", "correctional"', () => {
    expect(links('A report by the Nordham attorney general was released.')).toEqual(['state:Nordham']);
    expect(links('The Nordham lieutenant governor spoke.')).toEqual(['state:Nordham']);
    expect(links('He will serve his sentence at a Nordham correctional facility.')).toEqual(['state:Nordham']);
  });
  it('keeps the city otherwise, and after "attorney" alone', () => {
    expect(links('A concert was held in Nordham on Friday.')).toEqual(['city:Nordham']);
    expect(links('A Nordham attorney Ann Lee spoke.')).toEqual(['city:Nordham']);
  });
});

describe("a city's name in a football sentence is its club", () => {
  const index = buildEntityIndex([
    E({ id: 'city', name: 'Kelmouth', type: 'place', subtype: 'city', country: 'GB', prominence: 70 }),
    E({ id: 'club', name: 'Kelmouth FC', type: 'organization', subtype: 'sports_club', country: 'GB', prominence: 40 }),
    E({ id: 'other', name: 'FC Kelmouth', type: 'organization', subtype: 'sports_club', country: 'AU', prominence: 40 }),
    E({ id: 'uk', name: 'England', type: 'place', subtype: 'country', country: 'GB', prominence: 95 }),
  ]);
  const links = (text: string) => linkKeys(index, text, '2021-05-11');
  it('swaps the city for the club of its country', () => {
    expect(links('Fans protest against the club Kelmouth joining the breakaway league.')).toEqual(['club:Kelmouth']);
    expect(links("Supporters protest against Kelmouth's involvement in the breakaway league.")).toEqual(['club:Kelmouth']);
  });
  it('keeps the city without a football word, after "in", and in an address', () => {
    expect(links('A storm hit Kelmouth on Friday.')).toEqual(['city:Kelmouth']);
    expect(links('The league meeting was held in Kelmouth.')).toEqual(['city:Kelmouth']);
    expect(links('The club won at Rowan Park, Kelmouth, on Friday.')).toEqual(['city:Kelmouth']);
  });
});

describe("an organisation's possessive alias after a person is the person's possessive", () => {
  const index = buildEntityIndex([
    E({ id: 'college', name: "Queen's College Arden", type: 'organization', subtype: 'education', country: 'GB', prominence: 60, aliases: ["Queen's"] }),
    E({ id: 'host', name: 'Larry Queen', type: 'person', prominence: 60 }),
    E({ id: 'reformer', name: 'Anton Luther', type: 'person', prominence: 70 }),
  ]);
  const links = (text: string) => linkKeys(index, text, '2021-05-11');
  it("reads the person's possessive right after the name, or after the person named earlier", () => {
    expect(links("They Hail Anton Luther Queen's Legacy")).toEqual(['reformer:Anton Luther']);
    expect(links("Larry Queen was in hospital. Queen's doctors said he was well.")).toEqual(['host:Larry Queen']);
  });
  it('or after the person named in another block of the page', () => {
    const blocks = [{ text: "Queen's doctors said on Friday that he was well." }, { text: 'Larry Queen was taken to hospital on Friday.' }];
    expect(linkEntities(blocks, index, { date: '2021-05-11' }).map((e) => e.id)).toEqual(['host']);
  });
  it('keeps the college otherwise', () => {
    expect(links("Students at Queen's protested on Friday.")).toEqual(["college:Queen's"]);
  });
});

describe('personFieldCode reads a qualified "minister" or "queen" as another line of work', () => {
  it('a denomination before "minister" is religion; "drag queen" arts; "beauty queen" no field', () => {
    expect(personFieldCode('American Baptist minister and activist')).toBe('religion');
    expect(personFieldCode('Methodist minister and politician')).toBe('politics religion');
    expect(personFieldCode('American drag queen and television personality')).toBe('arts');
    expect(personFieldCode('American beauty queen')).toBeUndefined();
  });
  it('leaves government ministers and crowned queens alone', () => {
    expect(personFieldCode('Canadian minister of finance')).toBe('politics');
    expect(personFieldCode('Queen of Denmark')).toBe('royalty');
  });
});

describe('a city hyphened to a company names an institution of the city', () => {
  const index = buildEntityIndex([
    E({ id: 'city', name: 'Kelmouth', type: 'place', subtype: 'city', country: 'GB', prominence: 70 }),
    E({ id: 'pharma', name: 'Astrovance', type: 'organization', subtype: 'company', country: 'GB', prominence: 60 }),
    E({ id: 'other', name: 'Rennick', type: 'place', subtype: 'city', country: 'GB', prominence: 60 }),
    E({ id: 'uk', name: 'United Kingdom', type: 'place', subtype: 'country', country: 'GB', prominence: 95 }),
  ]);
  const links = (text: string) => linkKeys(index, text, '2021-05-11');
  it('drops the city before "-<company>" ("the Oxford-AstraZeneca vaccine")', () => {
    expect(links('Kelmouth-Astrovance doses arrive in the United Kingdom.')).toEqual(['pharma:Astrovance', 'uk:United Kingdom']);
  });
  it('keeps two places so joined', () => {
    expect(links('The Kelmouth-Rennick road is closed.')).toEqual(['city:Kelmouth', 'other:Rennick']);
  });
});
