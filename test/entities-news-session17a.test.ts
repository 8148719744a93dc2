/**
 * Organisation aliases that are ordinary phrases (issue #4, session 17): the compiler reads how news
 * writes an alias of several words ("National Security" of a company called National Security Group)
 * and keeps an ordinary phrase as a short form, which links only on a page that names the record in
 * full; a short form of several words still ends a known name for the linker's longer-name checks.
 * Own words, own tiny records.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { commonPhrase, learnPhraseUse } from '../lib/dataset/common-phrases';
import { compileEntities } from '../lib/dataset/compile-entities';
import { buildEntityIndex } from '../lib/entities/index';
import { linkEntities } from '../lib/entities/link';
import { entityFilesDir } from './_entity-files';
import { testEntity } from './_entity-fixtures';

describe('learnPhraseUse / commonPhrase', () => {
  const texts = [
    'Officials said open water swimming is banned, citing open water risks.',
    'The Open Water Swim Club met at noon; Open Water Lane is closed.',
    'Lifeguards warned about open water again.',
    'Shares of Open Water fell after the results.',
    'A report by The Open Water said it would appeal. The Open Water said so.',
    'Open Water opened a store. Critics of Blue Ridge Partners spoke after Blue Ridge said so.',
  ];
  const use = learnPhraseUse(texts, [['open', 'water'], ['blue', 'ridge']]);
  it('counts lower-case writings, and capitalised ones standing alone mid-sentence', () => {
    // Lower: 3. Alone: "Shares of Open Water fell" and "by The Open Water said" (the article is not a name);
    // not "Open Water Swim Club", "Open Water Lane" (joined), nor "Open Water opened", "The Open Water said" (sentence start).
    expect(use.get('open water')).toEqual({ lower: 3, alone: 2 });
    expect(use.get('blue ridge')).toEqual({ lower: 0, alone: 1 });
  });
  it('calls a phrase ordinary when lower case is at least as frequent as capitalised alone, three times or more', () => {
    expect(commonPhrase(use.get('open water'))).toBe(true);
    expect(commonPhrase(use.get('blue ridge'))).toBe(false);
    expect(commonPhrase({ lower: 2, alone: 0 })).toBe(false);
    expect(commonPhrase({ lower: 4, alone: 5 })).toBe(false);
    expect(commonPhrase(undefined)).toBe(false);
  });
});

describe('compileEntities: an ordinary-phrase alias becomes a short form', () => {
  it('moves the organisation alias, keeps a proper alias and a proper phrase', async () => {
    const dir = entityFilesDir([
      { id: 'Q-ow', name: 'Open Water Group', type: 'organization', subtype: 'company', aliases: ['Open Water', 'OWG Holdings'], source: 'test' },
      { id: 'Q-br', name: 'Blue Ridge Partners', type: 'organization', subtype: 'company', aliases: ['Blue Ridge'], source: 'test' },
    ], []);
    const corpus = path.join(dir, 'news.jsonl');
    const lines = [
      'Officials said open water swimming is banned.', 'Lifeguards warned about open water again.',
      'Divers like open water more.', 'The Open Water Swim Club met at noon.', 'Critics of Blue Ridge spoke.',
    ].map((summary, i) => JSON.stringify({ id: `t-${i}`, date: `2024-01-0${i + 1}`, summary }));
    writeFileSync(corpus, lines.join('\n') + '\n');
    const { entities } = await compileEntities(dir, { wordCorpus: corpus });
    const ow = entities.find((e) => e.id === 'Q-ow')!, br = entities.find((e) => e.id === 'Q-br')!;
    expect(ow.aliases).toEqual(['OWG Holdings']);
    expect(ow.shortNames).toEqual(['Open Water']);
    expect(br.aliases).toEqual(['Blue Ridge']);
    expect(br.shortNames).toEqual([]);
  });
});

describe('the linker: an ordinary-phrase short form', () => {
  const ow = testEntity({ id: 'ow', name: 'Open Water Group', type: 'organization', subtype: 'company', shortNames: ['Open Water'], prominence: 50 });
  const mor = testEntity({ id: 'mor', name: 'Ilan Mor', type: 'person', country: 'IL', prominence: 60 });
  const index = buildEntityIndex([ow, mor]);
  const links = (...blocks: string[]) => linkEntities(blocks.map((text) => ({ text })), index, { date: '2024-06-01' })
    .flatMap((e) => e.mentions.map((m) => `${m.text}=${e.id}`));
  it('links the phrase only on a page that names the record in full', () => {
    expect(links('The Minister of Open Water spoke on Monday.')).toEqual([]);
    expect(links('Open Water Group reported a loss.', 'Shares of Open Water fell.')).toEqual(['Open Water Group=ow', 'Open Water=ow']);
  });
  it('ends a known name: the person after it is no part of an unknown name', () => {
    expect(links('The visit of the Minister of Open Water Ilan Mor to the port drew protests.')).toEqual(['Ilan Mor=mor']);
  });
});

describe('the linker: a craft named like a company', () => {
  const titan = testEntity({ id: 'titan', name: 'Titan', type: 'organization', subtype: 'company', prominence: 60 });
  const orion = testEntity({ id: 'orion', name: 'Orion', type: 'organization', subtype: 'company', prominence: 55 });
  const maersk = testEntity({ id: 'maersk', name: 'Maersk', type: 'organization', subtype: 'company', prominence: 70 });
  const aeroflot = testEntity({ id: 'aeroflot', name: 'Aeroflot', type: 'organization', subtype: 'company', prominence: 70 });
  const index = buildEntityIndex([titan, orion, maersk, aeroflot]);
  const links = (text: string) => linkEntities([{ text }], index, { date: '2024-06-01' }).flatMap((e) => e.mentions.map((m) => `${m.text}=${e.id}`));
  it('reads a company name after a craft noun, or before a space or deep-sea craft noun, as the craft', () => {
    expect(links('Debris from the submersible Titan was found near the wreck.')).toEqual([]);
    expect(links('The space agency said its Orion spacecraft passed the Moon.')).toEqual([]);
    expect(links('Crews boarded the container ship Maersk off the coast.')).toEqual([]);
  });
  it('keeps the company as a maker or operator, and an airline after "carrier"', () => {
    expect(links('Titan reported higher sales of watches.')).toEqual(['Titan=titan']);
    expect(links('A Maersk vessel was attacked in the Red Sea.')).toEqual(['Maersk=maersk']);
    expect(links('The flag carrier Aeroflot cancelled flights.')).toEqual(['Aeroflot=aeroflot']);
  });
});

describe('the linker: an adjective or a state before a body', () => {
  const paper = testEntity({ id: 'paper', name: 'The Namibian', type: 'organization', subtype: 'media', country: 'NA', prominence: 50 });
  const court = testEntity({ id: 'court', name: 'Supreme Court of the United States', type: 'organization', subtype: 'government_body', country: 'US', aliases: ['Supreme Court'], prominence: 90 });
  const us = testEntity({ id: 'us', name: 'United States', type: 'place', subtype: 'country', country: 'US', prominence: 100 });
  const index = buildEntityIndex([paper, court, us]);
  const links = (text: string) => linkEntities([{ text }], index, { date: '2024-06-01' }).flatMap((e) => e.mentions.map((m) => `${m.text}=${e.id}`));
  it('reads a nationality adjective before a body noun as the adjective, not the outlet named by it', () => {
    expect(links('The Namibian environment ministry counted the rhinos.')).toEqual([]);
    expect(links('Officials said The Namibian police had arrested two men.')).toEqual([]);
    expect(links('The Namibian reported that two men were arrested.')).toEqual(['The Namibian=paper']);
    expect(links('Editors of The Namibian newspaper spoke.')).toEqual(['The Namibian=paper']);
  });
  it('reads "state" or "state\'s" before a national body as a state\'s own body', () => {
    expect(links("In the United States, the state's Supreme Court ruled on Monday.")).toEqual(['United States=us']);
    expect(links('In the United States, a former state Supreme Court justice wrote.')).toEqual(['United States=us']);
    expect(links('In the United States, the Supreme Court ruled on a case from the state.')).toEqual(['United States=us', 'Supreme Court=court']);
  });
});
