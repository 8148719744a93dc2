/**
 * Related prior coverage for an article, and earlier coverage of one entity (hover card).
 *
 * relatedCoverage ranks items that share entities with the article:
 *   1. query weights: salience of each linked entity in the article (mentions, how early, in the
 *      title) × its rarity in the index (idf);
 *   2. candidates: items dated strictly before the article (undated items last; an undated
 *      article lets everything in), read from the entity posting lists newest first;
 *   3. base score: Σ shared weights / (item's entity count)^α × recency decay;
 *   4. storyline inference: the topic headings that dominate the strongest candidates lift every
 *      candidate filed under them (pseudo-relevance feedback over the pack's topic facts);
 *   5. selection: near-duplicates collapse (same URL, or same day + same entities + topic) and a
 *      mild penalty per repeated lead entity gives a mix across the article's main entities; for a
 *      full article the top 5 stay the likeliest storyline's, then one pick in two names two of
 *      its main entities from another storyline (a Trump–Putin page: their earlier calls).
 * Each hit says why: "Donald Trump · Vladimir Putin · 2 weeks earlier".
 */
import type { CoverageHit, EntityCoverageHit, LinkedEntity } from '../report';
import { formatTextDate, t, tn } from '../i18n';
import { coverageLine, coverageUrl, normalizeUrl } from './facts';
import { contentStems, headingIndexOf, headingMatches, priorEnd, scoreHeadingMatches, type HeadingIndex } from './headings';
import { RERANK_DIM, RERANK_WEIGHTS, headingEvidence, rerankScore, type EntitySlice } from './rerank';
import { dayNumber, idfOf, type CoverageIndex, type CoverageItem, type HistoryItem } from './index';
import { chooserLogits, type TreeEnsemble } from './boost';
import { CHOOSER_TREES } from './chooser-trees';
import { historyIndexOf, type HistoryEntry } from './history-index';
import { DESCRIPTION_STOP_STEMS, descriptionWords } from './description-words';
import { withHeadingCountryNames } from './heading-country-names';

export interface RankParams {
  /** Recency decay time constant, days. */
  tauDays: number;
  /** Share of the score that does not decay with age (0..1). */
  floor: number;
  /** Length normalisation: divide by (entities in the item)^lengthExp. */
  lengthExp: number;
  /** Weight factor for an entity named in the title. */
  titleBoost: number;
  /** How many of the strongest candidates vote for the storyline. */
  prfTop: number;
  /** Lift for a candidate filed under the dominant storyline (× (1 + topicBoost·share)). */
  topicBoost: number;
  /** Penalty per earlier pick with the same lead entity (÷ (1 + diversity·n)). */
  diversity: number;
  /** Most recent items read per entity posting list. */
  maxPerEntity: number;
  /** Query entities used (the most salient). */
  maxQueryEntities: number;
  /** Hits below this share of the best score are dropped. */
  minRelative: number;
  /** Coordination: × (shared query weight / all query weight)^coordExp — items naming more of the article's entities win. */
  coordExp: number;
  /** Extra salience for the entities named first (× (1 + orderBoost/(1 + order))). */
  orderBoost: number;
  /** Storyline votes decay with the voter's age (days; Infinity = no decay). */
  voteTauDays: number;
  /** Votes weigh base^voteExp (higher = the strongest candidates decide). */
  voteExp: number;
  /**
   * Penalty per earlier pick whose headings already cover all of the item's (÷ (1 + topicDiversity·n)): a mix
   * of storylines. Applies to full articles only (≥ pairMinEntities linked entities).
   */
  topicDiversity: number;
  /**
   * Lift (× (1 + pairBoost)) for items naming at least two of the article's three main entities (by salience, not rarity),
   * when the article links at least pairMinEntities entities (a full article, where the main
   * entities are clear; short texts rely on the storyline votes alone).
   */
  pairBoost: number;
  pairMinEntities: number;
  /**
   * Full articles only: from pick pairFrom on (1-based), one in every pairEvery picks names two
   * of the article's three main entities and comes from another storyline than the likeliest (by
   * entity evidence × recency), so a page about Trump and Putin lists their earlier calls next to
   * the war's latest items. The picks before pairFrom stay the likeliest storyline's. 0 = off.
   */
  pairEvery: number;
  pairFrom: number;
  /** How many of those main-pair items (the strongest by entity evidence) are considered. */
  pairPool: number;
  /** Rounds of storyline inference (2 = re-vote among the boosted candidates). */
  prfRounds: number;
  /**
   * Weight of the heading-word evidence: an item filed under a heading whose words the page uses
   * scores wordWeight × (heading match / best heading match) × recency, added to its entity score
   * (itself scaled to the best candidate's). 0 = entities only.
   */
  wordWeight: number;
  /** Heading match × (share of the heading's words the page covers)^coverExp. */
  coverExp: number;
  /** The best-matching headings whose most recent prior items join the candidates. */
  wordHeadings: number;
  /** How many of each such heading's most recent prior items join. */
  wordItems: number;
  /** The page's words vote for headings in the storyline inference: best match = wordVote × the candidates' vote mass. */
  wordVote: number;
  /** Lift for headings active just before the page (see activityDays). */
  activityBoost: number;
  activityDays: number;
  /** How many of the strongest first-stage candidates the second stage re-ranks. */
  rerankTop: number;
  /**
   * Weight of the entity evidence next to the storyline probability: it breaks ties. Small, so an
   * item filed under two likely storylines outranks one under the likeliest alone with stronger
   * entity evidence (dev P@5 0.767 → 0.774 going from 0.1 to 0.005).
   */
  rerankTie: number;
  /**
   * Within a storyline, entity evidence × recency still counts: score = P(storyline) ×
   * (rerankFloor + (1 − rerankFloor) × entity evidence) + rerankTie × entity evidence.
   */
  rerankFloor: number;
  /**
   * For full articles (≥ pairMinEntities entities): share of the score that is entity evidence
   * alone. Their chosen storyline has many items, and which of them name the article's people
   * matters more there (dev queries linking ≥ 5 entities: P@5 0.753 with a total entity weight of
   * 0.1, 0.741 with 0.005).
   */
  articleBlend: number;
  /** 1: an item's storyline lift sums the votes of all its headings (more shared storylines, more lift); 0: its best heading's. */
  topicSum: number;
  /** 1: P(storyline) is a softmax of the re-ranker's scores over the scored headings (a listwise model); 0: a logistic per heading. */
  rerankSoftmax: number;
  /** Softmax temperature (> 1 spreads P over more storylines: items filed under several likely ones gain). */
  rerankTemp: number;
  /**
   * The chooser's trees (chooser-trees.ts) correct the linear chooser only for pages linking fewer
   * than this many entities. They were fitted on short texts (news summaries naming a few
   * entities); on the 17 dev queries linking ≥ 5 they change nothing measurable (dev P@5 0.787 with
   * 5, 0.788 with every page), while on the seed article they let an item on the war's latest
   * storyline displace the early-June strike on Russian air bases. Infinity = every page.
   */
  treeEntities: number;
  /**
   * A query with neither title nor lead (issue #5's entities-only protocol) matches heading words
   * with its linked entities: 2 their names and descriptions (the pack's facts: "Region of India",
   * "City in China"), 1 their names alone, 0 nothing. So "COVID-19 pandemic in Kerala" and "… in
   * India" answer a page linking Kerala, "Swimming at the 2024 Summer Olympics" one linking the
   * Games, and those headings' recent items join the candidates. A page's own title and lead, when
   * it has them, are read as before (appending the names there: dev 0.819 → 0.821, not pursued).
   */
  namesAsWords: number;
}

