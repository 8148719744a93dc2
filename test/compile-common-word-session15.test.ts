/**
 * The dictionary-word flag (issue #4, session 15): the compiler marks organisations and events one of
 * whose names is one word news writes lower case ("Pics", "The Sun", "Amnesty"); the runtime pack
 * keeps the mark; the linker links such a name in a title-case headline or at a sentence start only
 * with support on the page. Own words, own tiny records.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { commonWordForm, compileEntities, type WordUse } from '../lib/dataset/compile-entities';
import { decodeRuntimePack, encodeRuntimePack } from '../lib/dataset/runtime-pack';
import type { Pack } from '../lib/dataset/schema';
import { buildEntityIndex } from '../lib/entities/index';
import { linkEntities } from '../lib/entities/link';
import { tokenize } from '../lib/entities/normalize';
import { oneWordForm, writtenAsName } from '../lib/entities/common-word-names';
import { entityFilesDir } from './_entity-files';
import { testEntity } from './_entity-fixtures';

const use: WordUse = new Map([
  ['pics', { lower: 6, cap: 1 }], ['sun', { lower: 9, cap: 3 }], ['amnesty', { lower: 4, cap: 1 }],
  ['who', { lower: 50, cap: 0 }], ['hezbollah', { lower: 0, cap: 40 }], ['lions', { lower: 1, cap: 9 }],
]);

describe('commonWordForm', () => {
  it('is true for one word (maybe after "The") that news writes lower case in ≥ 20 % of its uses', () => {
    expect(commonWordForm(['PicS'], use)).toBe(true);
    expect(commonWordForm(['The Sun'], use)).toBe(true);
    expect(commonWordForm(['Amnesty International', 'Amnesty'], use)).toBe(true);
  });
  it('is false for acronyms, proper words, rarely-lower words, unseen words, longer names and without counts', () => {
    expect(commonWordForm(['WHO', 'W.H.O.'], use)).toBe(false);
    expect(commonWordForm(['Hezbollah'], use)).toBe(false);
    expect(commonWordForm(['Lions'], use)).toBe(false);
    expect(commonWordForm(['Barista'], use)).toBe(false);
    expect(commonWordForm(['Sun Pics'], use)).toBe(false);
    expect(commonWordForm(['PicS'], undefined)).toBe(false);
  });
});

describe('compileEntities: the commonWord mark', () => {
  it('marks an organisation whose name news writes lower case, not a person or a place of that word', async () => {
    const dir = entityFilesDir([
      { id: 'Q-pics', name: 'PicS', type: 'organization', subtype: 'company', source: 'test' },
      { id: 'Q-hez', name: 'Hezbollah', type: 'organization', subtype: 'armed_group', source: 'test' },
      { id: 'Q-sun-town', name: 'Suntown', type: 'place', subtype: 'city', aliases: ['Sun'], country: 'US', source: 'test' },
    ], []);
    const corpus = path.join(dir, 'news.jsonl');
    const lines = [
      'Readers shared pics of their pets while the sun set.', 'More pics came as the sun rose over the hills.',
      'Hezbollah fired rockets; officials posted pics later.', 'The group posted pics at sun rise near Hezbollah posts.',
    ].map((summary, i) => JSON.stringify({ id: `t-${i}`, date: '2024-01-0' + (i + 1), summary }));
    writeFileSync(corpus, lines.join('\n') + '\n');
    const { entities } = await compileEntities(dir, { wordCorpus: corpus });
    const marked = (id: string) => entities.find((e) => e.id === id)?.commonWord;
    expect(marked('Q-pics')).toBe(true);
    expect(marked('Q-hez')).toBeUndefined();
    expect(marked('Q-sun-town')).toBeUndefined();
  });
});

describe('the runtime pack keeps the mark', () => {
  it('reads commonWord back on the marked record only', () => {
    const pack: Pack = {
      format: 'backstory-pack', formatVersion: 1, id: 'default', name: 'Test pack', version: '1', licenses: [],
      entities: [testEntity({ id: 'pics', name: 'PicS', type: 'organization', commonWord: true, prominence: 30 }), testEntity({ id: 'hez', name: 'Hezbollah', type: 'organization', prominence: 80 })],
      coverage: [{ id: 'c1', date: '2025-01-01', source: 'Wire', entities: ['pics'], topics: [] }],
    };
    const { knowledge } = decodeRuntimePack(encodeRuntimePack(pack));
    expect(knowledge.entities.byId.get('pics')?.commonWord).toBe(true);
    expect(knowledge.entities.byId.get('hez')?.commonWord).toBeUndefined();
  });
});

describe('the linker: a dictionary-word name where capitals say nothing', () => {
  const pics = testEntity({ id: 'pics', name: 'PicS', type: 'organization', subtype: 'company', commonWord: true, prominence: 30 });
  const sun = testEntity({ id: 'sun', name: 'The Sun', type: 'organization', subtype: 'media', commonWord: true, prominence: 45 });
  const amnesty = testEntity({ id: 'amnesty', name: 'Amnesty International', type: 'organization', subtype: 'ngo', aliases: ['Amnesty'], commonWord: true, prominence: 85 });
  const index = buildEntityIndex([pics, sun, amnesty]);
  const links = (...blocks: string[]) => linkEntities(blocks.map((text) => ({ text })), index, { date: '2024-06-01' })
    .flatMap((e) => e.mentions.map((m) => `${e.id}:${m.paragraph}:${m.text}`)).sort();

  it('does not link it in a title-case headline or at a sentence start with no support', () => {
    expect(links('Celebrate Clear The Shelters With Pics Of Pets')).toEqual([]);
    expect(links('Pics of the shelter dogs went online on Monday.')).toEqual([]);
    expect(links('The Sun was hidden by clouds over the coast.')).toEqual([]);
  });
  it('links it mid-sentence in running text, and elsewhere on a page that writes it so', () => {
    expect(links('A report in The Sun said the minister would resign.')).toEqual(['sun:0:The Sun']);
    expect(links('The Sun Says Minister Will Resign', 'A report in The Sun said the minister would resign.')).toEqual(['sun:0:The Sun', 'sun:1:The Sun']);
  });
  it('links the short form at a sentence start when the page writes the longer name', () => {
    expect(links('Amnesty said the trial was unfair.')).toEqual([]);
    expect(links('Amnesty said the trial was unfair.', 'Amnesty International has asked for a retrial.')).toEqual(['amnesty:0:Amnesty', 'amnesty:1:Amnesty International']);
  });
  it('leaves unmarked records alone', () => {
    const plain = buildEntityIndex([{ ...pics, commonWord: undefined }]);
    expect(linkEntities([{ text: 'Pics of the shelter dogs went online on Monday.' }], plain, { date: null }).map((e) => e.id)).toEqual(['pics']);
  });
});

describe('common-word-names helpers', () => {
  it('oneWordForm: one word, or "The" and one word', () => {
    const t = tokenize('The Sun and Amnesty International');
    expect(oneWordForm(t, 0, 2)).toBe(true);
    expect(oneWordForm(t, 1, 2)).toBe(true);
    expect(oneWordForm(t, 3, 5)).toBe(false);
  });
  it('writtenAsName: capitalised mid-sentence outside headlines, not after a sentence-initial "The"', () => {
    const block = (text: string, titleCase = false) => {
      const tokens = tokenize(text);
      return { tokens, titleCase: () => titleCase, sentenceStart: (i: number) => i === 0 || /[.!?]\s*$/.test(text.slice(0, tokens[i]!.start)) };
    };
    expect(writtenAsName([block('A report in The Sun said so.')], 'sun')).toBe(true);
    expect(writtenAsName([block('The Sun said so.')], 'sun')).toBe(false);
    expect(writtenAsName([block('Report In The Sun Says So', true)], 'sun')).toBe(false);
    expect(writtenAsName([block('the sun rose.')], 'sun')).toBe(false);
  });
});
