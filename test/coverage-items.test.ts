import { describe, expect, it } from 'vitest';
import { fitTrees, treeLogit, type BoostGroup } from '../lib/coverage/boost';
import { buildCoverageIndex, type CoverageItem } from '../lib/coverage/index';
import { ITEM_DIM, ITEM_FEATURES, itemRows, itemScores, type ItemEvidence, type ItemModel } from '../lib/coverage/item-rank';
import { ITEM_MODEL } from '../lib/coverage/item-model';
import { prepareCoverageIndex, relatedCoverage } from '../lib/coverage/rank';
import type { LinkedEntity } from '../lib/report';
import { mulberry32 } from '../lib/seeded-random';

const col = (name: (typeof ITEM_FEATURES)[number]) => ITEM_FEATURES.indexOf(name);

describe('itemRows', () => {
  const ev = (over: Partial<ItemEvidence>): ItemEvidence => ({ score: 1, story: 0.5, topics: [0], entity: 1, overlap: 0.5, hits: 1, day: 100, entities: 2, dupKey: 'k', rarest: 2, ...over });
  const rows = itemRows(
    [ev({ score: 2, topics: [0], dupKey: 'x', day: 90 }), ev({ score: 1, topics: [1], dupKey: 'x', day: 99, hits: 2, entities: 4 }), ev({ score: 0.5, topics: [], dupKey: 'y', day: 50 })],
    { queryDay: 100, queryEntities: 3, pOf: new Map([[0, 0.7], [1, 0.2]]), likeliest: 0, wordScores: new Map([[1, 4]]), bestWord: 8, rarest: 4 },
  );
  it('gives one row of ITEM_DIM features per candidate', () => {
    expect(rows).toHaveLength(3);
    for (const r of rows) expect(r.length).toBe(ITEM_DIM);
  });
  it('reads score, rank, storyline, duplicates, dates and overlap', () => {
    expect([...rows.map((r) => r[col('score')])]).toEqual([1, 0.5, 0.25]);
    expect(rows[0]![col('rank')]).toBe(1);
    expect(rows[0]![col('likeliest')]).toBe(1);
    expect(rows[1]![col('likeliest')]).toBe(0);
    expect(rows[1]![col('headRank')]).toBe(0.5);
    expect(rows[2]![col('headRank')]).toBe(0);
    expect(rows[1]![col('dup')]).toBe(1); // same key as a stronger candidate
    expect(rows[0]![col('dup')]).toBe(0);
    expect(rows[1]![col('ageRank')]).toBe(1); // newest
    expect(rows[1]![col('pair')]).toBe(1);
    expect(rows[1]![col('precision')]).toBe(0.5);
    expect(rows[1]![col('word')]).toBe(0.5);
    expect(rows[0]![col('rarest')]).toBe(0.5);
    expect(rows[0]![col('runnerUp')]).toBe(0.2);
  });
});

describe('fitTrees with the lambda objective', () => {
  // Relevant items are those where features 1 and 2 agree (both high or both low): no weighted
  // sum of the two separates them; each query holds 3 relevant and 5 other items in random order.
  function groups(n: number, seed: number): BoostGroup[] {
    const rand = mulberry32(seed);
    return Array.from({ length: n }, () => {
      const rows: Float64Array[] = [];
      const own: number[] = [];
      for (let i = 0; i < 8; i++) {
        const rel = i < 3;
        const a = rand() < 0.5 ? 1 : 0;
        const b = rel ? a : 1 - a;
        const f = new Float64Array(4);
        f[0] = 1; f[1] = a + 0.2 * rand(); f[2] = b + 0.2 * rand(); f[3] = rand();
        rows.push(f); own.push(rel ? 1 : 0);
      }
      return { rows, own: Uint8Array.from(own), margin: new Float64Array(8) };
    });
  }
  const precisionAt3 = (gs: BoostGroup[], score: (f: Float64Array) => number) => {
    let hit = 0;
    for (const g of gs) {
      const order = g.rows.map((f, i) => [score(f), i] as const).sort((x, y) => y[0] - x[0]).slice(0, 3);
      hit += order.filter(([, i]) => g.own[i]).length / 3;
    }
    return hit / gs.length;
  };
  it('learns a ranking a linear score cannot express', () => {
    const trees = fitTrees(groups(300, 1), { trees: 40, depth: 2, rate: 0.3, objective: 'lambda', lambdaCut: 3 });
    const test = groups(200, 2);
    expect(precisionAt3(test, (f) => treeLogit(trees, f))).toBeGreaterThan(0.95);
    expect(precisionAt3(test, (f) => f[1]! + f[2]!)).toBeLessThan(0.75);
  });
});

