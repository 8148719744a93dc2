/**
 * Linker mechanisms for works and characters a page names (issue #4, session 19, pagesprec24;
 * page-works.ts). A film named like a city ("Columbus is a stunner of a debut … Columbus is
 * currently streaming"), a film under review ("'Palm Springs': Film Review") and a character ("stars
 * as Casey") are not the city or the actor whose given name it is, anywhere on the page. Own
 * sentences, own small entity lists; each case fails without its mechanism, and each has the
 * neighbouring right reading that must stay.
 */
import { describe, expect, it } from 'vitest';
import { buildEntityIndex } from '../lib/entities/index';
import { linkEntities } from '../lib/entities/link';
import { PageWorks } from '../lib/entities/page-works';
import { pageLinkKeys, testEntity } from './_entity-fixtures';

const E = testEntity;
const index = buildEntityIndex([
  E({ id: 'columbus', name: 'Columbus', type: 'place', subtype: 'city', country: 'US', population: 900_000, prominence: 70 }),
  E({ id: 'palmsprings', name: 'Palm Springs', type: 'place', subtype: 'city', country: 'US', population: 45_000, prominence: 55 }),
  E({ id: 'hulu', name: 'Hulu', type: 'organization', subtype: 'company', country: 'US', prominence: 60 }),
  E({ id: 'affleck', name: 'Casey Affleck', type: 'person', subtype: 'arts letters', country: 'US', prominence: 60 }),
]);

/** Every mention of a page of blocks, in page order, as "id:text". */
const pageLinks = (blocks: string[]): string[] => pageLinkKeys(index, blocks);

const work = (text: string, name: string, before?: string) => new PageWorks(() => text).namesWork(name, before);
const role = (text: string, name: string) => new PageWorks(() => text).givesRole(name);

describe('a name the page calls a work', () => {
  it('is the work on the whole page, not the city', () => {
    expect(pageLinks([
      '9) Columbus',
      'Columbus is a stunner of a debut from a director. A young woman lives in Columbus, the film says.',
      'Columbus is currently streaming on Hulu.',
    ])).toEqual(['hulu:Hulu']);
  });
  it("is the work under review in a reference's title", () => {
    expect(pageLinks([
      'Palm Springs',
      '^ Debruge, Peter (July 8, 2020). "\'Palm Springs\': Film Review". Retrieved Jul 8, 2020.',
    ])).toEqual([]);
  });
  it('is still a place after "a": a name used as a modifier is no title', () => {
    expect(pageLinks([
      "'Palm Springs': Film Review",
      'They meet at a Palm Springs wedding.',
    ])).toEqual(['palmsprings:Palm Springs']);
  });
  it('leaves the city on a page that calls nothing so', () => {
    expect(pageLinks([
      'Columbus is a city in Ohio. Columbus is a mecca for architecture.',
      'The mayor of Columbus said the film festival opens today.',
    ])).toEqual(['columbus:Columbus', 'columbus:Columbus', 'columbus:Columbus']);
  });
});

describe('the work cues', () => {
  it('reads "is a … <work noun>", "is streaming", "the film <Name>" and a quoted name before "Review"', () => {
    expect(work('Columbus is a stunner of a debut from Kogonada.', 'Columbus')).toBe(true);
    expect(work('Silicon Valley is now streaming on HBO.', 'Silicon Valley')).toBe(true);
    expect(work('Her new film Palm Springs opens today.', 'Palm Springs')).toBe(true);
    expect(work('^ "\'Palm Springs\': Film Review". Variety.', 'Palm Springs')).toBe(true);
  });
  it('reads no verb "film", no name across a stop, no noun too far on, no longer name', () => {
    expect(work('They went to film Paris in the spring.', 'Paris')).toBe(false);
    expect(work('Paris is a city where every street is a film set.', 'Paris')).toBe(false);
    expect(work('Paris is a city of light, culture and the film industry.', 'Paris')).toBe(false);
    expect(work('Old Paris is a film by Smith.', 'Paris')).toBe(false);
    expect(work('Columbus is a stunner of a debut.', 'Columbus', 'a')).toBe(false);
  });
});

describe('a name the page gives a role', () => {
  const blocks = [
    'A widow grieves, and her husband (Casey Affleck, covered in a sheet) haunts the house.',
    'Haley Lu Richardson stars as Casey, a young woman who cares for her mother.',
    'Jin strikes up a friendship with Casey, who shows him buildings.',
  ];
  it("is the character, not the actor whose given name it is", () => {
    expect(pageLinks(blocks)).toEqual(['affleck:Casey Affleck']);
  });
  it('leaves given-name repeats on a page that casts nobody so', () => {
    expect(pageLinks([blocks[0]!, 'The crew said Casey loved the shoot.'])).toEqual(['affleck:Casey Affleck', 'affleck:Casey']);
  });
  it('reads "stars as <Name>" and "<Name>, played by", not a full name', () => {
    expect(role('Richardson stars as Casey, a young woman.', 'Casey')).toBe(true);
    expect(role('Her mother Maria, played by Hunter, arrives.', 'Maria')).toBe(true);
    expect(role('Nixon plays as Emily Dickinson in the film.', 'Emily')).toBe(false);
    expect(role('Casey stars as a widow.', 'Casey')).toBe(false);
  });
});

describe("a continent after a company's name", () => {
  const idx = buildEntityIndex([
    E({ id: 'mozilla', name: 'Mozilla', type: 'organization', subtype: 'company', country: 'US', prominence: 70 }),
    E({ id: 'europe', name: 'Europe', type: 'place', subtype: 'landmark', prominence: 90 }),
  ]);
  const links = (text: string) => linkEntities([{ text }], idx, { date: null }).flatMap((e) => e.mentions.map((m) => `${e.id}:${m.text}`));
  it('is the branch of the company, as a country is ("Amazon France")', () => {
    expect(links('Tristan Nitot, president of Mozilla Europe, said so.')).toEqual(['mozilla:Mozilla Europe']);
  });
  it('is the continent after a stop or in running text', () => {
    expect(links('He left Mozilla. Europe was next.')).toEqual(['mozilla:Mozilla', 'europe:Europe']);
  });
});
