/**
 * Linker rules from the news-event dev items (issue #4, session 9): shapes of text around a name
 * that make it part of something else (usage-rules.ts), a country written before a place, and a
 * place named by a common noun. Own sentences, own small entity list; each case fails without its rule.
 */
import { describe, expect, it } from 'vitest';
import { buildEntityIndex } from '../lib/entities/index';
import { linkKeys, testEntity } from './_entity-fixtures';

const E = testEntity;
const index = buildEntityIndex([
  E({ id: 'Q30', name: 'United States', type: 'place', subtype: 'country', aliases: ['US', 'U.S.'], country: 'US', prominence: 95 }),
  E({ id: 'Q145', name: 'United Kingdom', type: 'place', subtype: 'country', aliases: ['UK', 'U.K.'], country: 'GB', prominence: 95 }),
  E({ id: 'Q16', name: 'Canada', type: 'place', subtype: 'country', country: 'CA', prominence: 95 }),
  E({ id: 'Q1028', name: 'Morocco', type: 'place', subtype: 'country', country: 'MA', prominence: 95 }),
  E({ id: 'Q34217', name: 'Oxford', type: 'place', subtype: 'city', country: 'GB', population: 171380, prominence: 65 }),
  E({ id: 'Q43894875', name: 'AstraZeneca', type: 'organization', subtype: 'company', country: 'GB', prominence: 80 }),
  E({ id: 'Q206921', name: 'Pfizer', type: 'organization', subtype: 'company', country: 'US', prominence: 70 }),
  E({ id: 'geonames:5937615', name: 'Delta', type: 'place', subtype: 'city', country: 'CA', population: 101668, prominence: 52 }),
  E({ id: 'curated:fifa-world-cup', name: 'FIFA World Cup', type: 'event', aliases: ['World Cup'], prominence: 85 }),
  E({ id: 'Q239464', name: 'Eve', type: 'person', country: 'US', prominence: 36 }),
  E({ id: 'T:front', name: 'Defenders Front', type: 'organization', prominence: 70 }),
  E({ id: 'Q79867', name: 'Birmingham', type: 'place', subtype: 'city', aliases: ['Birmingham, Alabama'], country: 'US', population: 212461, prominence: 66 }),
  E({ id: 'geonames:2655603', name: 'Birmingham', type: 'place', subtype: 'city', country: 'GB', population: 984333, prominence: 59 }),
  E({ id: 'geonames:64538', name: 'Bay', type: 'place', subtype: 'region', aliases: ['Bay, Somalia'], country: 'SO', prominence: 64 }),
  E({ id: 'Q1045', name: 'Somalia', type: 'place', subtype: 'country', country: 'SO', prominence: 95 }),
  E({ id: 'Q1065', name: 'United Nations', type: 'organization', subtype: 'international_organization', aliases: ['UN'], prominence: 85 }),
  E({ id: 'Q40469', name: 'Associated Press', type: 'organization', subtype: 'media', aliases: ['AP'], country: 'US', prominence: 70 }),
  E({ id: 'Q34', name: 'Sweden', type: 'place', subtype: 'country', country: 'SE', prominence: 95 }),
  E({ id: 'Q2054', name: 'Seneca', type: 'person', country: 'IT', prominence: 60 }),
  E({ id: 'Q1054298', name: "CDS – People's Party", type: 'organization', subtype: 'political_party', aliases: ["People's Party"], country: 'PT', prominence: 60 }),
  E({ id: 'Q133207', name: 'Muslim Brotherhood', type: 'organization', subtype: 'political_party', country: 'EG', prominence: 70 }),
  E({ id: 'Q35525', name: 'White House', type: 'organization', subtype: 'government_body', country: 'US', prominence: 85 }),
  E({ id: 'Q28957228', name: 'Karine Jean-Pierre', type: 'person', country: 'US', prominence: 70 }),
  E({ id: 'Q216082', name: 'Australian Labor Party', type: 'organization', subtype: 'political_party', country: 'AU', prominence: 70 }),
  E({ id: 'Q9901', name: 'Australian Labor Party (Victorian Branch)', type: 'organization', subtype: 'political_party', aliases: ['Australian Labor Party'], country: 'AU', prominence: 55 }),
  E({ id: 'Q11701', name: 'United States House of Representatives', type: 'organization', subtype: 'government_body', aliases: ['House of Representatives'], country: 'US', prominence: 85 }),
  E({ id: 'Q783401', name: 'House of Representatives', type: 'organization', subtype: 'government_body', aliases: ['Australian House of Representatives'], country: 'AU', prominence: 70 }),
  E({ id: 'Q345', name: 'Mary', type: 'person', prominence: 36 }),
  E({ id: 'Q22686', name: 'Donald Trump', type: 'person', shortNames: ['Trump'], country: 'US', prominence: 99 }),
  E({ id: 'curated:uk-labour', name: 'Labour Party', type: 'organization', subtype: 'political_party', aliases: ['Labour'], country: 'GB', prominence: 85 }),
]);

