/** rank.ts topEntries: the page's best-matching headings, largest first, ties in map order (as a stable sort). */
import { describe, expect, it } from 'vitest';
import { topEntries } from '../lib/coverage/rank';

describe('topEntries', () => {
  const m = new Map<number, number>([[7, 1], [3, 5], [9, 2], [4, 5], [1, 2], [8, 0.5], [2, 2], [6, 5]]);
  it('keeps the k largest, largest first, ties in the map order', () => {
    expect(topEntries(m, 3)).toEqual([[3, 5], [4, 5], [6, 5]]);
    expect(topEntries(m, 4)).toEqual([[3, 5], [4, 5], [6, 5], [9, 2]]);
    expect(topEntries(m, 5)).toEqual([[3, 5], [4, 5], [6, 5], [9, 2], [1, 2]]);
    expect(topEntries(m, 2)).toEqual([[3, 5], [4, 5]]);
  });
  it('returns everything, sorted, when k is at least the size; nothing for k ≤ 0', () => {
    expect(topEntries(m, 8)).toEqual([[3, 5], [4, 5], [6, 5], [9, 2], [1, 2], [2, 2], [7, 1], [8, 0.5]]);
    expect(topEntries(m, 50)).toEqual(topEntries(m, 8));
    expect(topEntries(m, 0)).toEqual([]);
    expect(topEntries(new Map(), 3)).toEqual([]);
  });
  it('agrees with a stable sort on a large map with many ties', () => {
    const big = new Map<number, number>();
    for (let i = 0; i < 1000; i++) big.set((i * 7919) % 1009, ((i * 31) % 17) / 4);
    const sorted = [...big].sort((a, b) => b[1] - a[1]);
    for (const k of [1, 17, 150, 999, 1000]) expect(topEntries(big, k)).toEqual(sorted.slice(0, k));
  });
});
