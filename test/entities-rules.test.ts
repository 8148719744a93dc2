/** Linker rules added for issue #4 (own sentences, own small entity list). */
import { describe, expect, it } from 'vitest';
import { buildEntityIndex } from '../lib/entities/index';
import { linkKeys, testEntity } from './_entity-fixtures';
import { linkEntities } from '../lib/entities/link';
import { tokenize } from '../lib/entities/normalize';

const E = testEntity;
const index = buildEntityIndex([
  E({ id: 'Q812', name: 'Florida', type: 'place', subtype: 'region', country: 'US', prominence: 70 }),
  E({ id: 'Q8652', name: 'Miami', type: 'place', subtype: 'city', country: 'US', prominence: 60 }),
  E({ id: 'Q11299', name: 'Manhattan', type: 'place', subtype: 'city', country: 'US', prominence: 62 }),
  E({ id: 'Q350', name: 'Cambridge', type: 'place', subtype: 'city', country: 'GB', prominence: 60 }),
  E({ id: 'Q21', name: 'England', type: 'place', subtype: 'region', country: 'GB', prominence: 80 }),
  E({ id: 'Q99', name: 'California', type: 'place', subtype: 'region', country: 'US', prominence: 70 }),
  E({ id: 'Q1370', name: 'Virginia', type: 'place', subtype: 'region', country: 'US', prominence: 70 }),
  E({ id: 'Q29552', name: 'Democratic Party', type: 'organization', subtype: 'political_party', aliases: ['Democrats', 'Democrat'], country: 'US', prominence: 85 }),
  E({ id: 'Q7747', name: 'Vladimir Putin', type: 'person', shortNames: ['Putin'], country: 'RU', prominence: 98 }),
  E({ id: 'Q212', name: 'Ukraine', type: 'place', subtype: 'country', country: 'UA', prominence: 95 }),
  E({ id: 'Q30', name: 'United States', type: 'place', subtype: 'country', aliases: ['US'], country: 'US', prominence: 95 }),
  E({ id: 'Q23548', name: 'National Aeronautics and Space Administration', type: 'organization', aliases: ['NASA'], country: 'US', prominence: 60 }),
  E({ id: 'Q40469', name: 'Associated Press', type: 'organization', aliases: ['AP'], country: 'US', prominence: 60 }),
  E({ id: 'Q649', name: 'Moscow', type: 'place', subtype: 'capital', country: 'RU', prominence: 85 }),
  E({ id: 'Q852673', name: 'Hamilton', type: 'place', subtype: 'city', country: 'US', prominence: 62 }),
  E({ id: 'Q82256', name: 'Golden Dawn', type: 'organization', subtype: 'political_party', country: 'GR', prominence: 60 }),
  E({ id: 'Q60', name: 'New York City', type: 'place', subtype: 'city', aliases: ['New York'], country: 'US', prominence: 90 }),
  E({ id: 'Q1384', name: 'New York', type: 'place', subtype: 'region', country: 'US', prominence: 80 }),
  E({ id: 'Q18419', name: 'Brooklyn', type: 'place', subtype: 'city', country: 'US', prominence: 70 }),
  E({ id: 'Q84', name: 'London', type: 'place', subtype: 'capital', country: 'GB', prominence: 90 }),
  E({ id: 'Q918', name: 'X', type: 'organization', aliases: ['X Corp.'], country: 'US', prominence: 85 }),
  E({ id: 'curated:gaza-war', name: 'Gaza war', type: 'event', aliases: ['Gaza conflict'], country: 'IL', from: '2023-10-07', to: null, prominence: 85 }),
  E({ id: 'curated:gaza-strip', name: 'Gaza Strip', type: 'place', aliases: ['Gaza'], country: 'PS', prominence: 85 }),
  E({ id: 'Q2429253', name: 'Islamic State', type: 'organization', subtype: 'armed_group', aliases: ['IS'], prominence: 85 }),
  E({ id: 'Q974', name: 'DR Congo', type: 'place', subtype: 'country', aliases: ['DRC', 'Democratic Republic of the Congo'], country: 'CD', prominence: 95 }),
  E({ id: 'Q64538', name: 'Bay', type: 'place', subtype: 'region', country: 'SO', prominence: 62 }),
  E({ id: 'Q29468', name: 'Republican Party', type: 'organization', subtype: 'political_party', aliases: ['Republicans'], country: 'US', prominence: 85 }),
  E({ id: 'Q884', name: 'South Korea', type: 'place', subtype: 'country', country: 'KR', prominence: 95 }),
  E({ id: 'Q8684', name: 'Seoul', type: 'place', subtype: 'capital', country: 'KR', prominence: 85 }),
  E({ id: 'Q22686', name: 'Donald Trump', type: 'person', shortNames: ['Trump'], country: 'US', prominence: 99 }),
  E({ id: 'Q9001', name: 'Marsha P. Johnson', type: 'person', shortNames: ['Johnson'], country: 'US', prominence: 60 }),
  E({ id: 'Q9002', name: 'David Alpha', type: 'person', shortNames: ['Alpha'], country: 'US', prominence: 60 }),
  E({ id: 'Q9003', name: 'David Beta', type: 'person', shortNames: ['Beta'], country: 'US', prominence: 60 }),
  E({ id: 'Q40504', name: 'Jim Carrey', type: 'person', shortNames: ['Carrey'], country: 'CA', prominence: 60 }),
  E({ id: 'Q155702', name: 'RTL', type: 'organization', subtype: 'media', prominence: 62 }),
  E({ id: 'Q7817', name: 'World Health Organization', type: 'organization', subtype: 'international_organization', aliases: ['WHO'], prominence: 85 }),
  E({ id: 'Q61', name: 'Washington, D.C.', type: 'place', subtype: 'capital', aliases: ['Washington'], country: 'US', prominence: 85 }),
  E({ id: 'Q1223', name: 'Washington', type: 'place', subtype: 'region', country: 'US', prominence: 70 }),
  E({ id: 'Q341111', name: 'Czech National Social Party', type: 'organization', subtype: 'political_party', aliases: ['CSS'], country: 'CZ', prominence: 60 }),
  E({ id: 'Q82892', name: 'Union of Democrats and Independents', type: 'organization', subtype: 'political_party', aliases: ['UDI'], country: 'FR', prominence: 60 }),
  E({ id: 'Q3079712', name: 'Party of the Democratic Left', type: 'organization', subtype: 'political_party', aliases: ['SDL'], country: 'CZ', prominence: 60 }),
  E({ id: 'Q95', name: 'Google', type: 'organization', subtype: 'company', country: 'US', prominence: 90 }),
  E({ id: 'Q142', name: 'France', type: 'place', subtype: 'country', country: 'FR', prominence: 95 }),
  E({ id: 'curated:invasion', name: 'Russian invasion of Ukraine', type: 'event', aliases: ['full-scale invasion'], country: 'UA', from: '2022-02-24', to: null, prominence: 85 }),
]);

