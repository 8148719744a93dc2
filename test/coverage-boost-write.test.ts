import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withLinearWeights } from './eval/_coverage-boost';
import { RERANK_DIM } from '../lib/coverage/rerank';

describe('--boost --refit-linear --write-trees writes the linear weights the trees were fitted on', () => {
  const src = readFileSync('lib/coverage/rerank.ts', 'utf8');
  it('replaces the one RERANK_WEIGHTS line of rerank.ts and nothing else', () => {
    const weights = Array.from({ length: RERANK_DIM }, (_, i) => (i ? i / 3 : 0));
    const out = withLinearWeights(src, weights);
    expect(out).toContain(`export const RERANK_WEIGHTS: readonly number[] = [0, 0.3333, 0.6667, 1, 1.3333,`);
    const rest = (s: string) => s.split('\n').filter((l) => !l.startsWith('export const RERANK_WEIGHTS'));
    expect(rest(out)).toEqual(rest(src));
    expect(out).not.toEqual(src);
  });
  it('refuses a source without the one-line export', () => {
    expect(() => withLinearWeights('export const OTHER = [1];\n', [1])).toThrow(/RERANK_WEIGHTS/);
  });
});
