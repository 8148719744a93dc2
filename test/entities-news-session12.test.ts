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
  E({ id: 'Q61', name: 'Washington, D.C.', type: 'place', subtype: 'capital', aliases: ['Washington'], country: 'US', prominence: 85 }),
  E({ id: 'Q1223', name: 'Washington', type: 'place', subtype: 'region', country: 'US', prominence: 70 }),
  E({ id: 'Q96', name: 'Mexico', type: 'place', subtype: 'country', country: 'MX', prominence: 94 }),
  E({ id: 'Q82112', name: 'México', type: 'place', subtype: 'region', aliases: ['Mexico'], country: 'MX', prominence: 64 }),
  E({ id: 'tuxpan', name: 'Tuxpan', type: 'place', subtype: 'city', country: 'MX', population: 150_000, prominence: 58 }),
  E({ id: 'the-province', name: 'The Province', type: 'organization', subtype: 'media', country: 'CA', prominence: 50 }),
  E({ id: 'the-state', name: 'The State', type: 'organization', subtype: 'media', country: 'US', prominence: 50 }),
  E({ id: 'cadiz', name: 'Cádiz', type: 'place', subtype: 'city', aliases: ['Cadiz'], country: 'ES', population: 116_000, prominence: 58 }),
  E({ id: 'cadiz-prov', name: 'Cádiz Province', type: 'place', subtype: 'region', country: 'ES', prominence: 50 }),
  E({ id: 'Q1371', name: 'West Virginia', type: 'place', subtype: 'region', country: 'US', prominence: 70 }),
  E({ id: 'us-guard', name: 'National Guard', type: 'organization', subtype: 'military', country: 'US', prominence: 70 }),
  E({ id: 'Q1007', name: 'Guinea-Bissau', type: 'place', subtype: 'country', country: 'GW', prominence: 85 }),
  E({ id: 'pla-manipur', name: 'People’s Liberation Army', type: 'organization', subtype: 'armed_group', aliases: ["People's Liberation Army"], country: 'IN', prominence: 50 }),
  E({ id: 'manipur', name: 'Manipur', type: 'place', subtype: 'region', country: 'IN', prominence: 64 }),
  E({ id: 'the-rapid', name: 'The Rapid', type: 'organization', subtype: 'company', country: 'US', prominence: 45 }),
  E({ id: 'houthis', name: 'Houthis', type: 'organization', subtype: 'armed_group', aliases: ['Houthi'], country: 'YE', prominence: 85 }),
  E({ id: 'nintendo', name: 'Nintendo', type: 'organization', subtype: 'company', country: 'JP', prominence: 85 }),
  E({ id: 'amazon', name: 'Amazon', type: 'organization', subtype: 'company', country: 'US', prominence: 85 }),
  E({ id: 'Q142', name: 'France', type: 'place', subtype: 'country', country: 'FR', prominence: 95 }),
  E({ id: 'Q11701', name: 'United States House of Representatives', type: 'organization', subtype: 'government_body', aliases: ['U.S. House'], country: 'US', prominence: 85 }),
  E({ id: 'bw-south-east', name: 'South East', type: 'place', subtype: 'region', country: 'BW', prominence: 64 }),
  E({ id: 'Q36074', name: 'Queensland', type: 'place', subtype: 'region', country: 'AU', prominence: 64 }),
  E({ id: 'za-da', name: 'Democratic Alliance', type: 'organization', subtype: 'political_party', country: 'ZA', prominence: 70 }),
  E({ id: 'Q159', name: 'Russia', type: 'place', subtype: 'country', country: 'RU', prominence: 95 }),
  E({ id: 'Q1603', name: 'Kentucky', type: 'place', subtype: 'region', country: 'US', prominence: 70 }),
  E({ id: 'derby', name: 'Derby', type: 'place', subtype: 'city', country: 'GB', population: 260_000, prominence: 60 }),
  E({ id: 'Q1439', name: 'Texas', type: 'place', subtype: 'region', country: 'US', prominence: 70 }),
  E({ id: 'Q29552', name: 'Democratic Party', type: 'organization', subtype: 'political_party', aliases: ['Democrats'], country: 'US', prominence: 85 }),
  E({ id: 'Q801', name: 'Israel', type: 'place', subtype: 'country', country: 'IL', prominence: 95 }),
  E({ id: 'Q38799', name: 'Hamas', type: 'organization', subtype: 'armed_group', country: 'PS', prominence: 88 }),
  E({ id: 'tamu', name: 'Texas A&M University', type: 'organization', subtype: 'education', aliases: ['A&M', 'Texas A&M'], country: 'US', prominence: 70 }),
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
    // The larger part of an address at the end of a sentence; a list of places is no address.
    expect(links('Mudslides kill dozens in Petrópolis, Rio de Janeiro. Rain goes on.')).toEqual(['rio-state:Rio de Janeiro']);
    expect(links('Flights resume to Petrópolis, Rio de Janeiro and Khartoum.')).toEqual(['rio-city:Rio de Janeiro', 'khartoum-city:Khartoum']);
    // Only for a city and a region of one name: a byline's "BBC News, Washington" is the capital.
    expect(links('Analysis: Jon Sopel, BBC News, Washington')).toEqual(['Q61:Washington']);
  });
  it('says which country the page is about, though it is two records', () => {
    // The Finnish council's initials must not link on a page about Sudan.
    expect(links('An attack by the RSF hits a hospital in Khartoum.')).toEqual(['khartoum-city:Khartoum']);
  });
  it('"the Donetsk region" is the oblast, not a region record of the bare name', () => {
    expect(links('Shelling continues in the Donetsk region of Ukraine.')).toEqual(['donetsk-oblast:Donetsk', 'Q212:Ukraine']);
  });
});

