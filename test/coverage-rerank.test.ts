import { describe, expect, it } from 'vitest';
import { RERANK_DIM, RERANK_FEATURES, RERANK_WEIGHTS, fitLogistic, fitSoftmax, rerankLogit, type RerankGroup } from '../lib/coverage/rerank';
import { mulberry32 } from '../lib/seeded-random';

const rng = mulberry32;

const VOTE = RERANK_FEATURES.indexOf('vote');
const GAP = RERANK_FEATURES.indexOf('gap');

/**
 * Synthetic queries: a handful of headings each; the query's own heading is the one with the
 * largest vote + 0.5·noise, while 'gap' is noise shared by all headings of a query plus a
 * per-heading jitter that says nothing about which one is right.
 */
function groups(n: number, seed: number): RerankGroup[] {
  const rand = rng(seed);
  const out: RerankGroup[] = [];
  for (let q = 0; q < n; q++) {
    const k = 3 + Math.floor(rand() * 5);
    const level = rand() * 3;
    const rows: Float64Array[] = [];
    let best = -1, bestV = -Infinity;
    for (let i = 0; i < k; i++) {
      const f = new Float64Array(RERANK_DIM);
      f[0] = 1;
      f[VOTE] = rand();
      f[GAP] = level + 0.1 * rand();
      const latent = f[VOTE]! + 0.5 * rand();
      if (latent > bestV) { bestV = latent; best = i; }
      rows.push(f);
    }
    const own = new Uint8Array(k);
    own[best] = 1;
    out.push({ rows, own });
  }
  return out;
}

function top1(w: readonly number[], gs: RerankGroup[]): number {
  let right = 0;
  for (const g of gs) {
    let bi = 0;
    g.rows.forEach((f, i) => { if (rerankLogit(w, f) > rerankLogit(w, g.rows[bi]!)) bi = i; });
    if (g.own[bi]) right++;
  }
  return right / gs.length;
}

describe('storyline re-ranker training', () => {
  it('the listwise fit learns what separates a query\'s own heading from its rivals, and leaves the bias at 0', () => {
    const train = groups(400, 1), test = groups(400, 2);
    const w = fitSoftmax(train, 0.1);
    expect(w).toHaveLength(RERANK_DIM);
    expect(w[0]).toBe(0);
    expect(w[VOTE]!).toBeGreaterThan(1);
    expect(Math.abs(w[GAP]!)).toBeLessThan(Math.abs(w[VOTE]!) / 3);
    // Picking the largest vote is right about 3 times in 4 here; the fit should do as well.
    const oracle = top1(RERANK_FEATURES.map((f) => (f === 'vote' ? 1 : 0)), test);
    expect(top1(w, test)).toBeGreaterThanOrEqual(oracle - 0.03);
    expect(top1(w, test)).toBeGreaterThan(0.5);
  });

  it('a stronger L2 penalty shrinks the weights', () => {
    const train = groups(200, 3);
    const loose = fitSoftmax(train, 0.01), tight = fitSoftmax(train, 100);
    expect(Math.abs(tight[VOTE]!)).toBeLessThan(Math.abs(loose[VOTE]!));
  });

  it('the per-heading logistic fit still works on the same rows (label: own heading)', () => {
    const train = groups(300, 4);
    const rows = train.flatMap((g) => g.rows);
    const labels = Uint8Array.from(train.flatMap((g) => [...g.own]));
    const w = fitLogistic(rows, labels, 1);
    expect(w[VOTE]!).toBeGreaterThan(0);
  });

  it('the shipped weights have one weight per feature', () => {
    expect(RERANK_WEIGHTS).toHaveLength(RERANK_DIM);
  });
});
