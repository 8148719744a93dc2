/**
 * Second stage of relatedCoverage: which storyline (topic heading) is the page's own? A logistic
 * model scores each heading of the strongest first-stage candidates from its evidence: the
 * storyline votes of those candidates, the share of all entity evidence filed under it, the
 * page's words matching the heading, how live and how large the storyline was just before the
 * page, and where it sits among the other scored headings (a sub-storyline that names a broad one,
 * a broad one with sub-storylines in play: heading-tree.ts; how often its items are co-listed).
 * relatedCoverage then ranks items by the chance that one of their headings is the page's.
 *
 * The weights are trained by `npm run eval -- coverage --train` on queries drawn from corpus items
 * OUTSIDE the evaluation sample (dev/held-out items are never trained on); label "the query item
 * is filed under this heading". Features are plain numbers, so scoring is a dot product.
 */
import type { CoverageIndex } from './index';
import { headingIndexOf, priorEnd } from './headings';
import { forEachNamedParent } from './heading-tree';

export const RERANK_FEATURES = [
  'bias',
  'vote', // storyline vote of the strongest candidates / vote mass
  'voteRank', // 1 / (1 + its rank by vote)
  'allVote', // share of ALL candidates' entity evidence filed under it
  'allRank', // 1 / (1 + its rank by allVote)
  'word', // heading-word match / best match
  'wordRaw', // log(1 + heading-word match)
  'wordRank', // 1 / (1 + its rank by word match)
  'live', // log(1 + its items in the 14 days before the page)
  'live3', // log(1 + its items in the 3 days before the page)
  'size', // log(1 + its prior items)
  'gap', // exp(-days since its latest prior item / 7)
  'hitRate', // share of its last 20 prior items that name an entity of the page
  'maxItem', // best entity score of an item under it / best entity score
  'items', // log(1 + candidates under it that share an entity)
  'cover', // share of its heading's word weight (idf) the page's words cover
  'miss', // idf weight of its heading's words the page does not use ("pandemic" on a page about sanctions)
  'yearGap', // a heading that names a year ("2022 Russian invasion of Ukraine"): min(3, years between it and the page's year); 0 when it names none
  'entityLL', // Σ over the page's entities (query-weight shares) of log((its prior items naming the entity + 0.5) / (its prior items + 1)): how typical the page's entities are of the storyline
  'entityCover', // share of the page's query weight whose entity appears under the heading at all
  'pairShare', // share of the evidence of candidates naming ≥ 2 of the page's entities that is filed under it (sibling headings differ in which entity combinations they hold)
  'pairItems', // log(1 + candidates under it naming ≥ 2 of the page's entities)
  'entityShare', // Σ over the page's entities (query-weight shares) of the share of the entity's prior items read that are filed under it: P(heading | entity)
  'live60', // share of its prior items dated in the 60 days before the page (a storyline alive now vs one that ended)
  // The storyline hierarchy among the scored headings (heading-tree.ts: a heading that names another sits under it):
  'namedUnder', // 1 when it names another scored heading ("International reactions to the Israel–Hamas war" under "Israel–Hamas war")
  'parentAll', // largest allVote of the scored headings it names (how strong its broad storyline is)
  'namedKids', // log(1 + scored headings that name it): a broad storyline with sub-storylines in play
  'kidAll', // Σ allVote of those sub-storylines
  'coListed', // share of its last 20 prior items filed under another heading too (a sub-storyline's items carry their parent)
  'breadth', // log(1 + distinct other headings on those items)
  // The sibling choice ("COVID-19 pandemic" vs "COVID-19 pandemic in Belgium" for a page naming the
  // pandemic and Belgium): how much more of the page's words a sub-storyline's name says than its
  // broad storyline's, on both sides of the pair (session 19, covchooser6).
  'subWords', // (page-word match of the heading − best of the scored headings it names) / best match, ≥ 0
  'kidWords', // the largest subWords of the scored headings that name it (a broad storyline whose sub-storyline says more of the page)
] as const;

export const RERANK_DIM = RERANK_FEATURES.length;

/**
 * Trained weights (one per feature, in RERANK_FEATURES order) of the listwise storyline chooser
 * (rank.ts applies a softmax over the scored headings: rerankSoftmax). Empty = no re-ranking (the
 * first-stage order stands). Written by `npm run eval -- coverage --split dev --dev-only --boost
 * --refit-linear --train-n 6000 --trees 150 --depth 4 --write-trees` (train queries only; the trees
 * of chooser-trees.ts were fitted on top of these weights in the same run).
 */
