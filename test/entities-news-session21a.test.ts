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
