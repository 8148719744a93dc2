/**
 * The coverage eval's fixed dev / held-out split (test/eval/coverage.ts): each sampled item goes
 * to one side by a hash of its id. `--split dev` scores dev alone, so a tuning or diagnosis run
 * never links, scores or prints a held-out item; 'all' (the default) is the lead's one scoring.
 */

/** FNV-1a 32-bit. */
export function hashId(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return h >>> 0;
}

export type EvalSplit = 'dev' | 'all';

export function parseSplit(args: readonly string[]): EvalSplit {
  const split = args.includes('--split') ? args[args.indexOf('--split') + 1] : 'all';
  if (split !== 'dev' && split !== 'all') throw new Error(`--split: dev or all, not ${String(split)}`);
  return split;
}

/** dev and held-out halves of the sample, and the items this run scores (dev alone for 'dev'). */
export function splitSample<T extends { id: string }>(sample: readonly T[], split: EvalSplit): { dev: T[]; held: T[]; scored: readonly T[] } {
  const dev = sample.filter((it) => hashId(`split:${it.id}`) % 2 === 0);
  const held = sample.filter((it) => hashId(`split:${it.id}`) % 2 === 1);
  return { dev, held, scored: split === 'dev' ? dev : sample };
}
