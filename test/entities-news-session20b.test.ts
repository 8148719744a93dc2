/**
 * Linker precision on news, session 20 (issue #4, newsprec26): craft named after a person or a place
 * ("the Varro space telescope", "its aircraft carrier, the Lunan"). Own records and sentences; each
 * case fails without its mechanism.
 */
import { describe, expect, it } from 'vitest';
import { buildEntityIndex } from '../lib/entities/index';
import { linkKeys, testEntity } from './_entity-fixtures';

const E = testEntity;

describe('craft named after a person or a place', () => {
  const index = buildEntityIndex([
    E({ id: 'varro', name: 'Varro', type: 'person', country: 'IT', prominence: 80 }),
    E({ id: 'lunan', name: 'Lunan', type: 'place', subtype: 'region', country: 'CN', prominence: 64 }),
    E({ id: 'uk', name: 'United Kingdom', type: 'place', subtype: 'country', country: 'GB', prominence: 95 }),
  ]);
  const links = (text: string) => linkKeys(index, text, '2023-07-01');
  it('does not link a person before "space telescope" or "telescope"', () => {
    expect(links('The agency launches the Varro space telescope to study dark matter.')).toEqual([]);
    expect(links('Images from the Varro telescope were released.')).toEqual([]);
  });
  it('still links the person elsewhere and before "space" alone', () => {
    expect(links('Varro wrote about farming.')).toEqual(['varro:Varro']);
    expect(links('Varro space policy was debated.')).toEqual(['varro:Varro']);
  });
  it('does not link a place named in apposition to a ship noun', () => {
    expect(links('China launches its third aircraft carrier, the Lunan, in Shanghai.')).toEqual([]);
  });
  it('keeps a place hyphened to a modifier after "vessel, the", and a place after a comma elsewhere', () => {
    expect(links('It seized the flagship vessel, the United Kingdom-flagged Madleen.')).toEqual(['uk:United Kingdom']);
    expect(links('Talks with the provinces, the Lunan among them, went on.')).toEqual(['lunan:Lunan']);
  });
});

describe("nationality adjectives count for a namesake place's country", () => {
  const index = buildEntityIndex([
    E({ id: 'ge', name: 'Georgia', type: 'place', subtype: 'country', country: 'GE', prominence: 95 }),
    E({ id: 'us-ga', name: 'Georgia', type: 'place', subtype: 'region', country: 'US', prominence: 70 }),
  ]);
  const links = (text: string) => linkKeys(index, text, '2023-10-19');
  it('reads "Georgia" as the US state on a page with an American adjective', () => {
    expect(links('An American lawyer admits her role in trying to overturn the results in Georgia.')).toEqual(['us-ga:Georgia']);
  });
  it('keeps the more prominent country without one, and with a Georgian adjective', () => {
    expect(links('A lawyer admits her role in trying to overturn the results in Georgia.')).toEqual(['ge:Georgia']);
    expect(links('The American envoy met the Georgian minister in Georgia.')).toEqual(['ge:Georgia']);
  });
});

describe('"the country of" before a name a country and a state share', () => {
  const index = buildEntityIndex([
    E({ id: 'ge', name: 'Georgia', type: 'place', subtype: 'country', country: 'GE', prominence: 95 }),
    E({ id: 'us-ga', name: 'Georgia', type: 'place', subtype: 'region', country: 'US', prominence: 70 }),
    E({ id: 'us', name: 'United States', type: 'place', subtype: 'country', country: 'US', prominence: 100 }),
  ]);
  const links = (text: string) => linkKeys(index, text, '2024-07-31');
  it('reads the country after "the country of" on a page about the United States', () => {
    expect(links('The United States pauses assistance to the country of Georgia over its law.')).toEqual(['us:United States', 'ge:Georgia']);
  });
  it('keeps the state on that page otherwise', () => {
    expect(links('The United States pauses assistance to Georgia over its law.')).toEqual(['us:United States', 'us-ga:Georgia']);
  });
});

describe('words of a line of work near a name shared by people of several', () => {
  const index = buildEntityIndex([
    E({ id: 'actor', name: 'Dana Kerr', type: 'person', subtype: 'arts', country: 'US', prominence: 36 }),
    E({ id: 'mp', name: 'Dana Kerr', type: 'person', country: 'GB', prominence: 66, roles: [{ title: 'Member of Parliament', from: '2010-05-06' }] }),
    E({ id: 'leader', name: 'Tor Vang', type: 'person', country: 'KP', prominence: 90, roles: [{ title: 'Supreme Leader', from: '2011-12-17' }] }),
    E({ id: 'leader-wiki', name: 'Tor Vang', type: 'person', subtype: 'politics', country: 'KP', prominence: 70 }),
  ]);
  const links = (text: string) => linkKeys(index, text, '2022-05-24');
  it('reads the actor in a sentence about a film', () => {
    expect(links('Dana Kerr hunts down a rival in the upcoming spy thriller.')).toEqual(['actor:Dana Kerr']);
  });
  it('keeps the more prominent namesake without such words', () => {
    expect(links('Dana Kerr spoke in the debate on Tuesday.')).toEqual(['mp:Dana Kerr']);
  });
  it('counts an office holder as a politician, so two records of one leader are not told apart', () => {
    expect(links('Tor Vang met lawmakers on Tuesday.')).toEqual(['leader:Tor Vang']);
  });
});

describe('a capitalised "Governor" before the governor\'s name', () => {
  const index = buildEntityIndex([
    E({ id: 'city', name: 'Belmark', type: 'place', subtype: 'city', country: 'RU', prominence: 60 }),
    E({ id: 'oblast', name: 'Belmark Oblast', type: 'place', subtype: 'region', country: 'RU', prominence: 60 }),
  ]);
  const links = (text: string) => linkKeys(index, text, '2023-06-01');
  it('reads the region the governor heads', () => {
    expect(links('Belmark Governor Ivan Petrov says that a drone hit a house.')).toEqual(['oblast:Belmark']);
  });
  it('keeps the city without the title', () => {
    expect(links('A drone hit a house in Belmark on Monday.')).toEqual(['city:Belmark']);
  });
});