export const RERANK_WEIGHTS: readonly number[] = [0, 0.0759, 1.3879, -0.4548, -0.1014, 0.3535, -0.1049, 1.0775, 0.003, 0.1069, 0.1133, 1.6225, 0.0008, 3.0165, 0.2854, 1.7108, -0.0401, -0.9695, 0.4342, 1.0355, 0.0004, 0.1372, 0.7765, 0.4924, -0.1428, 1.4717, 0.0913, -2.6958, -1.8823, 1.2238, 1.0539, 0.7764];

/** w·f: the heading's score before the link function. */
export function rerankLogit(weights: readonly number[], f: Float64Array): number {
  let z = 0;
  for (let i = 0; i < weights.length; i++) z += weights[i]! * f[i]!;
  return z;
}

/** exp(z) / (1 + exp(z)). */
export function rerankScore(weights: readonly number[], f: Float64Array): number {
  return 1 / (1 + Math.exp(-rerankLogit(weights, f)));
}

/**
 * Fits a logistic regression by Newton's method (IRLS) with an L2 penalty on the non-bias
 * weights; rows are standardised for the fit and the weights mapped back to raw features.
 */
export function fitLogistic(rows: Float64Array[], labels: Uint8Array, l2 = 1, iterations = 25): number[] {
  const d = RERANK_DIM;
  const mean = new Float64Array(d), sd = new Float64Array(d).fill(1);
  for (let j = 1; j < d; j++) {
    let m = 0;
    for (const r of rows) m += r[j]!;
    m /= rows.length || 1;
    let v = 0;
    for (const r of rows) v += (r[j]! - m) ** 2;
    mean[j] = m;
    sd[j] = Math.sqrt(v / (rows.length || 1)) || 1;
  }
  const x = rows.map((r) => { const z = new Float64Array(d); z[0] = 1; for (let j = 1; j < d; j++) z[j] = (r[j]! - mean[j]!) / sd[j]!; return z; });
  const w = new Float64Array(d);
  for (let it = 0; it < iterations; it++) {
    const g = new Float64Array(d);
    const H = Array.from({ length: d }, () => new Float64Array(d));
    for (let i = 0; i < x.length; i++) {
      const xi = x[i]!;
      let z = 0;
      for (let j = 0; j < d; j++) z += w[j]! * xi[j]!;
      const pr = 1 / (1 + Math.exp(-z));
      const err = pr - labels[i]!;
      const s = Math.max(pr * (1 - pr), 1e-6);
      for (let j = 0; j < d; j++) {
        g[j] = g[j]! + err * xi[j]!;
        const hj = H[j]!;
        for (let k = j; k < d; k++) hj[k] = hj[k]! + s * xi[j]! * xi[k]!;
      }
    }
    for (let j = 0; j < d; j++) for (let k = 0; k < j; k++) H[j]![k] = H[k]![j]!;
    for (let j = 1; j < d; j++) { g[j] = g[j]! + l2 * w[j]!; H[j]![j] = H[j]![j]! + l2; }
    const step = solve(H, g);
    let change = 0;
    for (let j = 0; j < d; j++) { w[j] = w[j]! - step[j]!; change = Math.max(change, Math.abs(step[j]!)); }
    if (change < 1e-7) break;
  }
  // Back to raw features: w·((f - mean) / sd) = Σ (w/sd) f - Σ w mean / sd.
  const out = new Array<number>(d).fill(0);
  out[0] = w[0]!;
  for (let j = 1; j < d; j++) { out[j] = w[j]! / sd[j]!; out[0] -= (w[j]! * mean[j]!) / sd[j]!; }
  return out;
}

/** One training query: a feature row per scored heading, and which headings are the query's own. */
export interface RerankGroup { rows: Float64Array[]; own: Uint8Array }

/**
 * Fits the storyline chooser as a conditional logit: per query, P(heading) = softmax of w·f over
 * the scored headings, and the likelihood is that of "one of the query's own headings" (Σ of
 * their P). Listwise, so the weights learn which heading wins among the query's candidates, not a
 * base rate shared by all queries (the bias drops out: its weight stays 0). Damped Newton with
 * the softmax covariance as the curvature, an L2 penalty, standardised features; weights are
 * mapped back to raw features. Column 0 is the bias (dropped: constant within a query).
 */
