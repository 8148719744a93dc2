/**
 * Bench primitives: repeat a task, report median and spread (p10–p90), and ratios against a
 * reference measured in the same run on the same input — absolute times on a shared 2-core
 * machine are noisy, ratios much less so.
 */
export interface BenchRow {
  /** e.g. "extraction: seed page" */
  name: string;
  /** Median of the measured value. */
  median: number;
  /** p10 and p90 of the measured value. */
  spread: [number, number];
  unit: string;
  /** Reference measured in the same run, if any. */
  reference?: { name: string; median: number; ratio: number };
  target?: string;
  met?: boolean;
  note?: string;
}

export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))));
  return sorted[i]!;
}

export function summarize(samples: number[]): { median: number; spread: [number, number] } {
  const s = [...samples].sort((a, b) => a - b);
  return { median: quantile(s, 0.5), spread: [quantile(s, 0.1), quantile(s, 0.9)] };
}

/** Time fn() `runs` times (after `warmup` runs) in milliseconds. */
export function timeMs(fn: () => unknown, runs = 15, warmup = 3): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/** Interleave two tasks so drift in machine load hits both equally. */
export function timePairMs(a: () => unknown, b: () => unknown, runs = 15, warmup = 3): [number[], number[]] {
  for (let i = 0; i < warmup; i++) { a(); b(); }
  const ta: number[] = [], tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now(); a(); ta.push(performance.now() - t0);
    t0 = performance.now(); b(); tb.push(performance.now() - t0);
  }
  return [ta, tb];
}
