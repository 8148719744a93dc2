/**
 * Ordinary words in title-case headlines (issue #4, session 19): a town or a one-name person spelt
 * like an ordinary word ("Male", "Queens", the singer "Pink") and an organisation named by an
 * ordinary phrase ("AS FAR", "On the Run") get the compiler's `commonWord` flag; in a title-case
 * line the linker then wants support: the word written as a name elsewhere, a cue of its type next to
 * it, or the record's own spelling on the page. Own words, own tiny records.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { compileEntities, ordinaryPhraseName } from '../lib/dataset/compile-entities';
import type { PhraseUse } from '../lib/dataset/common-phrases';
import { buildEntityIndex } from '../lib/entities/index';
import { linkEntities } from '../lib/entities/link';
import { tokenize } from '../lib/entities/normalize';
import { ordinaryNameTypeCue, ordinaryPhraseUnsupported } from '../lib/entities/headline-names';
import { entityFilesDir } from './_entity-files';
import { testEntity } from './_entity-fixtures';

describe('compileEntities: the commonWord mark on places, one-name people and phrase names', () => {
  it('marks a town and a one-name person news writes lower case, and an organisation named by a lower-case phrase', async () => {
    const dir = entityFilesDir([
      { id: 'Q-isle', name: 'Isle', type: 'place', subtype: 'capital', country: 'MV', source: 'test' },
      { id: 'Q-rose', name: 'Rosé', type: 'person', subtype: 'arts', source: 'test' },
      { id: 'Q-far', name: 'AS FAR', type: 'organization', subtype: 'sports_club', country: 'MA', source: 'test' },
      { id: 'Q-malta', name: 'Malta', type: 'place', subtype: 'country', country: 'MT', source: 'test' },
      { id: 'Q-harbour', name: 'Harbourtown', type: 'place', subtype: 'city', aliases: ['Harbour'], country: 'US', source: 'test' },
      { id: 'Q-kiev', name: 'Kievan Rus', type: 'place', subtype: 'region', country: 'UA', source: 'test' },
    ], []);
    const corpus = path.join(dir, 'news.jsonl');
    // Short summaries: the eval's reserve (news-salience.ts) holds longer ones back from the counts.
    const lines = [
      'Fans drank rosé as far as the isle.', 'The isle lay as far from malta as ever.',
      'Rosé was sold as far inland as the isle.', 'In Kievan Rus the harbour was shut, as far as we know.',
    ].map((summary, i) => JSON.stringify({ id: `t-${i}`, date: '2024-01-0' + (i + 1), summary }));
    writeFileSync(corpus, lines.join('\n') + '\n');
    const { entities } = await compileEntities(dir, { wordCorpus: corpus });
    const marked = (id: string) => entities.find((e) => e.id === id)?.commonWord;
    expect(marked('Q-isle')).toBe(true);
    expect(marked('Q-rose')).toBe(true);
    expect(marked('Q-far')).toBe(true);
    // A country is known by name everywhere; a place's other names are not what is written; a name
    // news writes capitalised is a name.
    expect(marked('Q-malta')).toBeUndefined();
    expect(marked('Q-harbour')).toBeUndefined();
    expect(marked('Q-kiev')).toBeUndefined();
  });

  it('ordinaryPhraseName: a name of two or more words news writes in lower case, capitals or not', () => {
    const use = new Map<string, PhraseUse>([['as far', { lower: 9, alone: 0 }], ['rule of law', { lower: 5, alone: 2 }], ['coast guard', { lower: 1, alone: 7 }]]);
    expect(ordinaryPhraseName('AS FAR', use)).toBe(true);
    expect(ordinaryPhraseName('Rule of Law', use)).toBe(true);
    expect(ordinaryPhraseName('Coast Guard', use)).toBe(false);
    expect(ordinaryPhraseName('Far', use)).toBe(false);
  });
});

describe('the linker: ordinary words in a title-case headline', () => {
  const male = testEntity({ id: 'male', name: 'Male', type: 'place', subtype: 'capital', country: 'MV', commonWord: true, prominence: 85, population: 100000 });
  const queens = testEntity({ id: 'queens', name: 'Queens', type: 'place', subtype: 'city', country: 'US', commonWord: true, prominence: 65, population: 2000000 });
  const pink = testEntity({ id: 'pink', name: 'Pink', type: 'person', subtype: 'arts', country: 'US', commonWord: true, prominence: 36 });
  const far = testEntity({ id: 'far', name: 'AS FAR', type: 'organization', subtype: 'sports_club', country: 'MA', aliases: ['AS FAR Rabat'], commonWord: true, prominence: 40 });
  const run = testEntity({ id: 'run', name: 'On the Run', type: 'organization', subtype: 'company', country: 'AU', commonWord: true, prominence: 69 });
  const index = buildEntityIndex([male, queens, pink, far, run]);
  const links = (...blocks: string[]) => linkEntities(blocks.map((text) => ({ text })), index, { date: '2024-06-01' })
    .flatMap((e) => e.mentions.map((m) => `${e.id}:${m.paragraph}:${m.text}`)).sort();

  it('does not link the ordinary word with no support', () => {
    expect(links('When Male Allies Become Abusers', 'Some men who claim to back women harm them.')).toEqual([]);
    expect(links('Joining Drag Queens On TV Show Costs Pastor His Job', 'The pastor appeared on a show.')).toEqual([]);
    expect(links('Actress Dyed Her Hair Pink To Embarrass Her Kids', 'She showed off the new look.')).toEqual([]);
  });
  it('links it with a cue of its type or the name written as a name elsewhere', () => {
    expect(links('Gold Stash Found In A Queens Warehouse', 'Investors parked gold near the airport.')).toEqual(['queens:0:Queens']);
    expect(links('Pink Asks Young Fan To Sing For Her', 'The fan was thrilled.')).toEqual(['pink:0:Pink']);
    expect(links('Stars React To Mean Tweets', 'Pink, Gwen Stefani and others also reacted.')).toEqual(['pink:1:Pink']);
    expect(links('Flooding Hits Male After Storm', 'Streets in Male were under water on Monday.')).toEqual(['male:0:Male', 'male:1:Male']);
  });
  it('does not link an organisation named by an ordinary phrase that the headline writes otherwise', () => {
    expect(links('Trump Says As Far As He Is Concerned The Speaker Is Done', 'The president spoke on Monday.')).toEqual([]);
    expect(links('French Gangster On The Run After Escaping Prison', 'He fled by helicopter.')).toEqual([]);
  });
  it('links the phrase name when the page writes the record\'s own spelling', () => {
    expect(links('Fans Queue Outside On The Run Store', 'On the Run opened a new store in Sydney.')).toEqual(['run:0:On The Run', 'run:1:On the Run']);
  });
});

describe('headline-names helpers', () => {
  it('ordinaryNameTypeCue: a preposition before a place, a verb after a person opening the line, a list of people', () => {
    const cue = (type: string, text: string, from: number, to: number) => ordinaryNameTypeCue(type, text, tokenize(text), from, to);
    expect(cue('place', 'Fire In Queens Apartment', 2, 3)).toBe(true);
    expect(cue('place', 'Stash In A Queens Warehouse', 3, 4)).toBe(true);
    expect(cue('place', 'Joining Drag Queens On TV', 2, 3)).toBe(false);
    expect(cue('place', 'Available For Sale Soon', 2, 3)).toBe(false);
    expect(cue('person', 'Pink Had A Response', 0, 1)).toBe(true);
    expect(cue('person', 'Pink Offers To Pay', 0, 1)).toBe(true);
    expect(cue('person', 'Her Hair Pink Goes', 2, 3)).toBe(false);
    expect(cue('person', 'Pink Bus Tours', 0, 1)).toBe(false);
    expect(cue('person', 'Pink, Gwen Stefani and Halsey', 0, 1)).toBe(true);
    expect(cue('organization', 'Pink Offers To Pay', 0, 1)).toBe(false);
  });
  it('ordinaryPhraseUnsupported: written otherwise than the record, and the record\'s spelling nowhere on the page', () => {
    const page = (text: string) => (s: string) => text.includes(s);
    expect(ordinaryPhraseUnsupported('As Far', ['AS FAR', 'AS FAR Rabat'], page('Trump Says As Far As He Is Concerned'))).toBe(true);
    expect(ordinaryPhraseUnsupported('As Far', ['AS FAR'], page('As Far Win. AS FAR beat them.'))).toBe(false);
    expect(ordinaryPhraseUnsupported('AS FAR', ['AS FAR'], page('AS FAR beat them.'))).toBe(false);
    // A one-word name makes the flag that word's (common-word-names.ts): no phrase rule.
    expect(ordinaryPhraseUnsupported('Amnesty Intl', ['Amnesty International', 'Amnesty'], page('Amnesty Intl Says'))).toBe(false);
  });
});