export function fitSoftmax(groups: RerankGroup[], l2 = 1, iterations = 40): number[] {
  // The rows' own width (a trainer may fit on more or fewer features than the shipped chooser's).
  const d = groups[0]?.rows[0]?.length ?? RERANK_DIM;
  const mean = new Float64Array(d), sd = new Float64Array(d).fill(1);
  let nRows = 0;
  for (const g of groups) for (const r of g.rows) { nRows++; for (let j = 1; j < d; j++) mean[j] = mean[j]! + r[j]!; }
  for (let j = 1; j < d; j++) mean[j] = mean[j]! / (nRows || 1);
  const v = new Float64Array(d);
  for (const g of groups) for (const r of g.rows) for (let j = 1; j < d; j++) v[j] = v[j]! + (r[j]! - mean[j]!) ** 2;
  for (let j = 1; j < d; j++) sd[j] = Math.sqrt(v[j]! / (nRows || 1)) || 1;
  const xs = groups.map((g) => g.rows.map((r) => { const z = new Float64Array(d); for (let j = 1; j < d; j++) z[j] = (r[j]! - mean[j]!) / sd[j]!; return z; }));
  const w = new Float64Array(d);
  const objective = (wt: Float64Array): number => {
    let ll = 0;
    xs.forEach((x, q) => {
      const own = groups[q]!.own;
      let zmax = -Infinity;
      const z = x.map((xi) => { let s = 0; for (let j = 1; j < d; j++) s += wt[j]! * xi[j]!; if (s > zmax) zmax = s; return s; });
      let all = 0, pos = 0;
      z.forEach((s, i) => { const e = Math.exp(s - zmax); all += e; if (own[i]) pos += e; });
      ll += Math.log(pos / all);
    });
    let pen = 0;
    for (let j = 1; j < d; j++) pen += wt[j]! ** 2;
    return -ll + (l2 / 2) * pen;
  };
  let obj = objective(w);
  for (let it = 0; it < iterations; it++) {
    const g = new Float64Array(d);
    const H = Array.from({ length: d }, () => new Float64Array(d));
    xs.forEach((x, q) => {
      const own = groups[q]!.own;
      let zmax = -Infinity;
      const z = x.map((xi) => { let s = 0; for (let j = 1; j < d; j++) s += w[j]! * xi[j]!; if (s > zmax) zmax = s; return s; });
      const e = z.map((s) => Math.exp(s - zmax));
      let all = 0, pos = 0;
      e.forEach((ei, i) => { all += ei; if (own[i]) pos += ei; });
      const ex = new Float64Array(d), ep = new Float64Array(d);
      x.forEach((xi, i) => { const p = e[i]! / all, pp = own[i] ? e[i]! / pos : 0; for (let j = 1; j < d; j++) { ex[j] = ex[j]! + p * xi[j]!; ep[j] = ep[j]! + pp * xi[j]!; } });
      for (let j = 1; j < d; j++) g[j] = g[j]! - (ep[j]! - ex[j]!);
      x.forEach((xi, i) => {
        const p = e[i]! / all;
        for (let j = 1; j < d; j++) { const a = xi[j]! - ex[j]!; const hj = H[j]!; for (let k = j; k < d; k++) hj[k] = hj[k]! + p * a * (xi[k]! - ex[k]!); }
      });
    });
    for (let j = 1; j < d; j++) for (let k = 1; k < j; k++) H[j]![k] = H[k]![j]!;
    for (let j = 1; j < d; j++) { g[j] = g[j]! + l2 * w[j]!; H[j]![j] = H[j]![j]! + l2; }
    H[0]![0] = 1; g[0] = 0;
    const step = solve(H, g);
    let t = 1, next = w, nextObj = obj;
    for (let tries = 0; tries < 20; tries++, t /= 2) {
      const cand = new Float64Array(d);
      for (let j = 1; j < d; j++) cand[j] = w[j]! - t * step[j]!;
      const o = objective(cand);
      if (o <= obj) { next = cand; nextObj = o; break; }
    }
    let change = 0;
    for (let j = 1; j < d; j++) change = Math.max(change, Math.abs(next[j]! - w[j]!));
    w.set(next);
    const gain = obj - nextObj;
    obj = nextObj;
    if (change < 1e-7 || gain < 1e-9) break;
  }
  const out = new Array<number>(d).fill(0);
  for (let j = 1; j < d; j++) out[j] = w[j]! / sd[j]!;
  return out;
}