describe('the item stage in relatedCoverage', () => {
  const names: Record<string, string> = { a: 'Ann Alder', b: 'Bo Birch' };
  let n = 0;
  const item = (date: string, entities: string[], topics: string[]): CoverageItem => ({ id: `i-${++n}`, date, source: 'Wire', entities, topics, origin: 'timeline' });
  const index = buildCoverageIndex([
    item('2025-01-10', ['a', 'b'], ['Talks']),
    item('2025-03-10', ['a', 'b'], ['Talks']),
    item('2025-05-10', ['a', 'b'], ['Talks']),
    item('2025-06-01', ['a'], ['Other story']),
    item('2025-07-01', ['a', 'b'], ['Talks']), // after the page
  ], (id) => names[id]);
  const linked = (id: string): LinkedEntity => ({ id, name: names[id]!, type: 'person', description: '', mentions: [{ paragraph: 0, start: 0, end: 3, text: names[id]! }] });
  const page = { entities: [linked('a'), linked('b')], date: '2025-06-08', title: 'Ann Alder meets Bo Birch', excludeUrl: null, limit: 5 };
  // A model that prefers the oldest candidates: the stage must reorder the hits by it.
  const oldestFirst: ItemModel = { linear: ITEM_FEATURES.map((f) => (f === 'age' ? 5 : 0)), trees: null, top: 60 };
  it('re-scores the candidates with the model, keeping them strictly prior', () => {
    const plain = relatedCoverage(index, { ...page, itemModel: null });
    const old = relatedCoverage(index, { ...page, itemModel: oldestFirst });
    expect(new Set(old.map((h) => h.id))).toEqual(new Set(plain.map((h) => h.id)));
    expect(old.every((h) => h.date! < '2025-06-08')).toBe(true);
    expect(old[0]!.date).toBe('2025-01-10');
    expect(plain[0]!.date).not.toBe('2025-01-10');
  });
  it('reports the rows it scores to the training hook', () => {
    let seen: { ids: string[]; rows: Float64Array[] } | null = null;
    relatedCoverage(index, { ...page, itemModel: null, onItems: (ids, rows) => { seen = { ids, rows }; } });
    expect(seen!.ids.length).toBeGreaterThan(2);
    expect(seen!.rows[0]!.length).toBe(ITEM_DIM);
  });
  it('prepareCoverageIndex (the background, after the thaw) changes no result', () => {
    const before = relatedCoverage(index, page);
    prepareCoverageIndex(index);
    expect(relatedCoverage(index, page)).toEqual(before);
  });
  it('ships no model or one of the right width whose trees split on known features', () => {
    expect([0, ITEM_DIM]).toContain(ITEM_MODEL.linear.length);
    for (const f of ITEM_MODEL.trees?.feature ?? []) expect(f).toBeLessThan(ITEM_DIM);
    expect(itemScores(ITEM_MODEL, [new Float64Array(ITEM_DIM)])[0]).toBeTypeOf('number');
  });
  it('leaves the ranking as it was without a model', () => {
    expect(relatedCoverage(index, { ...page, itemModel: { linear: [], trees: null, top: 60 } })).toEqual(relatedCoverage(index, { ...page, itemModel: null }));
  });
});
