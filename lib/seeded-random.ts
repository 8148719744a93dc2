/**
 * mulberry32: a tiny seeded PRNG (uniform in [0, 1)). Used where runs must repeat exactly:
 * bootstrap intervals, synthetic benchmark data, training experiments, property tests.
 * Not for anything secret.
 */
export function mulberry32(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
