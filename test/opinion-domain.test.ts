import { describe, expect, it } from 'vitest';
import { augmentDomain, foldDomain, TARGET_BIAS } from '../lib/opinion/domain';
import { buildMatrix, predictLogit, train, type Embeddings, type Example } from '../lib/opinion/train';
import { DEFAULT_FEATURES } from '../lib/opinion/features';

// Our own sentences: the first four are the "source" annotation, the rest the "target" one.
const EXAMPLES: Example[] = [
  { id: 's1', text: 'The council approved the budget on Tuesday, a spokesperson said.', y: 0 },
  { id: 's2', text: 'This is a shameful way to treat the town.', y: 1 },
  { id: 's3', text: 'Officials expect the bridge to reopen in March.', y: 0 },
  { id: 's4', text: 'Surely nobody believes another review will fix it?', y: 1 },
  { id: 't1', text: '“A complete disaster,” the mayor wrote on Monday.', y: 1 },
  { id: 't2', text: 'The mayor said the repairs would cost £4 million.', y: 0 },
  { id: 't3', text: 'In my view, the minister should resign.', y: 1 },
  { id: 't4', text: 'The inquiry will report in June, officials said.', y: 0 },
];
const TARGET = [0, 0, 0, 0, 1, 1, 1, 1];

/** A tiny embedding table of our own so the dense part is exercised too. */
function toyEmbeddings(): Embeddings {
  const words = ['the', 'mayor', 'said', 'shameful', 'disaster', 'view', 'should', 'officials'];
  const dim = 3;
  const vec = new Float32Array(words.length * dim).map((_, i) => Math.sin(i + 1));
  return { words, rank: new Map(words.map((w, i) => [w, i])), vec, total: 1000, dim };
}

describe('domain augmentation (Daumé III 2007)', () => {
  const m = buildMatrix(EXAMPLES, { ...DEFAULT_FEATURES, bits: 14 }, toyEmbeddings());
  const y = Uint8Array.from(EXAMPLES, (e) => e.y);

  it('copies only target rows, into their own columns, with a target-bias column', () => {
    const a = augmentDomain(m, TARGET);
    expect(a.d).toBe(2 * m.d + 1);
    expect(a.dd).toBe(2 * m.dd);
    expect(a.buckets[2 * m.d]).toBe(TARGET_BIAS);
    for (let r = 0; r < m.n; r++) {
      const len = m.rowPtr[r + 1]! - m.rowPtr[r]!;
      const alen = a.rowPtr[r + 1]! - a.rowPtr[r]!;
      expect(alen).toBe(TARGET[r] ? 2 * len + 1 : len);
      const cols = Array.from(a.col.subarray(a.rowPtr[r]!, a.rowPtr[r + 1]!));
      expect(cols.some((c) => c >= m.d)).toBe(TARGET[r] === 1);
      const dense = Array.from(a.emb!.subarray(r * a.dd + m.dd, (r + 1) * a.dd));
      if (!TARGET[r]) expect(dense.every((v) => v === 0)).toBe(true);
      else expect(dense).toEqual(Array.from(m.emb!.subarray(r * m.dd, (r + 1) * m.dd)));
    }
  });

  it('folding gives the plain model the augmented model’s target-domain predictions', () => {
    for (const cs of [1, 0.5]) {
      const a = augmentDomain(m, TARGET, cs);
      const rows = EXAMPLES.map((_, i) => i);
      const fit = train(a, y, rows, { l2: 1e-3, embL2: 1e-2, iters: 40, lr: 0.05, minDf: 1 });
      const folded = foldDomain(fit, m, cs);
      // The target copy learned something, so the check is not vacuous.
      expect(Array.from(fit.w.subarray(m.d)).some((w) => Math.abs(w) > 1e-6)).toBe(true);
      for (let r = 0; r < m.n; r++) {
        if (TARGET[r]) expect(predictLogit(m, folded, r)).toBeCloseTo(predictLogit(a, fit, r), 4);
        else expect(predictLogit(m, folded, r)).not.toBeCloseTo(predictLogit(a, fit, r), 4);
      }
    }
  });
});
