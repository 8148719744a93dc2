/**
 * The storyline hierarchy among a query's scored headings, from the heading names alone (facts):
 * "International reactions to the Israel–Hamas war" and "Timeline of the Israel–Hamas war" sit
 * under "Israel–Hamas war" because they name it. Years and bracketed spans are ignored, so
 * "2023 Israel–Hamas war" names "Israel–Hamas war" too; a list heading ("A, B") names each part.
 * Computed per query over the scored headings only (a few hundred), with each heading's name
 * keys cached per index. The runtime pack stores each topic's roles in the whole hierarchy (names
 * another topic / is named by one: two bits a topic, ~1.8 KB gzip); a heading with neither role
 * gets no name keys at all, one that is nobody's parent no whole-name key, one that names nobody
 * no runs (the first query on freshly loaded knowledge made keys for every scored heading: ~8 µs
 * each, issue #8). The pairs found are the same, in the same order.
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

/** Role bits of a topic in the whole index's hierarchy. */
export const NAMES_ANOTHER = 1, NAMED_BY_ANOTHER = 2;
/** Per (read-only) index: the roles as stored, four topics a byte (bits 2·(t mod 4) and up). */
const rolesOf = new WeakMap<CoverageIndex, Uint8Array>();
const NO_KEYS: NameKeys = { own: -1, inner: new Int32Array(0) };

/**
 * Each topic's roles over every topic of `index` (NAMES_ANOTHER | NAMED_BY_ANOTHER), packed four a
 * byte: computed at pack build (lib/coverage/frozen-index.ts), over all topics at once.
 */
export function packedHeadingRoles(index: CoverageIndex): Uint8Array {
  const T = index.topicNames.length;
  const roles = new Uint8Array(Math.ceil(T / 4));
  forEachNamedParent(index, Array.from({ length: T }, (_, t) => t), (child, parent) => {
    roles[child >> 2] = roles[child >> 2]! | (NAMES_ANOTHER << ((child & 3) * 2));
    roles[parent >> 2] = roles[parent >> 2]! | (NAMED_BY_ANOTHER << ((parent & 3) * 2));
  });
  return roles;
}

/** Use stored roles (packedHeadingRoles' result) for this read-only index: topics beyond them keep both roles. */
export function seedHeadingRoles(index: CoverageIndex, packed: Uint8Array): void {
  rolesOf.set(index, packed);
}

function roleOf(packed: Uint8Array | undefined, t: number): number {
  if (!packed || t >> 2 >= packed.length) return NAMES_ANOTHER | NAMED_BY_ANOTHER;
  return (packed[t >> 2]! >> ((t & 3) * 2)) & 3;
}

/** Longest part (in words) whose inner runs are listed; longer parts are rare and slow to list. */
const MAX_PART_WORDS = 14;

function intern(c: TreeCache, key: string): number {
  let id = c.ids.get(key);
  if (id === undefined) c.ids.set(key, (id = c.ids.size));
  return id;
}

function nameKeys(index: CoverageIndex, c: TreeCache, t: number, roles: Uint8Array | undefined): NameKeys {
  let k = c.keys[t];
  if (k) return k;
  const role = roleOf(roles, t);
  if (role === 0) return (c.keys[t] = NO_KEYS);
  const parts = (index.topicNames[t] ?? '').split(/,\s+/).map(bareHeading).filter(Boolean);
  const whole = parts.length === 1 && parts[0]!.includes(' ') ? parts[0]! : '';
  const inner: number[] = [];
  // Runs are listed only for a heading that names another (no other can match them).
  // A run is one substring of the part (bareHeading leaves single spaces between words), not a
  // slice of its words joined again: on a fresh index this loop made every scored heading's keys.
  const starts: number[] = [], ends: number[] = [];
  for (const part of role & NAMES_ANOTHER ? parts : []) {
    starts.length = ends.length = 0;
    for (let at = 0; ; ) {
      const space = part.indexOf(' ', at);
      starts.push(at);
      ends.push(space < 0 ? part.length : space);
      if (space < 0) break;
      at = space + 1;
    }
    const n = starts.length;
    if (n > MAX_PART_WORDS) continue;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const run = part.substring(starts[i]!, ends[j]!);
        if (run !== whole) inner.push(intern(c, run));
      }
    }
  }
  // A whole-name key only for a heading some other names (no other's runs hold it otherwise).
  k = { own: whole && role & NAMED_BY_ANOTHER ? intern(c, whole) : -1, inner: Int32Array.from(new Set(inner)) };
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
  const roles = rolesOf.get(index);
  const keys: NameKeys[] = [];
  for (const t of heads) keys.push(nameKeys(index, c, t, roles));
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
