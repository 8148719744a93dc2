/**
 * Third stage of relatedCoverage: item-level learning to rank over the final candidates.
 *
 * The storyline chooser (rerank.ts, boost.ts) scores headings, and an item's score follows from
 * its headings' probabilities with its entity evidence breaking ties. Where the chooser is wrong
 * (a quarter of dev queries) that order is poor (P@5 0.24) although the right items are mostly
 * among the strongest 60 candidates (a perfect re-rank of those would reach P@5 0.93 on dev).
 * This stage re-scores each of the strongest candidates from evidence about the ITEM, next to its
 * storyline probability: how much of the page's (rarity-weighted) entities it names, whether it
 * names two of them, its age and its rank by date, how many other strong candidates share its
 * headings or its day, its heading's word match, and its current score and rank.
 *
 * Model: a linear score plus gradient-boosted trees (boost.ts's fitTrees) over these rows, fitted
 * listwise (softmax over a page's candidates, "one of the relevant items" likelihood) by
 * `npm run eval -- coverage --items` on TRAIN queries only (items after the 800-item sample,
 * never dev or held-out); relevance "shares a topic heading" as in the eval.
 */
import { treeLogit, type TreeEnsemble } from './boost';

export const ITEM_FEATURES = [
  'bias',
  'score', // current score (after the storyline chooser) / the best candidate's
  'logScore', // log of that, floored at -20
  'rank', // 1 / (1 + its rank by current score)
  'story', // P(one of its headings is the page's storyline)
  'maxP', // P of its likeliest heading
  'likeliest', // 1 when filed under the likeliest storyline
  'headRank', // 1 / (1 + rank of its best heading among the scored ones); 0 without a scored heading
  'headings', // log(1 + its headings)
  'entity', // its entity evidence × recency / the best candidate's
  'overlap', // Σ query weight (salience × rarity) of the page's entities it names / Σ of all
  'hits', // share of the page's query entities it names
  'pair', // 1 when it names ≥ 2 of the page's query entities
  'age', // log(1 + days before the page)
  'ageRank', // 1 / (1 + its rank by date among the re-ranked candidates, newest first)
  'entities', // log(1 + entities the item names)
  'word', // best heading-word match of its headings / the page's best heading match
  'sameDay', // log(1 + other re-ranked candidates of the same day sharing a heading with it)
  'siblings', // share of the re-ranked candidates sharing a heading with it
  'pTop', // the chooser's confidence: P of the likeliest storyline
  'queryEntities', // log(1 + the page's query entities)
  'dup', // 1 when a stronger candidate has the same near-duplicate key
  'precision', // share of the item's entities that the page names (an item mostly about others is another story)
  'rarest', // the rarest shared entity's rarity (idf) / the rarest query entity's
  'runnerUp', // P of the second likeliest storyline (how contested the choice is)
] as const;

export const ITEM_DIM = ITEM_FEATURES.length;

export interface ItemModel {
  /** One weight per ITEM_FEATURES entry; [] = no item stage. */
  linear: readonly number[];
  /** Added to the linear score; null = linear alone. */
  trees: TreeEnsemble | null;
  /** How many of the strongest candidates are re-scored. */
  top: number;
}

/** What the item stage reads about one candidate. */
export interface ItemEvidence {
  score: number;
  story: number;
  topics: readonly number[];
  entity: number;
  overlap: number;
  hits: number;
  day: number;
  entities: number;
  dupKey: string;
  /** Highest rarity (idf) among the query entities it names. */
  rarest: number;
}

export interface ItemContext {
  queryDay: number;
  queryEntities: number;
  /** Storyline probability per scored heading (topic number → P). */
  pOf: ReadonlyMap<number, number>;
  likeliest: number;
  /** Heading-word match per heading, and the best. */
  wordScores: ReadonlyMap<number, number>;
  bestWord: number;
  /** Highest rarity (idf) among the query entities. */
  rarest: number;
}

