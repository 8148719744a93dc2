/**
 * Linker mechanisms for unseen news (issue #4, session 11): general shapes, not rules for one item's
 * words. Own sentences, own small entity list; each case fails without its mechanism.
 */
import { describe, expect, it } from 'vitest';
import { buildEntityIndex } from '../lib/entities/index';
import { linkKeys, testEntity } from './_entity-fixtures';
import { countriesOfDemonym } from '../lib/entities/demonym-country';

const E = testEntity;
const index = buildEntityIndex([
  E({ id: 'Q30', name: 'United States', type: 'place', subtype: 'country', aliases: ['America', 'US', 'U.S.'], country: 'US', prominence: 95 }),
  E({ id: 'Q17', name: 'Japan', type: 'place', subtype: 'country', country: 'JP', prominence: 95 }),
  E({ id: 'Q739', name: 'Colombia', type: 'place', subtype: 'country', country: 'CO', prominence: 90 }),
  E({ id: 'Q29', name: 'Spain', type: 'place', subtype: 'country', country: 'ES', prominence: 95 }),
  E({ id: 'Q846', name: 'Qatar', type: 'place', subtype: 'country', aliases: ['Qatari'], country: 'QA', prominence: 90 }),
  E({ id: 'uscg', name: 'Coast Guard', type: 'organization', subtype: 'government_body', aliases: ['US Coast Guard'], country: 'US', prominence: 70 }),
  E({ id: 'Q6070218', name: 'Pedro Sánchez', type: 'person', shortNames: ['Sánchez'], country: 'ES', prominence: 88 }),
  E({ id: 'patagonia-inc', name: 'Patagonia, Inc.', type: 'organization', subtype: 'company', aliases: ['Patagonia'], country: 'US', prominence: 60 }),
  E({ id: 'idf', name: 'Israel Defense Forces', type: 'organization', subtype: 'military', aliases: ['IDF', 'Israeli military'], country: 'IL', prominence: 85 }),
  E({ id: 'Q801', name: 'Israel', type: 'place', subtype: 'country', country: 'IL', prominence: 95 }),
  E({ id: 'mexican-drug-war', name: 'Mexican drug war', type: 'event', country: 'MX', prominence: 60 }),
  E({ id: 'Q43', name: 'Türkiye', type: 'place', subtype: 'country', aliases: ['Turkey'], country: 'TR', prominence: 92 }),
  E({ id: 'Q810', name: 'Jordan', type: 'place', subtype: 'country', country: 'JO', prominence: 88 }),
  E({ id: 'Q79', name: 'Egypt', type: 'place', subtype: 'country', country: 'EG', prominence: 92 }),
  E({ id: 'Q794', name: 'Iran', type: 'place', subtype: 'country', country: 'IR', prominence: 94 }),
  E({ id: 'Q55', name: 'Netherlands', type: 'place', subtype: 'country', country: 'NL', prominence: 92 }),
  E({ id: 'Q60', name: 'New York City', type: 'place', subtype: 'city', aliases: ['New York'], country: 'US', population: 8_000_000, prominence: 90 }),
  E({ id: 'Q1384', name: 'New York', type: 'place', subtype: 'region', country: 'US', prominence: 70 }),
  E({ id: 'Q1166', name: 'Michigan', type: 'place', subtype: 'region', country: 'US', prominence: 70 }),
  E({ id: 'Q1527', name: 'Minnesota', type: 'place', subtype: 'region', country: 'US', prominence: 70 }),
  E({ id: 'Q96', name: 'Mexico', type: 'place', subtype: 'country', country: 'MX', prominence: 94 }),
  E({ id: 'Q82112', name: 'México', type: 'place', subtype: 'region', aliases: ['Mexico'], country: 'MX', prominence: 64 }),
  E({ id: 'somali-bay', name: 'Bay', type: 'place', subtype: 'region', country: 'SO', prominence: 64 }),
  E({ id: 'Q16', name: 'Canada', type: 'place', subtype: 'country', country: 'CA', prominence: 94 }),
  E({ id: 'super-bowl', name: 'Super Bowl', type: 'event', country: 'US', prominence: 80 }),
  E({ id: 'euro', name: 'UEFA European Championship', type: 'event', aliases: ['Euro'], prominence: 80 }),
  E({ id: 'euro-2024', name: 'UEFA Euro 2024', type: 'event', from: '2024-06-14', aliases: ['Euro 2024'], prominence: 75 }),
  E({ id: 'olympics-2024', name: '2024 Summer Olympics', type: 'event', from: '2024-07-26', aliases: ['Paris Olympics'], prominence: 80 }),
  E({ id: 'Q48', name: 'Asia', type: 'place', subtype: 'continent', prominence: 90 }),
  E({ id: 'Q38799', name: 'Hamas', type: 'organization', subtype: 'armed_group', country: 'PS', prominence: 88 }),
]);

function links(text: string, date: string | null = '2024-06-01'): string[] {
  return linkKeys(index, text, date);
}

