/**
 * A nonlinear correction to the storyline chooser: gradient-boosted regression trees over the same
 * per-(page, heading) evidence rows as the linear chooser (rerank.ts), added to its logit before
 * the softmax over a page's scored headings.
 *
 * Why trees: the linear chooser stalls at ~71 % top-1 on dev. Its errors are mostly between sibling
 * headings, where what matters is an interaction ("many entity votes AND a live storyline", "the
 * page's words match it BUT it has not had an item for months"), which a weighted sum cannot say.
 *
 * Training is listwise like fitSoftmax: per query, P(heading) = softmax(linear + trees), and each
 * tree is fitted by Newton steps on the gradient of −log Σ_own P (LambdaMART-style, with the
 * softmax loss). Trees are full binary trees of a fixed depth, stored flat so that scoring is a
 * few comparisons per tree: node i has children 2i+1 / 2i+2, a row goes left when
 * f[feature] <= threshold; a node that found no useful split has threshold +Infinity (all left).
 */

/** A fitted ensemble: `trees` trees of `depth`, internal nodes then leaves per tree, flat. */
export interface TreeEnsemble {
  depth: number;
  /** Per tree, 2^depth − 1 feature numbers (index into the evidence row). */
  feature: readonly number[];
  /** Per tree, 2^depth − 1 thresholds (go left when f <= threshold). */
  threshold: readonly number[];
  /** Per tree, 2^depth leaf values (already scaled by the learning rate). */
  leaf: readonly number[];
}

/** Σ of the trees' leaf values for one evidence row. */
export function treeLogit(m: TreeEnsemble, f: Float64Array): number {
  const inner = (1 << m.depth) - 1;
  const leaves = inner + 1;
  const n = m.leaf.length / leaves;
  let z = 0;
  for (let t = 0; t < n; t++) {
    const o = t * inner;
    let i = 0;
    while (i < inner) i = f[m.feature[o + i]!]! <= m.threshold[o + i]! ? 2 * i + 1 : 2 * i + 2;
    z += m.leaf[t * leaves + i - inner]!;
  }
  return z;
}

export interface BoostGroup {
  rows: Float64Array[];
  /** 1 for the query's own headings. */
  own: Uint8Array;
  /** The linear chooser's logit per row (the trees fit what it leaves). */
  margin: Float64Array;
}

export interface BoostOptions {
  trees: number;
  depth: number;
  /** Shrinkage per tree. */
  rate: number;
  /** L2 on leaf values (Newton step −G / (H + lambda)). */
  lambda: number;
  /** A split needs at least this hessian mass on each side. */
  minHessian: number;
  /** Candidate thresholds per feature (quantiles of its values). */
  bins: number;
  /** Features (row positions) the trees may split on; default all but 0 (the bias). */
  features?: readonly number[];
  /** Called after each tree (e.g. to watch a dev metric). */
  onTree?: (t: number, model: TreeEnsemble) => void;
}

export const DEFAULT_BOOST: BoostOptions = { trees: 150, depth: 3, rate: 0.1, lambda: 1, minHessian: 1, bins: 32 };

/**
 * The shortest decimal t with lo <= t < hi: a threshold that keeps every value up to lo on the
 * left and survives being written out as source text (rounding a threshold that equals a common
 * value, e.g. 1/3, would send all rows holding that value the other way).
 */
function shortestBetween(lo: number, hi: number): number {
  if (!Number.isFinite(hi)) return lo;
  for (let digits = 1; digits <= 17; digits++) {
    const t = Number(((lo + hi) / 2).toPrecision(digits));
    if (t >= lo && t < hi) return t;
  }
  return lo;
}

/** Quantile thresholds of one feature's values (distinct, ascending, at most `bins` − 1), each between two values. */
function quantileThresholds(values: Float64Array, bins: number): Float64Array {
  const sorted = Float64Array.from(values).sort();
  const out: number[] = [];
  for (let b = 1; b < bins; b++) {
    let i = Math.min(sorted.length - 1, Math.floor((b * sorted.length) / bins));
    const v = sorted[i]!;
    while (i < sorted.length && sorted[i] === v) i++;
    if (i >= sorted.length) break; // nothing above v: no split there
    const t = shortestBetween(v, sorted[i]!);
    if (!out.length || t > out[out.length - 1]!) out.push(t);
  }
  return Float64Array.from(out);
}

