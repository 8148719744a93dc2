/**
 * Compiler (issue #4, session 15, recall in pack): a minor place's one-word or acronym reference
 * alias ("Tigray" of "Tigray Region", "NRW") is kept where the news vouches for it — the items
 * writing the word on its own mostly name the place's country too — and never where the news also
 * writes it as a town ("the city of Daraa"). Own tiny reference files and corpus; the names are made up.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileEntities } from '../lib/dataset/compile-entities';
import { countAliasCountry, newsVouchedAliases } from '../lib/dataset/news-alias-country';
import { entityFilesDir } from './_entity-files';

const ISO = 'iso3166-2-db 2.3.11 (MIT, GeoNames ids CC BY 4.0)';
const ethiopia = { id: 'Q115', name: 'Ethiopia', type: 'place', subtype: 'country', country: 'ET', source: 'test' };
const region = (n: number, word: string, aliases = [word]) =>
  ({ id: `geonames:90000${n}`, name: `${word} Region`, type: 'place', subtype: 'region', aliases, country: 'ET', source: ISO });
const countries = new Map([['ET', ['Ethiopia', 'Ethiopian']]]);
const item = (id: string, summary: string) => ({ id, summary });

describe('countAliasCountry: items writing the word on its own, with its country, as a town', () => {
  const items = [
    item('a1', 'Fighting resumes in Qorvath, Ethiopia.'),
    item('a2', 'Ethiopian troops leave Qorvath.'),
    item('a3', 'Aid reaches Qorvath at last.'),
    // Joined to a capitalised neighbour: part of another name, not counted.
    item('a4', 'The Qorvath Region council meets.'),
    item('a5', 'Rebels take the town of Zelmir, Ethiopia.'),
    item('a6', 'NRW votes; Nrw is not it.'),
  ];
  const cands = [{ alias: 'Qorvath', country: 'ET' }, { alias: 'Zelmir', country: 'ET' }, { alias: 'NRW', country: 'DE' }];
  const n = countAliasCountry(cands, new Map([...countries, ['DE', ['Germany']]]), items, new Set());

  it('counts standalone items and those naming the country (name or nationality word)', () => {
    expect([...n.items]).toEqual([3, 1, 1]);
    expect([...n.withCountry]).toEqual([2, 1, 0]);
  });
  it('counts items writing it after "town of" / "city of"', () => {
    expect([...n.asSettlement]).toEqual([0, 1, 0]);
  });
  it('skips the reserved items', () => {
    expect([...countAliasCountry(cands, countries, items, new Set(['a1', 'a2'])).items]).toEqual([1, 1, 1]);
  });
});

describe('newsVouchedAliases', () => {
  it('needs three items, half of them naming the country, none as a town', () => {
    const items = [
      ...['Clashes in Qorvath, Ethiopia.', 'Ethiopia sends aid to Qorvath.', 'Qorvath is calm.'].map((s, i) => item(`q${i}`, s)),
      ...['Clashes in Zelmir, Ethiopia.', 'Ethiopia sends aid to Zelmir.', 'Rebels take the city of Zelmir.'].map((s, i) => item(`z${i}`, s)),
      ...['Pindle wins again.', 'Pindle shares fall.', 'Pindle, Ethiopia is quiet.'].map((s, i) => item(`p${i}`, s)),
      ...['Ethiopia and Lumo.', 'Lumo, Ethiopia.'].map((s, i) => item(`l${i}`, s)),
    ];
    const cands = ['Qorvath', 'Zelmir', 'Pindle', 'Lumo'].map((alias) => ({ alias, country: 'ET' }));
    expect([...newsVouchedAliases(cands, countries, items, new Set())]).toEqual(['ET|Qorvath']);
  });
});

describe('compileEntities: a minor region\'s one-word alias the news vouches for', () => {
  const group = (n: number, name: string, alias: string) =>
    ({ id: `ucdp:9${n}`, name, type: 'organization', subtype: 'armed_group', aliases: [alias], country: 'ET', source: 'test' });
  const dir = entityFilesDir([ethiopia], [region(1, 'Qorvath'), region(2, 'Zelmir'), region(3, 'Pindle'),
    group(1, 'Qorvath Liberation Front', 'QLF'), group(2, 'Vandrel Sporting Union', 'Vandrel'),
    // A duplicate: another record holds its name as an alias.
    group(3, "Dunmore People's Republic", 'DNPR'), { ...region(4, 'Dunmore', ["Dunmore People's Republic"]), name: 'Dunmore' }]);
  const corpus = path.join(mkdtempSync(path.join(tmpdir(), 'backstory-vouch-')), 'coverage.jsonl');
  // Summaries under the gold draw's length: outside the eval reserve, so counted.
  const rows = [
    'Clashes in Qorvath, Ethiopia.', 'Ethiopia sends aid to Qorvath.', 'Qorvath is calm.',
    'Clashes in Zelmir, Ethiopia.', 'Ethiopia sends aid to Zelmir.', 'Rebels take the city of Zelmir.',
    'Pindle wins again.', 'Pindle shares fall.', 'Pindle beats Ethiopia.',
    'QLF attacks in Ethiopia.', 'Ethiopia bombs QLF camps.', 'QLF, Ethiopian rebels, talk.',
    'Vandrel wins in Ethiopia.', 'Ethiopia hosts Vandrel.', 'Vandrel, Ethiopian champions.',
    'DNPR attacks in Ethiopia.', 'Ethiopia bombs DNPR camps.', 'DNPR, Ethiopian rebels, talk.',
  ].map((summary, i) => ({ id: `huffpost-v${i}`, summary }));
  writeFileSync(corpus, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const aliasesOf = async (opts: object) => new Map((await compileEntities(dir, opts)).entities.map((e) => [e.id, e.aliases]));

  it('keeps "Qorvath" with the corpus, drops it without', async () => {
    expect((await aliasesOf({ newsCorpus: corpus })).get('geonames:900001')).toContain('Qorvath');
    expect((await aliasesOf({})).get('geonames:900001')).not.toContain('Qorvath');
  });
  it("keeps an organisation's acronym, never its one word (a club's word is often its island's)", async () => {
    const a = await aliasesOf({ newsCorpus: corpus });
    expect(a.get('ucdp:91')).toContain('QLF');
    expect((await aliasesOf({})).get('ucdp:91')).not.toContain('QLF');
    expect(a.get('ucdp:92')).not.toContain('Vandrel');
  });
  it('gives no alias to a record whose name another record holds (a duplicate)', async () => {
    expect((await aliasesOf({ newsCorpus: corpus })).get('ucdp:93')).not.toContain('DNPR');
  });
  it('drops a word the news also writes as a town, or rarely with the country', async () => {
    const a = await aliasesOf({ newsCorpus: corpus });
    expect(a.get('geonames:900002')).not.toContain('Zelmir');
    expect(a.get('geonames:900003')).not.toContain('Pindle');
  });
});