describe('an address ending in a country that shares its name with one of its states', () => {
  it('"Tuxpan, Mexico" is the country, not the State of México', () => {
    expect(links('Inmates riot at a prison in Tuxpan, Mexico.')).toEqual(['tuxpan:Tuxpan', 'Q96:Mexico']);
  });
});

describe('a longer name going on with "of <Name>"', () => {
  it('is not the newspaper whose name is its head ("the Province of Cádiz", "the State of West Virginia")', () => {
    // Not the newspaper, and not the city either: the province (session 15, region-cue.ts).
    expect(links('A boat sank off the coast in the Province of Cádiz.')).toEqual(['cadiz-prov:Cádiz']);
    expect(links('It hurt that the State of West Virginia would block me.')).toEqual(['Q1371:West Virginia']);
  });
  it("is not another country's body of the same name (\"the National Guard of Guinea-Bissau\")", () => {
    expect(links('Gunfire breaks out between the National Guard of Guinea-Bissau and rebels.')).toEqual(['Q1007:Guinea-Bissau']);
  });
  it('stays the body when the pack knows no name after "of" ("U.S. House of Representatives")', () => {
    expect(links('Republicans in the U.S. House of Representatives release a report.')).toEqual(['Q11701:U.S. House']);
    // A people's name after "of" is the longer name's all the same.
    expect(links('The Democratic Alliance of Hungarians joins the coalition.')).toEqual([]);
  });
  it("stays the body before a place of its own country (\"People's Liberation Army of Manipur\")", () => {
    expect(links("Soldiers are killed in an ambush by People's Liberation Army of Manipur militants.")).toEqual(["pla-manipur:People's Liberation Army"]);
  });
});

describe('a name after a lower-case "the" in a block dense with capitals', () => {
  it('is in running text: a capitalised word after it makes it part of a longer name', () => {
    expect(links('Sudanese Armed Forces Recapture Sennar City From the Rapid Support Forces Overnight.')).toEqual([]);
  });
});

describe('single letters with only spaces between', () => {
  it('are not initials written with a sign ("A M 6.3 earthquake" is not "A&M")', () => {
    expect(links('A M 6.3 earthquake strikes the coast.')).toEqual([]);
    expect(links('Texas A&M wins the game.')).toEqual(['tamu:Texas A&M']);
  });
});

describe('a lower-case particle of an Arabic personal name', () => {
  it('makes the name after it the rest of a person\'s name ("Mohammed Ali al-Houthi")', () => {
    expect(links('The leader, Mohammed Ali al-Houthi, condemns the move.')).toEqual([]);
    expect(links('Houthi forces clash with troops.')).toEqual(['houthis:Houthi']);
  });
});

describe('a one-word name right after another name, a space between', () => {
  it('is the second word of a longer name when it belongs elsewhere ("Kentucky Derby")', () => {
    expect(links('The Kentucky Derby was run in the rain on Saturday.')).toEqual(['Q1603:Kentucky']);
    // Not a name as prominent as the first: the second is the real one. (Since session 13 the
    // compass-only "South East" no longer links before a capitalised word: name-continuations.ts.)
    expect(links('Schools close in South East Queensland as the cyclone nears.')).toEqual(['Q36074:Queensland']);
  });
  it('stays a name of its own of the same country, or after a country ("Texas Democrats", "Russia Ukraine talks")', () => {
    expect(links('Texas Democrats walk out of the session.')).toEqual(['Q1439:Texas', 'Q29552:Democrats']);
    expect(links('Officials say the Russia Ukraine talks stall.')).toEqual(['Q159:Russia', 'Q212:Ukraine']);
    // A body of another country after a place is a name of its own ("Nintendo/Apple Nintendo and
    // Apple…" after a photo credit): only places and country-less bodies are the second word.
    expect(links('Fans queue at the Texas Nintendo store.')).toEqual(['Q1439:Texas', 'nintendo:Nintendo']);
  });
});

describe('a place after a capitalised "Miss"', () => {
  it('is a pageant\'s title, not the place ("Miss Mexico")', () => {
    expect(links('The reigning Miss Mexico visits Texas.')).toEqual(['Q1439:Texas']);
    expect(links('Fans in Mexico miss the final.')).toEqual(['Q96:Mexico']);
  });
});

describe('a country right after a company\'s name', () => {
  it('is the company\'s national branch, not a mention of the country ("Amazon France")', () => {
    // One mention of the company spanning the branch's name, as the news gold marks it (session 13).
    expect(links('Workers at Amazon France go on strike.')).toEqual(['amazon:Amazon France']);
    expect(links('Workers say Amazon opened a depot in France.')).toEqual(['amazon:Amazon', 'Q142:France']);
  });
});
