/**
 * Namesakes told apart by the item's own cues (issue #4, session 14, disambig): the state or country
 * written after a city ("Buffalo, Minnesota"), a place's initials beside another reading on a page
 * about elsewhere ("(AP)" in a Venezuela item), and the words that credit a news agency ("obtained
 * by AP"). Own sentences, own small entity list; each case fails without its mechanism.
 */
import { describe, expect, it } from 'vitest';
import { buildEntityIndex } from '../lib/entities/index';
import { agencyCredit } from '../lib/entities/agency-credit';
import { addressContradicts, dominantPlace, foreignPartyForm, genericBodyAbroad, initialismPlaceFits, unplacedNamesake } from '../lib/entities/namesake-country';
import { tokenize } from '../lib/entities/normalize';
import { linkKeys, testEntity } from './_entity-fixtures';

const E = testEntity;
const buffaloNY = E({ id: 'buf-ny', name: 'Buffalo', type: 'place', subtype: 'city', aliases: ['Buffalo, New York'], country: 'US', population: 260_000, prominence: 67 });
const minnesota = E({ id: 'mn', name: 'Minnesota', type: 'place', subtype: 'region', country: 'US', prominence: 70 });
const newYork = E({ id: 'ny', name: 'New York', type: 'place', subtype: 'region', country: 'US', prominence: 75 });
const tripoliLY = E({ id: 'trip-ly', name: 'Tripoli', type: 'place', subtype: 'capital', country: 'LY', population: 1_150_000, prominence: 85 });
const lebanon = E({ id: 'lb', name: 'Lebanon', type: 'place', subtype: 'country', country: 'LB', prominence: 90 });
const libya = E({ id: 'ly', name: 'Libya', type: 'place', subtype: 'country', country: 'LY', prominence: 90 });
const sanJoseCR = E({ id: 'sj-cr', name: 'San José', type: 'place', subtype: 'capital', aliases: ['San Jose'], country: 'CR', population: 340_000, prominence: 85 });
const sanJoseUS = E({ id: 'sj-us', name: 'San Jose', type: 'place', subtype: 'city', country: 'US', population: 1_000_000, prominence: 60 });
const california = E({ id: 'ca', name: 'California', type: 'place', subtype: 'region', country: 'US', prominence: 80 });
const sanJuanPR = E({ id: 'sju-pr', name: 'San Juan', type: 'place', subtype: 'capital', country: 'PR', population: 418_000, prominence: 85 });
const puertoRico = E({ id: 'pr', name: 'Puerto Rico', type: 'place', subtype: 'region', country: 'US', prominence: 70 });
const crimea = E({ id: 'crimea', name: 'Crimea', type: 'place', subtype: 'peninsula', country: 'UA', prominence: 80 });
const russia = E({ id: 'ru', name: 'Russia', type: 'place', subtype: 'country', country: 'RU', prominence: 95 });
const andhra = E({ id: 'andhra', name: 'Andhra Pradesh', type: 'place', subtype: 'region', aliases: ['A.P.'], country: 'IN', prominence: 70 });
const ap = E({ id: 'ap', name: 'Associated Press', type: 'organization', subtype: 'media', aliases: ['AP'], country: 'US', prominence: 67 });
const venezuela = E({ id: 've', name: 'Venezuela', type: 'place', subtype: 'country', country: 'VE', prominence: 90 });
const india = E({ id: 'in', name: 'India', type: 'place', subtype: 'country', country: 'IN', prominence: 95 });
const nyc = E({ id: 'nyc', name: 'New York City', type: 'place', subtype: 'city', aliases: ['NYC'], country: 'US', population: 8_000_000, prominence: 90 });
const dc = E({ id: 'dc', name: 'Washington, D.C.', type: 'place', subtype: 'capital', aliases: ['D.C.'], country: 'US', population: 700_000, prominence: 90 });
const dcComics = E({ id: 'dc-comics', name: 'DC Comics', type: 'organization', subtype: 'media', aliases: ['DC'], country: 'US', prominence: 67 });
const britain = E({ id: 'gb', name: 'United Kingdom', type: 'place', subtype: 'country', aliases: ['UK'], country: 'GB', prominence: 95 });

