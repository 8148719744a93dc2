/**
 * A dead namesake is not the one who speaks or acts in today's news (issue #4, session 21). The
 * pack knows when 9,318 people died (lib/dataset/death-dates.ts); a record whose person died in an
 * earlier year than the article's cannot be the subject of "… said", "… tells", "… resigns as",
 * "… ends bid": such a sentence is about a living namesake the pack may not hold ("Scott Gottlieb
 * Resigns As FDA Commissioner" is not the musician who died in 2005). The verb must follow the name
 * directly; a history's framing ("as Churchill said", "… said in 1940") leaves the record alone.
 * Pure functions over a block's tokens.
 */
import { Shape, spaceBetween, type Token } from './normalize';

/**
 * Verbs that put their subject in the article's present: reporting verbs ("said", "told", in any
 * tense: news reports speech of the day) and the present tense that headlines and leads use for
 * what someone did that day. Closed class; words a name may also go on with as a noun ("Hall",
 * "Park") are not among them, and nothing a dead person can be the subject of now ("is", "has",
 * "remains", "died", "left", "wrote").
 */
const ACTING_VERBS = new Set([
  'says', 'said', 'tells', 'told', 'announces', 'announced', 'resigns', 'resigned', 'warns', 'warned', 'urges', 'urged',
  'slams', 'blasts', 'rips', 'mocks', 'calls', 'vows', 'pledges', 'insists', 'admits', 'denies', 'confirms', 'reveals',
  'responds', 'reacts', 'tweets', 'tweeted', 'posts', 'shares', 'explains', 'argues', 'claims', 'accuses', 'praises',
  'thanks', 'apologizes', 'apologises', 'defends', 'endorses', 'joins', 'quits', 'launches', 'ends', 'drops', 'issues',
  'files', 'sues', 'signs', 'wins', 'seeks', 'plans', 'wants', 'asks', 'demands', 'testifies', 'testified', 'weighs',
  'hits', 'fires', 'unveils', 'teases', 'opens', 'speaks', 'meets', 'visits', 'returns', 'criticizes', 'criticises',
]);

/** A year written after the verb ("said in 1964") dates the words to the past. */
const YEAR = /^\d{4}$/;

/**
 * Is the person of this record (died `died`) written as the subject of an acting verb right after
 * the match (`from`..`to` tokens) in an article of `date`? Only deaths in a year before the
 * article's count: "died 2019" says nothing of a 2019 article's day.
 */
export function deadActorAfter(text: string, tokens: readonly Token[], from: number, to: number, died: string | undefined, date: string | null): boolean {
  if (!died || !date || died.slice(0, 4) >= date.slice(0, 4)) return false;
  const last = tokens[to - 1], verb = tokens[to];
  if (!last || !verb || verb.shape === Shape.Upper || !ACTING_VERBS.has(verb.norm) || !spaceBetween(text, last, verb)) return false;
  // "As Churchill said": a quotation of the past, not news of the day.
  const before = tokens[from - 1];
  if (before && before.norm === 'as' && spaceBetween(text, before, tokens[from]!)) return false;
  // "… said in 1964", "… told reporters in 1998".
  for (let k = to + 1; k < Math.min(tokens.length, to + 5); k++) {
    if (YEAR.test(tokens[k]!.norm) && tokens[k]!.norm <= date.slice(0, 4) && tokens[k - 1]!.norm === 'in') return false;
  }
  return true;
}
