/**
 * Linker precision on news, session 21 (issue #4, newsprec28): a person who died before the
 * article's year is not the one who speaks or acts in it (dead-namesakes.ts). Own records and
 * sentences; each case fails without its mechanism.
 */
import { describe, expect, it } from 'vitest';
import { buildEntityIndex } from '../lib/entities/index';
import { linkKeys, testEntity } from './_entity-fixtures';

const E = testEntity;

describe('a dead namesake is not the subject of the day\'s verbs', () => {
  const index = buildEntityIndex([
    E({ id: 'organist', name: 'Alder Quint', type: 'person', subtype: 'arts', country: 'US', prominence: 44, born: '1931', died: '2004' }),
    E({ id: 'old', name: 'Brannock Hale', type: 'person', subtype: 'politics', country: 'IE', prominence: 70, born: '1920', died: '1999' }),
    E({ id: 'young', name: 'Brannock Hale', type: 'person', subtype: 'arts', country: 'US', prominence: 40, born: '1970' }),
  ]);
  it('drops the dead record before a reporting or headline verb', () => {
    expect(linkKeys(index, 'Alder Quint Resigns As Head Of The Port Authority', '2019-03-05')).toEqual([]);
    expect(linkKeys(index, '"We are done here," Alder Quint said on Tuesday.', '2021-06-01')).toEqual([]);
  });
  it('lets a living namesake take the name', () => {
    expect(linkKeys(index, 'Brannock Hale says the tour will go on.', '2022-02-02')).toEqual(['young:Brannock Hale']);
  });
  it('keeps the dead record where the verb is not right after the name, or the words are of the past', () => {
    expect(linkKeys(index, 'A statue of Alder Quint is removed.', '2019-03-05')).toEqual(['organist:Alder Quint']);
    expect(linkKeys(index, 'As Alder Quint said, the organ is a machine.', '2019-03-05')).toEqual(['organist:Alder Quint']);
    expect(linkKeys(index, 'Alder Quint said in 1980 that he would stay.', '2019-03-05')).toEqual(['organist:Alder Quint']);
  });
  it('keeps the record when the death is in the article\'s year or later', () => {
    expect(linkKeys(index, 'Alder Quint says goodbye to the stage.', '2004-01-10')).toEqual(['organist:Alder Quint']);
    expect(linkKeys(index, 'Alder Quint says goodbye to the stage.', '2001-01-10')).toEqual(['organist:Alder Quint']);
  });
});

describe('a state legislature\'s chamber after a name a city and a state share', () => {
  const index = buildEntityIndex([
    E({ id: 'city', name: 'Port Mallow', type: 'place', subtype: 'city', country: 'US', prominence: 90 }),
    E({ id: 'state', name: 'Port Mallow', type: 'place', subtype: 'region', country: 'US', prominence: 80 }),
  ]);
  const links = (text: string) => linkKeys(index, text, '2021-03-12');
  it('reads the state before "Assembly", "Senate" or a legislator\'s title', () => {
    expect(links('Port Mallow Assembly Launches Impeachment Probe Into The Governor')).toEqual(['state:Port Mallow']);
    expect(links('Port Mallow Senate Race Tightens')).toEqual(['state:Port Mallow']);
    expect(links('Port Mallow legislators passed the bill.')).toEqual(['state:Port Mallow']);
    expect(links('A Port Mallow assemblywoman filed the bill.')).toEqual(['state:Port Mallow']);
  });
  it('keeps the city without such a word', () => {
    expect(links('A fire broke out in Port Mallow on Monday.')).toEqual(['city:Port Mallow']);
    expect(links('The Port Mallow council voted on Monday.')).toEqual(['city:Port Mallow']);
  });
});

describe('a possessive country read across a description before an apposed name', () => {
  const index = buildEntityIndex([
    E({ id: 'kr', name: 'South Korea', type: 'place', subtype: 'country', country: 'KR', prominence: 95 }),
    E({ id: 'hk-party', name: 'Harbour Union', type: 'organization', subtype: 'political_party', country: 'HK', prominence: 60 }),
  ]);
  const links = (text: string) => linkKeys(index, text, '2025-05-03');
  it("drops another country's party after \"<country>'s main conservative party, \"", () => {
    expect(links("A former minister wins the nomination of South Korea's main conservative party, Harbour Union.")).toEqual(['kr:South Korea']);
  });
  it('keeps the party without the apposition, or after a possessive that is no country', () => {
    expect(links('A former minister wins the nomination of the conservative party, Harbour Union.')).toEqual(['hk-party:Harbour Union']);
    expect(links("The minister's own party, Harbour Union, won.")).toEqual(['hk-party:Harbour Union']);
  });
});