const index = buildEntityIndex([buffaloNY, minnesota, newYork, tripoliLY, lebanon, libya, sanJoseCR, sanJoseUS, california, sanJuanPR, puertoRico, crimea, russia, andhra, ap, venezuela, india, nyc, dc, dcComics, britain]);
const links = (text: string) => linkKeys(index, text, '2024-06-01');

describe('the state or country written after a city', () => {
  it('rules out a city whose address names another state, or which lies in another country', () => {
    expect(addressContradicts(buffaloNY, [minnesota], [buffaloNY])).toBe(true);
    expect(addressContradicts(buffaloNY, [newYork], [buffaloNY])).toBe(false);
    expect(addressContradicts(tripoliLY, [lebanon], [tripoliLY])).toBe(true);
    expect(addressContradicts(tripoliLY, [libya], [tripoliLY])).toBe(false);
  });
  it('lets another country\'s state rule a city out only when a candidate lies in that country', () => {
    expect(addressContradicts(sanJoseCR, [california], [sanJoseCR, sanJoseUS])).toBe(true);
    expect(addressContradicts(sanJuanPR, [puertoRico], [sanJuanPR])).toBe(false);
  });
  it('judges cities only, and leaves a city without address aliases to its own country\'s states', () => {
    expect(addressContradicts(crimea, [russia], [crimea])).toBe(false);
    const plain = E({ id: 'x', name: 'Salem', type: 'place', subtype: 'city', country: 'US' });
    expect(addressContradicts(plain, [minnesota], [plain])).toBe(false);
  });
  it('links no namesake: "Buffalo, Minnesota" is not Buffalo, New York; "Tripoli, Lebanon" not the Libyan capital', () => {
    expect(links('A shooting at a clinic in Buffalo, Minnesota. A man is arrested.')).toEqual(['mn:Minnesota']);
    expect(links('A boat sinks off Tripoli, Lebanon.')).toEqual(['lb:Lebanon']);
    expect(links('A train yard in San Jose, California.')).toEqual(['sj-us:San Jose', 'ca:California']);
  });
  it('keeps the city when the state is its own, or when the name after the comma goes on', () => {
    expect(links('Snow falls in Buffalo, New York.')).toEqual(['buf-ny:Buffalo', 'ny:New York']);
    expect(links('Flights from Tripoli, Lebanon and Libya resume.')).toContain('trip-ly:Tripoli');
    expect(links('A housing complex in San Juan, Puerto Rico.')).toEqual(['sju-pr:San Juan', 'pr:Puerto Rico']);
  });
});

describe('a place written as initials beside another reading', () => {
  it('needs a page that names its country, or names no country at all', () => {
    expect(initialismPlaceFits(andhra, new Map([['VE', 1]]), 0)).toBe(false);
    expect(initialismPlaceFits(andhra, new Map([['VE', 1], ['IN', 1]]), 0)).toBe(true);
    expect(initialismPlaceFits(andhra, new Map(), 0)).toBe(true);
    // Its own mentions do not vouch for it.
    expect(initialismPlaceFits(andhra, new Map([['VE', 1], ['IN', 1]]), 1)).toBe(false);
  });
  it('"(AP)" in a Venezuela item is the agency; in an India item the state stays', () => {
    expect(links('He is freed in Venezuela. (AP) Hours later he is detained again.')).toEqual(['ve:Venezuela', 'ap:AP']);
    expect(links('Floods hit AP and other states of India.')).toEqual(['andhra:AP', 'in:India']);
  });
  it('leaves initials with one reading, and dotted ones, to the place', () => {
    expect(links('Tributes to the Queen at an NYC concert in the UK.')).toContain('nyc:NYC');
    expect(links('Transit in D.C. changes, the UK said.')).toContain('dc:D.C.');
  });
});