/** Fits the ensemble on training queries (each with at least one own heading). */
export function fitTrees(groups: readonly BoostGroup[], options: Partial<BoostOptions> = {}): TreeEnsemble {
  const o = { ...DEFAULT_BOOST, ...options };
  const rows: Float64Array[] = [];
  const groupOf: number[] = [];
  groups.forEach((g, q) => { for (const r of g.rows) { rows.push(r); groupOf.push(q); } });
  const N = rows.length;
  const dim = rows[0]?.length ?? 0;
  const feats = o.features ?? Array.from({ length: Math.max(0, dim - 1) }, (_, j) => j + 1);
  const F = feats.length;
  // Binning: bin[r·F + j] = number of thresholds of feature feats[j] below the row's value.
  const thr: Float64Array[] = [];
  const bin = new Uint8Array(N * F);
  const col = new Float64Array(N);
  for (let j = 0; j < F; j++) {
    for (let r = 0; r < N; r++) col[r] = rows[r]![feats[j]!]!;
    const th = quantileThresholds(col, Math.min(o.bins, 255));
    thr.push(th);
    for (let r = 0; r < N; r++) {
      let lo = 0, hi = th.length;
      const v = col[r]!;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (th[mid]! < v) lo = mid + 1; else hi = mid; }
      bin[r * F + j] = lo; // v <= th[lo] (or lo = th.length: above all)
    }
  }
  const B = o.bins + 1;
  const inner = (1 << o.depth) - 1;
  const leaves = inner + 1;
  const feature: number[] = [], threshold: number[] = [], leaf: number[] = [];
  const score = new Float64Array(N);
  {
    let r = 0;
    for (const g of groups) for (let i = 0; i < g.rows.length; i++) score[r++] = g.margin[i]!;
  }
  const grad = new Float64Array(N), hess = new Float64Array(N);
  const node = new Int32Array(N);
  const model: TreeEnsemble = { depth: o.depth, feature, threshold, leaf };
  for (let t = 0; t < o.trees; t++) {
    // Gradient of −log Σ_own softmax per group: p_i − q_i, q = softmax restricted to own headings.
    let r0 = 0;
    for (const g of groups) {
      const k = g.rows.length;
      let zmax = -Infinity;
      for (let i = 0; i < k; i++) if (score[r0 + i]! > zmax) zmax = score[r0 + i]!;
      let all = 0, pos = 0;
      for (let i = 0; i < k; i++) { const e = Math.exp(score[r0 + i]! - zmax); grad[r0 + i] = e; all += e; if (g.own[i]) pos += e; }
      for (let i = 0; i < k; i++) {
        const e = grad[r0 + i]!;
        const p = e / all, q = g.own[i] ? e / pos : 0;
        grad[r0 + i] = p - q;
        hess[r0 + i] = Math.max(p * (1 - p), 1e-6);
      }
      r0 += k;
    }
    node.fill(0);
    const fNode = new Array<number>(inner).fill(0);
    const tNode = new Array<number>(inner).fill(Infinity);
    for (let level = 0; level < o.depth; level++) {
      const first = (1 << level) - 1, count = 1 << level;
      const hg = new Float64Array(count * F * B), hh = new Float64Array(count * F * B);
      const ng = new Float64Array(count), nh = new Float64Array(count);
      for (let r = 0; r < N; r++) {
        const a = node[r]! - first;
        const g = grad[r]!, h = hess[r]!;
        ng[a] = ng[a]! + g; nh[a] = nh[a]! + h;
        const base = a * F * B, rb = r * F;
        for (let j = 0; j < F; j++) { const x = base + j * B + bin[rb + j]!; hg[x] = hg[x]! + g; hh[x] = hh[x]! + h; }
      }
      for (let a = 0; a < count; a++) {
        const G = ng[a]!, H = nh[a]!;
        const parent = (G * G) / (H + o.lambda);
        let bestGain = 1e-9, bestF = -1, bestB = -1;
        for (let j = 0; j < F; j++) {
          let gl = 0, hl = 0;
          const base = a * F * B + j * B;
          for (let b = 0; b < thr[j]!.length; b++) {
            gl += hg[base + b]!; hl += hh[base + b]!;
            const gr = G - gl, hr = H - hl;
            if (hl < o.minHessian || hr < o.minHessian) continue;
            const gain = (gl * gl) / (hl + o.lambda) + (gr * gr) / (hr + o.lambda) - parent;
            if (gain > bestGain) { bestGain = gain; bestF = j; bestB = b; }
          }
        }
        if (bestF >= 0) { fNode[first + a] = feats[bestF]!; tNode[first + a] = thr[bestF]![bestB]!; }
      }
      // Route rows to the next level.
      for (let r = 0; r < N; r++) {
        const i = node[r]!;
        const goLeft = rows[r]![fNode[i]!]! <= tNode[i]!;
        node[r] = goLeft ? 2 * i + 1 : 2 * i + 2;
      }
    }
    const lg = new Float64Array(leaves), lh = new Float64Array(leaves);
    for (let r = 0; r < N; r++) { const l = node[r]! - inner; lg[l] = lg[l]! + grad[r]!; lh[l] = lh[l]! + hess[r]!; }
    const values = Array.from(lg, (G, l) => (-G / (lh[l]! + o.lambda)) * o.rate);
    for (let r = 0; r < N; r++) score[r] = score[r]! + values[node[r]! - inner]!;
    feature.push(...fNode);
    threshold.push(...tNode);
    leaf.push(...values);
    o.onTree?.(t, model);
  }
  return model;
}

