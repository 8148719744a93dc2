import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auc, bestThreshold, macroF1, mixWeights } from '../lib/opinion/train';

const SHARED = path.resolve(process.cwd(), '../shared/data/opinion');
const hasShared = existsSync(path.join(SHARED, 'train.tsv'));

describe('training metrics', () => {
  it('macro-F1, AUC and mix weights', () => {
    expect(macroF1([1, 0, 1, 0], [1, 0, 1, 0])).toBe(1);
    expect(macroF1([1, 1, 0, 0], [1, 0, 0, 0])).toBeCloseTo((2 / 3 + 0.8) / 2, 10);
    expect(auc([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9])).toBe(1);
    expect(auc([0, 1], [0.5, 0.5])).toBe(0.5);
    const w = mixWeights([1, 0, 0, 0, 1], 0.25); // 40 % SUBJ → 25 %
    expect(w[0]! * 2 / (w[0]! * 2 + w[1]! * 3)).toBeCloseTo(0.25, 10);
    expect(bestThreshold([0, 0, 1, 1], [0.1, 0.3, 0.6, 0.9]).f1).toBe(1);
  });
});

describe.skipIf(!hasShared)('training is deterministic (needs ../shared/data/opinion)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'opinion-train-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('two quick runs write byte-identical models', () => {
    const run = (out: string) =>
      execFileSync(process.execPath, ['--import', 'tsx', 'lib/opinion/train.ts', '--quick', '--out', out], { cwd: process.cwd(), stdio: 'pipe' });
    run(path.join(dir, 'a.json'));
    run(path.join(dir, 'b.json'));
    const a = readFileSync(path.join(dir, 'a.json'));
    expect(a.length).toBeGreaterThan(1000);
    expect(a.equals(readFileSync(path.join(dir, 'b.json')))).toBe(true);
    const m = JSON.parse(a.toString('utf8')) as { threshold: number; idx: number[]; w: number[] };
    expect(m.idx.length).toBe(m.w.length);
    expect(m.threshold).toBeGreaterThan(0);
  }, 600_000);
});
if (!hasShared) console.warn('opinion-train: ../shared/data/opinion is absent — determinism test skipped');