describe('the words that credit a news agency', () => {
  const credit = (text: string, word: string) => {
    const tokens = tokenize(text);
    return agencyCredit(text, tokens, tokens.findIndex((t) => text.slice(t.start, t.end) === word));
  };
  it('are reporting words after the initials, or "by", "an", "according to" before them', () => {
    expect(credit('Emails obtained by AP show it', 'AP')).toBe(true);
    expect(credit('An AP investigation into it', 'AP')).toBe(true);
    expect(credit('Death: AP Source', 'AP')).toBe(true);
    expect(credit('as AP reported on Monday', 'AP')).toBe(true);
    expect(credit('according to AP, he left', 'AP')).toBe(true);
  });
  it('are not "the" or other words', () => {
    expect(credit('the AP police said', 'AP')).toBe(false);
    expect(credit('moved to AP last year', 'AP')).toBe(false);
    expect(credit('AP Dhillon sings', 'AP')).toBe(false);
  });
  it('make the agency win over a more prominent place of the same letters', () => {
    expect(links('Emails obtained by AP show the police were warned.')).toEqual(['ap:AP']);
    expect(links('Officers say AP is flooded.')).toEqual(['andhra:AP']);
  });
});

describe('a big city among small namesakes', () => {
  const melbourne = E({ id: 'mel', name: 'Melbourne', type: 'place', subtype: 'city', country: 'AU', population: 4_900_000, prominence: 80 });
  const melbourneFL = E({ id: 'mel-fl', name: 'Melbourne', type: 'place', subtype: 'city', country: 'US', population: 84_000, prominence: 55 });
  const victoriaAU = E({ id: 'vic', name: 'Victoria', type: 'place', subtype: 'region', country: 'AU', prominence: 64 });
  const victoriaSC = E({ id: 'vic-sc', name: 'Victoria', type: 'place', subtype: 'capital', country: 'SC', population: 23_000, prominence: 85 });
  const local = buildEntityIndex([melbourne, melbourneFL, victoriaAU, victoriaSC]);
  it('is the dominant reading: big enough and many times bigger than each namesake, all of them places', () => {
    const none = () => false;
    expect(dominantPlace([melbourne, melbourneFL], none)?.id).toBe('mel');
    expect(dominantPlace([melbourneFL, E({ ...melbourneFL, id: 'x', population: 200_000 })], none)).toBeUndefined();
    expect(dominantPlace([melbourne, E({ ...melbourneFL, population: 1_000_000 })], none)).toBeUndefined();
    expect(dominantPlace([melbourne, E({ id: 'p', name: 'Melbourne', type: 'person' })], none)).toBeUndefined();
    // A namesake's own state written on the page keeps it in play.
    const fl = E({ ...melbourneFL, aliases: ['Melbourne, Florida'] });
    expect(dominantPlace([melbourne, fl], (s) => s === 'Florida')).toBeUndefined();
  });
  it('says which country the page is about: "Victoria" beside Melbourne is the Australian state', () => {
    expect(linkKeys(local, 'A person from Victoria tested positive in Melbourne.', '2021-04-24')).toEqual(['vic:Victoria', 'mel:Melbourne']);
  });
});

