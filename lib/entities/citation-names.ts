/**
 * Authors in a reference list, written surname first (issue #4, session 17): "Easton, Brian
 * (November 2010)", "Jones, Craig; Douglas, Barry J.; McNamara, James A.", "Wilson, John (March
 * 2009)". Encyclopaedia and news pages end with such lists; a surname there is nobody the pack knows
 * ("Easton", "Derby", "Davis" are towns) and the given name is not the famous bearer the page
 * introduced ("John" → John Milton, "James" → James Cook). The pages audit of session 17 found 46
 * such links on one page's references.
 *
 * The shape read, on the block's tokens only:
 *  - the surname starts the entry: the block's start (after a "^" back-link mark and its letters
 *    "a b c"), right after "; " (the list's previous author), or after "In " opening a sentence (the
 *    editors of the book holding the cited chapter: `"The Linguistic Evidence". In Sutton, Douglas
 *    (ed.)`; session 20, two such links on the unlabelled pages);
 *  - ", " then the given name: a capitalised word, or initials ("A. J.", "H.M."), which may be
 *    followed by initials ("Robin M. D.");
 *  - then the entry goes on as a citation: " (" and a year, a month, "ed." or "eds."; or ";" (the next author).
 * A name the pack knows as a place is no given name ("Berlin, Germany; Paris, France;" is a list of
 * places): the caller says which tokens start a place.
 */
import { MONTH_NAMES } from './ambiguity';
import { Shape, type Token } from './normalize';

const MONTHS = new Set(MONTH_NAMES);

/** Letters of a back-link mark's run ("^ a b c"): single lower-case letters. */
function entryStart(text: string, tokens: Token[], from: number): boolean {
  let k = from - 1;
  // "; " right before: the previous author's entry ends there.
  const t = tokens[from]!;
  if (k >= 0) {
    const gap = text.slice(tokens[k]!.end, t.start);
    if (gap === '; ' || gap === '.; ') return true;
    // "… Evidence". In Sutton, Douglas (ed.)": "In " after a stop opens the book's editors.
    const p = tokens[k]!;
    if (gap === ' ' && p.end - p.start === 2 && text.startsWith('In', p.start) && k > 0 && text.slice(tokens[k - 1]!.end, p.start).endsWith('. ')) return true;
  }
  // The block's start, after "^" and back-link letters only.
  for (; k >= 0; k--) {
    const p = tokens[k]!;
    if (p.shape !== Shape.Lower || p.end - p.start !== 1) return false;
  }
  const head = text.slice(0, t.start);
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c !== 32 && c !== 94 && !(c >= 97 && c <= 122)) return false; // ' ', '^', a–z
  }
  return true;
}

/** Initials: a single capital letter ("A" of "A. J.") or letters joined by dots ("H.M"). */
const initial = (text: string, t: Token | undefined) => t !== undefined && t.shape === Shape.Upper
  && (t.end - t.start === 1 || /^[A-Z](?:\.[A-Z])+\.?$/.test(text.slice(t.start, t.end)));

/** After the given name (token `k` is the first token after it): a citation goes on. */
function citationGoesOn(text: string, tokens: Token[], last: Token, k: number): boolean {
  const next = tokens[k];
  const gap = text.slice(last.end, next ? next.start : text.length);
  if (gap.includes(';')) return true;
  if (!next || !/^\.? \($/.test(gap)) return false;
  const n = next.norm;
  if (n === 'ed' || n === 'eds' || MONTHS.has(n) || (n.length === 4 && /^(1[5-9]|20)\d\d$/.test(n))) return true;
  // "(14 November 2013)": a day, then the month.
  const after = tokens[k + 1];
  return n.length <= 2 && /^\d+$/.test(n) && after !== undefined && MONTHS.has(after.norm);
}

/**
 * From token `k` (right after an author's given name): skip the initials that may follow it ("Barry
 * J.", "Robin M. D.", "A. J.", "H.M."), then does the entry go on as a citation (citationGoesOn)?
 */
function givenNameEntryGoesOn(text: string, tokens: Token[], k: number): boolean {
  while (k < tokens.length && initial(text, tokens[k]) && /^\.? ?$/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start))) k++;
  return citationGoesOn(text, tokens, tokens[k - 1]!, k);
}

/**
 * "Easton, Brian (November 2010)": the one-word match at `from` is the surname of a reference
 * list's author — not when the given name is in the linked record's own name ("Tasman, Abel (1642)"
 * is Abel Tasman): `ownName` is the record's folded name key. `placeAt(k)`: a place name starts at token k.
 */
export function citationSurname(text: string, tokens: Token[], from: number, ownName: string, placeAt: (k: number) => boolean): boolean {
  const t = tokens[from]!, given = tokens[from + 1];
  // The cheap test first: a comma and a space right after the word.
  if (text.charCodeAt(t.end) !== 44 || !given || given.start !== t.end + 2) return false;
  if (given.shape !== Shape.Cap && !initial(text, given)) return false;
  if (!givenNameEntryGoesOn(text, tokens, from + 2)) return false;
  return entryStart(text, tokens, from) && !placeAt(from + 1) && !ownName.split(' ').includes(given.norm);
}

/**
 * "Wilson, John (March 2009)", "Sutton, Douglas (ed.)": the one-word match at `from` is the given
 * name of a reference list's author, whose surname is the word before the comma. Not when that
 * surname is in the linked record's own name ("Tasman, Abel." is Abel Tasman): `ownName` is the
 * record's folded name key.
 */
export function citationGivenName(text: string, tokens: Token[], from: number, ownName: string, placeAt: (k: number) => boolean): boolean {
  const t = tokens[from]!, surname = tokens[from - 1];
  // The cheap test first: ", " right before the word.
  if (!surname || t.start !== surname.end + 2 || text.charCodeAt(surname.end) !== 44) return false;
  if (surname.shape !== Shape.Cap) return false;
  if (!givenNameEntryGoesOn(text, tokens, from + 1)) return false;
  if (!entryStart(text, tokens, from - 1) || placeAt(from - 1)) return false;
  return !ownName.split(' ').includes(surname.norm);
}
