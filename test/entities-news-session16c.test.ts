/**
 * Linker mechanisms for unseen news (issue #4, session 16), each a class of false link that reads a
 * record's type against its context: a place that makes laws is the state, not the city of its
 * name ("as New York legalized …", "the state of São Paulo", "Court Blocks New York Restrictions");
 * a region's one-word alias naming its people ("150–160 Amhara civilians"); a person written by
 * their own name, not another's alias ("Michael Jordan" is not "Michael B. Jordan"), and a singer,
 * not the band of the same name. Own sentences, own small entity list; each case fails without its
 * mechanism.
 */
import { describe, expect, it } from 'vitest';
import { buildEntityIndex } from '../lib/entities/index';
import { linkKeys, testEntity } from './_entity-fixtures';

const E = testEntity;
const index = buildEntityIndex([
  E({ id: 'us', name: 'United States', type: 'place', subtype: 'country', aliases: ['U.S.'], country: 'US', prominence: 99 }),
  E({ id: 'nyc', name: 'New York City', type: 'place', subtype: 'city', aliases: ['New York'], country: 'US', population: 8_000_000, prominence: 95 }),
  E({ id: 'nys', name: 'New York', type: 'place', subtype: 'region', country: 'US', prominence: 85 }),
  E({ id: 'scotus', name: 'Supreme Court of the United States', type: 'organization', subtype: 'government_body', aliases: ['Supreme Court'], country: 'US', prominence: 85 }),
  E({ id: 'brazil', name: 'Brazil', type: 'place', subtype: 'country', country: 'BR', prominence: 95 }),
  E({ id: 'sp-city', name: 'São Paulo', type: 'place', subtype: 'city', country: 'BR', population: 12_000_000, prominence: 80 }),
  E({ id: 'sp-state', name: 'São Paulo', type: 'place', subtype: 'region', country: 'BR', prominence: 70 }),
  E({ id: 'ethiopia', name: 'Ethiopia', type: 'place', subtype: 'country', country: 'ET', prominence: 90 }),
  E({ id: 'amhara', name: 'Amhara Region', type: 'place', subtype: 'region', aliases: ['Amhara'], country: 'ET', prominence: 64 }),
  E({ id: 'oromia', name: 'Oromia', type: 'place', subtype: 'region', country: 'ET', prominence: 64 }),
  E({ id: 'jordan-actor', name: 'Michael B. Jordan', type: 'person', aliases: ['Michael Jordan'], country: 'US', prominence: 44 }),
  E({ id: 'jordan', name: 'Michael Jordan', type: 'person', country: 'US', prominence: 36 }),
  E({ id: 'bolton', name: 'John R. Bolton', type: 'person', aliases: ['John Bolton'], country: 'US', prominence: 42 }),
  E({ id: 'bolton-2', name: 'John Bolton', type: 'person', aliases: ['John R. Bolton'], country: 'US', prominence: 38 }),
  E({ id: 'manson', name: 'Marilyn Manson', type: 'person', country: 'US', prominence: 36 }),
  E({ id: 'manson-band', name: 'Marilyn Manson', type: 'organization', subtype: 'music_group', country: 'US', prominence: 42 }),
]);

const links = (text: string) => linkKeys(index, text, '2022-06-01');

describe('the place that makes laws is the state', () => {
  it('reads a law-making verb after the name', () => {
    expect(links('The host tweeted a cautionary tale as New York legalized recreational marijuana.')).toEqual(['nys:New York']);
    expect(links("New York's law bans guns in Times Square.")).toEqual(['nys:New York']);
  });
  it("reads a court's ruling on the place's rules", () => {
    expect(links('Supreme Court Blocks New York COVID-19 Restrictions On Religious Gatherings')).toEqual(['scotus:Supreme Court', 'nys:New York']);
  });
  it('reads "the state of" before the name', () => {
    expect(links('Floods leave hundreds homeless in the Brazilian state of São Paulo.')).toEqual(['sp-state:São Paulo']);
  });
  it('leaves the city where nothing says state', () => {
    expect(links('Floods leave hundreds homeless in São Paulo, Brazil.')).toEqual(['sp-city:São Paulo', 'brazil:Brazil']);
    expect(links('New York bars reopen as the city lifts its curfew.')).toEqual(['nyc:New York']);
  });
});

describe("a region's alias naming its people", () => {
  it('links nothing before a noun of persons or after "ethnic"', () => {
    expect(links('Lobbyists say that 150–160 Amhara civilians have been killed in Oromia, Ethiopia.')).toEqual(['oromia:Oromia', 'ethiopia:Ethiopia']);
    expect(links('Gunmen killed dozens of ethnic Amhara in Oromia, Ethiopia.')).toEqual(['oromia:Oromia', 'ethiopia:Ethiopia']);
  });
  it('still links the region', () => {
    expect(links('Fighting spreads to Amhara, Ethiopia, as refugees flee.')).toEqual(['amhara:Amhara', 'ethiopia:Ethiopia']);
    expect(links('Amhara Region militia clash with federal troops in Ethiopia.')).toEqual(['amhara:Amhara Region', 'ethiopia:Ethiopia']);
  });
});