/**
 * What the trees see besides a heading's own evidence: where it stands among the page's scored
 * headings by the linear chooser (its logit, the gap to the best one, its rank) and how many
 * headings compete. A heading's evidence means more or less depending on its rivals': these make
 * the trees' correction listwise.
 */
export const CONTEXT_FEATURES = ['linear', 'linearGap', 'linearRank', 'rivals'] as const;

/**
 * The trees correct the linear chooser among its strongest TREE_RIVALS headings only: they were
 * fitted on those (`--top-k` of the boost eval), and the others hardly change the choice (the
 * seed article scores ~300 headings; this keeps the trees' cost per query flat).
 */
export const TREE_RIVALS = 40;

/** Positions of the rows in descending logit order (ties: earlier row first). */
function byLogit(logits: Float64Array): number[] {
  return Array.from({ length: logits.length }, (_, i) => i).sort((a, b) => logits[b]! - logits[a]! || a - b);
}

/** Evidence rows extended by CONTEXT_FEATURES, given each row's linear logit (training; chooserLogits builds the same rows in place). */
export function withContext(rows: readonly Float64Array[], logits: Float64Array, order = byLogit(logits)): Float64Array[] {
  const n = rows.length;
  const max = n ? logits[order[0]!]! : 0;
  const rank = new Uint32Array(n);
  order.forEach((i, r) => { rank[i] = r; });
  const rivals = Math.log1p(n);
  return rows.map((f, i) => {
    const x = new Float64Array(f.length + CONTEXT_FEATURES.length);
    x.set(f);
    x[f.length] = logits[i]!;
    x[f.length + 1] = logits[i]! - max;
    x[f.length + 2] = 1 / (1 + rank[i]!);
    x[f.length + 3] = rivals;
    return x;
  });
}

/** The chooser's logit per scored heading: linear weights, plus the trees (extended rows) for the strongest TREE_RIVALS. */
export function chooserLogits(linear: readonly number[], trees: TreeEnsemble | null, rows: readonly Float64Array[]): Float64Array {
  const logits = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    let z = 0;
    const f = rows[i]!;
    for (let j = 0; j < linear.length; j++) z += linear[j]! * f[j]!;
    logits[i] = z;
  }
  if (trees && trees.leaf.length && rows.length) {
    const order = byLogit(logits);
    const max = logits[order[0]!]!, rivals = Math.log1p(rows.length);
    const d = rows[0]!.length;
    const x = new Float64Array(d + CONTEXT_FEATURES.length);
    const out = new Float64Array(Math.min(TREE_RIVALS, order.length));
    for (let r = 0; r < out.length; r++) {
      const i = order[r]!;
      x.set(rows[i]!);
      x[d] = logits[i]!;
      x[d + 1] = logits[i]! - max;
      x[d + 2] = 1 / (1 + r);
      x[d + 3] = rivals;
      out[r] = treeLogit(trees, x);
    }
    for (let r = 0; r < out.length; r++) logits[order[r]!] = logits[order[r]!]! + out[r]!;
  }
  return logits;
}
