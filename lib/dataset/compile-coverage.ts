/**
 * Compiles the reference news corpus (../shared/data/coverage/coverage.jsonl) into pack coverage
 * records. Deterministic: same input and linker → the same records in the same order.
 *
 * What goes in (prose false, the default pack): facts only — id, date, outlets, entity ids found by
 * the linker in the item's text, the topic records it says and the countries its nationality
 * adjectives name (lib/coverage/topic-records.ts, demonym-countries.ts),
 * topic headings (Wikipedia items) or the category (HuffPost items), and the URL. Wikipedia "Current events" items carry no `url`: it is the portal's day page
 * and is rebuilt from the date (lib/coverage/facts.ts `coverageUrl`). Items the linker finds no
 * entity in are dropped (they can never be retrieved, the index is by entity), as are HuffPost
 * items in soft categories (entertainment, voices, …). With prose true, title and summary are kept
 * too (for packs a reader builds from a corpus they hold).
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { CoverageRecord } from './schema';
import { WCEP_PREFIX } from '../coverage/facts';
import { headingNormalizer } from './normalize-headings';
import { topicIdsIn } from '../coverage/topic-records';
import { demonymCountryIdsIn } from '../coverage/demonym-countries';

export interface CompileCoverageOptions {
  prose: boolean;
  /**
   * Keep HuffPost items (facts only: URL, date, category, entities). Default false: they are
   * 2018–2022, carry no topic headings, and cost ~1.1 MB raw / ~250 KB gzip in the pack for a line
   * that says little more than "Politics · Donald Trump — HuffPost". Packs with prose may want them.
   */
  huffpost?: boolean;
  /** HuffPost categories kept (upper case as in the corpus). Default: hard-news categories. */
  huffpostCategories?: readonly string[];
  /** Topic headings at most this long are kept (longer ones are flattened lists). Default 120. */
  maxTopicChars?: number;
  /**
   * Fold spelling variants of a heading to one form and split comma-joined heading lists
   * (lib/dataset/normalize-headings.ts). Default false: measured on the coverage eval (relevance
   * judged on the corpus's own headings), folding alone left dev P@5 flat (0.733 → 0.730) and
   * splitting cost 0.05, so the default pack keeps the corpus's headings as they are.
   */
  normalizeHeadings?: boolean;
  /**
   * The topic records an item's text says, added to its linked entities (lib/coverage/topic-records.ts
   * `topicIdsIn`, the default); null leaves them out (the packs before session 19).
   */
  topicRecords?: ((text: string) => string[]) | null;
  /**
   * The countries an item's nationality adjectives name ("Malian junta" → Mali), added to its
   * linked entities (lib/coverage/demonym-countries.ts `demonymCountryIdsIn`, the default); null
   * leaves them out (the packs before session 19).
   */
  demonymCountries?: ((text: string) => string[]) | null;
  /**
   * The countries an item's linked office-holders and places stand for on its date, added to its
   * entities (lib/coverage/implied-countries.ts `impliedCountryIdsFor`, which the pack build passes
   * with its entity index); null or absent leaves them out (the packs before session 20).
   */
  impliedCountries?: ((linked: readonly string[], date: string) => string[]) | null;
}

/** An item's topic headings as the corpus gives them (trimmed; longer than maxChars = a flattened list, left out). */
export function corpusHeadings(topics: unknown, maxChars = 120): string[] {
  return Array.isArray(topics) ? topics.map(str).filter((t) => t && t.length <= maxChars) : [];
}

/** Hard-news HuffPost categories: the others (entertainment, voices, …) rarely relate to news pages. */
export const HUFFPOST_NEWS_CATEGORIES = ['POLITICS', 'WORLD NEWS', 'U.S. NEWS', 'CRIME', 'ENVIRONMENT', 'BUSINESS', 'MEDIA', 'SCIENCE', 'TECH', 'MONEY', 'EDUCATION', 'RELIGION'] as const;

interface RawItem {
  id?: unknown;
  title?: unknown;
  summary?: unknown;
  date?: unknown;
  source?: unknown;
  url?: unknown;
  dataset?: unknown;
  topics?: unknown;
  category?: unknown;
}

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** "U.S. NEWS" → "U.S. News", "WORLD NEWS" → "World News". */
export function categoryLabel(category: string): string {
  return category
    .toLowerCase()
    .replace(/(^|[\s.&-])([a-z])/g, (_, p: string, c: string) => p + c.toUpperCase());
}

