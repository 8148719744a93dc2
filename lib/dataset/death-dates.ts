/**
 * A person's date of death, where the reference record states it in a structured position (issue
 * #4: a card for someone who died in 1961 must not read like a living person's, and the linker
 * must not take a dead namesake for the person in today's news).
 *
 * The reference has no `died` field; three of its sources end the description with the date in a
 * fixed form, and only that end is read (never the prose before it):
 *   - the date pages' life span "(1880–1964)", whose first year is the record's own `born` year
 *     (a range that starts elsewhere is a term of office, "(1986–1989)", not a life);
 *   - Wikidata's trivia list "(died 1974)" or "(died 21 April 2025)";
 *   - the State Department historian's "; died 2013".
 * The year "died -478" (BCE) and text such as "(d. 1978)." inside the prose are left out.
 */

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The date-pages life span at the description's end: born year (or "?") and death year. */
const LIFE_SPAN = /\((\d{4})–(\d{4})\)$/;
/** "(died 1974)", "(died 814)", "(died 21 April 2025)" at the end. */
const DIED_PAREN = /\(died (?:(\d{1,2}) ([A-Z][a-z]+) )?(\d{1,4})\)$/;
/** "…; died 2013" at the end. */
const DIED_CLAUSE = /; died (\d{4})$/;

export type DeathForm = 'life span' | 'died (…)' | '; died';

/** The stated date of death ("1964", "2025-04-21") and the form it was read from, or null. */
export function statedDeath(r: { type: string; description?: string; born?: string }): { died: string; form: DeathForm } | null {
  if (r.type !== 'person' || !r.description) return null;
  const d = r.description.trimEnd();
  const span = LIFE_SPAN.exec(d);
  if (span) {
    // Only a life: the range starts at the record's birth year.
    if (!r.born || r.born.slice(0, 4) !== span[1] || span[2]! < span[1]!) return null;
    return { died: span[2]!, form: 'life span' };
  }
  const paren = DIED_PAREN.exec(d);
  if (paren) {
    const year = paren[3]!.padStart(4, '0');
    if (paren[2] === undefined) return { died: year, form: 'died (…)' };
    const month = MONTHS.indexOf(paren[2].toLowerCase()) + 1;
    if (month === 0) return { died: year, form: 'died (…)' };
    return { died: `${year}-${String(month).padStart(2, '0')}-${paren[1]!.padStart(2, '0')}`, form: 'died (…)' };
  }
  const clause = DIED_CLAUSE.exec(d);
  if (clause) return { died: clause[1]!, form: '; died' };
  return null;
}

/** Is the person dead at `date` (ISO, or null: as of the data)? A death in the article's own year counts only when the month says so. */
export function diedBefore(died: string | undefined, date: string | null): boolean {
  if (!died) return false;
  if (!date) return true;
  // A partial date: "1961" is before any date of 1962, not before one of 1961.
  const n = Math.min(died.length, date.length);
  return died.slice(0, n) < date.slice(0, n);
}

/** Do both records state a birth year, the same one? */
export function sameBirthYear(a: { born?: string }, b: { born?: string }): boolean {
  return !!a.born && !!b.born && a.born.slice(0, 4) === b.born.slice(0, 4);
}