function links(text: string, date: string | null = '2021-06-01'): string[] {
  return linkKeys(index, text, date);
}

describe('a name glued to a currency sign is the currency', () => {
  it('"US$" is dollars, "the US" the country', () => {
    expect(links('He was fined US$1,400 for the event.')).toEqual([]);
    expect(links('He was fined by the US for the event.')).toEqual(['Q30:US']);
  });
});

describe('a name followed by "vaccine" or "variant" names the vaccine or the strain', () => {
  it('drops the company and place names of a vaccine, also across dashes and "COVID-19"', () => {
    expect(links('She receives her first dose of the Oxford–AstraZeneca vaccine.')).toEqual([]);
    expect(links('Argentina donates doses of the Oxford–AstraZeneca COVID-19 vaccine.')).toEqual([]);
    expect(links('Children get the Pfizer–BioNTech COVID-19 vaccine.')).toEqual([]);
  });
  it('drops a strain named by a word that is also a city', () => {
    expect(links('Masks are back amid the spread of the Delta variant in Canada.')).toEqual(['Q16:Canada']);
  });
  it('keeps the company when the noun does not follow its name', () => {
    expect(links('Pfizer said its vaccine works.')).toEqual(['Q206921:Pfizer']);
    expect(links('AstraZeneca and Pfizer reported results.')).toEqual(['Q43894875:AstraZeneca', 'Q206921:Pfizer']);
  });
});

describe('an age-group prefix makes a youth edition of an event', () => {
  it('"U-20 World Cup" is not the World Cup', () => {
    expect(links('Morocco wins its first U-20 World Cup after a 2–0 final.')).toEqual(['Q1028:Morocco']);
    expect(links('Morocco wins its first Under-17 World Cup.')).toEqual(['Q1028:Morocco']);
    expect(links('Morocco reaches the World Cup semi-final.', null)).toEqual(['Q1028:Morocco', 'curated:fifa-world-cup:World Cup']); // Undated: in dated text a series' name is that year's edition (recurring-events.ts).
  });
});

describe('the last word of a holiday is not a one-word name', () => {
  it('"New Year\'s Eve", "Christmas Eve"', () => {
    expect(links('Members pay to attend his New Year’s Eve party.')).toEqual([]);
    expect(links("They met on Christmas Eve in 2019.")).toEqual([]);
    expect(links('The rapper Eve released an album.')).toEqual(['Q239464:Eve']);
  });
});

describe('an organisation name going on with "of" and a nationality adjective', () => {
  it('is a longer name; "of" and another word may be its fuller name', () => {
    expect(links('The head of the Defenders Front of Syrian Revolutionary Forces resigned.')).toEqual([]);
    expect(links('The head of the Defenders Front resigned.')).toEqual(['T:front:Defenders Front']);
    expect(links('She studied at the Defenders Front of Business.')).toEqual(['T:front:Defenders Front']);
  });
});