function links(text: string, date: string | null = '2025-06-08'): string[] {
  return linkKeys(index, text, date);
}

describe('a name inside a longer capitalised name does not link', () => {
  it.each([
    'The team from Florida State won on the weekend.',
    'She lives in Lower Manhattan with her dog.',
    'They flew from Miami Beach to the coast yesterday.',
    'A firm called Cambridge Analytica used the data of many users.',
    'The study appeared in the New England Journal of Medicine last week.',
    'He taught at the University of California for years.',
    'The Hermetic Order of the Golden Dawn, devoted to study of the occult, was founded in a rented room.',
    'El conflicto entre el Partido de los Trabajadores del Ukraine y el gobierno.',
    'Es investigador en la Universidad de Moscow desde 2010.',
    'In 1907 the photographer, husband of Florida O’Keefe, gave her a show of her own work.',
    'One user wrote on the Moscow 2.0 forum, a site that sprang up after the first one closed.',
  ])('%s', (text) => {
    expect(links(text)).toEqual([]);
  });
  it('still links names next to titles, demonyms, party words and other known names', () => {
    expect(links('Russian President Vladimir Putin spoke on Monday.')).toEqual(['Q7747:Vladimir Putin']);
    expect(links('Ukraine President Zelensky met reporters, and Ukraine Foreign Minister aides followed.')).toEqual(['Q212:Ukraine', 'Q212:Ukraine']);
    expect(links('Senator Warner, a Virginia Democrat, disagreed.')).toEqual(['Q1370:Virginia', 'Q29552:Democrat']);
    expect(links('The President of Ukraine spoke in Florida on Tuesday.')).toEqual(['Q212:Ukraine', 'Q812:Florida']);
    expect(links('The President of the United States spoke; la República de Ukraine votó.')).toEqual(['Q30:United States', 'Q212:Ukraine']);
    expect(links('Miles de personas de Moscow protestaron.')).toEqual(['Q649:Moscow']);
  });
  it('leaves headline-style blocks alone', () => {
    expect(links('Florida Storm Leaves Miami Homes Without Power')).toEqual(['Q812:Florida', 'Q8652:Miami']);
  });
});