export const DEFAULT_RANK_PARAMS: RankParams = {
  tauDays: 120,
  floor: 0.25,
  lengthExp: 0.25,
  titleBoost: 1.5,
  prfTop: 20,
  topicBoost: 32,
  diversity: 0.05,
  maxPerEntity: 800,
  maxQueryEntities: 12,
  minRelative: 0.02,
  coordExp: 0,
  orderBoost: 0.5,
  voteTauDays: Infinity,
  voteExp: 2,
  prfRounds: 1,
  topicDiversity: 0.3,
  pairBoost: 1,
  pairMinEntities: 5,
  pairEvery: 2,
  pairFrom: 6,
  pairPool: 12,
  wordWeight: 1,
  coverExp: 1,
  wordHeadings: 150,
  wordItems: 10,
  wordVote: 0,
  topicSum: 1,
  activityBoost: 0.5,
  activityDays: 14,
  rerankTop: 200,
  rerankTie: 0.005,
  rerankFloor: 1,
  articleBlend: 0.095,
  rerankSoftmax: 1,
  rerankTemp: 1,
  treeEntities: 5,
  namesAsWords: 2,
};

export interface RelatedQuery {
  entities: LinkedEntity[];
  date: string | null;
  title: string;
  /** The page's lead (first paragraphs): its words are matched against topic headings. */
  lead?: string;
  excludeUrl?: string | null;
  limit: number;
  /** Items not in the index (e.g. reading history fetched for this query); pass the same array again for a cheap query. */
  extra?: readonly HistoryItem[];
  params?: Partial<RankParams>;
  /** Re-ranking weights (RERANK_FEATURES order) instead of the shipped ones; [] = first stage only. */
  model?: readonly number[];
  /** The chooser's trees (added to the linear logit) instead of the shipped ones; null = linear only. */
  trees?: TreeEnsemble | null;
  /** Training hook: the scored headings and their feature rows (test/eval/coverage.ts --train). */
  onFeatures?: (ids: string[], rows: Float64Array[]) => void;
  /**
   * Evaluation hook: evidence from outside the pack, added to the chooser's logits in place (the
   * scored headings' topic numbers, their feature rows, the logits), to measure a candidate
   * feature's P@5 before the pack carries it (test/eval/coverage.ts --words-spike).
   */
  adjustLogits?: (topics: readonly number[], rows: readonly Float64Array[], logits: Float64Array) => void;
  /** Kind words of entity descriptions left out of an entities-only query's heading words instead of the shipped DESCRIPTION_STOP_STEMS (eval hook). */
  descriptionStops?: ReadonlySet<string>;
}

interface Candidate {
  record: CoverageItem;
  day: number;
  topics: number[];
  url: string;
  base: number;
  final: number;
  shared: string[];
  /** Entity evidence when the item names ≥ 2 of the article's main entities (full articles), else 0. */
  pair?: number;
}

/** "3 days earlier", "2 weeks earlier", "5 months earlier", "2 years earlier" (in the reader's language). */
export function relativeAge(days: number): string {
  if (!Number.isFinite(days)) return '';
  if (days <= 0) return t('coverageAgeSameDay');
  if (days < 14) return tn('coverageAgeDays', days);
  if (days < 60) return tn('coverageAgeWeeks', Math.round(days / 7));
  if (days < 730) return tn('coverageAgeMonths', Math.round(days / 30.4));
  return tn('coverageAgeYears', Math.round(days / 365.25));
}

/** "7 Sept 2020", "Sept 2020", "2020" or "undated", in the catalogue's locale. */
function shortDate(date: string | null | undefined): string {
  if (!/^\d{4}/.test(date ?? '')) return t('coverageWhyUndated');
  return formatTextDate(date!, 'day', 'short');
}