describe('a country written before a place says whose it is', () => {
  it('"U.K.\'s Birmingham" is the British city even on a page that names the US', () => {
    expect(links("A U.S. tourist was hurt in the U.K.'s Birmingham.")).toEqual(['Q30:U.S.', 'Q145:U.K.', 'geonames:2655603:Birmingham']);
  });
});

describe('a place whose whole name is a common noun', () => {
  it('"Hudson\'s Bay" is not Bay, Somalia; Bay on a Somali page is', () => {
    expect(links("Hudson's Bay, Canada's oldest department store, files for creditor protection.")).toEqual(['Q16:Canada']);
    expect(links('Fighting was reported in Bay region, Somalia.')).toEqual(['geonames:64538:Bay', 'Q1045:Somalia']);
  });
});

describe('a title after a name', () => {
  it('a word hyphenated to a title starts the title ("UN Under-Secretary-General")', () => {
    expect(links('UN Under-Secretary-General Martin Example says the rules of war apply.')).toEqual(['Q1065:UN']);
    expect(links('United Nations Under-Secretary-General Thomas Example visits.')).toEqual(['Q1065:United Nations']);
  });
  it('a legislator\'s title in capitals after a party ("Labour Party MP")', () => {
    expect(links('Labour Party MP Jane Example resigns in protest.')).toEqual(['curated:uk-labour:Labour Party']);
  });
});

describe('letters glued after a dollar sign', () => {
  it('"A$AP" is a stylised name, not the initials AP', () => {
    expect(links("The U.S. warned Sweden over A$AP Rocky's detention.")).toEqual(['Q30:U.S.', 'Q34:Sweden']);
    expect(links('The AP reported the detention.')).toEqual(['Q40469:AP']);
  });
});

describe('a one-word name after a maker and a hyphenated model code', () => {
  it('"Piper PA-34 Seneca" is an aircraft model', () => {
    expect(links('A Piper PA-34 Seneca training plane crashes in Canada.')).toEqual(['Q16:Canada']);
    expect(links('Seneca wrote letters to Lucilius.')).toEqual(['Q2054:Seneca']);
  });
});

describe("a continent's adjective before a national party's name", () => {
  it('"European People\'s Party" is not the Portuguese party; a country\'s own adjective is left alone', () => {
    expect(links("Fidesz leaves the European People's Party bloc.")).toEqual([]);
    expect(links("In Lisbon the People's Party voted against it.")).toEqual(["Q1054298:People's Party"]);
    expect(links('The Egyptian Muslim Brotherhood was banned.')).toEqual(['Q133207:Muslim Brotherhood']);
  });
});

describe('a run of title words between a body and a person', () => {
  it('ends the body\'s name ("White House Principal Deputy Press Secretary Karine Jean-Pierre")', () => {
    expect(links('White House Principal Deputy Press Secretary Karine Jean-Pierre calls it unprovoked.'))
      .toEqual(['Q35525:White House', 'Q28957228:Karine Jean-Pierre']);
    // No known person after the title words: an unknown longer name.
    expect(links('It was said at a meeting of the members of the White House Historical Association Secretary Day in the spring.')).toEqual([]);
  });
});

describe('namesakes of one country still say the country', () => {
  it('"Australian Labor Party" (also its branches\' name) makes a generic "House of Representatives" Australian', () => {
    expect(links('The Australian Labor Party wins a majority in the House of Representatives.'))
      .toEqual(['Q216082:Australian Labor Party', 'Q783401:House of Representatives']);
  });
});

describe('a one-word-named person right before another person\'s surname', () => {
  it('"Mary Trump" is one unknown person: neither Mary nor Donald Trump', () => {
    expect(links("Mary Trump Says It's 'Disgraceful' Her Uncle Is Spending The Day Commenting")).toEqual([]);
    expect(links('Her niece Mary Trump told reporters about it.')).toEqual([]);
    expect(links('Trump told reporters about it.')).toEqual(['Q22686:Trump']);
  });
});