describe('case, span and one-letter rules', () => {
  it('does not link an alias written all in lower case', () => {
    expect(links('Three years after the full-scale invasion began, talks resumed.')).toEqual([]);
    expect(links('Three years after the Full-Scale Invasion began, talks resumed.')).toEqual(['curated:invasion:Full-Scale Invasion']);
  });
  it('keeps the final period of a dotted abbreviation in the span', () => {
    expect(links('Troops from the U.S. arrived.')).toEqual(['Q30:U.S.']);
  });
  it('never links a single letter', () => {
    expect(links('Let X be the number of votes cast.')).toEqual([]);
  });
  it('does not take acronyms separated by punctuation for shouting', () => {
    expect(links('MOSCOW (AP) — A cargo ship bound for orbit, said NASA, was lost.')).toEqual(['Q649:MOSCOW', 'Q40469:AP', 'Q23548:NASA']);
  });
});

describe('page and date context', () => {
  it('does not link an event that began after the article date', () => {
    expect(links('The Gaza conflict left the region in ruins.', '2015-03-20')).toEqual(['curated:gaza-strip:Gaza']);
    expect(links('The Gaza conflict left the region in ruins.', '2024-03-20')).toEqual(['curated:gaza-war:Gaza conflict']);
  });
  it('reads an ambiguous place name as a surname when the page writes it after a given name', () => {
    const text = ['Margaret Hamilton led the software team in the United States.', 'Hamilton wrote the code by hand.'];
    const ids = linkEntities(text.map((t) => ({ text: t })), index, { date: null }).map((e) => e.id);
    expect(ids).not.toContain('Q852673');
  });
});

describe('tokenizer', () => {
  it('ends a dotted abbreviation after its final period', () => {
    const t = tokenize('the U.S. army')[1]!;
    expect([t.norm, t.start, t.end]).toEqual(['us', 4, 8]);
  });
});

