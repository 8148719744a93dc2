/**
 * News agencies are written by their initials in the words that credit them: "Emails obtained by
 * AP", "An AP investigation", "AP Source", "according to AP", "AP reported". Beside the bracketed and
 * photo credits link.ts reads ("(AP)", "AP Photo"), these words make initials the agency rather
 * than a namesake place or body ("AP" is also Andhra Pradesh's "A.P."). Pure function over a
 * block's tokens.
 */
import { Shape, spaceBetween, type Token } from './normalize';

/** Words right after an agency's initials that show its reporting. */
const REPORTING_AFTER = new Set([
  'photo', 'photos', 'photographer', 'photographers', 'source', 'sources', 'reported', 'reports', 'reporting',
  'reporter', 'reporters', 'says', 'said', 'investigation', 'analysis', 'review', 'poll', 'report', 'exclusive',
  'count', 'tally', 'interview', 'found', 'obtained', 'learned', 'confirmed',
]);
/** Lower-case words right before them: "obtained by AP", "an AP review". Not "the": "the D.C.
 *  police", "from the USA" are places. */
const REPORTING_BEFORE = new Set(['by', 'an', 'to']);

/** Do the words around the one-token match at `at` credit a news agency? */
export function agencyCredit(text: string, tokens: readonly Token[], at: number): boolean {
  const t = tokens[at]!, next = tokens[at + 1], prev = tokens[at - 1];
  if (next && REPORTING_AFTER.has(next.norm) && next.shape !== Shape.Upper && spaceBetween(text, t, next)) return true;
  if (!prev || prev.shape === Shape.Upper || !spaceBetween(text, prev, t)) return false;
  // "to AP" only after "according" or "told": "moved to AP" is elsewhere.
  if (prev.norm === 'to') {
    const before = tokens[at - 2];
    return !!before && (before.norm === 'according' || before.norm === 'told') && spaceBetween(text, before, prev);
  }
  return REPORTING_BEFORE.has(prev.norm);
}
