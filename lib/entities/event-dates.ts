/**
 * An event the pack names by its date ("October 7" of the 7 October attack, "November 2015") is
 * written as a plain date far more often: "kidnapped on October 7, 2023", "killed since October 7",
 * "the trial of the attacks in November 2015". After a preposition of time the words are the date,
 * not the event (a gold convention: the date is not the event's name). "The October 7 attack" is
 * the event's own longer name, and "the initial October 7, 2023 attack" or "the events of October
 * 7" keep the event. A citation's "Retrieved"/"Accessed"/"Archived" before a date says it is one
 * ("The Heritage Foundation. 2016. Retrieved November 2016", "Accessed October 7, 2024"): the event
 * is not named there (session 17's pages audit: reference lists; a day's number before the month,
 * "Retrieved 30 November 2016", already keeps the month-year from linking). Pure functions over the
 * block's tokens.
 */
import { MONTH_NAMES } from './ambiguity';
import { spaceBetween, type Token } from './normalize';

const MONTHS = new Set(MONTH_NAMES);

/** Prepositions that put a date in time ("on", "since", "in November 2015"); not "of". */
const TIME_PREPOSITIONS = new Set(['on', 'since', 'in', 'until', 'till', 'before', 'after', 'by', 'from', 'through', 'around']);

/** Are tokens `from`..`to` a date alone: a month and a day or a year, either way round? */
export function dateShaped(text: string, tokens: readonly Token[], from: number, to: number): boolean {
  if (to - from !== 2) return false;
  const a = tokens[from]!, b = tokens[from + 1]!;
  if (!spaceBetween(text, a, b)) return false;
  const num = (t: Token) => /^\d{1,4}$/.test(t.norm);
  return (MONTHS.has(a.norm) && num(b)) || (num(a) && a.norm.length <= 2 && MONTHS.has(b.norm));
}

/** A citation's words before the date it was read or saved on ("Retrieved 30 November 2016"). */
const CITATION_DATE_WORDS = new Set(['retrieved', 'accessed', 'archived']);

/** Is the date-shaped match (tokens `from`..`to`) written after a preposition of time ("on October
 *  7") or a citation's "Retrieved"/"Accessed" ("Retrieved November 2016")? Asked of events only. */
export function dateAfterPreposition(text: string, tokens: readonly Token[], from: number, to: number): boolean {
  const prev = tokens[from - 1];
  return !!prev && (TIME_PREPOSITIONS.has(prev.norm) || CITATION_DATE_WORDS.has(prev.norm)) && spaceBetween(text, prev, tokens[from]!) && dateShaped(text, tokens, from, to);
}
