/**
 * Given-name repeats: after "Marsha P. Johnson" a feature story often says "Marsha". The pack has
 * no alias for a bare given name (it would match every Marsha in every article), so the linker adds
 * these mentions itself, and only for people already introduced by their full name on this page.
 *
 * A given name links when:
 *  - exactly one person introduced on the page has it as the first word of their name (two
 *    introduced Davids: neither), and no other entity on the page carries it as a name or surname;
 *  - it is written capitalised, at least 3 letters, not an ordinary word the linker never links alone
 *    ("Will", "Mark", "Grace");
 *  - it stands alone: not inside another name ("Marsha Hunt", "Jason Bourne") — no capitalised word
 *    right before or after it, no "&" joining it to another name ("Jim & Andy") — and not already
 *    part of a linked mention;
 *  - it comes after the person's first mention on the page (or in the block before it), and is no author's given name in a
 *    reference list ("Wilson, John (March 2009)": citation-names.ts).
 */
import type { PackEntity } from '../dataset/schema';
import type { Mention } from '../report';
import { NEVER_ALONE } from './ambiguity';
import { citationGivenName } from './citation-names';
import { Shape, type Token } from './normalize';

export interface GivenNameBlock {
  text: string;
  tokens: Token[];
}

/** Given name (folded) → the one introduced person who has it. The index's records and name keys
 *  are read through the linker's accessors (its kept reads of the runtime pack's lazy lists). */
export function givenNamesOf(introduced: Iterable<number>, entityOf: (i: number) => PackEntity, nameKeyOf: (i: number) => string): Map<string, number> {
  const out = new Map<string, number>();
  const clash = new Set<string>();
  for (const i of introduced) {
    const e = entityOf(i);
    // The index's folded name key ("marsha p johnson"): no tokenising again.
    const words = nameKeyOf(i).split(' ');
    if (e.type !== 'person') {
      for (const w of words) clash.add(w);
      continue;
    }
    for (let k = 1; k < words.length; k++) clash.add(words[k]!);
    // The first word of the name; leave initials and one-word names aside.
    if (words.length < 2 || words[0]!.length < 3) continue;
    const first = words[0]!;
    if (NEVER_ALONE.has(first)) continue;
    if (out.has(first) && out.get(first) !== i) clash.add(first);
    else out.set(first, i);
  }
  for (const w of clash) out.delete(w);
  return out;
}

/**
 * Add the given-name mentions of block `b` to `found` (entity → mentions). `taken` holds the
 * [start, end) spans already linked in this block; `nameKeyOf` gives a person's folded name.
 */
export function addGivenNameMentions(block: GivenNameBlock, b: number, given: Map<string, number>, taken: [number, number][], found: Map<number, Mention[]>, nameKeyOf: (i: number) => string): void {
  if (given.size === 0) return;
  const { tokens, text } = block;
  // A quick no before the map's lookup, asked of every capitalised word of the page: the given
  // names' lengths and first letters (mod 32), a few numbers (issue #4, speed).
  let shortest = Infinity, longest = 0, firsts = 0;
  for (const name of given.keys()) {
    shortest = Math.min(shortest, name.length);
    longest = Math.max(longest, name.length);
    firsts |= 1 << (name.charCodeAt(0) & 31);
  }
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.shape !== Shape.Cap) continue;
    const norm = t.norm;
    if (norm.length < shortest || norm.length > longest || (firsts & (1 << (norm.charCodeAt(0) & 31))) === 0) continue;
    const who = given.get(norm);
    if (who === undefined) continue;
    const prev = tokens[k - 1], next = tokens[k + 1];
    if (capsNear(text, prev, prev?.end ?? 0, t.start) || capsNear(text, next, t.end, next?.start ?? 0)) continue;
    // "Jim & Andy", "Will & Grace": two names joined by an ampersand are a title or a firm.
    if ((next && next.shape !== Shape.Lower && /^\s*&\s*$/.test(text.slice(t.end, next.start))) || (prev && prev.shape !== Shape.Lower && /^\s*&\s*$/.test(text.slice(prev.end, t.start)))) continue;
    if (overlapsTaken(taken, t)) continue;
    const list = found.get(who) ?? [];
    // "Emily" three sections before "Emily Dickinson": a repeat follows the introduction, or comes
    // just before it (a headline's "Pope's Message" over "Pope Francis", a quote before its
    // attribution: the same or the next block). The lists are in page order: the first is the earliest.
    const first = list[0];
    if (first && b < first.paragraph - 1) continue;
    // "Wilson, John (March 2009)": a reference list's author, not the John the page introduced.
    if (citationGivenName(text, tokens, k, nameKeyOf(who), NO_PLACE)) continue;
    list.push({ paragraph: b, start: t.start, end: t.end, text: text.slice(t.start, t.end) });
    found.set(who, list);
  }
}

/** Surnames in a reference list are read as surnames here, whatever place they also name. */
const NO_PLACE = () => false;

/** A capitalised or all-caps token separated from the name only by spaces. */
function capsNear(text: string, t: Token | undefined, a: number, z: number): boolean {
  return t !== undefined && t.shape !== Shape.Lower && /^[ \u00a0]+$/.test(text.slice(a, z));
}

/** Does the token overlap a span already linked in its block? */
function overlapsTaken(taken: [number, number][], t: Token): boolean {
  for (const [s, e] of taken) if (s < t.end && t.start < e) return true;
  return false;
}
