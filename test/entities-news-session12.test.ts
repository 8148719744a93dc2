/**
 * Linker mechanisms for unseen news (issue #4, session 12): general shapes, not rules for one item's
 * words. Own sentences, own small entity list; each case fails without its mechanism.
 */
import { describe, expect, it } from 'vitest';
import { buildEntityIndex } from '../lib/entities/index';
import { linkKeys, testEntity } from './_entity-fixtures';

const E = testEntity;
const index = buildEntityIndex([
  E({ id: 'Q155', name: 'Brazil', type: 'place', subtype: 'country', country: 'BR', prominence: 95 }),
  E({ id: 'Q1049', name: 'Sudan', type: 'place', subtype: 'country', country: 'SD', prominence: 92 }),
  // The compiler keeps a city and the region of its name apart when the region is titled apart
  // (compile-entities.ts regionTitledApart); the region may be the more prominent record.
  E({ id: 'rio-city', name: 'Rio de Janeiro', type: 'place', subtype: 'city', country: 'BR', population: 6_000_000, prominence: 60 }),
  E({ id: 'rio-state', name: 'Rio de Janeiro', type: 'place', subtype: 'region', country: 'BR', prominence: 64 }),
  E({ id: 'khartoum-city', name: 'Khartoum', type: 'place', subtype: 'capital', country: 'SD', prominence: 85 }),
  E({ id: 'khartoum-state', name: 'Khartoum', type: 'place', subtype: 'region', country: 'SD', prominence: 64 }),
  E({ id: 'donetsk-city', name: 'Donetsk', type: 'place', subtype: 'city', country: 'UA', population: 1_000_000, prominence: 60 }),
  E({ id: 'donetsk-occupied', name: 'Donetsk', type: 'place', subtype: 'region', country: 'UA', prominence: 64 }),
  E({ id: 'donetsk-oblast', name: 'Donetsk Oblast', type: 'place', subtype: 'region', country: 'UA', prominence: 64 }),
  E({ id: 'Q212', name: 'Ukraine', type: 'place', subtype: 'country', country: 'UA', prominence: 95 }),
  E({ id: 'fi-council', name: 'Strategic Research Council', type: 'organization', subtype: 'government_body', aliases: ['RSF'], country: 'FI', prominence: 40 }),
]);

function links(text: string, date: string | null = '2024-06-01'): string[] {
  return linkKeys(index, text, date);
}

describe('a city and the region of its name', () => {
  it('is the city where the text gives no state cue', () => {
    expect(links('Thousands march in Rio de Janeiro against police raids.')).toEqual(['rio-city:Rio de Janeiro']);
  });
  it('is the state after "Governor of"', () => {
    expect(links('The Governor of Rio de Janeiro announces new curbs.')).toEqual(['rio-state:Rio de Janeiro']);
  });
  it('is the state in the middle of an address ("Mayo, Khartoum, Sudan")', () => {
    expect(links('A bombing hits a petrol station in Mayo, Khartoum, Sudan.')).toEqual(['khartoum-state:Khartoum', 'Q1049:Sudan']);
    expect(links('Shells hit a market in Khartoum.')).toEqual(['khartoum-city:Khartoum']);
  });
  it('says which country the page is about, though it is two records', () => {
    // The Finnish council's initials must not link on a page about Sudan.
    expect(links('An attack by the RSF hits a hospital in Khartoum.')).toEqual(['khartoum-city:Khartoum']);
  });
  it('"the Donetsk region" is the oblast, not a region record of the bare name', () => {
    expect(links('Shelling continues in the Donetsk region of Ukraine.')).toEqual(['donetsk-oblast:Donetsk', 'Q212:Ukraine']);
  });
});
