/**
 * Linker mechanisms for unseen news (issue #4, session 16): a known name joined to words that make a
 * longer name the pack does not hold, of a type the record cannot be (longer-names.ts and the hooks in
 * link.ts / name-continuations.ts): a product's code after its maker ("a Cessna 152", "Sputnik V"),
 * a hyphenated chain before a name ("Tehrik-i-Taliban"), a competition's qualifier before an event
 * ("T20 World Cup", "Women's World Cup"), an age group's code after an organisation ("the FIFA U-20
 * World Cup"), a body's noun and "of" before a place ("the Liberal Party of Australia"), a Romance
 * connector before a place ("Notre-Dame de Paris"), a newspaper's noun after a place ("Kansas City
 * Star", the shorter "Kansas" inside it too), an en dash before a faction's code ("IS–K"), a national
 * body "of" a state ("the Supreme Court of Alabama"), a landform's or a prize's noun ("the Danube
 * Delta", "the Cannes Grand Prix"), a monument after an article-led possessive ("the People's
 * Friendship Arch"). Own sentences, own small entity list; each case fails without its mechanism, and
 * each has the neighbouring right reading that must stay.
 */
import { describe, expect, it } from 'vitest';
import { buildEntityIndex } from '../lib/entities/index';
import { linkKeys, testEntity } from './_entity-fixtures';

const E = testEntity;
const index = buildEntityIndex([
  E({ id: 'cessna', name: 'Cessna', type: 'organization', subtype: 'company', country: 'US', prominence: 60 }),
  E({ id: 'sputnik', name: 'Sputnik', type: 'organization', subtype: 'website', country: 'RU', prominence: 60 }),
  E({ id: 'google', name: 'Google', type: 'organization', subtype: 'company', country: 'US', prominence: 95 }),
  E({ id: 'ethiopian', name: 'Ethiopian Airlines', type: 'organization', subtype: 'company', country: 'ET', prominence: 70 }),
  E({ id: 'taliban', name: 'Taliban', type: 'organization', subtype: 'armed_group', country: 'AF', prominence: 90 }),
  E({ id: 'is', name: 'Islamic State', type: 'organization', subtype: 'armed_group', aliases: ['IS'], prominence: 90 }),
  E({ id: 'worldcup', name: 'FIFA World Cup', type: 'event', aliases: ['World Cup'], prominence: 90 }),
  E({ id: 'fifa', name: 'FIFA', type: 'organization', prominence: 90 }),
  E({ id: 'australia', name: 'Australia', type: 'place', subtype: 'country', country: 'AU', prominence: 95 }),
  E({ id: 'paris', name: 'Paris', type: 'place', subtype: 'capital', country: 'FR', population: 2_100_000, prominence: 95 }),
  E({ id: 'turkey', name: 'Türkiye', type: 'place', subtype: 'country', aliases: ['Turquía'], country: 'TR', prominence: 90 }),
  E({ id: 'us', name: 'United States', type: 'place', subtype: 'country', aliases: ['U.S.'], country: 'US', prominence: 99 }),
  E({ id: 'kc', name: 'Kansas City', type: 'place', subtype: 'city', country: 'US', population: 500_000, prominence: 70 }),
  E({ id: 'kansas', name: 'Kansas', type: 'place', subtype: 'region', country: 'US', prominence: 75 }),
  E({ id: 'houston', name: 'Houston', type: 'place', subtype: 'city', country: 'US', population: 2_300_000, prominence: 80 }),
  E({ id: 'scotus', name: 'Supreme Court of the United States', type: 'organization', subtype: 'government_body', aliases: ['Supreme Court'], country: 'US', prominence: 90 }),
  E({ id: 'alabama', name: 'Alabama', type: 'place', subtype: 'region', country: 'US', prominence: 70 }),
  E({ id: 'danube', name: 'Danube', type: 'place', subtype: 'landmark', prominence: 70 }),
  E({ id: 'cannes', name: 'Cannes', type: 'place', subtype: 'city', country: 'FR', population: 74_000, prominence: 65 }),
  E({ id: 'people', name: 'The People', type: 'organization', subtype: 'company', country: 'GB', prominence: 40 }),
  E({ id: 'kyiv', name: 'Kyiv', type: 'place', subtype: 'capital', country: 'UA', population: 2_900_000, prominence: 90 }),
]);

const links = (text: string) => linkKeys(index, text, '2024-06-01');