/** Feature rows (ITEM_FEATURES order) for candidates given strongest first. */
export function itemRows(cands: readonly ItemEvidence[], x: ItemContext): Float64Array[] {
  const n = cands.length;
  const best = cands[0]?.score || 1;
  let bestEntity = 0;
  for (const c of cands) if (c.entity > bestEntity) bestEntity = c.entity;
  bestEntity ||= 1;
  // Heading ranks by P, and P of the likeliest.
  const headRank = new Map<number, number>();
  [...x.pOf].sort((a, b) => b[1] - a[1]).forEach(([t], r) => headRank.set(t, r));
  const pTop = x.likeliest >= 0 ? x.pOf.get(x.likeliest) ?? 0 : 0;
  let p2 = 0;
  for (const [t, v] of x.pOf) if (t !== x.likeliest && v > p2) p2 = v;
  // Rank by date, newest first.
  const byDate = Array.from({ length: n }, (_, i) => i).sort((a, b) => (cands[b]!.day || 0) - (cands[a]!.day || 0) || a - b);
  const ageRank = new Uint32Array(n);
  byDate.forEach((i, r) => { ageRank[i] = r; });
  // How many candidates each heading holds, and per (day, heading).
  const perTopic = new Map<number, number>();
  const perDayTopic = new Map<string, number>();
  for (const c of cands) for (const t of c.topics) {
    perTopic.set(t, (perTopic.get(t) ?? 0) + 1);
    const key = `${c.day}|${t}`;
    perDayTopic.set(key, (perDayTopic.get(key) ?? 0) + 1);
  }
  const seenKeys = new Set<string>();
  const logQ = Math.log1p(x.queryEntities);
  return cands.map((c, i) => {
    const f = new Float64Array(ITEM_DIM);
    const rel = c.score / best;
    let maxP = 0, hr = Infinity, word = 0, siblings = 0, sameDay = 0;
    for (const t of c.topics) {
      const pt = x.pOf.get(t) ?? 0;
      if (pt > maxP) maxP = pt;
      const r = headRank.get(t);
      if (r !== undefined && r < hr) hr = r;
      const w = x.wordScores.get(t) ?? 0;
      if (w > word) word = w;
      siblings = Math.max(siblings, (perTopic.get(t) ?? 1) - 1);
      sameDay = Math.max(sameDay, (perDayTopic.get(`${c.day}|${t}`) ?? 1) - 1);
    }
    const age = Number.isFinite(x.queryDay) && Number.isFinite(c.day) ? Math.max(0, x.queryDay - c.day) : 3650;
    f[0] = 1;
    f[1] = rel;
    f[2] = rel > 0 ? Math.max(-20, Math.log(rel)) : -20;
    f[3] = 1 / (1 + i);
    f[4] = c.story;
    f[5] = maxP;
    f[6] = c.topics.includes(x.likeliest) ? 1 : 0;
    f[7] = Number.isFinite(hr) ? 1 / (1 + hr) : 0;
    f[8] = Math.log1p(c.topics.length);
    f[9] = Math.max(0, c.entity) / bestEntity;
    f[10] = c.overlap;
    f[11] = x.queryEntities ? c.hits / x.queryEntities : 0;
    f[12] = c.hits >= 2 ? 1 : 0;
    f[13] = Math.log1p(age);
    f[14] = 1 / (1 + ageRank[i]!);
    f[15] = Math.log1p(c.entities);
    f[16] = x.bestWord > 0 ? word / x.bestWord : 0;
    f[17] = Math.log1p(sameDay);
    f[18] = n > 1 ? siblings / (n - 1) : 0;
    f[19] = pTop;
    f[20] = logQ;
    f[21] = seenKeys.has(c.dupKey) ? 1 : 0;
    seenKeys.add(c.dupKey);
    f[22] = c.entities ? Math.min(1, c.hits / c.entities) : 0;
    f[23] = x.rarest > 0 ? c.rarest / x.rarest : 0;
    f[24] = p2;
    return f;
  });
}

/** The item model's score per row (linear + trees). */
export function itemScores(model: ItemModel, rows: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const f = rows[i]!;
    let z = 0;
    for (let j = 0; j < model.linear.length; j++) z += model.linear[j]! * f[j]!;
    if (model.trees && model.trees.leaf.length) z += treeLogit(model.trees, f);
    out[i] = z;
  }
  return out;
}
