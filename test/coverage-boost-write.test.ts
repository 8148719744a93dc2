import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shippedExports, withLinearWeights } from './eval/_coverage-boost';
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
  it('writes the entities-only set into its own line when named', () => {
    const weights = Array.from({ length: RERANK_DIM }, (_, i) => (i ? -i / 4 : 0));
    const out = withLinearWeights(src, weights, 'RERANK_WEIGHTS_ENTITIES_ONLY');
    expect(out).toContain('export const RERANK_WEIGHTS_ENTITIES_ONLY: readonly number[] = [0, -0.25, -0.5, -0.75, -1,');
    const rest = (s: string) => s.split('\n').filter((l) => !l.startsWith('export const RERANK_WEIGHTS_ENTITIES_ONLY'));
    expect(rest(out)).toEqual(rest(src));
  });
  it('an entities-only fit ships to the entities-only chooser, any other to the page-words one', () => {
    expect(shippedExports('entities-only')).toEqual({ linear: 'RERANK_WEIGHTS_ENTITIES_ONLY', treesFile: 'lib/coverage/chooser-trees-entities-only.ts', trees: 'CHOOSER_TREES_ENTITIES_ONLY' });
    expect(shippedExports('words')).toEqual({ linear: 'RERANK_WEIGHTS', treesFile: 'lib/coverage/chooser-trees.ts', trees: 'CHOOSER_TREES' });
  });
  it('refuses a source without the one-line export', () => {
    expect(() => withLinearWeights('export const OTHER = [1];\n', [1])).toThrow(/RERANK_WEIGHTS/);
  });
});