describe('context for acronyms, namesakes, minor places and titles of works', () => {
  const world = buildEntityIndex([
    E({ id: 'Q30', name: 'United States', type: 'place', subtype: 'country', aliases: ['US'], country: 'US', prominence: 95 }),
    E({ id: 'Q408', name: 'Australia', type: 'place', subtype: 'country', country: 'AU', prominence: 95 }),
    E({ id: 'Q884', name: 'South Korea', type: 'place', subtype: 'country', country: 'KR', prominence: 95 }),
    E({ id: 'Q43', name: 'Turkey', type: 'place', subtype: 'country', country: 'TR', prominence: 95 }),
    E({ id: 'Q169889', name: 'American Broadcasting Company', type: 'organization', subtype: 'media', aliases: ['ABC'], country: 'US', prominence: 67 }),
    E({ id: 'Q40469', name: 'Associated Press', type: 'organization', subtype: 'media', aliases: ['AP'], country: 'US', prominence: 67 }),
    E({ id: 'Q11201', name: 'Supreme Court of the United States', type: 'organization', subtype: 'government_body', aliases: ['Supreme Court'], country: 'US', prominence: 85 }),
    E({ id: 'Q182477', name: 'Nvidia', type: 'organization', subtype: 'company', country: 'US', prominence: 85 }),
    E({ id: 'Q355', name: 'Facebook', type: 'organization', subtype: 'company', country: 'US', prominence: 85 }),
    E({ id: 'Q36215', name: 'Mark Zuckerberg', type: 'person', shortNames: ['Zuckerberg'], country: 'US', prominence: 85 }),
    E({ id: 'geonames:2158177', name: 'Melbourne', type: 'place', subtype: 'city', country: 'AU', population: 4246375, prominence: 69 }),
    E({ id: 'Q949779', name: 'Melbourne', type: 'place', subtype: 'city', aliases: ['Melbourne, Florida'], country: 'US', prominence: 62 }),
    E({ id: 'Q812', name: 'Florida', type: 'place', subtype: 'region', country: 'US', prominence: 70 }),
    E({ id: 'geonames:321836', name: 'Batman', type: 'place', subtype: 'city', country: 'TR', population: 381990, prominence: 58 }),
    E({ id: 'Q852673', name: 'Hamilton', type: 'place', subtype: 'city', country: 'US', prominence: 62 }),
    E({ id: 'Q60', name: 'New York City', type: 'place', subtype: 'city', aliases: ['New York'], country: 'US', population: 8000000, prominence: 85 }),
  ]);
  const ids = (texts: string[], url?: string) =>
    linkEntities(texts.map((text) => ({ text })), world, { date: null, url }).flatMap((e) => e.mentions.map((m) => `${e.id}:${m.text}`));

  it('an initialism of a national body needs its country on the page, its full name, or a credit', () => {
    expect(ids(['Australia voted on Saturday.', 'Australia counted late, the ABC reported.'])).toEqual(['Q408:Australia', 'Q408:Australia']);
    expect(ids(['The United States voted on Tuesday.', 'The US counted late, ABC reported.'])).toEqual(['Q30:United States', 'Q30:US', 'Q169889:ABC']);
    expect(ids(['Australia voted on Saturday, American Broadcasting Company said.', 'Later ABC said so again.'])).toContain('Q169889:ABC');
    expect(ids(['Australia voted on Saturday.', 'Voters queue in Perth. (AP Photo/Jane Doe)'])).toContain('Q40469:AP');
    // No country evidence at all: nothing speaks against the reading.
    expect(ids(['ABC reported the result.'])).toEqual(['Q169889:ABC']);
  });
  it("a national domain counts as the page's country", () => {
    expect(ids(['Results came in late, ABC reported.'], 'https://www.example.com.au/news/1')).toEqual([]);
  });
  it("another country's institution is not the pack's namesake", () => {
    expect(ids(['The United States watched as South Korea’s Supreme Court ruled.'])).toEqual(['Q30:United States', 'Q884:South Korea']);
    expect(ids(['The United States Supreme Court ruled.', 'In the US, the Supreme Court ruled.'])).toContain('Q11201:Supreme Court');
  });
  it("a generic institution's name is the institution of the country the page speaks of most", () => {
    const korea = ['South Korea voted.', 'South Korea and the United States met.', 'In South Korea, the Supreme Court ruled.'];
    expect(ids(korea)).not.toContain('Q11201:Supreme Court');
    expect(ids(['The United States voted.', 'In the US, the Supreme Court ruled.'])).toContain('Q11201:Supreme Court');
    // A record without a country cannot be the page's own.
    const stateless = buildEntityIndex([E({ id: 'Q193582', name: 'French National Assembly', type: 'organization', aliases: ['National Assembly'], prominence: 70 })]);
    expect(linkEntities([{ text: 'The National Assembly voted.' }], stateless, { date: null })).toEqual([]);
  });
  it('a product line after a company name is not the company; officers still are', () => {
    expect(ids(['My PC runs an NVIDIA GTX 1080 card.'])).toEqual([]);
    expect(ids(['Facebook CEO Mark Zuckerberg spoke.'])).toEqual(['Q355:Facebook', 'Q36215:Mark Zuckerberg']);
  });
  it('a small namesake city needs its region on the page', () => {
    expect(ids(['The United States team flew to Melbourne.'])).toEqual(['Q30:United States', 'geonames:2158177:Melbourne']);
    expect(ids(['The launch is near Melbourne on the Florida coast.'])).toEqual(['Q949779:Melbourne', 'Q812:Florida']);
  });
  it('a minor foreign city needs its country on the page', () => {
    expect(ids(['New York fans in the United States lined up to see Batman.'])).toEqual(['Q60:New York', 'Q30:United States']);
    expect(ids(['Turkey sent aid to Batman after the floods.'])).toEqual(['Q43:Turkey', 'geonames:321836:Batman']);
  });
  it("a campus's city after a comma is part of the university's name", () => {
    expect(ids(['She studied at the University of California, Melbourne campus.'])).toEqual([]);
    expect(ids(['She moved from California, Melbourne to Turkey.'])).toContain('geonames:2158177:Melbourne');
  });
  it('a town named before a work noun is the title of the work', () => {
    expect(ids(['In New York, protests of the Hamilton musical grew.'])).toEqual(['Q60:New York']);
  });
});

