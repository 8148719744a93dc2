/**
 * Compiler rules (issue #4, session 14), on own tiny reference files and corpora:
 * - a record the news names in one item is kept on top of its kind's quota (it pushes no quota
 *   record out), unless its name is one word or the reference dates it as a namesake of the past;
 * - a "Given SURNAME" person name is written as news writes it;
 * - the compiler's own read of the reference files gives the news names' keys (no second read).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { capitalSurnamesCased, compileEntities } from '../lib/dataset/compile-entities';
import { referenceNames } from '../lib/dataset/news-names';
import { entityFilesDir } from './_entity-files';

const MP = [{ title: 'Member of Parliament', from: '2021-01-01' }];
const MORE = [
  // Same rank, file order: with room for one, the first is the quota's.
  { id: 'Q9100001', name: 'Quentin Firstlisted', type: 'person', country: 'ZZ', roles: MP, source: 'eps:zz (CC0)' },
  { id: 'Q9100002', name: 'Oriel Namedonce', type: 'person', country: 'ZZ', roles: MP, source: 'eps:zz (CC0)' },
  { id: 'Q9100003', name: 'Unmentioned Backbencher', type: 'person', country: 'ZZ', roles: MP, source: 'eps:zz (CC0)' },
  // One word, named once: one item is no evidence for a one-word name ("Worlds" of Worlds Inc).
  { id: 'Q9100004', name: 'Vrellix', type: 'organization', subtype: 'company', source: 'wikidata (CC0)' },
  // A newspaper of the past whose name news writes for today's namesake.
  { id: 'Q9100005', name: 'Harbourtown Gazette (1894–1939)', type: 'organization', subtype: 'media', source: 'wikidata (CC0)' },
];
const POPULAR = [
  // Below the date pages' tiers: in only when the news names it, now once is enough.
  { id: 'enwiki:Named_Once', name: 'Xanthe Pollwarden', type: 'person', born: '1970', url: 'https://en.wikipedia.org/wiki/Named_Once', source: 'wikipedia:date-pages (CC BY-SA 4.0)', popularity: 39.8 },
];

function corpusFile(dir: string, summaries: string[]): string {
  const file = path.join(dir, 'coverage.jsonl');
  // Summaries shorter than the gold draw's minimum: never in the eval's reserve, all counted.
  writeFileSync(file, summaries.map((s, i) => JSON.stringify({ id: `huffpost-14${i}`, title: '', summary: s })).join('\n') + '\n');
  return file;
}

describe('compileEntities: records the news names once, on top of the quotas', async () => {
  const d = entityFilesDir([{ id: 'Q30', name: 'United States', type: 'place', subtype: 'country', source: 'wikidata (CC0)' }], MORE, POPULAR);
  const corpus = corpusFile(d, ['Oriel Namedonce spoke.', 'Vrellix grew.', 'Harbourtown Gazette wrote.', 'Xanthe Pollwarden sang.']);
  // Room for one record of entities_more.jsonl: the quota keeps the first; the rest is over it.
  const opts = { newsCorpus: corpus, moreLimit: 1 };
  const { entities, report } = await compileEntities(d, opts);
  const ids = new Set(entities.map((e) => e.id));

  it('keeps the quota record and adds the record named once (it pushes nothing out)', () => {
    expect(ids.has('Q9100001')).toBe(true);
    expect(ids.has('Q9100002')).toBe(true);
    expect(ids.has('Q9100003')).toBe(false);
    expect(report.some((l) => /named in 1 news item, over the quota\): 1$/.test(l))).toBe(true);
  });
  it('takes a record below its source\'s tiers that the news names once', () => {
    expect(ids.has('enwiki:Named_Once')).toBe(true);
  });
  it('does not take a one-word name or a dated namesake of the past on one item', () => {
    expect(ids.has('Q9100004')).toBe(false);
    expect(ids.has('Q9100005')).toBe(false);
  });
  it('without the news, the quota alone decides', async () => {
    const plain = new Set((await compileEntities(d, { moreLimit: 1 })).entities.map((e) => e.id));
    expect([...plain].filter((id) => id.startsWith('Q91') || id.startsWith('enwiki:'))).toEqual(['Q9100001']);
  });
});

describe('compileEntities: the reference names from its own read', async () => {
  const d = entityFilesDir(
    [{ id: 'Q30', name: 'United States', type: 'place', subtype: 'country', aliases: ['USA', 'United States of America'], source: 'wikidata (CC0)' }],
    [{ id: 'Q2397774', name: 'Ronald Assen', type: 'person', aliases: ['Assen'], source: 'eps:nl (CC0)' }, { id: 'Q1', name: 'Kept Nowhere', type: 'person', source: 'eps:zz (CC0)' }],
    // Dropped by the compiler (no Latin-script name), still a name the news names are not.
    [{ id: 'Q649', name: 'Москва', type: 'place', source: 'wikidata (CC0)' }],
  );
  const files = ['entities.jsonl', 'entities_more.jsonl', 'entities_popular.jsonl'].map((f) => path.join(d, f));

  it('gives the same keys and one-word aliases as reading the files apart, records the selection drops included', async () => {
    const own = (await compileEntities(d)).referenceNames!;
    const apart = referenceNames(files);
    expect([...own.keys].sort()).toEqual([...apart.keys].sort());
    expect(own.keys.has('москва')).toBe(true);
    expect(Object.fromEntries(own.oneWord)).toEqual(Object.fromEntries(apart.oneWord));
  });
  it('gives none when a line limit cut the read short', async () => {
    expect((await compileEntities(d, { lineLimit: 1 })).referenceNames).toBeUndefined();
  });
});

describe('capitalSurnamesCased: a surname in capitals as news writes it', () => {
  it('writes the European Parliament style "Given SURNAME" in title case', () => {
    expect(capitalSurnamesCased('Roberta METSOLA')).toBe('Roberta Metsola');
    expect(capitalSurnamesCased('Anna-Maria CORAZZA-BILDT')).toBe('Anna-Maria Corazza-Bildt');
  });
  it('leaves initials, two-letter surnames, numerals and ordinary names alone', () => {
    expect(capitalSurnamesCased('JB Pritzker')).toBe('JB Pritzker');
    expect(capitalSurnamesCased('Hira Chandra KC')).toBe('Hira Chandra KC');
    expect(capitalSurnamesCased('Louis XVIII')).toBe('Louis XVIII');
    expect(capitalSurnamesCased('Ursula von der Leyen')).toBe('Ursula von der Leyen');
  });
});

describe('compileEntities: a reference person written "Given SURNAME"', async () => {
  const d = entityFilesDir([{ id: 'Q9300001', name: 'Roberta QUELLMARA', type: 'person', aliases: ['QUELLMARA'], shortNames: ['QUELLMARA'], source: 'wikidata (CC0)' }], []);
  const e = (await compileEntities(d)).entities.find((x) => x.id === 'Q9300001')!;
  it('carries the name and its short form as news writes them', () => {
    expect(e.name).toBe('Roberta Quellmara');
    expect(e.shortNames).toEqual(['Quellmara']);
    expect([...e.aliases, ...(e.shortNames ?? [])].some((a) => a === 'QUELLMARA')).toBe(false);
  });
});
