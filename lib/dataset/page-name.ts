/**
 * The name a person's English Wikipedia page is titled by, when the reference record names them
 * otherwise (issue #4, pack recall).
 *
 * Breadth files often carry the formal or register name ("Elizabeth Cheney", "Christopher A.
 * Coons", "Gilbert Ray Cisneros, Jr.") while the news writes the common one ("Liz Cheney", "Chris
 * Coons", "Gil Cisneros"). The page title is that common name: Wikipedia titles a person's article
 * by the name most sources use. Without it the record is never counted by the pack's news salience
 * (the corpus never writes "Elizabeth Cheney") and so loses its quota to unnamed backbenchers, and
 * the linker could not link the common name even when the record is kept.
 *
 * Only the URL is read (a fact of the record); the title's qualifier ("Greg Murphy (politician)")
 * is not written in running text and is dropped. A record merged from several sources can carry
 * another person's page (a "Viktor Orbán" record with Ursula von der Leyen's URL), so the title
 * must end in a word of the record's own name or aliases: a common name changes the given names,
 * initials or suffix, not the family name.
 */
import { fold } from '../entities/normalize';

const ENWIKI_PAGE = /^https?:\/\/en\.wikipedia\.org\/wiki\/(.+)$/;

/**
 * The page title of an English Wikipedia URL, decoded, underscores as spaces ("Rio_de_Janeiro_(state)"
 * → "Rio de Janeiro (state)"); null for any other URL or an undecodable one. A query or section
 * ("?…", "#…") stays in the title: callers that need a plain title reject those characters.
 */
export function enwikiPageTitle(url: string | undefined): string | null {
  const page = ENWIKI_PAGE.exec(url ?? '');
  if (!page) return null;
  try { return decodeURIComponent(page[1]!).replace(/_/g, ' '); } catch { return null; }
}
/** Latin letters, marks, spaces and the punctuation of personal names: no commas ("X, Baron Y"), digits or scripts the linker does not key. */
const PERSON_TITLE = /^[\p{Script=Latin}\p{M}][\p{Script=Latin}\p{M} .'’-]*$/u;
const SUFFIX = /^(jr|sr|ii|iii|iv)\.?$/;

/** A name's folded words, suffixes ("Jr.", "III") left out. */
const wordsOf = (s: string) => fold(s).split(/[\s,]+/).filter((w) => w && !SUFFIX.test(w));

/**
 * The page title of a person record's English Wikipedia URL, qualifier removed, when it is a name
 * of at least two words that differs (folded) from the record's name and every alias and whose
 * last word (suffixes aside) is a word of them; else null.
 */
export function pageNameOfPerson(r: { type?: string; url?: string }, name: string, aliases: readonly string[]): string | null {
  if (r.type !== 'person') return null;
  const page = enwikiPageTitle(r.url);
  if (page === null) return null;
  // PERSON_TITLE also turns away a title with a query or section ("?", "#"): not a plain page name.
  const title = page.replace(/ \([^()]*\)$/, '').replace(/\s+/g, ' ').trim();
  if (!PERSON_TITLE.test(title) || title.split(' ').length < 2) return null;
  const key = fold(title);
  if (fold(name) === key || aliases.some((a) => fold(a) === key)) return null;
  const family = wordsOf(title).at(-1);
  const own = new Set([name, ...aliases].flatMap(wordsOf));
  return family !== undefined && own.has(family) ? title : null;
}

/**
 * The key two records of one person share when they point at the same English Wikipedia page: the
 * page title, folded ("bob menendez"), qualifier kept (the page, not the name, is the identity).
 * Null for a record that is no person or has no English Wikipedia URL.
 */
export function personPageKey(r: { type?: string; url?: string }): string | null {
  if (r.type !== 'person') return null;
  const page = enwikiPageTitle(r.url);
  return page === null ? null : fold(page);
}

/**
 * May two person records that name the same Wikipedia page be merged? A page found by the reference
 * data's own matching can be another person's (a merged record carried Ursula von der Leyen's URL
 * under Viktor Orbán's name), so the family names (last words, suffixes aside) must agree and the
 * birth years, when both are known.
 */
export function samePersonByPage(a: { name: string; born?: string }, b: { name: string; born?: string }): boolean {
  const fa = wordsOf(a.name).at(-1), fb = wordsOf(b.name).at(-1);
  if (fa === undefined || fa !== fb) return false;
  return !a.born || !b.born || a.born.slice(0, 4) === b.born.slice(0, 4);
}