/** Gaussian elimination with partial pivoting (d is ~16). */
function solve(A: Float64Array[], b: Float64Array): Float64Array {
  const n = b.length;
  const M = A.map((r, i) => { const row = new Float64Array(n + 1); row.set(r); row[n] = b[i]!; return row; });
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[piv]![c]!)) piv = r;
    [M[c], M[piv]] = [M[piv]!, M[c]!];
    const pv = M[c]![c]! || 1e-12;
    for (let r = c + 1; r < n; r++) {
      const f = M[r]![c]! / pv;
      if (!f) continue;
      for (let k = c; k <= n; k++) M[r]![k] = M[r]![k]! - f * M[c]![k]!;
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= M[r]![k]! * x[k]!;
    x[r] = s / (M[r]![r]! || 1e-12);
  }
  return x;
}

export interface HeadingEvidenceInput {
  index: CoverageIndex;
  /** Candidates 0..size-1: the first nIdx are index items (touched[k] is the item number), the rest extra items. */
  size: number;
  nIdx: number;
  touched: readonly number[];
  /** Topic numbers of extra candidate k (k ≥ nIdx). */
  extraTopics: (k: number) => readonly number[];
  /** Entity evidence per candidate (≤ 0: none). */
  entityBase: Float64Array;
  /** Whether item number n shares an entity with the page. */
  marked: (n: number) => boolean;
  votes: Map<number, number>;
  mass: number;
  wordScores: ReadonlyMap<number, number>;
  /** Per heading: Σ idf of its words the page uses (headingMatches). */
  wordMatched: ReadonlyMap<number, number>;
  bestWord: number;
  queryDay: number;
  heads: Set<number>;
  /** Σ of the page's query weights (touchedScore of an item naming all of them). */
  queryMass: number;
  /** Per query entity: its weight and the prior slice [lo, hi) of its posting list that was read. */
  slices: readonly EntitySlice[];
  /** How many of the page's entities candidate k names. */
  queryHits: (k: number) => number;
}

export interface EntitySlice { w: number; list: readonly number[]; lo: number; hi: number }

/** Years a heading names ("2021–2022 Russo-Ukrainian crisis" → 2021, 2022), per index, read on first use. */
const yearsOf = new WeakMap<CoverageIndex, (number[] | undefined)[]>();
function headingYears(index: CoverageIndex, t: number): number[] {
  let cache = yearsOf.get(index);
  if (!cache) yearsOf.set(index, (cache = []));
  let ys = cache[t];
  if (!ys) {
    ys = [];
    for (const m of (index.topicNames[t] ?? '').matchAll(/(?<!\d)(1[89]\d\d|20\d\d)(?!\d)/g)) ys.push(Number(m[1]));
    cache[t] = ys;
  }
  return ys;
}

/** Ranks past this count as this (1 / (1 + rank) hardly differs there). */
const RANK_CAP = 32;

/**
 * Rank (0 = largest) of a value among the positive values, capped at RANK_CAP: one pass keeps the
 * RANK_CAP largest (no sort of the thousands of headings a page's common words match).
 */
function ranker(values: Iterable<number>): (v: number | undefined) => number | undefined {
  const top = new Float64Array(RANK_CAP); // descending
  let n = 0;
  for (const v of values) {
    if (!(v > 0) || (n === RANK_CAP && v <= top[RANK_CAP - 1]!)) continue;
    let j = n < RANK_CAP ? n++ : RANK_CAP - 1;
    while (j > 0 && top[j - 1]! < v) { top[j] = top[j - 1]!; j--; }
    top[j] = v;
  }
  return (v) => {
    if (v === undefined || v <= 0) return undefined;
    let r = 0;
    while (r < n && top[r]! > v) r++;
    return r;
  };
}

/** Per-index scratch (one query at a time): evidence per topic number, reset via the touched list. */
const scratchOf = new WeakMap<CoverageIndex, { all: Float64Array; max: Float64Array; count: Uint32Array; per: Uint32Array; pairAll: Float64Array; pairCount: Uint32Array; seen: Uint32Array; epoch: number }>();

