/**
 * Linker mechanisms read from a hand audit of the unseen Readability pages (issue #4, session 17):
 * a reference list's authors written surname first ("Easton, Brian (2010)", "Wilson, John (March
 * 2009)") are nobody the pack knows; initials alone ("J. M.") are no person's name; a given name
 * repeats a person introduced on the page only after (or just before) the introduction. Own
 * sentences, own small entity list; each case fails without its mechanism.
 */
import { describe, expect, it } from 'vitest';
import { buildEntityIndex } from '../lib/entities/index';
import { linkEntities } from '../lib/entities/link';
import { linkKeys, testEntity } from './_entity-fixtures';

const E = testEntity;
const index = buildEntityIndex([
  E({ id: 'easton', name: 'Easton', type: 'place', subtype: 'city', country: 'US', population: 27_000, prominence: 50 }),
  E({ id: 'derby', name: 'Derby', type: 'place', subtype: 'city', country: 'GB', population: 250_000, prominence: 60 }),
  E({ id: 'douglas', name: 'Douglas', type: 'place', subtype: 'city', country: 'IM', population: 26_000, prominence: 50 }),
  E({ id: 'berlin', name: 'Berlin', type: 'place', subtype: 'capital', country: 'DE', population: 3_600_000, prominence: 90 }),
  E({ id: 'germany', name: 'Germany', type: 'place', subtype: 'country', country: 'DE', prominence: 95 }),
  E({ id: 'paris', name: 'Paris', type: 'place', subtype: 'capital', country: 'FR', population: 2_100_000, prominence: 92 }),
  E({ id: 'france', name: 'France', type: 'place', subtype: 'country', country: 'FR', prominence: 95 }),
  E({ id: 'thor', name: 'Thor', type: 'organization', subtype: 'company', country: 'US', prominence: 40 }),
  E({ id: 'milton', name: 'John Milton', type: 'person', aliases: ['J. M.'], shortNames: ['Milton'], country: 'GB', prominence: 60 }),
  E({ id: 'tasman', name: 'Abel Tasman', type: 'person', shortNames: ['Tasman'], country: 'NL', prominence: 60 }),
  E({ id: 'dickinson', name: 'Emily Dickinson', type: 'person', shortNames: ['Dickinson'], country: 'US', prominence: 70 }),
  E({ id: 'adrian', name: 'Adrian', type: 'person', country: 'US', prominence: 50 }),
  E({ id: 'sj-cr', name: 'San José', type: 'place', subtype: 'capital', aliases: ['San Jose'], country: 'CR', population: 335_000, prominence: 85 }),
  E({ id: 'sj-us', name: 'San Jose', type: 'place', subtype: 'city', country: 'US', population: 1_000_000, prominence: 60 }),
  E({ id: 'berkeley', name: 'Berkeley', type: 'place', subtype: 'city', country: 'US', population: 120_000, prominence: 60 }),
  E({ id: 'chicago', name: 'Chicago', type: 'place', subtype: 'city', country: 'US', population: 2_700_000, prominence: 80 }),
  E({ id: 'costa-rica', name: 'Costa Rica', type: 'place', subtype: 'country', country: 'CR', prominence: 85 }),
  E({ id: 'sf-tt', name: 'San Fernando', type: 'place', subtype: 'region', country: 'TT', prominence: 64 }),
  E({ id: 'sf-ar', name: 'San Fernando', type: 'organization', subtype: 'company', country: 'AR', prominence: 40 }),
  E({ id: 'tamaulipas', name: 'Tamaulipas', type: 'place', subtype: 'region', country: 'MX', prominence: 64 }),
  E({ id: 'mexico', name: 'Mexico', type: 'place', subtype: 'country', country: 'MX', prominence: 95 }),
  E({ id: 'tt', name: 'Trinidad and Tobago', type: 'place', subtype: 'country', country: 'TT', prominence: 80 }),
  E({ id: 'red-sea-eg', name: 'Red Sea Governorate', type: 'place', subtype: 'region', aliases: ['Red Sea'], country: 'EG', prominence: 64 }),
  E({ id: 'red-sea-sd', name: 'Red Sea', type: 'place', subtype: 'region', country: 'SD', prominence: 64 }),
  E({ id: 'yemen', name: 'Yemen', type: 'place', subtype: 'country', country: 'YE', prominence: 90 }),
  E({ id: 'sudan', name: 'Sudan', type: 'place', subtype: 'country', country: 'SD', prominence: 90 }),
  E({ id: 'egypt', name: 'Egypt', type: 'place', subtype: 'country', country: 'EG', prominence: 90 }),
  E({ id: 'lpr', name: 'Luhansk', type: 'place', subtype: 'region', aliases: ["Luhansk People's Republic"], country: 'UA', prominence: 64 }),
  E({ id: 'luhansk-oblast', name: 'Luhansk Oblast', type: 'place', subtype: 'region', country: 'UA', prominence: 64 }),
  E({ id: 'luhansk-city', name: 'Luhansk', type: 'place', subtype: 'city', country: 'UA', population: 452_000, prominence: 59 }),
  E({ id: 'tokyo', name: 'Tokyo', type: 'place', subtype: 'capital', country: 'JP', population: 14_000_000, prominence: 95 }),
  E({ id: 'enwiki:Peter_Baker_(footballer,_born_1931)', name: 'Peter Baker', type: 'person', country: 'GB', prominence: 40 }),
  E({ id: 'enwiki:Ann_Lee_(jazz_musician)', name: 'Ann Lee', type: 'person', country: 'US', prominence: 40 }),
  E({ id: 'francis', name: 'Pope Francis', type: 'person', country: 'VA', prominence: 90 }),
]);

