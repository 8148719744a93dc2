import { describe, expect, it } from 'vitest';
import { tokenize } from '../lib/entities/normalize';
import {
  capitalisedNames, countryAfter, countWordCase, gatherNameEvidence, knownPersonVariant, newsNameCountry, newsNameId, newsNameRecords, newsNameType,
  referenceNames, sentenceStart, type NameEvidence, type NameLexicon, type WordCase,
} from '../lib/dataset/news-names';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NewsCorpusItem } from '../lib/dataset/news-salience';

const GIVEN = new Set(['joe', 'ghislaine', 'rochelle', 'mary', 'volodymyr', 'ivan', 'roman']);
const DEMONYMS = new Set(['russian', 'spanish']);
const lexicon: NameLexicon = { givenName: (w) => GIVEN.has(w), demonym: (w) => DEMONYMS.has(w) };

/** Word case where the listed words are ordinary (mostly lower case) and every other word proper. */
function wordCase(ordinaryWords: string[]): WordCase {
  return new Map(ordinaryWords.map((w) => [w, { lower: 90, cap: 10 }]));
}

function names(text: string, use: WordCase = wordCase([])): string[] {
  const tokens = tokenize(text);
  return capitalisedNames(text, tokens, use).map(({ from, to }) => text.slice(tokens[from]!.start, tokens[to - 1]!.end));
}

function evidence(name: string, over: Partial<NameEvidence> = {}): NameEvidence {
  return { name, items: 5, afterPlaceWord: 0, afterArticle: 0, continued: 0, afterNumber: 0, quoted: 0, occurrences: 5, first: '2022-01-01', last: '2023-01-01', countries: {}, wcep: true, huffpost: false, ...over };
}

describe('news names: capitalised names in running text', () => {
  it('cuts titles off the front and keeps joined names whole', () => {
    expect(names('President Joe Biden met Sen. Ghislaine Maxwell near the Supreme Court of India.')).toEqual(['Joe Biden', 'Ghislaine Maxwell', 'Supreme Court of India']);
  });
  it('cuts an ordinary word that only the sentence start capitalises', () => {
    const use = wordCase(['police']);
    expect(names('Police arrest Bryan Kohberger.', use)).toEqual(['Bryan Kohberger']);
    // Mid-sentence the same word stays: it is written capitalised there.
    expect(names('the Capitol Police said', use)).toEqual(['Capitol Police']);
  });
  it('drops a name cut by a hyphen-bound lower-case word, joins hyphen-bound articles', () => {
    expect(names('Kim Jong-un spoke.')).toEqual([]);
    expect(names('fighting in Deir ez-Zor and at Mar-a-Lago')).toEqual(['Deir ez-Zor', 'Mar-a-Lago']);
  });
  it('does not read the dot of an initial or abbreviation as a sentence end', () => {
    const text = 'Sen. Smith met J. K. Rowling. Police came';
    const tokens = tokenize(text);
    const at = (w: string) => tokens.findIndex((t) => t.norm === w);
    expect(sentenceStart(text, tokens, at('smith'))).toBe(false);
    expect(sentenceStart(text, tokens, at('rowling'))).toBe(false);
    expect(sentenceStart(text, tokens, at('police'))).toBe(true);
  });
});