describe("a product's code after its maker", () => {
  it('names the product, not the maker', () => {
    expect(links('A Cessna 152 aircraft crashes in a field near the town, killing both pilots.')).toEqual([]);
    expect(links("Regulators approve Russia's Sputnik V, months after the first trials ended.")).toEqual([]);
  });
  it('leaves the maker alone before a count, a year, the first one and an airline before a model', () => {
    expect(links('He joined Google 10 years ago and left in the spring for a rival firm.')).toEqual(['google:Google']);
    expect(links('She said Cessna 2024 sales grew, and Cessna R&D spending rose too.')).toEqual(['cessna:Cessna', 'cessna:Cessna']);
    expect(links('The trial over the Ethiopian Airlines 737 MAX crash opens in Chicago on Monday.')).toEqual(['ethiopian:Ethiopian Airlines']);
  });
});

describe('a hyphenated chain before a name', () => {
  it('makes one longer name', () => {
    expect(links('A shootout between soldiers and Tehrik-i-Taliban militants kills six in the north.')).toEqual([]);
  });
  it('leaves a name after a plain hyphenated word alone', () => {
    expect(links('The anti-Taliban militias regroup in the valley, the officials said on Monday.')).toEqual(['taliban:Taliban']);
  });
});

describe("a competition's qualifier before an event", () => {
  it('names another competition', () => {
    expect(links("Fans celebrate Pakistan's win in Sunday's T20 World Cup cricket game in the capital.")).toEqual([]);
    expect(links("The team reaches the knockout stage of a FIFA Women's World Cup for the first time.")).toEqual([]);
  });
  it("leaves the event alone after the men's qualifier and without one", () => {
    // Undated: in dated text a series record with no edition in the pack links nothing
    // (recurring-events.ts), which is not what this rule is about.
    expect(linkKeys(index, "He scored twice at the Men's World Cup and once at the World Cup qualifiers.", null)).toEqual(['worldcup:World Cup', 'worldcup:World Cup']);
  });
});

describe("an age group's code after an organisation", () => {
  it("names the youth competition, not the organisation", () => {
    expect(links('Argentina is confirmed as the host of the FIFA U-20 World Cup by FIFA after the vote.')).toEqual(['fifa:FIFA']);
  });
});

describe("a body's noun and \"of\" before a place", () => {
  it("is the body's name", () => {
    expect(links('Simon Kennedy of the Liberal Party of Australia wins the by-election in Cook.')).toEqual([]);
  });
  it('leaves the place alone after a title', () => {
    expect(links('The Prime Minister of Australia visits the troops on Monday, officials said.')).toEqual(['australia:Australia']);
  });
});

describe('a Romance connector before a place', () => {
  it("is a building's name", () => {
    expect(links('French authorities say that the Notre-Dame de Paris cathedral will reopen in December.')).toEqual([]);
  });
  it("leaves a state's own style, a sentence's first word and English \"do\" alone", () => {
    expect(links('El embajador visitó la República de Turquía en marzo.')).toEqual(['turkey:Turquía']);
    expect(links('Where do U.S. officials go from here after the talks?')).toEqual(['us:U.S.']);
  });
});

describe("a newspaper's noun after a place", () => {
  it("is the newspaper's name, the shorter name inside it too, in a headline as well", () => {
    expect(links("Kansas City Star Rebukes Senator's Role In Insurrection")).toEqual([]);
    expect(links('The Houston Chronicle reports that flood waters are rising fast.')).toEqual([]);
  });
  it('leaves the place alone before other words', () => {
    expect(links('Kansas City Mayor Quinton Lucas said the stadium deal was done.')).toEqual(['kc:Kansas City']);
  });
});

describe("an en dash before a faction's code", () => {
  it('names the branch, not the parent organisation', () => {
    expect(links('The government vows to fight the insurgency of IS–K in the eastern provinces.')).toEqual([]);
  });
});

describe('a national body "of" a state of its own country', () => {
  it("is the state's body", () => {
    expect(links("The attorney general makes a filing with the Supreme Court of Alabama on Monday.")).toEqual([]);
  });
  it("leaves the body alone \"of\" its own country", () => {
    expect(links('He argued before the Supreme Court of the United States last year.')).toEqual(['scotus:Supreme Court of the United States']);
  });
});

describe("a landform's, a prize's or a monument's noun", () => {
  it('names the landform, the prize and the monument', () => {
    expect(links('Russian warships attack Snake Island near the Danube Delta on Thursday.')).toEqual([]);
    expect(links('The director won the Cannes Grand Prix for her first feature film.')).toEqual([]);
    expect(links("The bronze statue under the People's Friendship Arch in Kyiv is taken down.")).toEqual(['kyiv:Kyiv']);
  });
  it('leaves the river and the city alone before lower-case words', () => {
    expect(links('The Danube flooded towns, and Cannes hosted a film festival in May.')).toEqual(['danube:Danube', 'cannes:Cannes']);
  });
});
