/**
 * Topic headings as a second retrieval key: the words of the pack's topic headings (facts about
 * each item: "Russian invasion of Ukraine", "COVID-19 vaccine", "Yemeni civil war") matched
 * against the words of the reader's page (its title and lead). Entities alone miss a storyline
 * when the page names few of them ("an explosive device detonates in Taiz, Yemen" → "Yemeni civil
 * war"; "a vaccine candidate" → "COVID-19 vaccine").
 *
 * Derived from a CoverageIndex on first use and cached per index (rebuilt when items were
 * appended), so lib/coverage/index.ts stays as it is:
 *   stem → topic numbers whose heading has that word (BM25-style idf over headings)
 *   topic → its dated item numbers, oldest first (for the storyline's most recent prior items)
 */
import type { CoverageIndex } from './index';

/** Function words and heading boilerplate that say nothing about the storyline. */
const STOP = new Set(
  (
    'a an the of in on at to for from by with and or but as is are was were be been has have had it its this that these those ' +
    'after before during over under into onto about against between amid amidst among than then there their they he she his her ' +
    'who whom which what when where while also not no new says said say will would could may can up out more most some other ' +
    'first second third one two three four five six seven eight nine ten several many least people percent per year years ' +
    'present list timeline reaction reactions aftermath article event events'
  ).split(' '),
);

/**
 * A light English stemmer that also folds demonyms onto place names, since headings say
 * "Russian invasion of Ukraine" where pages say "Russia": russian/russia → russ, ukrainian/ukraine
 * → ukrain, yemeni/yemen → yemen, turkish/turkey → turk, chinese/china → chin, strikes → strik.
 */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '');
  if (w.length <= 3) return w;
  for (const suf of ['ians', 'ian', 'ia', 'ese', 'ish', 'ies', 'ing', 'ed', 'es', 's']) {
    if (w.endsWith(suf) && w.length - suf.length >= 3 && !(suf === 's' && w.endsWith('ss'))) {
      w = w.slice(0, -suf.length);
      break;
    }
  }
  if (w.length >= 5 && /[^aeiou]i$/.test(w)) w = w.slice(0, -1); // israeli, yemeni, pakistani, iraqi
  if (w.length >= 4 && /[aey]$/.test(w)) w = w.slice(0, -1); // ukraine, korea, turkey, strike
  if (w.length >= 4 && /e$/.test(w)) w = w.slice(0, -1); // turke(y)
  return w;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Distinct content-word stems of a text (no numbers, no function words). */
export function contentStems(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(WORD)) {
    const w = m[0];
    if (w.length < 3 || /^\d+$/.test(w)) continue;
    const lower = w.toLowerCase();
    if (STOP.has(lower)) continue;
    out.add(stem(lower));
  }
  return [...out];
}

export interface HeadingIndex {
  /** stem → topic numbers whose heading has it. */
  byStem: Map<string, number[]>;
  /** stem → log((H + 1) / (df + 0.5)) over headings with items. */
  idf: Map<string, number>;
  /** Per topic: Σ idf of its heading's stems (to score how much of a heading the page covers). */
  mass: Float64Array;
  /** Per topic: its dated item numbers, oldest first. */
  items: number[][];
}

const cache = new WeakMap<CoverageIndex, { size: number; topics: number; hx: HeadingIndex }>();

export function headingIndexOf(index: CoverageIndex): HeadingIndex {
  const known = cache.get(index);
  if (known && known.size === index.items.length && known.topics === index.topicNames.length) return known.hx;
  const T = index.topicNames.length;
  const items: number[][] = Array.from({ length: T }, () => []);
  const { days, topicStart, topicList } = index;
  const N = index.items.length;
  for (let n = 0; n < N; n++) {
    if (days[n] !== days[n]) continue; // undated
    for (let o = topicStart[n]!, end = topicStart[n + 1]!; o < end; o++) items[topicList[o]!]!.push(n);
  }
  for (const list of items) {
    let sorted = true;
    for (let i = 1; i < list.length; i++) if (days[list[i - 1]!]! > days[list[i]!]!) { sorted = false; break; }
    if (!sorted) list.sort((a, b) => days[a]! - days[b]! || a - b);
  }
  const stemsOf: string[][] = [];
  const byStem = new Map<string, number[]>();
  let H = 0;
  for (let t = 0; t < T; t++) {
    const stems = items[t]!.length ? contentStems(index.topicNames[t]!) : [];
    stemsOf.push(stems);
    if (!stems.length) continue;
    H++;
    for (const s of stems) {
      const list = byStem.get(s);
      if (list) list.push(t);
      else byStem.set(s, [t]);
    }
  }
  const idf = new Map<string, number>();
  for (const [s, list] of byStem) idf.set(s, Math.log((H + 1) / (list.length + 0.5)));
  const mass = new Float64Array(T);
  for (let t = 0; t < T; t++) for (const s of stemsOf[t]!) mass[t] = mass[t]! + idf.get(s)!;
  const hx: HeadingIndex = { byStem, idf, mass, items };
  cache.set(index, { size: N, topics: T, hx });
  return hx;
}

/**
 * Use a heading index made elsewhere for this (read-only) coverage index: the runtime pack's,
 * which the build computed with headingIndexOf itself (lib/coverage/frozen-index.ts), so the
 * background's first query stems no topic names. Same staleness check as a computed one.
 */
export function seedHeadingIndex(index: CoverageIndex, hx: HeadingIndex): void {
  cache.set(index, { size: index.items.length, topics: index.topicNames.length, hx });
}

/**
 * How well each heading matches the page's words: Σ idf of shared stems × (share of the heading's
 * own idf mass the page covers)^coverExp. Only headings with dated items are scored.
 */
export function headingWordScores(hx: HeadingIndex, stems: readonly string[], coverExp: number): Map<number, number> {
  return scoreHeadingMatches(hx, headingMatches(hx, stems), coverExp);
}

/** headingWordScores from headingMatches' result (a new map; `matched` is left as it is). */
export function scoreHeadingMatches(hx: HeadingIndex, matched: ReadonlyMap<number, number>, coverExp: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const [t, a] of matched) out.set(t, a * Math.pow(a / (hx.mass[t]! || 1), coverExp));
  return out;
}

/** Per heading sharing a word with the page: Σ idf of the shared stems. */
export function headingMatches(hx: HeadingIndex, stems: readonly string[]): Map<number, number> {
  const acc = new Map<number, number>();
  for (const s of stems) {
    const w = hx.idf.get(s);
    if (w === undefined || w <= 0) continue;
    for (const t of hx.byStem.get(s)!) acc.set(t, (acc.get(t) ?? 0) + w);
  }
  return acc;
}

/** Index of the first item in a topic's list dated on or after `day`. */
export function priorEnd(days: Float64Array, list: readonly number[], day: number): number {
  let lo = 0, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[list[mid]!]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