describe('news names: type rules', () => {
  const use = wordCase(['national', 'assembly', 'health', 'ministry', 'lake', 'storm', 'city', 'court', 'supreme', 'air', 'force', 'summer', 'olympics']);
  it('a given name and proper words is a person; not after "the"', () => {
    expect(newsNameType(evidence('Rochelle Walensky'), use, lexicon)).toBe('person');
    expect(newsNameType(evidence('Roman Protasevich', { afterArticle: 3 }), use, lexicon)).toBeNull();
  });
  it('a name written after "in"/"near" at least half the time is a place', () => {
    expect(newsNameType(evidence('Uvalde', { afterPlaceWord: 3, occurrences: 5 }), use, lexicon)).toBe('place');
    expect(newsNameType(evidence('Uvalde', { afterPlaceWord: 1, occurrences: 5 }), use, lexicon)).toBeNull();
  });
  it('head and lead words give organisations, places and events', () => {
    expect(newsNameType(evidence('Islamic Defenders Front'), use, lexicon)).toBe('organization');
    expect(newsNameType(evidence('Lake Chad'), use, lexicon)).toBe('place');
    expect(newsNameType(evidence('Storm Filomena'), use, lexicon)).toBe('event');
  });
  it('generic institutions, nationality-led names and editions are dropped', () => {
    expect(newsNameType(evidence('National Assembly'), use, lexicon)).toBeNull();
    expect(newsNameType(evidence('Health Ministry'), use, lexicon)).toBeNull();
    expect(newsNameType(evidence('Russian Air Force'), use, lexicon)).toBeNull();
    expect(newsNameType(evidence('Tokyo Summer Olympics'), use, lexicon, new Set(['tokyo']))).toBeNull();
    expect(newsNameType(evidence('Tokyo Summer Olympics', { afterNumber: 3 }), use, lexicon)).toBeNull();
  });
  it('a known place written with a generic word or a known country prefix is that place\'s', () => {
    const known = new Set(['gaza', 'united states']);
    expect(newsNameType(evidence('Gaza City', { afterPlaceWord: 4 }), use, lexicon, known)).toBeNull();
    expect(newsNameType(evidence('United States Supreme Court'), use, lexicon, known)).toBeNull();
    // Even where the counted items happen to write "supreme" capitalised 97 times in 100.
    const rarelyLower: WordCase = new Map([['supreme', { lower: 3, cap: 97 }]]);
    expect(newsNameType(evidence('United States Supreme Court'), rarelyLower, lexicon, known)).toBeNull();
    expect(newsNameType(evidence('New York Supreme Court'), rarelyLower, lexicon, new Set(['new york']))).toBeNull();
  });
  it('a known person with a middle name or another spelling is that person\'s', () => {
    const known = new Set(['ivan duque', 'volodymyr zelenskyy']);
    expect(knownPersonVariant(['ivan', 'duque', 'marquez'], known)).toBe(true);
    expect(knownPersonVariant(['volodymyr', 'zelenskyi'], known)).toBe(true);
    expect(knownPersonVariant(['rochelle', 'walensky'], known)).toBe(false);
  });
});

describe('news names: records and the eval reserve', () => {
  const items: NewsCorpusItem[] = [
    { id: 'wcep-2021-01-02-001', summary: 'Officials say Rochelle Walensky will lead the agency.' },
    { id: 'wcep-2021-03-04-001', summary: 'In a briefing, Rochelle Walensky warns of a new wave.' },
    { id: 'huffpost-a', date: '2022-05-06', summary: 'The agency, led by Rochelle Walensky, changed its advice.' },
    { id: 'wcep-2022-07-08-001', summary: 'A gunman kills two people in Sundergarh, officials say.' },
    { id: 'wcep-2022-07-09-001', summary: 'Police in Sundergarh arrest the suspect.' },
  ];
  const opts = { minItems: 2, known: new Set<string>(), lexicon };

  it('makes records with a stable id, the type, and the sources that named them', () => {
    const { records } = newsNameRecords(items, new Set(), opts);
    expect(records.map((r) => [r.id, r.name, r.type, r.sources.join(',')])).toEqual([
      ['news:rochelle-walensky', 'Rochelle Walensky', 'person', 'coverage-huffpost,coverage-wcep'],
      ['news:sundergarh', 'Sundergarh', 'place', 'coverage-wcep'],
    ]);
    expect(newsNameId('Bint Jbeil')).toBe('news:bint-jbeil');
  });
  it('counts no reserved item: a name only the reserve repeats enters no pack', () => {
    const reserved = new Set(['wcep-2022-07-09-001']);
    const { records } = newsNameRecords(items, reserved, opts);
    expect(records.map((r) => r.id)).toEqual(['news:rochelle-walensky']);
    const ev = gatherNameEvidence(items, new Set(['wcep-2021-01-02-001', 'huffpost-a']), countWordCase(items, new Set()), () => false);
    expect(ev.get('rochelle walensky')).toMatchObject({ items: 1, first: '2021-03-04', last: '2021-03-04', huffpost: false });
  });
  it('a name a reference record already carries is not a candidate, in any word order or spelling', () => {
    const { records } = newsNameRecords(items, new Set(), { ...opts, known: new Set(['sundergarh']) });
    expect(records.map((r) => r.id)).toEqual(['news:rochelle-walensky']);
    const forces: NewsCorpusItem[] = [1, 2, 3].map((n) => ({ id: `wcep-2023-01-0${n}-001`, summary: `Reports say the Israel Defence Forces and the Jalisco New Generation Cartel met ${n} times.` }));
    const some = newsNameRecords(forces, new Set(), { ...opts, known: new Set() }).records.map((r) => r.id);
    expect(some).toEqual(['news:israel-defence-forces', 'news:jalisco-new-generation-cartel']);
    const none = newsNameRecords(forces, new Set(), { ...opts, known: new Set(['israel defense forces', 'jalisco cartel new generation']) }).records;
    expect(none).toEqual([]);
  });
  it('word case skips reserved items', () => {
    expect(countWordCase(items, new Set()).get('sundergarh')).toEqual({ lower: 0, cap: 2 });
    expect(countWordCase(items, new Set(['wcep-2022-07-08-001'])).get('sundergarh')).toEqual({ lower: 0, cap: 1 });
  });
});