describe('a state after its city and a comma', () => {
  it('reads "Brooklyn, New York" as the state, "London, New York" in a list as the city', () => {
    expect(links('Waite was born in Brooklyn, New York in 1857 to an American father.')).toEqual(['Q18419:Brooklyn', 'Q1384:New York']);
    expect(links('The band toured London, New York and many other cities that year.')).toEqual(['Q84:London', 'Q60:New York']);
    expect(links('He moved to New York in 1990 and stayed there.')).toEqual(['Q60:New York']);
  });
});

describe('an organisation name first met inside a longer name', () => {
  it('stays unlinked when written alone later on the page, unless met on its own first', () => {
    const order = 'The Hermetic Order of the Golden Dawn, devoted to study of the occult, was founded in a rented room.';
    expect(links(`${order}\n\nEarly members of the Golden Dawn included several poets.`)).toEqual([]);
    expect(links('Early members of the Golden Dawn party were arrested in Athens last week.')).toEqual(['Q82256:Golden Dawn']);
  });
});

describe('rules from the fresh dev pages of session 7', () => {
  it('a surname after another given name is another person ("Vassili Peskov", "Eric Trump")', () => {
    expect(links('The book by Vassili Putin tells of a family in the taiga.')).toEqual([]);
    expect(links('On Monday, Eric Trump spoke at the rally in Florida.')).toEqual(['Q812:Florida']);
    // Nationality words still stand before a name.
    expect(links('Russian President Putin met the press. Ukrainian Putin critics left.')).toEqual(['Q7747:Putin', 'Q7747:Putin']);
  });
  it('initials the pack does not know start a longer name ("SF Bay area")', () => {
    expect(links('A company located in the SF Bay area makes the chips.')).toEqual([]);
    expect(links('The NASA Moscow office closed.')).toEqual(['Q23548:NASA', 'Q649:Moscow']);
  });
  it('shouted words cut into one-word sentences are not acronyms ("THIS. IS. WAR.")', () => {
    expect(links('You started this. THIS. IS. WAR.')).toEqual([]);
    // One capitalised neighbour after a full stop is the next sentence.
    expect(links('Fighters of IS. ISIS said it would strike again.')).toEqual(['Q2429253:IS']);
  });
  it('a country\'s three-letter initials need "the" or the country on the page', () => {
    expect(links('If DRC passes with no errors, write the bitstream.')).toEqual([]);
    expect(links('Fighting in the east of the DRC displaced thousands.')).toEqual(['Q974:DRC']);
    expect(links('The Democratic Republic of the Congo held talks. DRC officials agreed.')).toEqual(['Q974:Democratic Republic of the Congo', 'Q974:DRC']);
  });
  it('a party named by shared party words is the page\'s own country\'s', () => {
    expect(links('In Seoul, South Korea\'s president met leaders of South Korea\'s parties; the Democratic Party walked out.')).not.toContain('Q29552:Democratic Party');
    expect(links('The Democratic Party and the Republican Party agreed in Virginia.')).toEqual(['Q29552:Democratic Party', 'Q29468:Republican Party', 'Q1370:Virginia']);
  });
});