export async function compileCoverage(
  jsonlPath: string,
  linkText: (text: string) => string[],
  opts: CompileCoverageOptions,
): Promise<{ items: CoverageRecord[]; report: string[] }> {
  const keepHuff = opts.huffpost ?? false;
  const huffCats = new Set(opts.huffpostCategories ?? HUFFPOST_NEWS_CATEGORIES);
  const maxTopic = opts.maxTopicChars ?? 120;
  const topicRecordsOf = opts.topicRecords === undefined ? topicIdsIn : opts.topicRecords;
  const demonymCountriesOf = opts.demonymCountries === undefined ? demonymCountryIdsIn : opts.demonymCountries;
  const items: CoverageRecord[] = [];
  const seen = new Set<string>();
  const counts = { lines: 0, bad: 0, dup: 0, wiki: 0, huff: 0, noEntity: 0, softCategory: 0, huffOff: 0, other: 0, urlRebuilt: 0 };
  const lines = createInterface({ input: createReadStream(jsonlPath, 'utf8'), crlfDelay: Infinity });
  let lineNo = 0;
  const badExamples: string[] = [];
  for await (const line of lines) {
    lineNo++;
    if (!line.trim()) continue;
    counts.lines++;
    let raw: RawItem;
    try {
      raw = JSON.parse(line) as RawItem;
    } catch {
      counts.bad++;
      if (badExamples.length < 3) badExamples.push(`line ${lineNo}: not JSON`);
      continue;
    }
    const id = str(raw.id);
    const date = str(raw.date);
    if (!id || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      counts.bad++;
      if (badExamples.length < 3) badExamples.push(`line ${lineNo}: ${!id ? 'no id' : 'no date'}`);
      continue;
    }
    if (seen.has(id)) {
      counts.dup++;
      continue;
    }
    seen.add(id);
    const dataset = str(raw.dataset);
    const title = str(raw.title);
    const summary = str(raw.summary);
    let topics: string[];
    let url: string | undefined = str(raw.url) || undefined;
    let text: string;
    if (dataset === 'wikipedia-current-events') {
      text = summary || title;
      topics = corpusHeadings(raw.topics, maxTopic);
      // The day page is rebuilt from the date (coverageUrl) when the id says it is one.
      if (id.startsWith(WCEP_PREFIX) && url?.startsWith('https://en.wikipedia.org/wiki/Portal:Current_events/')) {
        url = undefined;
        counts.urlRebuilt++;
      }
    } else if (dataset === 'huffpost-news-category-v3') {
      if (!keepHuff) {
        counts.huffOff++;
        continue;
      }
      const category = str(raw.category);
      if (!huffCats.has(category)) {
        counts.softCategory++;
        continue;
      }
      text = [title, summary].filter(Boolean).join('\n');
      topics = category ? [categoryLabel(category)] : [];
    } else {
      counts.other++;
      text = [title, summary].filter(Boolean).join('\n');
      topics = Array.isArray(raw.topics) ? raw.topics.map(str).filter(Boolean) : [];
    }
    const linked = linkText(text);
    // An item needs a linked entity to be kept: one that names only a topic record (a disease)
    // is left out, as before topic records. Keeping them (291 items in the reference corpus) grows
    // the pack and changes which items the coverage eval samples, so it was not measured alike.
    if (linked.length === 0) {
      counts.noEntity++;
      continue;
    }
    // The topic records the text says (a disease it names in common words) and the countries its
    // nationality adjectives name, and the countries its office-holders and places stand for, are
    // the item's entities too, found as a page's related-coverage query finds them (topic-records.ts,
    // demonym-countries.ts, implied-countries.ts).
    const entities = [...new Set([...linked, ...(topicRecordsOf?.(text) ?? []), ...(demonymCountriesOf?.(text) ?? []), ...(opts.impliedCountries?.(linked, date) ?? [])])];
    const record: CoverageRecord = { id, date, source: str(raw.source), entities, topics };
    if (url) record.url = url;
    if (opts.prose) {
      if (title) record.title = title;
      if (summary && summary !== title) record.summary = summary;
    }
    if (dataset === 'huffpost-news-category-v3') counts.huff++;
    else counts.wiki++;
    items.push(record);
  }
  let renamed = 0;
  if (opts.normalizeHeadings ?? false) {
    const normalize = headingNormalizer(items.map((it) => it.topics));
    for (const it of items) {
      const next = normalize(it.topics);
      if (next.length !== it.topics.length || next.some((t, i) => t !== it.topics[i])) renamed++;
      it.topics = next;
    }
  }
  const n = (x: number) => x.toLocaleString('en-US');
  const report = [
    `coverage: read ${n(counts.lines)} items from ${jsonlPath.split(/[\\/]/).pop()}`,
    `coverage: kept ${n(items.length)} (${n(counts.wiki)} Wikipedia Current events, ${n(counts.huff)} HuffPost)${opts.prose ? ' with title/summary' : ', facts only (no title/summary)'}`,
  ];
  if (counts.noEntity) report.push(`coverage: dropped ${n(counts.noEntity)} items with no linked entity (unreachable by the entity index)`);
  if (counts.softCategory) report.push(`coverage: dropped ${n(counts.softCategory)} HuffPost items outside news categories (${[...huffCats].join(', ')})`);
  if (counts.huffOff) report.push(`coverage: dropped ${n(counts.huffOff)} HuffPost items (huffpost: false)`);
  if (counts.dup) report.push(`coverage: dropped ${n(counts.dup)} duplicate ids`);
  if (counts.bad) report.push(`coverage: dropped ${n(counts.bad)} malformed lines (${badExamples.join('; ')})`);
  if (counts.other) report.push(`coverage: ${n(counts.other)} items from an unknown dataset kept as generic items`);
  if (renamed) report.push(`coverage: normalised the topic headings of ${n(renamed)} items (spelling variants folded, comma-joined lists split)`);
  if (counts.urlRebuilt) report.push(`coverage: left out the URL of ${n(counts.urlRebuilt)} Wikipedia items (day page rebuilt from the date)`);
  return { items, report };
}
