/**
 * People known by one name ("Nas", "Pink", "Mary", "Muhammad") written as part of a longer
 * person's name (issue #4, session 14): "Lil Nas X", "Mary E. Brunkow", "Sakina Muhammad Jan". The
 * linker's usual sign of a longer name (a capitalised word right before or after) is switched off at
 * a sentence's start and for words that may follow any name (months: "Jan"); these two signs hold
 * there. Read on unreserved news items, not on the gold. Pure functions over a block's tokens.
 */
import { Shape, spaceBetween, type Token } from './normalize';

/** One capital letter that is a word of its own in a title-case line ("A", "I"), not an initial. */
const LETTER_WORDS = new Set(['a', 'i']);

/**
 * "Mary E. Brunkow", "Lil Nas X": a one-word name followed by a single capital letter (an initial
 * or a stage name's letter), a space between, is the first part of a longer name. `to`: the token
 * after the match.
 */
export function initialAfter(text: string, tokens: Token[], to: number): boolean {
  const last = tokens[to - 1], next = tokens[to];
  return !!last && !!next && next.shape === Shape.Upper && next.end - next.start === 1 && !LETTER_WORDS.has(next.norm) && spaceBetween(text, last, next);
}

/**
 * "Sakina Muhammad Jan becomes…": in running text, a one-word name between two capitalised words
 * (spaces between) is the middle of a longer name, even at a sentence's start, where the first word's
 * capital says nothing by itself: the run goes on after the name. Not when the word before is a title
 * or an opener (`ordinary`: "President Ramos Horta"), nor a date after ("Pink Jan 6" is no name:
 * the word after is followed by a number). `from`, `to`: the match's tokens.
 */
export function middleOfRun(text: string, tokens: Token[], from: number, to: number, ordinary: (norm: string) => boolean): boolean {
  const prev = tokens[from - 1], first = tokens[from], next = tokens[to];
  if (!prev || !first || !next || prev.shape !== Shape.Cap || next.shape !== Shape.Cap) return false;
  if (!spaceBetween(text, prev, first) || !spaceBetween(text, tokens[to - 1]!, next) || ordinary(prev.norm)) return false;
  const after = tokens[to + 1];
  return !(after && /^\d/.test(after.norm) && spaceBetween(text, next, after));
}

/**
 * "Wilmshurst, J. M.; Hunt, T. L.": a run of single capital letters is somebody's initials, not a
 * person known by them (the pack gives "J. M." to John Milton, "J. C." to John Cage). Organisations
 * and places keep theirs ("U.S.", "A&M"). `from`, `to`: the match's tokens.
 */
export function initialsOnly(tokens: Token[], from: number, to: number): boolean {
  if (to - from < 2) return false;
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (t.shape !== Shape.Upper || t.end - t.start !== 1) return false;
  }
  return true;
}
