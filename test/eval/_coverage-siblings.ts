/**
 * `npm run eval -- coverage --split dev --siblings` (dev only): where the top 5 misses, how the
 * wrong items' headings relate to the query item's own. Per wrong slot in the top 5, the closest
 * relation between any of its headings and any of the query's (first match in this order):
 *   - child: the wrong heading sits under one of the query's (most of its items also carry it);
 *   - parent: one of the query's headings sits under the wrong one;
 *   - sibling: both sit under a common parent;
 *   - named broader / narrower: the query's heading name contains the wrong one's (the wrong one is
 *     the broad storyline: "International reactions to the Israel–Hamas war" ⇒ "Israel–Hamas war"),
 *     or the other way round (years stripped); same name: equal once years are stripped;
 *   - co-listed: the two are filed together on at least one item;
 *   - no heading: the wrong item is filed under none;
 *   - unrelated.
 * Hierarchy facts are derived from the headings' co-occurrence on items (the whole corpus: this
 * is a diagnosis, nothing is fitted on it).
 */
import { bareHeading as bare } from '../../lib/coverage/heading-tree';

export interface SiblingQuery {
  own: readonly string[];
  /** The headings of each of the top 5 hits. */
  top: readonly (readonly string[])[];
}

export interface HeadingStats {
  size: Map<string, number>;
  /** "a\u0000b" (a < b) → items carrying both. */
  pair: Map<string, number>;
}

export function headingStats(lists: Iterable<readonly string[]>): HeadingStats {
  const size = new Map<string, number>(), pair = new Map<string, number>();
  for (const hs of lists) {
    const u = [...new Set(hs)].sort();
    for (const h of u) size.set(h, (size.get(h) ?? 0) + 1);
    for (let i = 0; i < u.length; i++) for (let j = i + 1; j < u.length; j++) { const k = `${u[i]}\u0000${u[j]}`; pair.set(k, (pair.get(k) ?? 0) + 1); }
  }
  return { size, pair };
}