describe('a nationality adjective before a name says whose it is', () => {
  it('another country\'s body of the same generic name is a namesake ("the Japanese Coast Guard")', () => {
    expect(links('The Japanese Coast Guard reports a crash off Okinawa.')).toEqual([]);
    expect(links('The American Coast Guard reports a crash off Florida.')).toEqual(['uscg:Coast Guard']);
    expect(links('The Coast Guard reports a crash off Florida.')).toEqual(['uscg:Coast Guard']);
  });
  it('over an office\'s words, another country\'s person of the same name is a namesake', () => {
    expect(links('Colombian defense minister Pedro Sánchez reports clashes with dissidents.')).toEqual([]);
    expect(links('Spanish Prime Minister Pedro Sánchez visits Colombia.')).toEqual(['Q6070218:Pedro Sánchez', 'Q739:Colombia']);
    // A surname alone after an adjective is used attributively ("Colombian Sánchez critics" are critics of him).
    expect(links('Spanish Prime Minister Pedro Sánchez visits Colombia. Colombian Sánchez critics protest.')).toEqual(['Q6070218:Pedro Sánchez', 'Q739:Colombia', 'Q6070218:Sánchez']);
  });
  it('a place of that country is not a company named after it ("Chilean Patagonia")', () => {
    expect(links('Hikers are rescued in Chilean Patagonia.')).toEqual([]);
    expect(links('Patagonia sells jackets.')).toEqual(['patagonia-inc:Patagonia']);
  });
  it('adjectives shared by several states list them all; ones naming no single state say nothing', () => {
    expect(countriesOfDemonym('korean')).toEqual(['KR', 'KP']);
    expect(countriesOfDemonym('kurdish')).toBeUndefined();
  });
});

describe('a nationality adjective and lower-case nouns', () => {
  it('describe a body, they are not its name ("the Israeli military"); the proper name still links', () => {
    expect(links('The Israeli military fired warning shots.')).toEqual([]);
    expect(links('The IDF fired warning shots in Israel.')).toEqual(['idf:IDF', 'Q801:Israel']);
  });
  it('an event keeps its descriptive name ("the Mexican drug war")', () => {
    expect(links('Violence in the Mexican drug war rose.')).toEqual(['mexican-drug-war:Mexican drug war']);
  });
  it('a country\'s adjective written alone is not the country, even as its alias ("Qatari")', () => {
    expect(links('The Qatari foreign minister arrives.')).toEqual([]);
    expect(links('Qatar mediates the talks.')).toEqual(['Q846:Qatar']);
  });
});

describe('a name as one item of a list of places', () => {
  it('an ordinary-word country listed with countries is the country ("Iran, Egypt, Turkey and elsewhere")', () => {
    expect(links('For prisoners in Iran, Egypt, Turkey and elsewhere, homecoming is far off.')).toEqual(['Q794:Iran', 'Q79:Egypt', 'Q43:Turkey']);
    expect(links('Delegates came from Egypt, Jordan, the Netherlands and Iran.')).toEqual(['Q79:Egypt', 'Q810:Jordan', 'Q55:Netherlands', 'Q794:Iran']);
    // Without the list, nothing vouches for the word.
    expect(links('Turkey and stuffing are served.')).toEqual([]);
  });
  it('listed with states, the namesake state, not the city; a country listed with another country\'s states stays the country', () => {
    expect(links('The region includes the states of Michigan, Minnesota, and New York.')).toEqual(['Q1166:Michigan', 'Q1527:Minnesota', 'Q1384:New York']);
    expect(links('She moved to New York last year.')).toEqual(['Q60:New York']);
    expect(links('Cuts reduce water for Michigan, Minnesota and Mexico.')).toEqual(['Q1166:Michigan', 'Q1527:Minnesota', 'Q96:Mexico']);
  });
  it('one neighbour after a comma is an address: it vouches only for a place in its own country', () => {
    expect(links("Hudson's Bay, Canada's oldest store, files for protection.")).toEqual(['Q16:Canada']);
  });
});

describe('an edition written after an event\'s name', () => {
  it('a Roman numeral ("Super Bowl LVIII") is an edition, not the series; the series alone links', () => {
    expect(links('The Chiefs advance to Super Bowl LVIII.')).toEqual([]);
    expect(links('The Super Bowl is on Sunday.', null)).toEqual(['super-bowl:Super Bowl']); // Undated: in dated text a series' name is that year's edition (recurring-events.ts).
    // "I" is a pronoun, not a numeral.
    expect(links('At the Super Bowl I saw him.', null)).toEqual(['super-bowl:Super Bowl']);
  });
  it('a year picks that edition: the record of the series is not it, the edition\'s own record is', () => {
    expect(links('Spain wins Euro 2024.', '2024-07-15')).toEqual(['Q29:Spain', 'euro-2024:Euro 2024']);
    expect(links('Spain wins Euro 2028.', '2024-07-15')).toEqual(['Q29:Spain']);
  });
});

describe('a place joined by a dash to a word that starts no known name', () => {
  it('is the first part of another name ("the Asia-Pacific region"); two known names stay two', () => {
    expect(links('Customers in the Asia-Pacific region lost service.')).toEqual([]);
    expect(links('Customers in Asia lost service.')).toEqual(['Q48:Asia']);
    expect(links('The Israel-Hamas war goes on.')).toEqual(['Q801:Israel', 'Q38799:Hamas']);
    // An en dash joins two places, known or not.
    expect(links('The Asia–Ruritania route reopened.')).toEqual(['Q48:Asia']);
  });
  it('a nationality adjective after the dash leaves the place ("U.S.-Israeli relations")', () => {
    expect(links('U.S.-Israeli relations grew tense.')).toEqual(['Q30:U.S.']);
  });
});
