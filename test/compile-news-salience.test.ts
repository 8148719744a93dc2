/**
 * News salience in the pack compiler's selection (issue #4): the gold's reserve is never counted,
 * names are counted as the linker matches them, and a record the news names enters the pack or
 * outranks its kind's unnamed tail. Own tiny corpora; the reserve check against the real gold
 * files needs ../shared and skips without it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileEntities } from '../lib/dataset/compile-entities';
import {
  NameCounter, NEWS_GOLD_MIN_SUMMARY, newsGoldOrder, newsGoldReserve, readNewsCorpus, RESERVED_HUFFPOST, RESERVED_WCEP, shortGivenNameForms, type NewsCorpusItem,
} from '../lib/dataset/news-salience';

const SHARED = path.resolve(__dirname, '../../shared');
const CORPUS = path.join(SHARED, 'data/coverage/coverage.jsonl');
const GOLD_DIR = path.resolve(__dirname, 'eval/entities-gold-news');
const hash = (id: string) => createHash('sha256').update(`news-gold:${id}`).digest('hex');
const long = 'x'.repeat(NEWS_GOLD_MIN_SUMMARY);

describe('newsGoldReserve: the gold draw order', () => {
  const items: NewsCorpusItem[] = [];
  for (let i = 0; i < RESERVED_WCEP + 40; i++) items.push({ id: `wcep-2024-01-01-${i}`, summary: long });
  for (let i = 0; i < RESERVED_HUFFPOST + 30; i++) items.push({ id: `huffpost-${i.toString(16)}`, summary: long });
  items.push({ id: 'wcep-short', summary: 'too short to be drawn' });
  const reserve = newsGoldReserve(items);

  it('reserves the first WCEP and HuffPost items of the sha256 order, apart', () => {
    expect(reserve.size).toBe(RESERVED_WCEP + RESERVED_HUFFPOST);
    for (const source of ['wcep-', 'huffpost-']) {
      const ids = items.filter((i) => i.id.startsWith(source) && i.id !== 'wcep-short').map((i) => i.id);
      const inside = ids.filter((id) => reserve.has(id)).map(hash);
      const outside = ids.filter((id) => !reserve.has(id)).map(hash);
      expect(outside.length).toBeGreaterThan(0);
      // Every reserved item comes before every unreserved one in the order.
      expect(inside.reduce((m, h) => (h > m ? h : m), '') < outside.reduce((m, h) => (h < m ? h : m), 'g')).toBe(true);
    }
  });
  it('never reserves an item whose summary is too short to be drawn', () => {
    expect(reserve.has('wcep-short')).toBe(false);
    expect(newsGoldOrder(items).wcep).not.toContain('wcep-short');
  });
});

describe('NameCounter: items naming a name, as the linker matches it', () => {
  const items: NewsCorpusItem[] = [
    { id: 'a', summary: 'Robert Mueller testifies; Mueller said Robert Mueller would not.' },
    { id: 'b', title: 'Giuliani And Robert Mueller Meet', summary: 'The two met in New York.' },
    { id: 'c', summary: 'A reporter at The Washington Post wrote about Washington.' },
    { id: 'd', title: 'Fitness Stars Go On Air', summary: 'ON AIR Fitness opens in Paris; an on air host will smith the news.' },
    { id: 'e', summary: 'Will Smith and Robert Mueller were named in a reserved item.' },
  ];
  const counter = new NameCounter();
  const mueller = counter.add('Robert Mueller');
  const washington = counter.add('Washington');
  const post = counter.add('The Washington Post');
  const onAir = counter.add('ON AIR');
  const willSmith = counter.add('Will Smith');
  const df = counter.count(items, new Set(['e']));

  it('counts items, not occurrences, and leaves reserved items out', () => {
    expect(df[mueller]).toBe(2);
    expect(df[willSmith]).toBe(0);
    expect(counter.count(items, new Set())[willSmith]).toBe(1);
  });
  it('lets the longest name win ("Washington" inside "The Washington Post" is the paper)', () => {
    expect(df[post]).toBe(1);
    expect(df[washington]).toBe(1);
    expect(counter.count([items[2]!, { id: 'f', summary: 'The Washington Post reported it.' }], new Set())[washington]).toBe(1);
  });
  it('keeps the case rules: lower case is no name, an all-caps word needs capitals', () => {
    expect(df[onAir]).toBe(1);
    expect(counter.count([{ id: 'g', title: 'Stars Go On Air Tonight', summary: 'nothing' }], new Set())[onAir]).toBe(0);
    expect(counter.count([{ id: 'h', summary: 'they will smith it' }], new Set())[willSmith]).toBe(0);
  });
  it('counts a European Parliament "Given SURNAME" name as news writes it; capitals before the first capitalised word stay required', () => {
    const c = new NameCounter();
    const metsola = c.add('Roberta METSOLA');
    const onAirFitness = c.add('ON AIR Fitness');
    const n = c.count([
      { id: 'i', summary: 'Roberta Metsola is elected President of the European Parliament.' },
      { id: 'j', title: 'Stars Go On Air Fitness Class', summary: 'nothing' },
    ], new Set());
    expect(n[metsola]).toBe(1);
    expect(n[onAirFitness]).toBe(0);
  });
});

describe('compileEntities: news salience in the selection', async () => {
  const d = mkdtempSync(path.join(tmpdir(), 'backstory-salience-'));
  const w = (f: string, rows: object[]) => writeFileSync(path.join(d, f), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  w('entities.jsonl', [{ id: 'Q30', name: 'United States', type: 'place', subtype: 'country', source: 'wikidata (CC0)' }]);
  w('entities_more.jsonl', [
    // Two legislators of equal rank; the quota (person: 7500) is not reached, both stay.
    { id: 'Q9000001', name: 'Quiet Backbencher', type: 'person', country: 'ZZ', roles: [{ title: 'Member of Parliament', from: '2021-01-01' }], source: 'eps:zz (CC0)' },
    // An official whose roles ended before 2012 (no role score): kept only because the news names him.
    { id: 'Q9000002', name: 'Zebulon Quorrister', type: 'person', country: 'US', roles: [{ title: 'Director of the Office', from: '1999-01-01', to: '2005-01-01' }], source: 'eps:us (CC0)' },
    { id: 'Q9000003', name: 'Yardley Unnamed', type: 'person', country: 'US', roles: [{ title: 'Director of the Office', from: '1999-01-01', to: '2005-01-01' }], source: 'eps:us (CC0)' },
  ]);
  w('entities_popular.jsonl', [
    // Below the date pages' tiers: in only when the news names it.
    { id: 'enwiki:Named_Often', name: 'Xavientos Pellamir', type: 'person', born: '1970', url: 'https://en.wikipedia.org/wiki/Named_Often', source: 'wikipedia:date-pages (CC BY-SA 4.0)', popularity: 39.8 },
    { id: 'enwiki:Never_Named', name: 'Wilhelmina Ostrander', type: 'person', born: '1970', url: 'https://en.wikipedia.org/wiki/Never_Named', source: 'wikipedia:date-pages (CC BY-SA 4.0)', popularity: 39.8 },
    // A record named by a phrase of function words: never lifted by the count.
    { id: 'Q9000009', name: "We can!", type: 'organization', subtype: 'political_party', source: 'wikidata:name-suggestion-index (CC0)', popularity: 10 },
    // A low-popularity brand whose alias is the news's word for it.
    { id: 'Q9000010', name: 'Sandvoort Policing Department', type: 'organization', subtype: 'government_body', aliases: ['SVPD'], source: 'wikidata:name-suggestion-index (CC0)', popularity: 10 },
    // A possessive one-word alias is the family name's possessive: every "Quorrister's".
    { id: 'Q9000011', name: "Quorrister's Fine Groceries", type: 'organization', subtype: 'company', aliases: ["Quorrister's"], source: 'wikidata:name-suggestion-index (CC0)', popularity: 10 },
  ]);
  const items: object[] = [];
  // Counted items: summaries too short for the gold draw, so outside the reserve.
  for (let i = 0; i < 4; i++) items.push({ id: `huffpost-00${i}`, title: "We Can Wait, Says The SVPD to Quorrister's Aides", summary: 'Zebulon Quorrister met Xavientos Pellamir.' });
  // The reserve's items name Wilhelmina Ostrander and Yardley Unnamed: never counted.
  const corpus = path.join(d, 'coverage.jsonl');
  const reservedText = `Wilhelmina Ostrander and Yardley Unnamed were named here. ${long}`;
  for (let i = 0; i < 10; i++) items.push({ id: `wcep-2023-01-0${i}-002`, summary: reservedText });
  writeFileSync(corpus, items.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const reserve = newsGoldReserve(readNewsCorpus(corpus));
  const { entities, report } = await compileEntities(d, { newsCorpus: corpus });
  const ids = new Set(entities.map((e) => e.id));
  const without = new Set((await compileEntities(d, {})).entities.map((e) => e.id));

  it('takes a record below its source\'s tiers when the news names it, not otherwise', () => {
    expect(ids.has('enwiki:Named_Often')).toBe(true);
    expect(without.has('enwiki:Named_Often')).toBe(false);
    expect(ids.has('enwiki:Never_Named')).toBe(false);
  });
  it('keeps an official without a recent role when the news names him', () => {
    expect(ids.has('Q9000002')).toBe(true);
    expect(without.has('Q9000002')).toBe(false);
  });
  it('counts an organisation by its own acronym', () => {
    expect(ids.has('Q9000010')).toBe(true);
  });
  it('does not lift a record named by a phrase of function words', () => {
    expect(ids.has('Q9000009')).toBe(false);
  });
  it("does not count a possessive alias that is another candidate's family name", () => {
    expect(ids.has('Q9000011')).toBe(false);
  });
  it('does not count the items reserved for the eval', () => {
    // The ten long items are all within the reserve (fewer than its size): their names count nothing.
    expect(items.filter((it) => (it as { id: string }).id.startsWith('wcep-')).every((it) => reserve.has((it as { id: string }).id))).toBe(true);
    expect(reserve.has('huffpost-000')).toBe(false);
    expect(ids.has('Q9000003')).toBe(false);
    expect(report.some((l) => /news salience: .* \(\d+ reserved for the eval, not counted\)/.test(l))).toBe(true);
  });
});

describe('shortGivenNameForms: the given name as news shortens it', () => {
  it('replaces a known given name by its short forms and drops middle initials', () => {
    expect(shortGivenNameForms('Matthew G. Whitaker')).toEqual(['Matt Whitaker']);
    expect(shortGivenNameForms('Edward Quillon')).toEqual(['Ed Quillon', 'Ted Quillon']);
  });
  it('gives nothing for other given names or a lone given name', () => {
    expect(shortGivenNameForms('Xavientos Pellamir')).toEqual([]);
    expect(shortGivenNameForms('Matthew')).toEqual([]);
  });
});

describe('compileEntities: a person the news names by a short given name', async () => {
  const d = mkdtempSync(path.join(tmpdir(), 'backstory-salience-short-'));
  const w = (f: string, rows: object[]) => writeFileSync(path.join(d, f), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const oldRole = [{ title: 'Director of the Office', from: '1999-01-01', to: '2005-01-01' }];
  w('entities.jsonl', [{ id: 'Q30', name: 'United States', type: 'place', subtype: 'country', source: 'wikidata (CC0)' }]);
  w('entities_more.jsonl', [
    // Roles ended before 2012: each kept only when the news names it.
    { id: 'Q9200001', name: 'Matthew Quillfeather', type: 'person', country: 'US', roles: oldRole, source: 'eps:us (CC0)' },
    { id: 'Q9200002', name: 'William Brannigate', type: 'person', country: 'US', roles: oldRole, source: 'eps:us (CC0)' },
    { id: 'Q9200003', name: 'Bill Brannigate', type: 'person', country: 'US', roles: oldRole, source: 'eps:us (CC0)' },
  ]);
  const corpus = path.join(d, 'coverage.jsonl');
  // Short summaries: outside the eval's reserve, so counted.
  const items = [0, 1, 2].map((i) => ({ id: `huffpost-20${i}`, title: 'Hearing Opens', summary: 'Matt Quillfeather and Bill Brannigate testify.' }));
  writeFileSync(corpus, items.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const ids = new Set((await compileEntities(d, { newsCorpus: corpus })).entities.map((e) => e.id));

  it('counts "Matt Quillfeather" for the record "Matthew Quillfeather"', () => {
    expect(ids.has('Q9200001')).toBe(true);
  });
  it('does not credit a short form another record is named by ("Bill Brannigate" is that record, not William)', () => {
    expect(ids.has('Q9200003')).toBe(true);
    expect(ids.has('Q9200002')).toBe(false);
  });
});

describe.skipIf(!existsSync(CORPUS))('the reserve covers every news gold item (needs ../shared)', () => {
  it('reserves every item of every gold file, so the compiler counts none of them', () => {
    const corpus = readNewsCorpus(CORPUS);
    const reserve = newsGoldReserve(corpus);
    const gold = readdirSync(GOLD_DIR).filter((f) => f.endsWith('.json'))
      .flatMap((f) => (JSON.parse(readFileSync(path.join(GOLD_DIR, f), 'utf8')) as { items: { item: string; mentions: { text: string }[] }[] }).items);
    expect(gold.length).toBeGreaterThan(200);
    expect(gold.filter((g) => !reserve.has(g.item)).map((g) => g.item)).toEqual([]);
    // Counted over the gold items alone: every gold name counts 0 with the reserve, and some count without it.
    const goldIds = new Set(gold.map((g) => g.item));
    const goldItems = corpus.filter((it) => goldIds.has(it.id));
    const counter = new NameCounter();
    for (const m of new Set(gold.flatMap((g) => g.mentions.map((x) => x.text)))) counter.add(m);
    expect(counter.count(goldItems, reserve).every((n) => n === 0)).toBe(true);
    expect(counter.count(goldItems, new Set()).some((n) => n > 0)).toBe(true);
  });
});