const links = (text: string) => linkKeys(index, text, null);
const pageLinks = (blocks: string[]) => linkEntities(blocks.map((text) => ({ text })), index, { date: null })
  .flatMap((e) => e.mentions.map((m) => `${m.paragraph}:${e.id}:${m.text}`))
  .sort();

describe("a reference list's authors, surname first", () => {
  it('reads the surname before ", Given (date)" or "; "', () => {
    expect(links('^ Easton, Brian (November 2010). "Economic history – Interwar years".')).toEqual([]);
    expect(links('^ a b Derby, Mark (May 2010). "Strikes and labour disputes".')).toEqual([]);
    expect(links('^ Jones, Craig; Douglas, Barry J.; Smith, Anne (2006). "Miocene mammal".')).toEqual([]);
    expect(links('^ Wagstrom, Thor (2005). "Broken Tongues".')).toEqual([]);
  });
  it('reads the given name after "Surname, ", unless the surname is in the record\'s own name', () => {
    expect(links('^ Humphris, Adrian (April 2010). "Public transport".')).toEqual([]);
    expect(links('^ Chhokar, Adrian; Brodbeck, Felix (2007).')).toEqual([]);
    expect(pageLinks(['Abel Tasman sighted the coast in 1642.', '^ Tasman, Abel (1642). "Journal of a voyage".']))
      .toEqual(['0:tasman:Abel Tasman', '1:tasman:Abel', '1:tasman:Tasman']);
  });
  it('leaves places in lists and datelines', () => {
    expect(links('Leaders met in Berlin, Germany; Paris, France; and elsewhere.')).toEqual(['berlin:Berlin', 'germany:Germany', 'paris:Paris', 'france:France']);
    expect(links('^ Berlin, Germany; Paris, France (2019).')).toEqual(['berlin:Berlin', 'germany:Germany', 'paris:Paris', 'france:France']);
    expect(links('Paris, France (2019) hosted the summit.')).toEqual(['paris:Paris', 'france:France']);
  });
  it("does not let a reference's given name repeat the person the page introduced", () => {
    expect(pageLinks(['John Milton wrote Paradise Lost.', '^ Wilson, John (March 2009). "Tasman\'s achievement".']))
      .toEqual(['0:milton:John Milton']);
    // The same given name in running text still repeats him.
    expect(pageLinks(['John Milton wrote Paradise Lost.', 'In 1652 John went blind.'])).toEqual(['0:milton:John Milton', '1:milton:John']);
  });
});

