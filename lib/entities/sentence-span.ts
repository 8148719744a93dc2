/**
 * A known name matched across a sentence's end (issue #4, session 15): "stabbed in Haifa, Israel.
 * Police say…" matches the alias "Israel Police" because the matcher reads words, not the full
 * stop between them. Pure function over a block's text and tokens.
 */
import { Shape, type Token } from './normalize';

/** Words of four or more letters that are written shortened with a full stop inside names
 *  ("Dept. of Health", "Calif. State University"): a stop after them ends no sentence. */
const ABBREVIATIONS = new Set(['dept', 'corp', 'univ', 'calif', 'assn', 'blvd', 'govt', 'intl', 'natl', 'bros', 'mass', 'conn', 'penn', 'tenn', 'wash', 'ariz', 'colo']);

/**
 * Does the match (`from`…`to`, `to` exclusive) run over a sentence's end: a full stop, "!" or "?"
 * (and a closing quote or bracket) then white space between two of its words, after a word of four
 * or more letters that is no abbreviation? "St. Louis", "U.S. Army", "Gen. Milley" (short words and
 * initials before the stop) stay one name.
 */
export function spansSentenceEnd(text: string, tokens: Token[], from: number, to: number): boolean {
  for (let k = from + 1; k < to; k++) {
    const prev = tokens[k - 1]!;
    // Most gaps are one space: answered without a slice.
    const c = text.charCodeAt(prev.end);
    if (c !== 46 && c !== 33 && c !== 63) continue;
    const gap = text.slice(prev.end, tokens[k]!.start);
    if (!/^[.!?]['"\u2019\u201d)]?\s+$/.test(gap)) continue;
    if (gap[0] !== '.' || (prev.end - prev.start >= 4 && prev.shape !== Shape.Upper && !ABBREVIATIONS.has(prev.norm))) return true;
  }
  return false;
}
