/**
 * The storyline hierarchy among a query's scored headings, from the heading names alone (facts):
 * "International reactions to the Israel–Hamas war" and "Timeline of the Israel–Hamas war" sit
 * under "Israel–Hamas war" because they name it. Years and bracketed spans are ignored, so
 * "2023 Israel–Hamas war" names "Israel–Hamas war" too; a list heading ("A, B") names each part.
 * Computed per query over the scored headings only (a few hundred), with each heading's name
 * keys cached per index.
 */
import type { CoverageIndex } from './index';

/** A heading's name folded for containment: lower case, no years, no "(2023–present)", no "the". */
export function bareHeading(name: string): string {
  return name
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/(?<![\p{L}\p{N}])(1[89]|20)\d\d([–-]\d\d(\d\d)?)?(?![\p{L}\p{N}])/gu, ' ')
    .replace(/(?<![\p{L}])the(?![\p{L}])/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

interface NameKeys {
  /** Interned id of the whole bare name (-1 for a list heading: a list is nobody's parent). */
  own: number;
  /** Interned ids of the runs of ≥ 2 words inside each part, other than the whole name: names it may contain. */
  inner: Int32Array;
}

/** Per index: interned bare names and runs (ids), each heading's keys, and a per-query stamp per id. */
interface TreeCache { ids: Map<string, number>; keys: (NameKeys | undefined)[]; stamp: Int32Array; at: Int32Array; epoch: number }
const cacheOf = new WeakMap<CoverageIndex, TreeCache>();

/** Longest part (in words) whose inner runs are listed; longer parts are rare and slow to list. */
const MAX_PART_WORDS = 14;

function intern(c: TreeCache, key: string): number {
  let id = c.ids.get(key);
  if (id === undefined) c.ids.set(key, (id = c.ids.size));
  return id;
}

function nameKeys(index: CoverageIndex, c: TreeCache, t: number): NameKeys {
  let k = c.keys[t];
  if (k) return k;
  const parts = (index.topicNames[t] ?? '').split(/,\s+/).map(bareHeading).filter(Boolean);
  const whole = parts.length === 1 && parts[0]!.includes(' ') ? parts[0]! : '';
  const inner: number[] = [];
  for (const part of parts) {
    const words = part.split(' ');
    if (words.length > MAX_PART_WORDS) continue;
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 2; j <= words.length; j++) {
        const run = words.slice(i, j).join(' ');
        if (run !== whole) inner.push(intern(c, run));
      }
    }
  }
  k = { own: whole ? intern(c, whole) : -1, inner: Int32Array.from(new Set(inner)) };
  c.keys[t] = k;
  return k;
}

/**
 * Calls `pair(i, j)` for each heading heads[i] that names another of `heads`, heads[j] (its named
 * parent among them). Integer work only once a heading's keys are known (cached per index).
 */
export function forEachNamedParent(index: CoverageIndex, heads: readonly number[], pair: (child: number, parent: number) => void): void {
  let c = cacheOf.get(index);
  if (!c) cacheOf.set(index, (c = { ids: new Map(), keys: [], stamp: new Int32Array(0), at: new Int32Array(0), epoch: 0 }));
  const keys: NameKeys[] = [];
  for (const t of heads) keys.push(nameKeys(index, c, t));
  if (c.stamp.length < c.ids.size) {
    const size = Math.max(c.ids.size, 2 * c.stamp.length);
    const stamp = new Int32Array(size), at = new Int32Array(size);
    stamp.set(c.stamp); at.set(c.at);
    c.stamp = stamp; c.at = at;
  }
  const epoch = ++c.epoch;
  const { stamp, at } = c;
  // at[name id]: the last heading with that bare name; next[i]: the one before it (variants such as
  // "2023 Israel–Hamas war" and "Israel–Hamas war" share a name: a sub-storyline sits under both).
  const next = new Int32Array(keys.length).fill(-1);
  for (let i = 0; i < keys.length; i++) {
    const id = keys[i]!.own;
    if (id < 0) continue;
    if (stamp[id] === epoch) next[i] = at[id]!;
    stamp[id] = epoch;
    at[id] = i;
  }
  for (let i = 0; i < keys.length; i++) {
    const inner = keys[i]!.inner;
    for (let r = 0; r < inner.length; r++) {
      const id = inner[r]!;
      if (stamp[id] !== epoch) continue;
      for (let j = at[id]!; j >= 0; j = next[j]!) if (j !== i) pair(i, j);
    }
  }
}

/** For each of `heads` (topic numbers), the positions in `heads` of the headings it names. */
export function namedParents(index: CoverageIndex, heads: readonly number[]): number[][] {
  const out: number[][] = heads.map(() => []);
  forEachNamedParent(index, heads, (i, j) => out[i]!.push(j));
  return out;
}
