/**
 * Second stage of relatedCoverage: which storyline (topic heading) is the page's own? A logistic
 * model scores each heading of the strongest first-stage candidates from its evidence: the
 * storyline votes of those candidates, the share of all entity evidence filed under it, the
 * page's words matching the heading, and how live and how large the storyline was just before the
 * page. relatedCoverage then ranks items by the chance that one of their headings is the page's.
 *
 * The weights are trained by `npm run eval -- coverage --train` on queries drawn from corpus items
 * OUTSIDE the evaluation sample (dev/held-out items are never trained on); label "the query item
 * is filed under this heading". Features are plain numbers, so scoring is a dot product.
 */
import type { CoverageIndex, IndexedItem } from './index';
import { headingIndexOf, priorEnd } from './headings';

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
] as const;

export const RERANK_DIM = RERANK_FEATURES.length;

/**
 * Trained weights (one per feature, in RERANK_FEATURES order). Empty = no re-ranking (the
 * first-stage order stands). Written by `npm run eval -- coverage --train`.
 */
export const RERANK_WEIGHTS: readonly number[] = [-5.6128, 0.8477, 2.1685, 1.7462, 0.6657, -0.4138, 0.6848, 1.5095, -0.234, 0.1281, -0.1282, 2.1695, -1.2203, 1.9999, 0.2505, -0.0634, -0.0435];

/** exp(z) / (1 + exp(z)), kept away from 0 so scores stay comparable. */
export function rerankScore(weights: readonly number[], f: Float64Array): number {
  let z = 0;
  for (let i = 0; i < weights.length; i++) z += weights[i]! * f[i]!;
  return 1 / (1 + Math.exp(-z));
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
  size: number;
  at: (k: number) => Pick<IndexedItem, 'topics' | 'day'>;
  /** Entity evidence per candidate (≤ 0: none). */
  entityBase: Float64Array;
  touchedScore: (k: number) => number;
  /** Whether item number n shares an entity with the page. */
  marked: (n: number) => boolean;
  votes: Map<number, number>;
  mass: number;
  wordScores: Map<number, number>;
  /** Per heading: Σ idf of its words the page uses (headingMatches). */
  wordMatched: Map<number, number>;
  bestWord: number;
  queryDay: number;
  heads: Set<number>;
}

/** Rank (0 = largest) of a value among the positive values of a map: one native sort, then binary search. */
function ranker(values: Iterable<number>): (v: number | undefined) => number | undefined {
  const arr: number[] = [];
  for (const v of values) if (v > 0) arr.push(v);
  const sorted = Float64Array.from(arr).sort(); // ascending
  return (v) => {
    if (v === undefined || v <= 0) return undefined;
    let lo = 0, hi = sorted.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (sorted[mid]! <= v) lo = mid + 1; else hi = mid; }
    return sorted.length - lo; // how many are larger
  };
}

/** Per-index scratch (one query at a time): evidence per topic number, reset via the touched list. */
const scratchOf = new WeakMap<CoverageIndex, { all: Float64Array; max: Float64Array; count: Uint32Array }>();

/** A feature row (RERANK_FEATURES order) per heading in `heads`. */
export function headingEvidence(x: HeadingEvidenceInput): Map<number, Float64Array> {
  const hx = headingIndexOf(x.index);
  const T = x.index.topicNames.length;
  let sc = scratchOf.get(x.index);
  if (!sc || sc.all.length < T) scratchOf.set(x.index, (sc = { all: new Float64Array(T), max: new Float64Array(T), count: new Uint32Array(T) }));
  const { all, max, count } = sc;
  const touchedTopics: number[] = [];
  let allMass = 0, ebmax = 0;
  for (let k = 0; k < x.size; k++) {
    const e = x.entityBase[k]!;
    if (e <= 0) continue;
    if (e > ebmax) ebmax = e;
    allMass += e;
    const topics = x.at(k).topics;
    for (let i = 0; i < topics.length; i++) {
      const t = topics[i]!;
      if (count[t] === 0) touchedTopics.push(t);
      all[t] = all[t]! + e;
      if (e > max[t]!) max[t] = e;
      count[t] = count[t]! + 1;
    }
  }
  const allValues: number[] = [];
  for (const t of touchedTopics) allValues.push(all[t]!);
  const voteRank = ranker(x.votes.values()), allRank = ranker(allValues), wordRank = ranker(x.wordScores.values());
  const m = x.mass || 1;
  const dated = Number.isFinite(x.queryDay);
  const out = new Map<number, Float64Array>();
  for (const t of x.heads) {
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
    out.set(t, f);
  }
  for (const t of touchedTopics) { all[t] = 0; max[t] = 0; count[t] = 0; }
  return out;
}