const together = (s: HeadingStats, a: string, b: string) => s.pair.get(a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`) ?? 0;

/** a is b's parent: a is broader and at least half of b's items also carry a. */
export function isParent(s: HeadingStats, a: string, b: string): boolean {
  const na = s.size.get(a) ?? 0, nb = s.size.get(b) ?? 0;
  return a !== b && na > nb && nb > 0 && together(s, a, b) * 2 >= nb;
}


/**
 * Keys under which two headings name the same storyline in other words: each part of a list heading
 * ("A, B"), folded as bareHeading does (case, years, bracketed spans, "the"). "Israel–Hezbollah
 * conflict (2023–present)" and "2024 Iran–Israel conflict, Israel–Hezbollah conflict" share one.
 */
export function variantKeys(heading: string): string[] {
  return [...new Set(heading.split(/,\s+/).map(bare).filter(Boolean))];
}

/**
 * Share of the top 5 that is relevant once heading variants count (variantKeys), next to the
 * eval's exact-heading relevance: how much of the P@5 loss is label noise from variant headings.
 * A diagnosis only: the eval's relevance stays the exact heading string.
 */
export function variantPrecision(own: readonly string[], top: readonly (readonly string[])[]): number {
  const keys = new Set(own.flatMap(variantKeys));
  return top.slice(0, 5).filter((hs) => hs.some((h) => keys.has(h) || variantKeys(h).some((k) => keys.has(k)))).length / 5;
}

export type SiblingRelation = 'child' | 'parent' | 'sibling' | 'named broader' | 'named narrower' | 'same name' | 'co-listed' | 'no heading' | 'unrelated';

export function relationOf(s: HeadingStats, parentsOf: (h: string) => string[], own: readonly string[], wrong: readonly string[]): SiblingRelation {
  if (!wrong.length) return 'no heading';
  const pairs = own.flatMap((o) => wrong.map((w) => [o, w] as const));
  if (pairs.some(([o, w]) => isParent(s, o, w))) return 'child';
  if (pairs.some(([o, w]) => isParent(s, w, o))) return 'parent';
  if (pairs.some(([o, w]) => { const po = parentsOf(o); return parentsOf(w).some((p) => po.includes(p)); })) return 'sibling';
  if (pairs.some(([o, w]) => { const a = bare(o), b = bare(w); return b.length >= 4 && a !== b && a.includes(b); })) return 'named broader';
  if (pairs.some(([o, w]) => { const a = bare(o), b = bare(w); return a.length >= 4 && a !== b && b.includes(a); })) return 'named narrower';
  if (pairs.some(([o, w]) => bare(o) === bare(w))) return 'same name';
  if (pairs.some(([o, w]) => together(s, o, w) > 0)) return 'co-listed';
  return 'unrelated';
}

/** Counts of wrong top-5 slots and of missing queries by relation; prints them. */
export function siblingReport(queries: readonly SiblingQuery[], lists: readonly (readonly string[])[], show = false): Record<SiblingRelation, number> {
  const s = headingStats(lists);
  // Parents of a heading: headings co-listed with it that pass isParent (from the co-occurrence pairs).
  const parents = new Map<string, string[]>();
  for (const k of s.pair.keys()) {
    const [a, b] = k.split('\u0000') as [string, string];
    if (isParent(s, a, b)) (parents.get(b) ?? parents.set(b, []).get(b)!).push(a);
    if (isParent(s, b, a)) (parents.get(a) ?? parents.set(a, []).get(a)!).push(b);
  }
  const parentsOf = (h: string) => parents.get(h) ?? [];
  const slots: Record<SiblingRelation, number> = { child: 0, parent: 0, sibling: 0, 'named broader': 0, 'named narrower': 0, 'same name': 0, 'co-listed': 0, 'no heading': 0, unrelated: 0 };
  const queriesBy: Record<string, number> = {};
  const examples = new Map<SiblingRelation, string[]>();
  let missing = 0, ownHasParent = 0, ownOnlyChild = 0;
  for (const q of queries) {
    const ownSet = new Set(q.own);
    const wrong = q.top.filter((hs) => !hs.some((h) => ownSet.has(h)));
    if (!wrong.length) continue;
    missing++;
    const seen = new Set<SiblingRelation>();
    for (const hs of wrong) {
      const r = relationOf(s, parentsOf, q.own, hs);
      slots[r]++; seen.add(r);
      const ex = examples.get(r) ?? examples.set(r, []).get(r)!;
      if (ex.length < 6) ex.push(`${q.own.join(' | ')}  ⇒  ${hs.join(' | ')}`);
    }
    for (const r of seen) queriesBy[r] = (queriesBy[r] ?? 0) + 1;
    if (q.own.some((o) => parentsOf(o).length)) ownHasParent++;
    if (q.own.some((o) => parentsOf(o).length && !parentsOf(o).some((p) => ownSet.has(p)))) ownOnlyChild++;
  }
  const total = Object.values(slots).reduce((a, b) => a + b, 0);
  console.log(`  siblings: ${missing} of ${queries.length} dev queries miss in the top 5; ${total} wrong slots`);
  console.log(`  siblings: wrong slots by relation to the query's headings: ${Object.entries(slots).map(([r, n]) => `${r} ${n}`).join(' · ')}`);
  console.log(`  siblings: missing queries with at least one slot of: ${Object.entries(queriesBy).map(([r, n]) => `${r} ${n}`).join(' · ')}`);
  console.log(`  siblings: missing queries whose own heading has a parent: ${ownHasParent}; filed under a child without its parent: ${ownOnlyChild}`);
  let exact = 0, variant = 0;
  for (const q of queries) {
    const ownSet = new Set(q.own);
    exact += q.top.slice(0, 5).filter((hs) => hs.some((h) => ownSet.has(h))).length / 5;
    variant += variantPrecision(q.own, q.top);
  }
  const n = queries.length || 1;
  console.log(`  siblings: dev P@5 ${(exact / n).toFixed(3)}; counting heading variants as relevant (list parts, case, years, brackets) ${(variant / n).toFixed(3)} (label noise; the eval's relevance is unchanged)`);
  if (show) for (const [r, ex] of examples) for (const e of ex) console.log(`    ${r}: ${e}`);
  return slots;
}
