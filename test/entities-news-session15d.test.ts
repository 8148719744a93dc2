/**
 * Linker mechanisms for unseen news (issue #4, session 15, newsprec11): namesakes read in the third
 * hand audit of unreserved items. A one-word organisation or place written as an unknown person's
 * surname after a given name ("Alex Wagner … Wagner said") is that person on the whole page; a
 * family's plural ("the Clintons") is the family; a city's address alias naming a county the pack
 * holds no state for ("Luton, Bedfordshire") does not rule out the state written ("Luton, England").
 * Own sentences, own small entity list; each case fails without its mechanism.
 */
import { describe, expect, it } from 'vitest';
import { buildEntityIndex } from '../lib/entities/index';
import { familyPluralStem, surnameAfterGivenName } from '../lib/entities/family-names';
import { tokenize } from '../lib/entities/normalize';
import { writtenWithMarks } from '../lib/entities/namesakes';
import { linkKeys, testEntity } from './_entity-fixtures';

const E = testEntity;
const index = buildEntityIndex([
  E({ id: 'wagner-group', name: 'Wagner Group', type: 'organization', aliases: ['Wagner', 'PMC Wagner'], country: 'RU', prominence: 80 }),
  E({ id: 'alvarado-club', name: 'Alvarado', type: 'organization', subtype: 'sports_team', country: 'AR', prominence: 40 }),
  E({ id: 'clintons-shop', name: 'Clintons', type: 'organization', subtype: 'company', country: 'GB', prominence: 45 }),
  E({ id: 'bill-clinton', name: 'Bill Clinton', type: 'person', shortNames: ['Clinton'], country: 'US', prominence: 95 }),
  E({ id: 'msnbc', name: 'MSNBC', type: 'organization', subtype: 'media', country: 'US', prominence: 80 }),
  E({ id: 'deere', name: 'John Deere', type: 'organization', subtype: 'company', aliases: ['Deere'], country: 'US', prominence: 70 }),
  E({ id: 'gb', name: 'United Kingdom', type: 'place', subtype: 'country', country: 'GB', prominence: 98 }),
  E({ id: 'england', name: 'England', type: 'place', subtype: 'region', country: 'GB', prominence: 64 }),
  E({ id: 'bedfordshire', name: 'Bedfordshire', type: 'place', country: 'GB', prominence: 40 }),
  E({ id: 'luton', name: 'Luton', type: 'place', subtype: 'city', aliases: ['Luton, Bedfordshire'], country: 'GB', population: 258_000, prominence: 67 }),
  E({ id: 'sf', name: 'San Francisco', type: 'place', subtype: 'city', country: 'US', population: 870_000, prominence: 80 }),
  E({ id: 'uber', name: 'Uber', type: 'organization', subtype: 'company', country: 'US', prominence: 80 }),
  E({ id: 'lions', name: 'Lions', type: 'organization', subtype: 'sports_club', country: 'US', prominence: 40 }),
  E({ id: 'tom-lion', name: 'Tom Lion', type: 'person', shortNames: ['Lion'], country: 'US', prominence: 40 }),
  E({ id: 'france', name: 'France', type: 'place', subtype: 'country', country: 'FR', prominence: 98 }),
  E({ id: 'abdelaziz', name: 'Abdelaziz Bouteflika', type: 'person', shortNames: ['Bouteflika'], country: 'DZ', prominence: 85 }),
  E({ id: 'ventura', name: 'Ventura', type: 'place', subtype: 'city', country: 'US', population: 110_000, prominence: 60 }),
  E({ id: 'us', name: 'United States', type: 'place', subtype: 'country', country: 'US', prominence: 99 }),
  E({ id: 'california', name: 'California', type: 'place', subtype: 'region', country: 'US', prominence: 85 }),
  E({ id: 'nebraska', name: 'Nebraska', type: 'place', subtype: 'region', country: 'US', prominence: 70 }),
  E({ id: 'fremont', name: 'Fremont', type: 'place', subtype: 'city', aliases: ['Fremont, California'], country: 'US', population: 232_000, prominence: 67 }),
]);

