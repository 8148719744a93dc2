import { describe, expect, it } from 'vitest';
import { CONTEXT_FEATURES, TREE_RIVALS, chooserLogits, fitTrees, treeLogit, withContext, type BoostGroup, type TreeEnsemble } from '../lib/coverage/boost';
import { CHOOSER_TREES } from '../lib/coverage/chooser-trees';
import { RERANK_DIM, RERANK_WEIGHTS, fitSoftmax } from '../lib/coverage/rerank';
import { mulberry32 } from '../lib/seeded-random';

/**
 * Synthetic queries whose own heading is decided by an interaction a weighted sum cannot express:
 * a heading is right when it is "live" (feature 1 high) AND its words match (feature 2 high), or
 * when neither holds; one of each kind per query, so each feature alone says nothing.
 */
function xorGroups(n: number, seed: number): BoostGroup[] {
  const rand = mulberry32(seed);
  const out: BoostGroup[] = [];
  for (let q = 0; q < n; q++) {
    const kinds: [number, number][] = [[1, 1], [1, 0], [0, 1]];
    // The right one: both high, or (one query in two) both low in place of both high.
    const bothLow = rand() < 0.5;
    if (bothLow) kinds[0] = [0, 0];
    const rows = kinds.map(([a, b]) => {
      const f = new Float64Array(RERANK_DIM);
      f[0] = 1;
      f[1] = a + 0.2 * rand();
      f[2] = b + 0.2 * rand();
      return f;
    });
    out.push({ rows, own: Uint8Array.from([1, 0, 0]), margin: new Float64Array(3) });
  }
  return out;
}

function top1(gs: BoostGroup[], score: (f: Float64Array) => number): number {
  let right = 0;
  for (const g of gs) {
    let bi = 0;
    g.rows.forEach((f, i) => { if (score(f) > score(g.rows[bi]!)) bi = i; });
    if (g.own[bi]) right++;
  }
  return right / gs.length;
}

describe('storyline chooser trees', () => {
  it('learn an interaction of two features that the linear chooser cannot', () => {
    const train = xorGroups(300, 1), test = xorGroups(300, 2);
    const linear = fitSoftmax(train, 0.1);
    const trees = fitTrees(train, { trees: 40, depth: 2, rate: 0.3, minHessian: 0.5 });
    expect(top1(test, (f) => linear.reduce((z, w, j) => z + w * f[j]!, 0))).toBeLessThan(0.75);
    expect(top1(test, (f) => treeLogit(trees, f))).toBeGreaterThan(0.95);
  });

  it('route a row left when its feature is at or below the threshold', () => {
    // One tree of depth 1 on feature 3 at 0.5; a second that splits on nothing (all left).
    const m: TreeEnsemble = { depth: 1, feature: [3, 0], threshold: [0.5, 1e300], leaf: [-1, 2, 0.25, 7] };
    const f = new Float64Array(RERANK_DIM);
    f[3] = 0.5;
    expect(treeLogit(m, f)).toBeCloseTo(-1 + 0.25);
    f[3] = 0.51;
    expect(treeLogit(m, f)).toBeCloseTo(2 + 0.25);
  });

  it('see each heading\'s place among its rivals by the linear logit', () => {
    const rows = [0.2, 1.5, -3].map((v) => { const f = new Float64Array(RERANK_DIM); f[1] = v; return f; });
    const ext = withContext(rows, Float64Array.from([0.2, 1.5, -3]));
    const at = (name: (typeof CONTEXT_FEATURES)[number]) => RERANK_DIM + CONTEXT_FEATURES.indexOf(name);
    expect(ext.map((x) => x[at('linearGap')])).toEqual([0.2 - 1.5, 0, -4.5]);
    expect(ext.map((x) => x[at('linearRank')])).toEqual([1 / 2, 1, 1 / 3]);
    expect(ext[0]![at('rivals')]).toBeCloseTo(Math.log(4));
    // Without trees the chooser is the linear one.
    expect([...chooserLogits([0, 2], null, rows)]).toEqual([0.4, 3, -6]);
  });

  it('correct only the linear chooser\'s strongest TREE_RIVALS headings', () => {
    const rows = Array.from({ length: TREE_RIVALS + 10 }, (_, i) => { const f = new Float64Array(RERANK_DIM); f[1] = (i * 7) % 50; return f; });
    const one: TreeEnsemble = { depth: 1, feature: [0], threshold: [1e300], leaf: [1, 1] };
    const base = chooserLogits([0, 1], null, rows), boosted = chooserLogits([0, 1], one, rows);
    const lifted = rows.map((_, i) => boosted[i]! - base[i]!);
    expect(lifted.filter((v) => v === 1)).toHaveLength(TREE_RIVALS);
    rows.forEach((_, i) => expect(lifted[i]).toBe(base[i]! >= 10 ? 1 : 0));
  });

  it('the shipped trees fit the shipped evidence rows', () => {
    const inner = (1 << CHOOSER_TREES.depth) - 1;
    const n = CHOOSER_TREES.leaf.length / (inner + 1);
    expect(Number.isInteger(n)).toBe(true);
    expect(CHOOSER_TREES.feature).toHaveLength(n * inner);
    expect(CHOOSER_TREES.threshold).toHaveLength(n * inner);
    for (const j of CHOOSER_TREES.feature) expect(j).toBeLessThan(RERANK_DIM + CONTEXT_FEATURES.length);
    expect(RERANK_WEIGHTS).toHaveLength(RERANK_DIM);
  });
});
