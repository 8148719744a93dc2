/**
 * Domain adaptation for the opinion trainer (training only; nothing here runs in the extension).
 *
 * NewsSD-ENG's splits were annotated a year apart: train.tsv (2023) and dev.tsv / devtest.tsv
 * (2024 guidelines) disagree on some kinds of sentence — short quotations are SUBJ in 26 % of
 * train but 73 % of dev. The sentences we classify are judged by the newer guidelines, so the
 * trainer can treat dev.tsv as the "target" domain and train.tsv as a related "source":
 *
 *  - instance weighting: target rows weigh more in the loss (train()'s rowWeight);
 *  - feature augmentation (Daumé III 2007, "Frustratingly easy domain adaptation"): every target
 *    row gets a second copy of each of its features (plus a target-domain bias column). The shared
 *    copy learns what both annotations agree on; the target copy learns only where the newer
 *    annotation differs, paid for by its own L2. A target-domain prediction uses shared + target
 *    weights, so after training the copies are folded back (foldDomain) and the shipped model is
 *    the same plain linear model as before — same size, same speed.
 */
import type { Matrix } from './train';

/** Column marker in `buckets` for the target-domain bias column (folded into the bias). */
export const TARGET_BIAS = -1;

/**
 * The matrix with target-domain copies: column c of a target row is repeated as column d + c
 * (value × copyScale), and column 2d holds the target-bias indicator. Source rows are unchanged.
 * Dense (embedding) features are copied the same way into columns dd..2dd-1.
 */
export function augmentDomain(m: Matrix, target: ArrayLike<number>, copyScale = 1): Matrix {
  const d = m.d;
  let nnz = 0;
  for (let r = 0; r < m.n; r++) nnz += (m.rowPtr[r + 1]! - m.rowPtr[r]!) * (target[r] ? 2 : 1) + (target[r] ? 1 : 0);
  const rowPtr = new Int32Array(m.n + 1);
  const col = new Int32Array(nnz);
  const val = new Float32Array(nnz);
  let p = 0;
  for (let r = 0; r < m.n; r++) {
    const a = m.rowPtr[r]!, b = m.rowPtr[r + 1]!;
    for (let q = a; q < b; q++) { col[p] = m.col[q]!; val[p++] = m.val[q]!; }
    if (target[r]) {
      for (let q = a; q < b; q++) { col[p] = d + m.col[q]!; val[p++] = copyScale * m.val[q]!; }
      col[p] = 2 * d;
      val[p++] = 1;
    }
    rowPtr[r + 1] = p;
  }
  const buckets = new Int32Array(2 * d + 1);
  buckets.set(m.buckets, 0);
  buckets.set(m.buckets, d);
  buckets[2 * d] = TARGET_BIAS;
  let emb: Float32Array | null = null;
  if (m.emb) {
    const dd = m.dd;
    emb = new Float32Array(m.n * 2 * dd);
    for (let r = 0; r < m.n; r++) {
      for (let k = 0; k < dd; k++) {
        const v = m.emb[r * dd + k]!;
        emb[r * 2 * dd + k] = v;
        if (target[r]) emb[r * 2 * dd + dd + k] = copyScale * v;
      }
    }
  }
  return { rowPtr, col, val, buckets, emb, dd: m.emb ? 2 * m.dd : 0, n: m.n, d: 2 * d + 1 };
}

export interface LinearFit { w: Float64Array; theta: Float64Array; bias: number }

/**
 * A fit on augmentDomain(m) as a fit on m for target-domain sentences: shared + target copy per
 * column (the copy's weight is on values × copyScale), the target-bias weight added to the bias.
 */
export function foldDomain(fit: LinearFit, m: Matrix, copyScale = 1): LinearFit {
  const d = m.d, dd = m.emb ? m.dd : 0;
  const w = new Float64Array(d);
  for (let c = 0; c < d; c++) w[c] = fit.w[c]! + copyScale * fit.w[d + c]!;
  const theta = new Float64Array(dd);
  for (let k = 0; k < dd; k++) theta[k] = fit.theta[k]! + copyScale * fit.theta[dd + k]!;
  return { w, theta, bias: fit.bias + fit.w[2 * d]! };
}