const links = (text: string) => linkKeys(index, text, '2023-06-01');

describe('a one-word name written as an unknown person\'s surname', () => {
  it('is the person after a given name, and on the rest of the page', () => {
    expect(links('Alex Wagner joined MSNBC in 2018. "I am honored," Wagner said.')).toEqual(['msnbc:MSNBC']);
    expect(links('Gymnast Luciana Alvarado Wins Hearts')).toEqual([]);
    // Without a given name the organisation stays.
    expect(links('Mercenaries of Wagner advanced on the town.')).toEqual(['wagner-group:Wagner']);
  });
  it('leaves a known name that covers the given name ("John Deere … Deere")', () => {
    expect(links('John Deere cut jobs. Later Deere said it would hire again.')).toEqual(['deere:John Deere', 'deere:Deere']);
    // A quoted nickname between the given name and the surname.
    expect(links('He got the nickname from Jesse \u201cThe Body\u201d Ventura, a wrestler.')).toEqual([]);
    expect(links('He got the nickname from Jesse "The Body" Ventura, a wrestler.')).toEqual([]);
    expect(links('She moved to Ventura last year.')).toEqual(['ventura:Ventura']);
    // A country keeps its name elsewhere on the page, not right after the given name.
    expect(links('David France made a film. It was shot in France.')).toEqual(['france:France']);
    // "Francisco" ends a known name here: no given name.
    expect(links('A suspect in the San Francisco Uber attack surrenders.')).toEqual(['sf:San Francisco', 'uber:Uber']);
  });
  it('reads the surname only after a given name joined by a space', () => {
    const text = 'Alex Wagner and Hans, Wagner';
    const t = tokenize(text);
    expect(surnameAfterGivenName(text, t, 1, [])).toBe(true);
    expect(surnameAfterGivenName(text, t, 1, [{ from: 0, to: 2 }])).toBe(false);
    expect(surnameAfterGivenName(text, t, 1, [{ from: 0, to: 1 }])).toBe(true);
    expect(surnameAfterGivenName(text, t, 5, [])).toBe(false);
  });
});

describe('a relative\'s given name written with marks', () => {
  it('is no English word ("Saïd Bouteflika" is not "said" + the president)', () => {
    expect(links('Saïd Bouteflika, brother of former president Abdelaziz Bouteflika, is cleared.')).toEqual(['abdelaziz:Abdelaziz Bouteflika']);
    const t = tokenize('Saïd said');
    expect(writtenWithMarks('Saïd said', t[0]!)).toBe(true);
    expect(writtenWithMarks('Saïd said', t[1]!)).toBe(false);
  });
});

describe('a family\'s plural', () => {
  it('is the family, not a namesake organisation ("the Clintons")', () => {
    expect(links('Guests included the Obamas and the Clintons.')).toEqual([]);
    expect(links('She bought cards at Clintons on the high street.')).toEqual(['clintons-shop:Clintons']);
    // A team's plural name is the team.
    expect(links('Fans cheered the Lions on Sunday.')).toEqual(['lions:Lions']);
    const text = 'the Clintons and the Smiths';
    const t = tokenize(text);
    expect(familyPluralStem(text, t, 1)).toBe('clinton');
    expect(familyPluralStem(text, t, 0)).toBeUndefined();
  });
});

describe('an address alias naming a county, not a state', () => {
  it('keeps the city when its country\'s state is written ("Luton, England, United Kingdom")', () => {
    expect(links('A man is arrested in Luton, England, United Kingdom, after a raid.')).toEqual(['luton:Luton', 'england:England', 'gb:United Kingdom']);
    expect(links('Flooding closes roads in Luton, England.')).toEqual(['luton:Luton', 'england:England']);
  });
  it('still drops a city whose alias names another state ("Fremont, Nebraska")', () => {
    expect(links('Two die in a fire in Fremont, Nebraska, United States.')).toEqual(['nebraska:Nebraska', 'us:United States']);
  });
});