describe('news names: the country the text places a name in', () => {
  const countries = new Map([['lebanon', 'LB'], ['israel', 'IL'], ['syria', 'SY'], ['democratic republic of the congo', 'CD']]);
  const at = (text: string, name: string) => {
    const tokens = tokenize(text);
    const from = tokens.findIndex((t) => t.norm === name.split(' ')[0]!.toLowerCase());
    return countryAfter(text, tokens, from, from + name.split(' ').length, countries);
  };
  it('reads "X, <Country>" ending the phrase, the longest country name', () => {
    expect(at('An airstrike hits Kfar Kila, Lebanon, killing two.', 'Kfar Kila')).toBe('LB');
    expect(at('Fighting near Goma, Democratic Republic of the Congo.', 'Goma')).toBe('CD');
  });
  it('reads through one region between ("X, <Region>, <Country>"), not through a list', () => {
    expect(at('Gunmen attack Guma, Benue State, Syria, on Saturday.', 'Guma')).toBe('SY');
    expect(at('Strikes on Basta, Beirut, Lebanon.', 'Basta')).toBe('LB');
    expect(at('Strikes on Basta, Beirut, Tyre, Lebanon.', 'Basta')).toBeNull();
    expect(at('Strikes on Basta, Beirut and Tyre.', 'Basta')).toBeNull();
  });
  it('not in a list, not without the comma', () => {
    expect(at('Strikes on Gaza, Israel and Syria continue.', 'Gaza')).toBeNull();
    expect(at('Strikes on Gaza, Israel, Syria continue.', 'Gaza')).toBeNull();
    expect(at('Protests in Beirut, Tyre, Lebanon.', 'Tyre')).toBeNull();
    expect(at('Kfar Kila Lebanon is quiet.', 'Kfar Kila')).toBeNull();
  });
  it('keeps the fact only when the text places the name consistently in one country', () => {
    expect(newsNameCountry({ countries: { LB: 3 } })).toBe('LB');
    expect(newsNameCountry({ countries: { LB: 1 } })).toBeNull();
    expect(newsNameCountry({ countries: { LB: 4, IL: 1 } })).toBeNull();
    expect(newsNameCountry({ countries: {} })).toBeNull();
  });
  it('news records of places carry it; people do not', () => {
    const items: NewsCorpusItem[] = [1, 2, 3].map((n) => ({ id: `wcep-2024-01-0${n}-001`, summary: `An airstrike in Kfar Kila, Lebanon, kills two, and Rochelle Walensky, Lebanon, speaks ${n}.` }));
    const { records } = newsNameRecords(items, new Set(), { minItems: 2, known: new Set(["lebanon"]), lexicon, countries });
    expect(records.map((r) => [r.name, r.country ?? null])).toEqual([['Kfar Kila', 'LB'], ['Rochelle Walensky', null]]);
  });
});

describe('news names: what the reference files block', () => {
  const d = mkdtempSync(path.join(tmpdir(), 'backstory-refnames-'));
  const file = path.join(d, 'entities_more.jsonl');
  writeFileSync(file, [
    { id: 'Q2397774', name: 'Ronald Assen', type: 'person', aliases: ['Assen'] },
    { id: 'geonames:127082', name: 'Khuzestan Province', type: 'place', aliases: ['Khuzestan', 'Khuzestan Ostan'] },
  ].map((r) => JSON.stringify(r)).join('\n') + '\n');
  it('names and multi-word aliases block a news name; a one-word alias (a surname, a town) does not, it is given with its record', () => {
    const { keys, oneWord } = referenceNames([file]);
    expect([...keys].sort()).toEqual(['khuzestan ostan', 'khuzestan province', 'ronald assen']);
    expect(Object.fromEntries(oneWord)).toEqual({
      assen: [{ id: 'Q2397774', type: 'person' }],
      khuzestan: [{ id: 'geonames:127082', type: 'place' }],
    });
  });
});