describe('initials alone', () => {
  it('are no person known by them', () => {
    expect(links('^ Wilmshurst, J. M.; Hunt, T. L. (2010). "Dating".')).toEqual([]);
    expect(links('Poems by J. M. and others.')).toEqual([]);
  });
});

describe('a given name repeats a person introduced nearby', () => {
  it('not many blocks before the introduction', () => {
    expect(pageLinks(['The couple met.', 'Zoe Kazan plays Emily, who falls ill.', 'A second film follows.', 'Its star is Emily Dickinson.']))
      .toEqual(['3:dickinson:Emily Dickinson']);
  });
  it('in the block before it (a headline over the story) and after it', () => {
    expect(pageLinks(["Emily's Letters Are Found", 'A trove of Emily Dickinson letters was found.', 'Emily wrote them in 1860.']))
      .toEqual(['0:dickinson:Emily', '1:dickinson:Emily Dickinson', '2:dickinson:Emily']);
  });
});

describe('a list of places that goes on to an "and" is a list, not an address', () => {
  it('reads the kind of its items past the first comma', () => {
    expect(links('Protesters gather in San Jose, Berkeley, Chicago and other cities.')).toEqual(['sj-us:San Jose', 'berkeley:Berkeley', 'chicago:Chicago']);
  });
  it('leaves an address an address', () => {
    expect(links('He was born in San Jose, Costa Rica.')).toEqual(['sj-cr:San Jose', 'costa-rica:Costa Rica']);
  });
});

describe('a full address (place, state, country) says whose the place is', () => {
  it('rules out a region and an organisation of another country', () => {
    expect(links('A bomb kills two villagers in San Fernando, Tamaulipas, Mexico.')).toEqual(['tamaulipas:Tamaulipas', 'mexico:Mexico']);
  });
  it('keeps the place of the country written', () => {
    expect(links('He was born in San Fernando, Trinidad and Tobago.')).toEqual(['sf-tt:San Fernando', 'tt:Trinidad and Tobago']);
  });
});

describe('a region named after a sea', () => {
  it('is the sea on a page that never names its country', () => {
    expect(links('Houthi forces strike four ships in the Red Sea off Yemen.')).toEqual(['yemen:Yemen']);
  });
  it('is the region where the page names its country', () => {
    expect(links('Fighting in Sudan reached the Red Sea state.')).toEqual(['sudan:Sudan', 'red-sea-sd:Red Sea']);
    expect(links('Egypt closed beaches across the Red Sea Governorate.')).toEqual(['egypt:Egypt', 'red-sea-eg:Red Sea Governorate']);
  });
});

describe('a governor heads the region', () => {
  it('links the region record of the name where the pack holds one', () => {
    expect(links('The Luhansk governor said Russian forces shelled the town.')).toEqual(['luhansk-oblast:Luhansk']);
    expect(links('The governor of Luhansk said the town was shelled.')).toEqual(['luhansk-oblast:Luhansk']);
  });
  it('leaves the city where the pack holds no region of its name', () => {
    expect(links('The Tokyo governor said the games would go ahead.')).toEqual(['tokyo:Tokyo']);
  });
});

describe("an occupation written before a name against the one the record's id marks", () => {
  it('rules the namesake out', () => {
    expect(links('The Divider, a book by journalists Peter Baker and Susan Glasser, is out.')).toEqual([]);
    expect(links('The club signed striker Ann Lee.')).toEqual([]);
  });
  it('keeps the record where the fields agree or nothing is written', () => {
    expect(links('Former footballer Peter Baker died.')).toEqual(['enwiki:Peter_Baker_(footballer,_born_1931):Peter Baker']);
    expect(links('A concert by singer Ann Lee.')).toEqual(['enwiki:Ann_Lee_(jazz_musician):Ann Lee']);
    expect(links('Peter Baker scored twice.')).toEqual(['enwiki:Peter_Baker_(footballer,_born_1931):Peter Baker']);
  });
});