describe('given-name repeats of a person introduced on the page', () => {
  it('links "Marsha" on a page that names "Marsha P. Johnson" (anywhere, as surnames), not inside another name', () => {
    expect(links('Marsha was seen. Marsha P. Johnson was an activist.\n\nMarsha fought for rights; Marsha Hunt did not.'))
      .toEqual(['Q9001:Marsha', 'Q9001:Marsha P. Johnson', 'Q9001:Marsha']);
  });
  it('leaves a given name two introduced people share, and "Jim & Andy" titles', () => {
    expect(links('David Alpha met David Beta. Later David left.')).toEqual(['Q9002:David Alpha', 'Q9003:David Beta']);
    expect(links('Jim Carrey stars. The film Jim & Andy shows Jim at work.')).toEqual(['Q40504:Jim Carrey', 'Q40504:Jim']);
  });
});

describe('acronyms of organisations without a country', () => {
  it('a well-known one links anywhere, a lesser one only with page support', () => {
    expect(links('The WHO said the outbreak was over.')).toEqual(['Q7817:WHO']);
    expect(links('This runs a generic RTL synthesis pass first.')).toEqual([]);
    expect(links('The German broadcaster RTL aired the match. (RTL)')).toEqual(['Q155702:RTL']);
  });
});

describe("a party's initials", () => {
  it('name the party only on a page that speaks of its country', () => {
    expect(links('Style the page with CSS and a little JavaScript.')).toEqual([]);
    // One party's initials are no evidence for another's country.
    expect(links('Install the CSS SDK, then CSS tools: CSS everywhere. The SDL port is next.')).toEqual([]);
    expect(links('In France, the UDI backed the centre-right candidate.')).toEqual(['Q142:France', 'Q82892:UDI']);
  });
});

describe('a name that is not a mention by its shape (session 8)', () => {
  it('a name, a small number and a capitalised word are one longer name', () => {
    expect(links('Le film passe sur France 3 Limousin ce soir.')).toEqual([]);
    expect(links('In France 3 people were hurt.')).toEqual(['Q142:France']);
  });
  it('a brand followed by a quoted phrase or an object pronoun is a verb', () => {
    expect(links('(2) Google "<noun>.js" and see.')).toEqual([]);
    expect(links('If in doubt, just Google it.')).toEqual([]);
    expect(links('Google said it would appeal.')).toEqual(['Q95:Google']);
    expect(links('Regulators told Google it was wrong.')).toEqual(['Q95:Google']);
  });
});

describe('a state that shares its name with a capital', () => {
  it('is the state after "eastern" or before "state"/"Gov.", else the capital', () => {
    expect(links('Fires spread in eastern Washington overnight.')).toEqual(['Q1223:Washington']);
    expect(links('Washington Gov. Smith signed the bill.')).toEqual(['Q1223:Washington']);
    expect(links('He flew to Washington to meet the president.')).toEqual(['Q61:Washington']);
  });
});
