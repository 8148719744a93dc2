/**
 * The coverage eval's `--split dev` (test/eval/_coverage-split.ts): a tuning run scores the dev
 * half alone, and the halves are the fixed ones the lead's held-out scoring uses.
 */
import { describe, expect, it } from 'vitest';
import { hashId, parseSplit, splitSample } from './eval/_coverage-split';

const sample = Array.from({ length: 200 }, (_, i) => ({ id: `wcep-test-${i}` }));

describe('coverage eval split', () => {
  it('--split dev scores the dev half only: no held-out item is among the scored', () => {
    const { dev, held, scored } = splitSample(sample, parseSplit(['coverage', '--split', 'dev', '--gap']));
    expect(dev.length + held.length).toBe(sample.length);
    expect(dev.length).toBeGreaterThan(60);
    expect(held.length).toBeGreaterThan(60);
    const heldIds = new Set(held.map((it) => it.id));
    expect(scored).toEqual(dev);
    expect(scored.some((it) => heldIds.has(it.id))).toBe(false);
  });
  it('without --split both halves are scored (the lead\'s run), and the halves do not move', () => {
    const { dev, scored } = splitSample(sample, parseSplit(['coverage']));
    expect(scored).toEqual(sample);
    // Pinned: the halves the session-11 figures were taken on (FNV-1a of "split:" + id, even = dev).
    expect(dev.slice(0, 5).map((it) => it.id)).toEqual(['wcep-test-0', 'wcep-test-2', 'wcep-test-4', 'wcep-test-6', 'wcep-test-8']);
    expect(hashId('abc')).toBe(0x1a47e90b); // the published FNV-1a 32-bit test value
  });
  it('refuses a split it does not know (a typo must not fall back to printing held-out)', () => {
    expect(() => parseSplit(['--split', 'heldout'])).toThrow(/--split/);
  });
});
