import { describe, expect, it } from 'vitest';
import { expandEmbeddings, registerView, valenceView } from '../lib/opinion/word-views';
import type { Embeddings } from '../lib/opinion/train';

describe('training-only word views', () => {
  it('valence view: magnitude, sides and the strong flag, scaled to ≤ 1', () => {
    const v = valenceView(new Map([['awful', -3.2], ['nice', 1.8]]));
    expect(v.dim).toBe(4);
    const awful = v.vec.get('awful')!;
    expect(awful[0]).toBeCloseTo(0.8, 10);
    expect(awful[1]).toBe(0);
    expect(awful[2]).toBeCloseTo(0.8, 10);
    expect(awful[3]).toBe(1);
    expect(v.vec.get('nice')![3]).toBe(0);
  });

  it('register view: words of the reporting side lean to reporting, rare words are left out', () => {
    const reporting = Array.from({ length: 20 }, (_, i) => `Officials announced ${i} arrests after the flood.`);
    const prose = Array.from({ length: 20 }, () => 'I honestly think this is a wonderful idea after all.');
    const v = registerView(reporting, prose);
    expect(v.dim).toBe(2);
    const [repA, proseA] = v.vec.get('announced')!;
    expect(repA).toBeGreaterThan(0);
    expect(proseA).toBe(0);
    expect(v.vec.get('wonderful')![1]).toBeGreaterThan(0);
    // 'after' is on both sides (as a share of the words it is 1/6 vs 1/10): leans far less than 'announced'.
    const after = v.vec.get('after')!;
    expect(after[0]!).toBeGreaterThan(0);
    expect(after[0]!).toBeLessThan(repA! / 2);
    expect(v.vec.has('0')).toBe(false);
  });

  it('random ReLU expansion keeps the vectors, adds non-negative features, and is seeded', () => {
    const words = ['a', 'b', 'c'];
    const e: Embeddings = { words, rank: new Map(words.map((w, i) => [w, i])), vec: Float32Array.from([1, 0, 0, 1, -1, 1]), total: 1000, dim: 2 };
    const x = expandEmbeddings(e, 5, 3);
    const y = expandEmbeddings(e, 5, 3);
    expect(x.dim).toBe(7);
    expect([...x.vec]).toEqual([...y.vec]);
    for (let i = 0; i < 3; i++) {
      expect([x.vec[i * 7]!, x.vec[i * 7 + 1]!]).toEqual([e.vec[i * 2]!, e.vec[i * 2 + 1]!]);
      for (let j = 2; j < 7; j++) expect(x.vec[i * 7 + j]!).toBeGreaterThanOrEqual(0);
    }
    expect([...expandEmbeddings(e, 5, 4).vec]).not.toEqual([...x.vec]);
  });
});