/** A feature row (RERANK_FEATURES order) per heading in `heads`. */
export function headingEvidence(x: HeadingEvidenceInput): Map<number, Float64Array> {
  const hx = headingIndexOf(x.index);
  const T = x.index.topicNames.length;
  let sc = scratchOf.get(x.index);
  if (!sc || sc.all.length < T) scratchOf.set(x.index, (sc = { all: new Float64Array(T), max: new Float64Array(T), count: new Uint32Array(T), per: new Uint32Array(T), pairAll: new Float64Array(T), pairCount: new Uint32Array(T), seen: new Uint32Array(T), epoch: 0 }));
  const { all, max, count, per, pairAll, pairCount } = sc;
  const touchedTopics: number[] = [];
  const { topicStart, topicList } = x.index;
  const addEvidence = (t: number, e: number, pair: boolean) => {
    if (count[t] === 0 && pairAll[t] === 0 && pairCount[t] === 0) touchedTopics.push(t);
    all[t] = all[t]! + e;
    if (e > max[t]!) max[t] = e;
    count[t] = count[t]! + 1;
    if (pair) { pairAll[t] = pairAll[t]! + e; pairCount[t] = pairCount[t]! + 1; }
  };
  let allMass = 0, ebmax = 0, pairMass = 0;
  const qm = x.queryMass > 0 ? 1 / x.queryMass : 0;
  for (let k = 0; k < x.size; k++) {
    const e = x.entityBase[k]!;
    if (e <= 0) continue;
    if (e > ebmax) ebmax = e;
    allMass += e;
    const pair = x.queryHits(k) >= 2;
    if (pair) pairMass += e;
    if (k < x.nIdx) {
      const n = x.touched[k]!;
      for (let o = topicStart[n]!, end = topicStart[n + 1]!; o < end; o++) addEvidence(topicList[o]!, e, pair);
    } else for (const t of x.extraTopics(k)) addEvidence(t, e, pair);
  }
  const allValues: number[] = [];
  for (const t of touchedTopics) allValues.push(all[t]!);
  const voteRank = ranker(x.votes.values()), allRank = ranker(allValues), wordRank = ranker(x.wordScores.values());
  const m = x.mass || 1;
  const dated = Number.isFinite(x.queryDay);
  const queryYear = dated ? new Date(x.queryDay * 86_400_000).getUTCFullYear() : NaN;
  // Per heading: how typical each query entity is of it (items under it naming the entity, among
  // the entity's prior items that were read).
  const headList = [...x.heads];
  const entityLL = new Float64Array(headList.length), entityCover = new Float64Array(headList.length), entityShare = new Float64Array(headList.length);
  const headSize = new Float64Array(headList.length);
  for (let h = 0; h < headList.length; h++) {
    const list = hx.items[headList[h]!] ?? [];
    headSize[h] = dated ? priorEnd(x.index.days, list, x.queryDay) : list.length;
  }
  for (const sl of x.slices) {
    const share = sl.w * qm;
    for (let j = sl.lo; j < sl.hi; j++) {
      const n = sl.list[j]!;
      for (let o = topicStart[n]!, e = topicStart[n + 1]!; o < e; o++) { const t = topicList[o]!; per[t] = per[t]! + 1; }
    }
    for (let h = 0; h < headList.length; h++) {
      const c = per[headList[h]!]!;
      const size = headSize[h]!;
      entityLL[h] = entityLL[h]! + share * Math.log((Math.min(c, size) + 0.5) / (size + 1));
      if (c > 0) entityCover[h] = entityCover[h]! + share;
      if (sl.hi > sl.lo) entityShare[h] = entityShare[h]! + (share * c) / (sl.hi - sl.lo);
    }
    for (let j = sl.lo; j < sl.hi; j++) {
      const n = sl.list[j]!;
      for (let o = topicStart[n]!, e = topicStart[n + 1]!; o < e; o++) per[topicList[o]!] = 0;
    }
  }
  // Named hierarchy among the scored headings: allVote of the headings each names / is named by.
  const allShare = (t: number) => (allMass > 0 ? all[t]! / allMass : 0);
  const namedUnder = new Uint8Array(headList.length), parentAll = new Float64Array(headList.length), kids = new Uint32Array(headList.length), kidAll = new Float64Array(headList.length);
  // Best page-word match among the scored headings each heading names (-1: names none).
  const parentWord = new Float64Array(headList.length).fill(-1);
  const wordOf = (t: number) => x.wordMatched.get(t) ?? 0;
  forEachNamedParent(x.index, headList, (i, j) => {
    namedUnder[i] = 1;
    parentAll[i] = Math.max(parentAll[i]!, allShare(headList[j]!));
    kids[j] = kids[j]! + 1;
    kidAll[j] = kidAll[j]! + allShare(headList[i]!);
    parentWord[i] = Math.max(parentWord[i]!, wordOf(headList[j]!));
  });
  // What a sub-storyline's name says of the page beyond its broad storyline's, and per broad storyline the most any of its sub-storylines says.
  let bestWordMatched = 0;
  for (const v of x.wordMatched.values()) if (v > bestWordMatched) bestWordMatched = v;
  const subWords = new Float64Array(headList.length), kidWords = new Float64Array(headList.length);
  if (bestWordMatched > 0) {
    for (let i = 0; i < headList.length; i++) if (parentWord[i]! >= 0) subWords[i] = Math.max(0, wordOf(headList[i]!) - parentWord[i]!) / bestWordMatched;
    forEachNamedParent(x.index, headList, (i, j) => { kidWords[j] = Math.max(kidWords[j]!, subWords[i]!); });
  }
  const out = new Map<number, Float64Array>();
  let h = -1;
  for (const t of headList) {
    h++;
    const f = new Float64Array(RERANK_DIM);
    const list = hx.items[t] ?? [];
    const end = dated ? priorEnd(x.index.days, list, x.queryDay) : list.length;
    let hit = 0, seen = 0;
    for (let j = end - 1; j >= 0 && seen < 20; j--, seen++) if (x.marked(list[j]!)) hit++;
    const w = x.wordScores.get(t) ?? 0;
    const rv = voteRank(x.votes.get(t)), ra = allRank(count[t] ? all[t] : undefined), rw = wordRank(w);
    f[0] = 1;
    f[1] = (x.votes.get(t) ?? 0) / m;
    f[2] = rv === undefined ? 0 : 1 / (1 + rv);
    f[3] = allMass > 0 ? all[t]! / allMass : 0;
    f[4] = ra === undefined ? 0 : 1 / (1 + ra);
    f[5] = x.bestWord > 0 ? w / x.bestWord : 0;
    f[6] = Math.log1p(w);
    f[7] = rw === undefined ? 0 : 1 / (1 + rw);
    f[8] = dated ? Math.log1p(end - priorEnd(x.index.days, list, x.queryDay - 14)) : 0;
    f[9] = dated ? Math.log1p(end - priorEnd(x.index.days, list, x.queryDay - 3)) : 0;
    f[10] = Math.log1p(end);
    f[11] = dated && end > 0 ? Math.exp(-(x.queryDay - x.index.days[list[end - 1]!]!) / 7) : 0;
    f[12] = seen ? hit / seen : 0;
    f[13] = ebmax > 0 ? max[t]! / ebmax : 0;
    f[14] = Math.log1p(count[t]!);
    const mass = hx.mass[t] ?? 0, got = x.wordMatched.get(t) ?? 0;
    f[15] = mass > 0 ? got / mass : 0;
    f[16] = Math.max(0, mass - got);
    const ys = dated ? headingYears(x.index, t) : [];
    let gap = Infinity;
    for (const y of ys) gap = Math.min(gap, Math.abs(y - queryYear));
    f[17] = ys.length ? Math.min(3, gap) : 0;
    f[18] = entityLL[h]!;
    f[19] = entityCover[h]!;
    f[20] = pairMass > 0 ? pairAll[t]! / pairMass : 0;
    f[21] = Math.log1p(pairCount[t]!);
    f[22] = entityShare[h]!;
    f[23] = dated && end > 0 ? (end - priorEnd(x.index.days, list, x.queryDay - 60)) / end : 0;
    f[24] = namedUnder[h]!;
    f[25] = parentAll[h]!;
    f[26] = Math.log1p(kids[h]!);
    f[27] = kidAll[h]!;
    // Co-listing on its last 20 prior items (distinct other headings counted once via an epoch stamp).
    const epoch = ++sc.epoch;
    let listed = 0, others = 0, read = 0;
    for (let j = end - 1; j >= 0 && read < 20; j--, read++) {
      const n = list[j]!;
      let other = false;
      for (let o = topicStart[n]!, e = topicStart[n + 1]!; o < e; o++) {
        const u = topicList[o]!;
        if (u === t) continue;
        other = true;
        if (sc.seen[u] !== epoch) { sc.seen[u] = epoch; others++; }
      }
      if (other) listed++;
    }
    f[28] = read ? listed / read : 0;
    f[29] = Math.log1p(others);
    f[30] = subWords[h]!;
    f[31] = kidWords[h]!;
    out.set(t, f);
  }
  for (const t of touchedTopics) { all[t] = 0; max[t] = 0; count[t] = 0; pairAll[t] = 0; pairCount[t] = 0; }
  return out;
}
