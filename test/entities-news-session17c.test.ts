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
