/**
 * Topic-heading normalisation for the pack's coverage facts. The corpus files one storyline under
 * several spellings ("Russo-Ukrainian War" / "Russo-Ukrainian war" / "Russo–Ukrainian war") and
 * sometimes lists several headings in one string ("COVID-19 pandemic in India, COVID-19
 * vaccination in India"). The ranker groups items by heading, so both split storylines apart.
 *
 *   - fold: headings equal up to case, dash kind (- – —) and spacing become the form the corpus
 *     uses most (ties: the first in code-unit order, so the result is deterministic);
 *   - split: a comma-joined heading becomes its parts when every part is a heading the corpus
 *     also uses on its own, or looks like one (two or more words, starts with a capital or a
 *     digit) while at least one other part is used on its own. "COVID-19 pandemic in Washington,
 *     D.C." and "December 15, 2022 Twitter suspensions" stay whole.
 */

/** Identity of a heading up to case, dash kind and spacing. */
export function headingKey(heading: string): string {
  return heading.toLowerCase().replace(/[-‐‑‒–—]/g, '-').replace(/\s+/g, ' ').trim();
}

const LOOKS_LIKE_HEADING = /^[\p{Lu}\p{N}]\S*(\s+\S+)+$/u;

/**
 * Builds the normaliser from every heading list of the corpus (before any is normalised) and
 * returns a function mapping one item's list to its normalised list (deduplicated, order kept).
 */
export function headingNormalizer(
  lists: Iterable<readonly string[]>,
  opts: { fold?: boolean; split?: boolean; keepLists?: boolean } = {},
): (topics: readonly string[]) => string[] {
  const fold = opts.fold ?? true, split = opts.split ?? true;
  const counts = new Map<string, number>();
  for (const list of lists) for (const t of list) counts.set(t, (counts.get(t) ?? 0) + 1);
  // Keys of headings used on their own (no comma-joined list).
  const alone = new Set<string>();
  for (const t of counts.keys()) if (!t.includes(', ')) alone.add(headingKey(t));
  const parts = (t: string): string[] => {
    if (!split || !t.includes(', ')) return [t];
    const ps = t.split(', ').map((p) => p.trim()).filter(Boolean);
    const known = ps.map((p) => alone.has(headingKey(p)));
    if (known.every(Boolean)) return ps;
    if (known.some(Boolean) && ps.every((p, i) => known[i] || LOOKS_LIKE_HEADING.test(p))) return ps;
    return [t];
  };
  // Canonical form per key: the most used spelling, counting the parts of split lists too.
  const uses = new Map<string, Map<string, number>>();
  for (const [t, n] of counts) {
    for (const p of parts(t)) {
      const k = headingKey(p);
      const forms = uses.get(k) ?? uses.set(k, new Map()).get(k)!;
      forms.set(p, (forms.get(p) ?? 0) + n);
    }
  }
  const canonical = new Map<string, string>();
  for (const [k, forms] of uses) {
    let best = '', bestN = -1;
    for (const [f, n] of forms) if (n > bestN || (n === bestN && f < best)) { best = f; bestN = n; }
    canonical.set(k, best);
  }
  return (topics) => {
    const out: string[] = [];
    for (const t of topics) for (const p of opts.keepLists && t.includes(', ') && parts(t).length > 1 ? [t, ...parts(t)] : parts(t)) {
      const c = fold ? canonical.get(headingKey(p)) ?? p : p;
      if (!out.includes(c)) out.push(c);
    }
    return out;
  };
}
