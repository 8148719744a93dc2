/**
 * Recurring events read against the page's date. The pack holds some recurring events only as the
 * series ("Olympic Games", "Super Bowl", "FA Cup", "French presidential election": an event record
 * with no dates and no year in its name). Dated news writing the series' name means one edition:
 * "As Olympics Begin" of a July 2021 item is the Tokyo Games, "win the FA Cup" the season's final
 * (the gold's edition rule). So a series record in a dated text is that year's edition when the pack
 * holds it ("2022 Winter Olympics" for "Winter Olympics" in a 2022 item) or the edition held that
 * year ("2020 Summer Olympics", held in 2021, lib/dataset/edition-years.ts), and no link otherwise:
 * nothing is better than the wrong edition. Pure functions over the record and a name lookup.
 */
import type { PackEntity } from '../dataset/schema';
import { spaceBetween, type Token } from './normalize';

/** The last word of a recurring event's name: the head nouns of tournaments, games, polls and
 *  meetings that come back every year or every few years. */
// Not "festival": a festival is its organisers' yearly institution, and news writes its name for it
// ("the Glastonbury Festival has been cancelled for the second consecutive year", "closes Glastonbury
// Festival"); hand audit 5 judged such a link right, and the pack holds no festival's editions.
const RECURRING_HEADS = new Set([
  'cup', 'games', 'olympics', 'paralympics', 'bowl', 'championship', 'championships', 'open', 'prix',
  'contest', 'tournament', 'series', 'derby', 'classic', 'marathon', 'trophy', 'expo',
  'election', 'elections', 'summit', 'awards',
]);

/** Season words an edition's name may carry beside the series' ("2022 Winter Olympics"). */
const EDITION_WORDS = ['', 'Summer ', 'Winter '];

/**
 * Is `e` a recurring event's series record: an event with no dates whose name has no digit, and
 * whose name or an alias ends in a recurring event's head noun, not a one-off "Battle of Marathon"
 * (a name with "of" is a single event at a place)?
 */
export function recurringSeries(e: PackEntity): boolean {
  if (e.type !== 'event' || e.from || e.to || /\d/.test(e.name)) return false;
  for (const n of [e.name, ...(e.aliases ?? [])]) {
    const words = n.toLowerCase().split(/\s+/);
    if (!words.includes('of') && RECURRING_HEADS.has(words[words.length - 1]!)) return true;
  }
  return false;
}

/** Is `norm` (a folded word) a recurring event's head noun ("cup", "games", "election")? */
export function competitionHead(norm: string): boolean {
  return RECURRING_HEADS.has(norm);
}

/**
 * The edition of series `e` held in the year of `date` (ISO, "2022-02-04"), as the pack names it:
 * "<year> <series name or alias>", with "Summer"/"Winter" after the year, or the year after the name
 * ("Eurovision Song Contest 2022"). `eventsNamed(name)`: the event records (other than the series)
 * whose name or alias is `name`. Undefined when there is none, or more than one. With `heldIn(i)`
 * (the record's end or start date), a year that names no edition takes the edition named for the
 * year before when it was held in this one (a postponed edition, dated by the compiler).
 */
export function editionInYear(e: PackEntity, date: string, eventsNamed: (name: string) => readonly number[], heldIn?: (i: number) => string | undefined): number | undefined {
  const year = date.slice(0, 4);
  if (!/^\d{4}$/.test(year)) return undefined;
  const named = editionNamed(e, year, eventsNamed);
  if (named !== null || !heldIn) return named ?? undefined;
  // None named for the year: the edition named for the year before that was held in this one
  // ("2020 Summer Olympics", held in 2021: its `to`, written by the compiler, edition-years.ts).
  const before = editionNamed(e, String(Number(year) - 1), eventsNamed);
  return before != null && heldIn(before)?.slice(0, 4) === year ? before : undefined;
}

/** The one edition of `e` named for `year`; null when none, undefined when more than one. */
function editionNamed(e: PackEntity, year: string, eventsNamed: (name: string) => readonly number[]): number | null | undefined {
  let found: number | null = null;
  for (const n of [e.name, ...(e.aliases ?? [])]) {
    for (const name of [...EDITION_WORDS.map((w) => `${year} ${w}${n}`), `${n} ${year}`]) {
      for (const i of eventsNamed(name)) {
        if (found !== null && found !== i) return undefined;
        found = i;
      }
    }
  }
  return found;
}

/** An edition's name read as editionInYear writes them: its year and the names its series may
 *  carry ("2020 Summer Olympics" -> 2020, "Summer Olympics" or "Olympics"; "Expo 2020" -> 2020, "Expo"). */
export function editionSeriesName(name: string): { year: number; series: string[] } | undefined {
  const lead = /^((?:19|20)\d\d) (\D+)$/.exec(name), trail = /^(\D+) ((?:19|20)\d\d)$/.exec(name);
  if (lead) return { year: Number(lead[1]), series: [lead[2]!, ...(/^(?:Summer|Winter) ./.test(lead[2]!) ? [lead[2]!.slice(7)] : [])] };
  return trail ? { year: Number(trail[2]), series: [trail[1]!] } : undefined;
}

/** Words after a series' name that make it the series across its editions: "World Cup history",
 *  "the Super Bowl champion quarterback", "repeat as Stanley Cup champions", "six Super Bowl titles", "five World Cup tournaments". */
const SERIES_NOUNS = new Set(['history', 'record', 'records', 'champion', 'champions', 'champ', 'champs', 'titles', 'tournaments', 'era']);

/**
 * Does the text around a series' name (tokens `from`..`to`) read it as the series itself: a series
 * noun right after it, or "the 19th edition of", "the history of" before it?
 */
export function seriesReading(text: string, tokens: readonly Token[], from: number, to: number): boolean {
  const last = tokens[to - 1]!, next = tokens[to];
  if (next && SERIES_NOUNS.has(next.norm) && spaceBetween(text, last, next)) return true;
  return /\b(?:edition|history) of (?:the )?$/i.test(text.slice(Math.max(0, tokens[from]!.start - 20), tokens[from]!.start));
}

/**
 * "host the FIFA World Cup in 2026" of a 2022 item: a year written just after a series' name (after
 * "in" or "of") that is not the page's year names another edition. `to`: the token after the match.
 */
export function otherYearAfter(text: string, tokens: readonly Token[], to: number, date: string): boolean {
  const prep = tokens[to], year = tokens[to + 1];
  if (!prep || !year || (prep.norm !== 'in' && prep.norm !== 'of') || !spaceBetween(text, tokens[to - 1]!, prep) || !spaceBetween(text, prep, year)) return false;
  const y = text.slice(year.start, year.end);
  return /^(1[89]|20)\d\d$/.test(y) && y !== date.slice(0, 4);
}