describe('namesake places none of which lies in a country the page names', () => {
  const amBR = E({ id: 'am-br', name: 'Amazonas', type: 'place', subtype: 'region', country: 'BR', prominence: 64 });
  const amVE = E({ id: 'am-ve', name: 'Amazonas', type: 'place', subtype: 'region', country: 'VE', prominence: 64 });
  const peru = E({ id: 'pe', name: 'Peru', type: 'place', subtype: 'country', country: 'PE', prominence: 90 });
  const brazil = E({ id: 'br', name: 'Brazil', type: 'place', subtype: 'country', country: 'BR', prominence: 92 });
  const flUS = E({ id: 'fl', name: 'Florida', type: 'place', subtype: 'region', country: 'US', prominence: 80 });
  const flUY = E({ id: 'fl-uy', name: 'Florida', type: 'place', subtype: 'region', country: 'UY', prominence: 64 });
  const cuba = E({ id: 'cu', name: 'Cuba', type: 'place', subtype: 'country', country: 'CU', prominence: 90 });
  const local = buildEntityIndex([amBR, amVE, peru, brazil, flUS, flUY, cuba]);
  it('is ruled out when the page names another country and the pack ranks no namesake first', () => {
    expect(unplacedNamesake(amBR, [amBR, amVE], new Map([['PE', 1]]), 0)).toBe(true);
    expect(unplacedNamesake(amBR, [amBR, amVE], new Map([['PE', 1], ['BR', 1]]), 0)).toBe(false);
    expect(unplacedNamesake(amBR, [amBR, amVE], new Map(), 0)).toBe(false);
    expect(unplacedNamesake(flUS, [flUS, flUY], new Map([['CU', 1]]), 0)).toBe(false);
  });
  it('links none in a Peru item, the right one in a Brazil item, and the top-ranked one beside Cuba', () => {
    expect(linkKeys(local, 'Peru declares an emergency in Amazonas after the fires.', '2024-09-18')).toEqual(['pe:Peru']);
    expect(linkKeys(local, 'Brazil declares an emergency in Amazonas after the fires.', '2024-09-18')).toEqual(['br:Brazil', 'am-br:Amazonas']);
    expect(linkKeys(local, 'A boat from Cuba lands in Florida.', '2024-09-18')).toEqual(['cu:Cuba', 'fl:Florida']);
  });
});

describe('a state written beside its members of Congress or its coast', () => {
  const state = E({ id: 'ny-state', name: 'New York', type: 'place', subtype: 'region', country: 'US', prominence: 75 });
  const city = E({ id: 'ny-city', name: 'New York City', type: 'place', subtype: 'city', aliases: ['New York'], country: 'US', population: 8_000_000, prominence: 90 });
  const wa = E({ id: 'wa', name: 'Washington', type: 'place', subtype: 'region', country: 'US', prominence: 75 });
  const dcCity = E({ id: 'dc-city', name: 'Washington, D.C.', type: 'place', subtype: 'capital', aliases: ['Washington'], country: 'US', population: 700_000, prominence: 90 });
  const local = buildEntityIndex([state, city, wa, dcCity]);
  const keys = (t: string) => linkKeys(local, t, '2024-06-26');
  it('is the state, not the city of its name', () => {
    expect(keys('Incumbent New York representative Jamaal Bowman loses a primary.')).toEqual(['ny-state:New York']);
    expect(keys('At a rally, the New York congresswoman spoke.')).toEqual(['ny-state:New York']);
    expect(keys('Six sea lions are shot off the Washington coast.')).toEqual(['wa:Washington']);
  });
  it('leaves the city where no such word follows', () => {
    expect(keys('A New York restaurant closes.')).toEqual(['ny-city:New York']);
  });
});