describe("a person's own name before another's alias", () => {
  it('links the record named so', () => {
    expect(links("Michael Jordan's Daughter Addresses Her Mom's Absence")).toEqual(['jordan:Michael Jordan']);
  });
  it('keeps the alias where the page names its owner in full', () => {
    expect(links('Michael B. Jordan stars in the film. Michael Jordan said he enjoyed it.')).toEqual(['jordan-actor:Michael B. Jordan', 'jordan-actor:Michael Jordan']);
  });
  it('leaves two records of one person as they were', () => {
    expect(links('John Bolton: Trump Sanctions On European Companies Possible')).toEqual(['bolton:John Bolton']);
  });
  it('reads the singer, not the band of his name', () => {
    expect(links('Actress Names Marilyn Manson As Her Abuser')).toEqual(['manson:Marilyn Manson']);
  });
});

describe('a bare surname after an unknown bearer of it', () => {
  const idx = buildEntityIndex([
    E({ id: 'gigi', name: 'Gigi Hadid', type: 'person', shortNames: ['Hadid'], country: 'US', prominence: 60 }),
    E({ id: 'biden', name: 'Joe Biden', type: 'person', shortNames: ['Biden'], country: 'US', prominence: 99 }),
  ]);
  const at = (text: string) => linkKeys(idx, text, '2022-06-01');
  it("is the bearer's, not the known person named later", () => {
    expect(at("Karen Hadid shared a photo. Hadid's last post drew praise from Gigi Hadid.")).toEqual(['gigi:Gigi Hadid']);
  });
  it('is the known person once the page has named them', () => {
    expect(at('Joe Biden spoke. Hunter Biden left. Biden said more.')).toEqual(['biden:Joe Biden', 'biden:Biden']);
    expect(at("Gigi Hadid posted. Karen Hadid shared a photo. Hadid's post drew praise.")).toEqual(['gigi:Gigi Hadid', 'gigi:Hadid']);
  });
});

describe('a country after a state and a comma', () => {
  const idx = buildEntityIndex([
    E({ id: 'mx', name: 'Mexico', type: 'place', subtype: 'country', country: 'MX', prominence: 95 }),
    E({ id: 'edomex', name: 'México', type: 'place', subtype: 'region', aliases: ['Mexico', 'State of Mexico'], country: 'MX', prominence: 64 }),
    E({ id: 'chiapas', name: 'Chiapas', type: 'place', subtype: 'region', country: 'MX', prominence: 64 }),
    E({ id: 'hidalgo', name: 'Hidalgo', type: 'place', subtype: 'region', country: 'MX', prominence: 64 }),
  ]);
  const at = (text: string) => linkKeys(idx, text, '2022-06-01');
  it('is the country when a verb, not a name, follows the next comma', () => {
    expect(at('A truck crashes in Chiapas, Mexico, killing 55 people.')).toEqual(['chiapas:Chiapas', 'mx:Mexico']);
  });
  it('is the state in a list of states', () => {
    expect(at('Floods hit Chiapas, Mexico, Hidalgo and other states.')).toEqual(['chiapas:Chiapas', 'edomex:Mexico', 'hidalgo:Hidalgo']);
  });
});

describe("a minor movement of generic words from another country", () => {
  const idx = buildEntityIndex([
    E({ id: 'nsf-lb', name: 'National Salvation Front', type: 'organization', subtype: 'armed_group', country: 'LB', prominence: 62 }),
    E({ id: 'lebanon', name: 'Lebanon', type: 'place', subtype: 'country', country: 'LB', prominence: 90 }),
    E({ id: 'tunis', name: 'Tunis', type: 'place', subtype: 'capital', country: 'TN', population: 600_000, prominence: 80 }),
    E({ id: 'pla', name: "People's Liberation Army", type: 'organization', subtype: 'armed_group', country: 'CN', prominence: 62 }),
    E({ id: 'taiwan', name: 'Taiwan', type: 'place', subtype: 'country', country: 'TW', prominence: 90 }),
  ]);
  const at = (text: string) => linkKeys(idx, text, '2023-04-20');
  it('links nothing on a page naming another country and not its own', () => {
    expect(at('Police detain National Salvation Front member Chaima Issa in Tunis.')).toEqual(['tunis:Tunis']);
  });
  it('links on a page naming its own country', () => {
    expect(at('The National Salvation Front attacks positions near Tripoli, Lebanon.')).toEqual(['nsf-lb:National Salvation Front', 'lebanon:Lebanon']);
  });
  it('keeps an army, whose name is its own', () => {
    expect(at("The People's Liberation Army drills around Taiwan.")).toEqual(["pla:People's Liberation Army", 'taiwan:Taiwan']);
  });
});

describe('a noun of land or water after a name', () => {
  const idx = buildEntityIndex([
    E({ id: 'amazon', name: 'Amazon', type: 'organization', subtype: 'company', country: 'US', prominence: 90 }),
    E({ id: 'colombia', name: 'Colombia', type: 'place', subtype: 'country', country: 'CO', prominence: 90 }),
  ]);
  const at = (text: string) => linkKeys(idx, text, '2023-04-20');
  it('makes the name a place, no company', () => {
    expect(at('The military conducts airstrikes in the Amazon region of Colombia.')).toEqual(['colombia:Colombia']);
  });
  it('leaves the company before other nouns', () => {
    expect(at('Workers at an Amazon warehouse in Colombia strike.')).toEqual(['amazon:Amazon', 'colombia:Colombia']);
  });
});