/** First index in `list` (item numbers sorted by day) whose day is ≥ day. */
function lowerBound(index: CoverageIndex, list: number[], day: number): number {
  // The days column, not the items (each a lazily made item on the runtime pack).
  const days = index.days;
  let lo = 0, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[list[mid]!]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Salience × rarity of each linked entity; the most salient maxQueryEntities only. */
export function queryWeights(index: CoverageIndex, entities: LinkedEntity[], title: string, p: RankParams, mainOut?: string[]): Map<string, number> {
  const scored: [string, number][] = [];
  const salient: [string, number][] = [];
  const firstOf = (e: LinkedEntity): [number, number] => {
    let best: [number, number] = [Infinity, Infinity];
    for (const m of e.mentions ?? []) if (m.paragraph < best[0] || (m.paragraph === best[0] && m.start < best[1])) best = [m.paragraph, m.start];
    return best;
  };
  const order = entities.map((e, i) => ({ i, f: firstOf(e) })).sort((a, b) => a.f[0] - b.f[0] || a.f[1] - b.f[1] || a.i - b.i);
  const rank = new Map(order.map((o, r) => [o.i, r]));
  entities.forEach((e, i) => {
    const count = Math.max(1, e.mentions?.length ?? 0);
    const first = e.mentions?.length ? Math.min(...e.mentions.map((m) => m.paragraph)) : 0;
    const inTitle = !!title && (title.includes(e.name) || (e.mentions ?? []).some((m) => m.text.length > 2 && title.includes(m.text)));
    const salience = (1 + Math.log(count)) * (1 + 1 / (1 + first)) * (inTitle ? p.titleBoost : 1) * (1 + p.orderBoost / (1 + rank.get(i)!));
    scored.push([e.id, salience * idfOf(index, e.id)]);
    salient.push([e.id, salience]);
  });
  if (mainOut) mainOut.push(...salient.sort((a, b) => b[1] - a[1]).slice(0, 3).map(([id]) => id));
  scored.sort((a, b) => b[1] - a[1]);
  return new Map(scored.slice(0, p.maxQueryEntities));
}

/** exp decay by whole days, tabulated per (tau, floor): the query loop runs it ~10k times. */
let decayTable: { tau: number; floor: number; table: Float64Array } | null = null;
function decayOf(p: RankParams, age: number): number {
  if (!decayTable || decayTable.tau !== p.tauDays || decayTable.floor !== p.floor) {
    const table = new Float64Array(8192);
    for (let d = 0; d < table.length; d++) table[d] = p.floor + (1 - p.floor) * Math.exp(-d / p.tauDays);
    decayTable = { tau: p.tauDays, floor: p.floor, table };
  }
  const d = age <= 0 ? 0 : Math.round(age);
  return d < decayTable.table.length ? decayTable.table[d]! : p.floor;
}

function timeFactor(p: RankParams, queryDay: number, day: number, refDay: number): number {
  if (Number.isNaN(day)) return p.floor;
  const age = Number.isFinite(queryDay) ? queryDay - day : Math.max(0, refDay - day) / 4;
  return decayOf(p, age);
}

const NORMS = new Map<number, Float64Array>();
let lastNorm: { exp: number; table: Float64Array } = { exp: NaN, table: new Float64Array(0) };
function lengthNorm(p: RankParams, n: number): number {
  let t: Float64Array | undefined;
  if (lastNorm.exp === p.lengthExp) t = lastNorm.table;
  else {
    t = NORMS.get(p.lengthExp);
    if (!t) {
      t = new Float64Array(64);
      for (let i = 0; i < t.length; i++) t[i] = Math.pow(Math.max(1, i), p.lengthExp);
      NORMS.set(p.lengthExp, t);
    }
    lastNorm = { exp: p.lengthExp, table: t };
  }
  return n < t.length ? t[n]! : Math.pow(n, p.lengthExp);
}

function whyOf(c: Candidate, weights: Map<string, number>, names: Map<string, string>, index: CoverageIndex, queryDay: number): string {
  const shared = [...c.shared].sort((a, b) => (weights.get(b) ?? 0) - (weights.get(a) ?? 0)).slice(0, 2);
  const parts = shared.map((id) => names.get(id) ?? index.nameOf(id) ?? id);
  if (Number.isNaN(c.day)) parts.push(t('coverageWhyUndated'));
  else parts.push(Number.isFinite(queryDay) ? relativeAge(queryDay - c.day) : shortDate(c.record.date));
  if (c.record.origin === 'history') parts.unshift(t('coverageWhyHistory'));
  return parts.join(' · ');
}

function toHit(c: Candidate, score: number, why: string, index: CoverageIndex): CoverageHit {
  const r = c.record;
  return {
    id: r.id,
    title: coverageLine(r, index.nameOf),
    date: r.date ?? null,
    source: r.source ?? '',
    url: coverageUrl(r),
    entities: r.entities ?? [],
    score: Math.round(score * 1000) / 1000,
    why,
    origin: r.origin,
  };
}

/** Same URL, or the same day, heading, entities and outlets (two bullets of one event). */
function dupKey(c: Candidate): string {
  if (c.url) return c.url;
  return `${c.day}|${c.topics[0] ?? ''}|${[...(c.record.entities ?? [])].sort().join(',')}|${c.record.source ?? ''}`;
}

let selectBuf = new Float64Array(0);
/** kthLargest for large k (the re-ranker's 200): quickselect on a reused copy, O(n). */
function quickSelectLargest(xs: Float64Array, k: number): number {
  if (selectBuf.length < xs.length) selectBuf = new Float64Array(Math.max(xs.length, selectBuf.length * 2));
  const a = selectBuf;
  a.set(xs);
  let lo = 0, hi = xs.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo, j = hi;
    while (i <= j) {
      while (a[i]! > pivot) i++;
      while (a[j]! < pivot) j--;
      if (i <= j) { const t = a[i]!; a[i] = a[j]!; a[j] = t; i++; j--; }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

/** The value at rank k (0 = largest) of xs, or -Infinity when there are fewer (small k: a sorted buffer). */
function kthLargest(xs: Float64Array, k: number): number {
  if (xs.length <= k) return -Infinity;
  if (k > 64) return quickSelectLargest(xs, k);
  const buf = new Float64Array(k + 1).fill(-Infinity); // descending
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    if (x <= buf[k]!) continue;
    let j = k;
    while (j > 0 && buf[j - 1]! < x) { buf[j] = buf[j - 1]!; j--; }
    buf[j] = x;
  }
  return buf[k]!;
}

/**
 * Per-index scratch for one query (JS is single-threaded): a dense per-topic array (word scores,
 * then storyline probabilities; zeroed after each use) and per-item counts of the article's main
 * entities (reset when an item is first touched), instead of Maps in the loops over candidates.
 */
const topicScratch = new WeakMap<CoverageIndex, { a: Float64Array; mainHits: Uint8Array; queryHits: Uint8Array }>();
function topicScratchOf(index: CoverageIndex): { a: Float64Array; mainHits: Uint8Array; queryHits: Uint8Array } {
  let ts = topicScratch.get(index);
  if (!ts || ts.a.length < index.topicNames.length || ts.mainHits.length < index.items.length) {
    topicScratch.set(index, (ts = { a: new Float64Array(index.topicNames.length), mainHits: new Uint8Array(index.items.length), queryHits: new Uint8Array(index.items.length) }));
  }
  return ts;
}

/**
 * Everything relatedCoverage makes on its first use of an index, made now: the heading-word index
 * (the runtime pack's is thawed on first use: its stem table and every heading's word mass) and
 * the per-index scratch arrays. The background calls it right after thawing the coverage index,
 * so a page's first coverage query pays only for the records it reads.
 */
export function prepareCoverageIndex(index: CoverageIndex): void {
  void headingIndexOf(index).mass;
  topicScratchOf(index);
}

/**
 * The k entries with the largest values, largest first; ties keep the map's order (as a stable
 * sort would). Values are finite (heading-word scores). The k-th largest value comes from a
 * native sort of a typed copy, then one pass in map order keeps the entries above it and the
 * first ties at it, and only those (≤ k) are sorted: an insertion into the top k, entry after
 * entry, ran ~1 ms over a page's ~1,000 matched headings on freshly loaded code (#8).
 */
export function topEntries(m: ReadonlyMap<number, number>, k: number): [number, number][] {
  if (k <= 0) return [];
  const n = m.size;
  const keys = new Array<number>(n), values = new Float64Array(n);
  let i = 0;
  for (const [key, v] of m) { keys[i] = key; values[i] = v; i++; }
  let cut = -Infinity;
  if (n > k) {
    const sorted = values.slice().sort();
    cut = sorted[n - k]!;
  }
  const above: number[] = [], ties: number[] = [];
  for (let j = 0; j < n; j++) {
    const v = values[j]!;
    if (v > cut) above.push(j);
    else if (v === cut && ties.length < k) ties.push(j);
  }
  // The entries above the cut by value, largest first, equal values in map order: their values
  // sorted natively, each value's entries grouped in map order. A sort with a comparator (a call
  // per comparison, ~1,100 for 150 entries) ran unoptimised once per new index: ~1 ms of the
  // first query on freshly loaded knowledge (#8).
  const byValue = new Map<number, number[]>();
  for (const j of above) {
    const same = byValue.get(values[j]!);
    if (same) same.push(j);
    else byValue.set(values[j]!, [j]);
  }
  const aboveValues = Float64Array.from(byValue.keys()).sort();
  const out: [number, number][] = [];
  for (let v = aboveValues.length - 1; v >= 0 && out.length < k; v--) {
    for (const j of byValue.get(aboveValues[v]!)!) if (out.length < k) out.push([keys[j]!, values[j]!]);
  }
  for (let j = 0; j < ties.length && out.length < k; j++) out.push([keys[ties[j]!]!, values[ties[j]!]!]);
  return out;
}

interface PageWords {
  /** Per heading sharing a word with the page: Σ idf of the shared stems. */
  wordMatched: ReadonlyMap<number, number>;
  /** Heading-word scores (empty when wordWeight is 0). */
  wordScores: ReadonlyMap<number, number>;
  /** The wordHeadings best-matching headings (stable: ties keep the match order). */
  topWords: readonly [number, number][];
}

/**
 * The page's heading-word matches, kept for the last page text per index: a page is queried again
 * (the popup's list, each recorded read) with the same title and lead, and stemming the page and
 * matching its stems against every heading was ~0.5 ms of a warm query and ~3 ms of an early one
 * (#8). A new heading index (items appended), text or word parameter recomputes them.
 */
const lastPageWords = new WeakMap<CoverageIndex, { hx: HeadingIndex; text: string; wordWeight: number; coverExp: number; wordHeadings: number; words: PageWords }>();
export function pageWordsOf(index: CoverageIndex, hx: HeadingIndex, text: string, p: RankParams): PageWords {
  const last = lastPageWords.get(index);
  if (last && last.hx === hx && last.text === text && last.wordWeight === p.wordWeight && last.coverExp === p.coverExp && last.wordHeadings === p.wordHeadings) return last.words;
  const wordMatched = headingMatches(hx, contentStems(text));
  const wordScores = p.wordWeight > 0 ? scoreHeadingMatches(hx, wordMatched, p.coverExp) : new Map<number, number>();
  const words: PageWords = { wordMatched, wordScores, topWords: topEntries(wordScores, p.wordHeadings) };
  lastPageWords.set(index, { hx, text, wordWeight: p.wordWeight, coverExp: p.coverExp, wordHeadings: p.wordHeadings, words });
  return words;
}

/**
 * The text whose words are matched against heading names: the page's title and lead, else
 * (namesAsWords) its linked entities' names (and descriptions, less their kind words: "City",
 * "Person", "pop.", months; description-words.ts), with the headings' spelling of a country the
 * pack names otherwise (heading-country-names.ts).
 */
export function headingWordsText(query: Pick<RelatedQuery, 'entities' | 'title' | 'lead' | 'descriptionStops'>, p: Pick<RankParams, 'namesAsWords'>): string {
  const page = `${query.title ?? ''}\n${query.lead ?? ''}`;
  if (!p.namesAsWords || page.trim()) return page;
  const stops = query.descriptionStops ?? DESCRIPTION_STOP_STEMS;
  // A country the pack names otherwise than the headings do ("Türkiye", "City in Türkiye") says the headings' name too ("Turkey").
  return withHeadingCountryNames(query.entities.map((e) => (p.namesAsWords === 2 ? `${e.name}\n${descriptionWords(e.description, stops)}` : e.name)).join('\n'));
}

/** The page text the ranking reads words from: its first paragraphs (the lead), at most ~1,500 characters. */
export function pageLead(paragraphs: readonly string[] | undefined): string {
  return (paragraphs ?? []).slice(0, 3).join('\n').slice(0, 1500);
}

/**
 * The entities through which relatedCoverage can score a history item for `query`: an item of
 * `extra` naming none of them is never a candidate, so ranking with only the items naming one of
 * them (in the same order) gives the same answer (lib/store historyItemsFor, #8). Empty when the
 * query ranks nothing.
 */
export function historyQueryEntities(index: CoverageIndex, query: Pick<RelatedQuery, 'entities' | 'title' | 'limit' | 'params'>): string[] {
  if (query.limit <= 0) return [];
  return [...queryWeights(index, query.entities, query.title ?? '', { ...DEFAULT_RANK_PARAMS, ...query.params }).keys()];
}

export function relatedCoverage(index: CoverageIndex, query: RelatedQuery): CoverageHit[] {
  const p = { ...DEFAULT_RANK_PARAMS, ...query.params };
  if (query.limit <= 0) return [];
  const mainIds: string[] = [];
  const weights = queryWeights(index, query.entities, query.title ?? '', p, mainIds);
  // Heading words: which storylines the page's own words point at (title and lead).
  // Words only refine: a page with no linked entity gets no timeline (its "why" would say nothing).
  if (weights.size === 0) return [];
  const hx = headingIndexOf(index);
  const { wordMatched, wordScores, topWords } = pageWordsOf(index, hx, headingWordsText(query, p), p);
  const ts = topicScratchOf(index);
  const names = new Map(query.entities.map((e) => [e.id, e.name]));
  const queryDay = dayNumber(query.date);
  const exclude = normalizeUrl(query.excludeUrl);
  const refDay = index.items.length ? index.items[index.items.length - 1]!.day || 0 : 0;
  let totalW = 0;
  for (const w of weights.values()) totalW += w;
  const coord = (shared: number) => (p.coordExp ? Math.pow(shared / totalW, p.coordExp) : 1);

  // 2–3. accumulate shared weights over posting lists (scratch arrays, epoch-marked).
  const s = index.scratch;
  s.epoch = (s.epoch + 1) >>> 0 || 1;
  const touched: number[] = [];
  // The article's main entities by salience alone (not rarity): who the article is about.
  const main = new Set(mainIds);
  const mainHits = p.pairBoost && weights.size >= p.pairMinEntities ? ts.mainHits : null;
  const slices: EntitySlice[] = [];
  for (const [id, w] of weights) {
    const list = index.byEntity.get(id);
    if (list) {
      const hi = Number.isFinite(queryDay) ? lowerBound(index, list, queryDay) : list.length;
      const lo = Math.max(0, hi - p.maxPerEntity);
      slices.push({ w, list, lo, hi });
      const isMain = mainHits !== null && main.has(id);
      for (let j = hi - 1; j >= lo; j--) {
        const n = list[j]!;
        if (s.mark[n] !== s.epoch) { s.mark[n] = s.epoch; s.score[n] = 0; ts.mainHits[n] = 0; ts.queryHits[n] = 0; touched.push(n); }
        s.score[n] = s.score[n]! + w;
        ts.queryHits[n] = ts.queryHits[n]! + 1;
        if (isMain) ts.mainHits[n] = ts.mainHits[n]! + 1;
      }
    }
    for (const n of index.undatedByEntity.get(id) ?? []) {
      if (s.mark[n] !== s.epoch) { s.mark[n] = s.epoch; s.score[n] = 0; ts.mainHits[n] = 0; ts.queryHits[n] = 0; touched.push(n); }
      s.score[n] = s.score[n]! + w;
      ts.queryHits[n] = ts.queryHits[n]! + 1;
    }
  }
  // The best-matching headings bring their most recent prior items in, even those that share no
  // entity with the page.
  let bestWord = 0;
  for (const v of wordScores.values()) if (v > bestWord) bestWord = v;
  if (wordScores.size && p.wordHeadings > 0 && p.wordItems > 0) {
    for (const [t] of topWords) {
      const list = hx.items[t]!;
      const hi = Number.isFinite(queryDay) ? priorEnd(index.days, list, queryDay) : list.length;
      for (let j = hi - 1; j >= Math.max(0, hi - p.wordItems); j--) {
        const n = list[j]!;
        if (s.mark[n] !== s.epoch) { s.mark[n] = s.epoch; s.score[n] = 0; ts.mainHits[n] = 0; ts.queryHits[n] = 0; touched.push(n); }
      }
    }
  }
  // Candidates: indexed items by number (typed arrays only in this loop), then extra items (history).
  const days = index.days, counts = index.entityCounts;
  const nIdx = touched.length;
  // hits: how many of the record's entities (repeats counted) are query entities.
  const extras: { record: CoverageItem; day: number; topics: number[]; url: string; base: number; hits: number }[] = [];
  if (query.extra?.length) {
    // Only history items naming a query entity are read (posting lists kept per history array
    // and carried over to the next one: lib/coverage/history-index.ts).
    const hist = historyIndexOf(index, query.extra);
    const sums = new Map<HistoryEntry, number>();
    for (const [id, w] of weights) for (const h of hist.byEntity.get(id) ?? []) sums.set(h, (sums.get(h) ?? 0) + w);
    for (const [h, sum] of sums) {
      // A page the reader already read counts from the same day on: it came before this one for
      // them (this page's own URL is excluded below). Timeline items stay strictly earlier.
      if (Number.isFinite(queryDay) && Number.isFinite(h.day) && h.day > queryDay) continue;
      if (exclude && h.url === exclude) continue;
      let hits = 0;
      for (const e of h.record.entities) if (weights.has(e)) hits++;
      extras.push({ record: h.record, day: h.day, topics: h.topics, url: h.url, base: ((sum * coord(sum)) / lengthNorm(p, h.record.entities.length)) * timeFactor(p, queryDay, h.day, refDay), hits });
    }
  }
  const size = nIdx + extras.length;
  if (size === 0) return [];
  const base = new Float64Array(size);
  for (let k = 0; k < nIdx; k++) {
    const n = touched[k]!;
    const sw = s.score[n]!;
    base[k] = ((sw * coord(sw)) / lengthNorm(p, counts[n]! || 1)) * timeFactor(p, queryDay, days[n]!, refDay);
    if (mainHits && mainHits[n]! >= 2) base[k] = base[k]! * (1 + p.pairBoost);
  }
  // By the URL column: reading items[n].url would make a lazy item per candidate on the runtime pack.
  if (exclude) for (let k = 0; k < nIdx; k++) if (index.urlAt(touched[k]!) === exclude) base[k] = -1;
  for (let k = 0; k < extras.length; k++) base[nIdx + k] = extras[k]!.base;
  const entityBase = base.slice();
  if (bestWord > 0) {
    // Entity evidence scaled to the best candidate's, plus heading-word evidence scaled to the
    // best heading's, decaying with age alike.
    let bmax = 0;
    for (let k = 0; k < size; k++) if (base[k]! > bmax) bmax = base[k]!;
    const scale = bmax > 0 ? 1 / bmax : 0;
    const word = ts.a;
    for (const [t, v] of wordScores) word[t] = v;
    for (let k = 0; k < nIdx; k++) {
      if (base[k]! < 0) continue;
      const n = touched[k]!;
      let w = 0;
      for (let o = index.topicStart[n]!, end = index.topicStart[n + 1]!; o < end; o++) { const v = word[index.topicList[o]!]!; if (v > w) w = v; }
      base[k] = base[k]! * scale + (w > 0 ? (p.wordWeight * w / bestWord) * timeFactor(p, queryDay, days[n]!, refDay) : 0);
    }
    for (let k = nIdx; k < size; k++) if (base[k]! > 0) base[k] = base[k]! * scale;
    for (const t of wordScores.keys()) word[t] = 0;
  }
  const at = (k: number) => (k < nIdx ? index.items[touched[k]!]! : extras[k - nIdx]!);
  const dayAt = (k: number) => (k < nIdx ? days[touched[k]!]! : extras[k - nIdx]!.day);

  // 4. storyline inference: topic votes of the strongest candidates lift all candidates filed
  //    under the same headings; optionally re-vote among the lifted ones.
  let final = new Float64Array(size);
  let best = 0;
  let score = base;
  let votes = new Map<number, number>();
  let mass = 0;
  for (let round = 0; round < Math.max(1, p.prfRounds); round++) {
    const voteCut = kthLargest(score, p.prfTop - 1);
    votes = new Map<number, number>();
    mass = 0;
    for (let k = 0; k < size; k++) {
      if (score[k]! < voteCut || score[k]! <= 0) continue;
      const c = at(k);
      const age = Number.isFinite(queryDay) && Number.isFinite(c.day) ? queryDay - c.day : 0;
      let v = p.voteExp === 1 ? score[k]! : Math.pow(score[k]!, p.voteExp);
      if (Number.isFinite(p.voteTauDays)) v *= Math.exp(-age / p.voteTauDays);
      mass += v;
      for (const t of c.topics) votes.set(t, (votes.get(t) ?? 0) + v);
    }
    // The page's words vote too: for the headings they match, in proportion to the best match.
    if (p.wordVote > 0 && bestWord > 0) {
      const m = mass || 1;
      for (const [t, w] of wordScores) votes.set(t, (votes.get(t) ?? 0) + (p.wordVote * m * w) / bestWord);
    }
    // Live storylines: a heading with many items in the days just before the page is more likely
    // the page's own (× (1 + activityBoost · log(1 + items in the last activityDays))).
    if (p.activityBoost > 0 && Number.isFinite(queryDay)) {
      const hx = headingIndexOf(index);
      for (const [t, v] of votes) {
        const list = hx.items[t]!;
        const recent = priorEnd(index.days, list, queryDay) - priorEnd(index.days, list, queryDay - p.activityDays);
        votes.set(t, v * (1 + p.activityBoost * Math.log1p(recent)));
      }
    }
    best = 0;
    const vote = ts.a; // dense copy of the votes for the loop over every candidate
    for (const [t, v] of votes) vote[t] = v;
    for (let k = 0; k < size; k++) {
      if (base[k]! < 0) { final[k] = -1; continue; }
      let share = 0;
      if (votes.size) {
        if (k < nIdx) {
          const n = touched[k]!;
          for (let o = index.topicStart[n]!, end = index.topicStart[n + 1]!; o < end; o++) { const v = vote[index.topicList[o]!]!; if (v > 0) share = p.topicSum ? share + v : v > share ? v : share; }
        } else for (const t of extras[k - nIdx]!.topics) { const v = votes.get(t); if (v !== undefined) share = p.topicSum ? share + v : v > share ? v : share; }
      }
      const f = base[k]! * (1 + (p.topicBoost * share) / (mass || 1));
      // Undated items rank after every dated one.
      final[k] = Number.isNaN(dayAt(k)) ? f * 1e-9 : f;
      if (final[k]! > best) best = final[k]!;
    }
    for (const t of votes.keys()) vote[t] = 0;
    score = final.slice();
  }

  // 4b. second stage: which storyline is the page's? A logistic model scores each heading of the
  //     strongest candidates (and the headings the page's words match) from its evidence; an
  //     item's chance of sharing the page's storyline is then 1 − Π(1 − P(heading)) over its
  //     headings, with the first-stage score breaking ties.
  const model = query.model ?? RERANK_WEIGHTS;
  // The shipped trees were fitted on top of the shipped linear weights: a caller's own weights go alone.
  const treesIn = query.trees === undefined ? (query.model === undefined ? CHOOSER_TREES : null) : query.trees;
  const trees = treesIn && treesIn.leaf.length && weights.size < p.treeEntities ? treesIn : null;
  let weak = -1;
  let likeliest = -1; // the likeliest storyline's topic number (-1: none scored)
  if ((model.length === RERANK_DIM || query.onFeatures) && size > 0) {
    const cutR = kthLargest(final, p.rerankTop - 1);
    const heads = new Set<number>();
    for (let k = 0; k < size; k++) {
      if (final[k]! < cutR || final[k]! <= 0) continue;
      if (k < nIdx) { const n = touched[k]!; for (let o = index.topicStart[n]!, end = index.topicStart[n + 1]!; o < end; o++) heads.add(index.topicList[o]!); }
      else for (const t of extras[k - nIdx]!.topics) heads.add(t);
    }
    for (const [t] of topWords) heads.add(t);
    const ev = headingEvidence({ index, size, nIdx, touched, extraTopics: (k: number) => extras[k - nIdx]!.topics, entityBase, marked: (n) => s.mark[n] === s.epoch && s.score[n]! > 0, votes, mass, wordScores, wordMatched, bestWord, queryDay, heads, queryMass: totalW, slices, queryHits: (k) => (k < nIdx ? ts.queryHits[touched[k]!]! : extras[k - nIdx]!.hits) });
    const ids: string[] = [];
    const rows: Float64Array[] = [];
    const pOf = new Map<number, number>(); // heading → P(it is the page's storyline)
    const heads2: number[] = [], rows2: Float64Array[] = [];
    for (const [t, f] of ev) { heads2.push(t); rows2.push(f); }
    if (query.onFeatures) for (let i = 0; i < heads2.length; i++) { ids.push(index.topicNames[heads2[i]!]!); rows.push(rows2[i]!); }
    if (model.length === RERANK_DIM && p.rerankSoftmax) {
      const z = chooserLogits(model, trees, rows2);
      query.adjustLogits?.(heads2, rows2, z);
      for (let i = 0; i < heads2.length; i++) pOf.set(heads2[i]!, z[i]!);
    } else for (let i = 0; i < heads2.length; i++) pOf.set(heads2[i]!, model.length !== RERANK_DIM ? 0 : rerankScore(model, rows2[i]!));
    if (p.rerankSoftmax && model.length === RERANK_DIM && pOf.size) {
      let zmax = -Infinity, sum = 0;
      for (const z of pOf.values()) if (z > zmax) zmax = z;
      for (const [t, z] of pOf) { const e = Math.exp((z - zmax) / p.rerankTemp); pOf.set(t, e); sum += e; }
      for (const [t, e] of pOf) pOf.set(t, e / sum);
    }
    query.onFeatures?.(ids, rows);
    if (model.length === RERANK_DIM) {
      // Ties (and items on no storyline) go by entity evidence × recency, not by the first-stage
      // storyline lift, which would bury items filed under no heading.
      let stage1 = 0;
      for (let k = 0; k < size; k++) if (entityBase[k]! > stage1) stage1 = entityBase[k]!;
      stage1 ||= 1;
      let pTop = 0;
      for (const [t, v] of pOf) if (v > pTop) { pTop = v; likeliest = t; }
      // A full article (many linked entities) follows several threads at once: its own entity
      // evidence stands next to the single likeliest storyline.
      const blend = weights.size >= p.pairMinEntities ? p.articleBlend : 0;
      best = 0;
      const prob = ts.a; // dense copy of pOf for the loop over every candidate
      for (const [t, v] of pOf) prob[t] = v;
      const { topicStart, topicList } = index;
      for (let k = 0; k < size; k++) {
        if (final[k]! <= 0) continue;
        let miss = 1, story: number;
        // Pages the reader read are filed under no heading: they stand on their entity evidence,
        // as strong as the likeliest storyline at best.
        const own = Math.max(0, entityBase[k]!) / stage1;
        if (k < nIdx) {
          const n = touched[k]!;
          for (let o = topicStart[n]!, end = topicStart[n + 1]!; o < end; o++) miss *= 1 - prob[topicList[o]!]!;
          story = 1 - miss;
        } else {
          const topics = extras[k - nIdx]!.topics;
          for (const t of topics) miss *= 1 - (pOf.get(t) ?? 0);
          story = topics.length === 0 ? pTop * own : 1 - miss;
        }
        const f = (1 - blend) * story * (p.rerankFloor + (1 - p.rerankFloor) * own) + (p.rerankTie + blend) * own;
        // Items on no likely storyline stay if their first-stage score is not negligible.
        weak = p.rerankTie * p.minRelative;
        final[k] = Number.isNaN(dayAt(k)) ? f * 1e-9 : f;
        if (final[k]! > best) best = final[k]!;
      }
      for (const t of pOf.keys()) prob[t] = 0;
    }
  }

  /**
   * Fills out[k] with candidate k's entity evidence when it is dated, names ≥ 2 of the main
   * entities and is not filed under the likeliest storyline (whose items fill the other slots);
   * returns the pairPool-th largest such value (the pool's cut).
   */
  function pairEvidence(out: Float64Array): number {
    const { topicStart, topicList } = index;
    if (mainHits) {
      for (let k = 0; k < nIdx; k++) {
        const n = touched[k]!;
        if (mainHits[n]! < 2 || entityBase[k]! <= 0 || days[n] !== days[n]) continue;
        let onLikeliest = false;
        for (let o = topicStart[n]!, end = topicStart[n + 1]!; o < end; o++) if (topicList[o] === likeliest) { onLikeliest = true; break; }
        if (!onLikeliest) out[k] = entityBase[k]!;
      }
    }
    for (let k = nIdx; k < size; k++) {
      const x = extras[k - nIdx]!;
      if (entityBase[k]! <= 0 || Number.isNaN(x.day) || x.topics.includes(likeliest)) continue;
      let hits = 0;
      for (const e of x.record.entities ?? []) if (main.has(e)) hits++;
      if (hits >= 2) out[k] = entityBase[k]!;
    }
    const cutAt = kthLargest(out, p.pairPool - 1);
    return cutAt > 0 ? cutAt : Number.MIN_VALUE;
  }

  // 5. greedy pick over the strongest: collapse near-duplicates, mix lead entities.
  const width = Math.max(60, query.limit * 6);
  const cut = kthLargest(final, width - 1);
  if (weak < 0) weak = best * p.minRelative;
  const isArticle = weights.size >= p.pairMinEntities;
  // Full articles: the strongest dated items naming two of the main entities, by entity evidence
  // alone (they join the picks below even when their storyline is not the likeliest one).
  const pairOf = new Float64Array(size);
  const pairCut = isArticle && p.pairEvery > 0 && p.pairPool > 0 ? pairEvidence(pairOf) : Infinity;
  const cands: Candidate[] = [];
  for (let k = 0; k < size; k++) {
    const isPair = pairOf[k]! >= pairCut;
    if (!isPair && (final[k]! < cut || final[k]! < 0)) continue;
    const c = at(k);
    if (!isPair && !Number.isNaN(c.day) && final[k]! < weak) continue;
    const shared = (c.record.entities ?? []).filter((e) => weights.has(e));
    cands.push({ record: c.record, day: c.day, topics: c.topics, url: c.url, base: base[k]!, final: Math.max(0, final[k]!), shared, pair: isPair ? pairOf[k]! : 0 });
  }
  cands.sort((a, b) => b.final - a.final);
  const top = cands[0]?.final || 1;
  const picked = greedyPicks(cands, weights, p, query.limit, pairCut, isArticle ? p.topicDiversity : 0);
  return picked.map((c) => toHit(c, Number.isNaN(c.day) ? 0 : c.final / top, whyOf(c, weights, names, index, queryDay), index));
}

/**
 * Step 5's greedy pick over the candidates (sorted by final score): near-duplicates collapse
 * (dupKey), a penalty per earlier pick with the same lead entity, and (topicDiv > 0, full
 * articles) one per earlier pick whose headings already cover all of the item's: an item adds
 * nothing new when earlier picks cover all its headings (the same storyline again); one with a
 * heading not yet shown (a sub-storyline: the strike, the call) escapes the penalty. From pick
 * pairFrom on, one in pairEvery is a main-pair item (pair > 0) while the quota is not met.
 * A module-level function with per-candidate counters kept as picks are made (lead entities as
 * small numbers, headings covered counted once per pick), not recounted for every candidate at
 * every pick: on freshly loaded code the closure over all picks' headings ran ~1.5 ms (#8).
 */
function greedyPicks(cands: readonly Candidate[], weights: Map<string, number>, p: RankParams, limit: number, pairCut: number, topicDiv: number): Candidate[] {
  const m = cands.length;
  const keys = cands.map(dupKey);
  const leadIds = new Map<string, number>();
  const leadNo = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    const lead = leadOf(cands[i]!, weights);
    let id = leadIds.get(lead);
    if (id === undefined) leadIds.set(lead, (id = leadIds.size));
    leadNo[i] = id;
  }
  const leadCount = new Uint32Array(leadIds.size);
  // covered[i]: how many picks so far have headings that include all of candidate i's.
  const covered = new Uint32Array(m);
  const seenKeys = new Set<string>();
  const picked: Candidate[] = [];
  const used = new Uint8Array(m);
  let pairs = 0;
  while (picked.length < limit) {
    let bi = -1, badj = -Infinity;
    // A main-pair turn when the picks so far (this one included) hold fewer such items than the quota.
    const slot = picked.length + 1;
    if (pairCut < Infinity && slot >= p.pairFrom && pairs < Math.floor((slot - p.pairFrom) / p.pairEvery) + 1) {
      for (let i = 0; i < m; i++) {
        if (used[i] || !cands[i]!.pair || seenKeys.has(keys[i]!)) continue;
        const adj = cands[i]!.pair! / (1 + p.diversity * leadCount[leadNo[i]!]!);
        if (adj > badj) { badj = adj; bi = i; }
      }
    }
    if (bi < 0) for (let i = 0; i < m; i++) {
      if (used[i]) continue;
      if (seenKeys.has(keys[i]!)) { used[i] = 1; continue; }
      const adj = cands[i]!.final / (1 + p.diversity * leadCount[leadNo[i]!]!) / (topicDiv ? 1 + topicDiv * covered[i]! : 1);
      if (adj > badj) { badj = adj; bi = i; }
    }
    if (bi < 0) break;
    const chosen = cands[bi]!;
    if (chosen.pair) pairs++;
    used[bi] = 1;
    seenKeys.add(keys[bi]!);
    leadCount[leadNo[bi]!]!++;
    if (topicDiv) {
      const pt = chosen.topics;
      for (let i = 0; i < m; i++) {
        const topics = cands[i]!.topics;
        if (used[i] || !topics.length) continue;
        let all = true;
        for (let j = 0; j < topics.length && all; j++) all = pt.includes(topics[j]!);
        if (all) covered[i]!++;
      }
    }
    picked.push(chosen);
  }
  return picked;
}

function leadOf(c: Candidate, weights: Map<string, number>): string {
  let lead = '', w = -1;
  for (const e of c.shared) {
    const x = weights.get(e) ?? 0;
    if (x > w) { w = x; lead = e; }
  }
  return lead;
}

export interface EntityCoverageQuery {
  date: string | null;
  excludeUrl?: string | null;
  limit: number;
}

/**
 * Earlier coverage of one entity (hover card): newest first among items before the date, items
 * mostly about the entity (few other entities) preferred, near-duplicates collapsed.
 */
export function coverageForEntity(index: CoverageIndex, id: string, query: EntityCoverageQuery): EntityCoverageHit[] {
  if (query.limit <= 0) return [];
  const list = index.byEntity.get(id) ?? [];
  const queryDay = dayNumber(query.date);
  const exclude = normalizeUrl(query.excludeUrl);
  const hi = Number.isFinite(queryDay) ? lowerBound(index, list, queryDay) : list.length;
  const p = DEFAULT_RANK_PARAMS;
  // The newest item's day from the days column (not the items: reading all of them would build
  // every lazily loaded item of the runtime pack on an undated page's first hover).
  let refDay = queryDay;
  if (!Number.isFinite(refDay)) {
    refDay = 0;
    for (let n = 0; n < index.days.length; n++) if (index.days[n]! > refDay) refDay = index.days[n]!;
  }
  // Scores from the index's day and entity-count columns: the hover-card query runs for every
  // linked entity of a page (31 on a 2,000-word article), and reading 200 items each (a lazy
  // item, its record, its URL) and sorting 200 objects was most of the worker's analysis (#8).
  // Items are read only when picked, in the order a stable sort by (undated last, score
  // descending) gives; an excluded URL is skipped when met, which leaves that order unchanged.
  const days = index.days, counts = index.entityCounts;
  const lo = Math.max(0, hi - 200);
  const undated = index.undatedByEntity.get(id) ?? [];
  const m = hi - lo + undated.length;
  const nums: number[] = new Array<number>(m);
  const finals = new Float64Array(m);
  const late = new Uint8Array(m); // 1 = undated (sorts last), 2 = taken or excluded
  let k = 0;
  for (let j = hi - 1; j >= lo; j--, k++) {
    const n = list[j]!;
    nums[k] = n;
    const day = days[n]!;
    // lengthNorm treats 0 and 1 entities alike (the record's `entities?.length ?? 1`).
    finals[k] = (1 / lengthNorm(p, counts[n]!)) * timeFactor(p, refDay, day, refDay);
    if (Number.isNaN(day)) late[k] = 1;
  }
  for (let u = 0; u < undated.length; u++, k++) {
    nums[k] = undated[u]!;
    finals[k] = 0;
    late[k] = Number.isNaN(days[undated[u]!]!) ? 1 : 0;
  }
  const out: EntityCoverageHit[] = [];
  const seen = new Set<string>();
  const skip = new Set([id]);
  while (out.length < query.limit) {
    // The next candidate in sorted order: dated first, then the highest score, then the earliest.
    let best = -1;
    for (let x = 0; x < m; x++) {
      if (late[x] === 2) continue;
      if (best < 0 || late[x]! < late[best]! || (late[x] === late[best] && finals[x]! > finals[best]!)) best = x;
    }
    if (best < 0) break;
    late[best] = 2;
    const it = index.items[nums[best]!]!;
    if (exclude && it.url === exclude) continue;
    const c: Candidate = { record: it.record, day: it.day, topics: it.topics, url: it.url, base: finals[best]!, final: finals[best]!, shared: [id] };
    const key = dupKey(c);
    if (seen.has(key)) continue;
    seen.add(key);
    const others = (c.record.entities ?? []).filter((e) => e !== id).slice(0, 2).map((e) => index.nameOf(e)).filter(Boolean);
    const when = Number.isNaN(c.day) ? t('coverageWhyUndated') : Number.isFinite(queryDay) ? relativeAge(queryDay - c.day) : shortDate(c.record.date);
    const why = [c.record.origin === 'history' ? t('coverageWhyHistory') : '', others.length ? t('coverageWhyWith', others.join(', ')) : '', when].filter(Boolean).join(' · ');
    const r = c.record;
    // The card's fields only (EntityCoverageHit): no ranking score or entity list in the page's reply.
    out.push({
      id: r.id,
      title: r.title ? coverageLine(r, index.nameOf) : coverageLine(r, index.nameOf, { skip }),
      date: r.date ?? null,
      source: r.source ?? '',
      url: coverageUrl(r),
      why,
      origin: r.origin,
    });
  }
  return out;
}