describe('a government body named by words many countries share', () => {
  const nsc = E({ id: 'nsc-us', name: 'National Security Council', type: 'organization', subtype: 'government_body', country: 'US', prominence: 38 });
  const cia = E({ id: 'cia', name: 'Central Intelligence Agency', type: 'organization', subtype: 'government_body', country: 'US', prominence: 85 });
  const mol = E({ id: 'mol-tw', name: 'Ministry of Labor', type: 'organization', subtype: 'government_body', country: 'TW', prominence: 38 });
  const ph = E({ id: 'ph', name: 'Philippines', type: 'place', subtype: 'country', country: 'PH', prominence: 90 });
  const us = E({ id: 'us', name: 'United States', type: 'place', subtype: 'country', aliases: ['U.S.'], country: 'US', prominence: 98 });
  const jp = E({ id: 'jp', name: 'Japan', type: 'place', subtype: 'country', country: 'JP', prominence: 95 });
  const local = buildEntityIndex([nsc, cia, mol, ph, us, jp]);
  const keys = (t: string) => linkKeys(local, t, '2024-12-30');
  it('is judged by its words, its prominence and the countries the page names', () => {
    const words = ['national', 'security', 'council'];
    expect(genericBodyAbroad(nsc, words, new Map([['PH', 1]]), 0)).toBe(true);
    expect(genericBodyAbroad(nsc, words, new Map([['PH', 1], ['US', 1]]), 0)).toBe(false);
    expect(genericBodyAbroad(nsc, words, new Map(), 0)).toBe(false);
    expect(genericBodyAbroad(cia, ['central', 'intelligence', 'agency'], new Map([['PH', 1]]), 0)).toBe(false);
    expect(genericBodyAbroad(E({ ...nsc, name: 'Pentagon Security Council' }), ['pentagon', 'security', 'council'], new Map([['PH', 1]]), 0)).toBe(false);
  });
  it('is not the US council in a Philippines item, and is in a US one', () => {
    expect(keys('The Philippines removes former presidents from the National Security Council.')).toEqual(['ph:Philippines']);
    expect(keys('The U.S. president convenes the National Security Council.')).toEqual(['us:U.S.', 'nsc-us:National Security Council']);
  });
  it('keeps a body whose nationality the text writes', () => {
    expect(keys('Japan protests. The Taiwanese Ministry of Labor bans the firms.')).toEqual(['jp:Japan', 'mol-tw:Ministry of Labor']);
  });
});

describe('a minor party met under another form than its name', () => {
  const podemos = E({ id: 'podemos-es', name: 'Podemos', type: 'organization', subtype: 'political_party', country: 'ES', prominence: 60 });
  const ceda = E({ id: 'ceda', name: 'Spanish Confederation of the Autonomous Right', type: 'organization', subtype: 'political_party', aliases: ['National Action'], country: 'ES', prominence: 60 });
  const mz = E({ id: 'mz', name: 'Mozambique', type: 'place', subtype: 'country', country: 'MZ', prominence: 85 });
  const es = E({ id: 'es', name: 'Spain', type: 'place', subtype: 'country', country: 'ES', prominence: 95 });
  const gb = E({ id: 'gb', name: 'United Kingdom', type: 'place', subtype: 'country', aliases: ['UK'], country: 'GB', prominence: 95 });
  const local = buildEntityIndex([podemos, ceda, mz, es, gb]);
  const keys = (t: string) => linkKeys(local, t, '2025-01-09');
  it('is a namesake on a page naming another country but not its own', () => {
    expect(foreignPartyForm(podemos, false, new Map([['MZ', 1]]), 0)).toBe(true);
    expect(foreignPartyForm(podemos, true, new Map([['MZ', 1]]), 0)).toBe(false);
    expect(foreignPartyForm(podemos, false, new Map([['MZ', 1], ['ES', 1]]), 0)).toBe(false);
    expect(foreignPartyForm(E({ ...podemos, prominence: 85 }), false, new Map([['MZ', 1]]), 0)).toBe(false);
  });
  it('links neither PODEMOS in a Mozambique item nor "National Action" in a UK one', () => {
    expect(keys('PODEMOS candidate Venâncio Mondlane returns to Mozambique.')).toEqual(['mz:Mozambique']);
    expect(keys('A UK teenager backed the banned group National Action.')).toEqual(['gb:UK']);
  });
  it('keeps the party under its own name, or in an item about its country', () => {
    expect(keys('Podemos leaders meet in Mozambique.')).toEqual(['podemos-es:Podemos', 'mz:Mozambique']);
    expect(keys('PODEMOS gains seats in Spain.')).toEqual(['podemos-es:PODEMOS', 'es:Spain']);
  });
});
