/**
 * The work's or the publisher's field of a reference-list entry (issue #4, session 19): in
 * `^ "Tasman's achievement". New Zealand History. Ministry for Culture and Heritage. Retrieved …`
 * the field right after the quoted title is the name of the website, periodical or body that
 * published it ("New Zealand History", "Tourism New Zealand", "Courts of New Zealand", "The Mozilla
 * Blog", "OECD Better Life Index"). A known name covering only part of that field is a word of
 * another thing's name (the pages audit of session 17 judged 30 such links on one page's references
 * X: "inside-longer-name"); a name covering the whole field ("Statistics New Zealand", "BBC News",
 * "The Heritage Foundation") is the publisher itself and stays.
 *
 * The quoted title itself is the cited article's headline, running text, and is not read here; nor
 * is a book's unquoted title, whose places the audit judged both ways.
 * Pure functions over a block's text and tokens.
 */
import { Shape, type Token } from './normalize';

/** Does the block look like a reference-list entry: a Wikipedia back-link mark ("^") first, or a
 *  citation's own words ("Retrieved 7 March 2011", "Archived from the original")? Asked once a
 *  block, before any match is read (issue #8: most blocks are running text). */
export function mayCite(text: string): boolean {
  let i = 0;
  while (i < text.length && text.charCodeAt(i) === 32) i++;
  return text.charCodeAt(i) === 94 || text.includes('Retrieved ') || text.includes('Archived from');
}

/** Lower-case words a publisher's or a periodical's name keeps inside it ("Ministry for Culture and
 *  Heritage", "Trends in Ecology & Evolution", "Courts of New Zealand"). */
const SMALL_WORDS = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'de', 'du', 'des', 'la', 'le', 'et', 'und', 'der']);
/** An article opening the field is no word of another name: "The Heritage Foundation" is the body. */
const ARTICLES = new Set(['the', 'a', 'an']);
/** The longest field read, in words: a longer run is a sentence, not a name. */
const MAX_FIELD_WORDS = 10;

/** May token t be a word of a publisher's name: capitalised, in capitals, a number ("Land Cover
 *  Database 2"), or a small word (not at either end: `inner`). */
function nameWord(text: string, t: Token, inner: boolean): boolean {
  if (t.shape !== Shape.Lower) return true;
  const c = text.charCodeAt(t.start);
  if (c >= 48 && c <= 57) return true;
  return inner && SMALL_WORDS.has(t.norm);
}

/** Is the gap between two words of one name: a space, " & ", a hyphen ("Governor-General")? Not a
 *  colon: "London: Mercer" is the place of publication, then the publisher. */
const NAME_GAP = /^(?:[ \u00a0]|[ \u00a0]&[ \u00a0]|[-\u2010\u2011])$/;
/** The end of a quoted title, and maybe its format, before the field: `". `, `"? `, `" (PDF). `. */
const AFTER_QUOTED_TITLE = /["\u201d](?:[ \u00a0]\([A-Za-z]{2,5}\))?\.?[ \u00a0]$/;
/** A format word in brackets after a quoted title: `" (PDF). `, whose letters are a token of their
 *  own, so the gap before the field is only `). ` (session 20: "Sport and Recreation New Zealand"). */
const BEFORE_FORMAT = /["\u201d][ \u00a0]\($/;
const AFTER_FORMAT = /^\)\.?[ \u00a0]$/;
function afterTitleFormat(text: string, tokens: readonly Token[], a: number, before: string): boolean {
  const format = tokens[a - 1];
  if (!format || a < 2 || !AFTER_FORMAT.test(before) || format.end - format.start < 2 || format.end - format.start > 5) return false;
  return BEFORE_FORMAT.test(text.slice(tokens[a - 2]!.end, format.start));
}
/** The field's end: a stop then a space or the block's end, or a comma ("Molecular Ecology, 18"). */
const FIELD_END = /^(?:\.(?:[ \u00a0]|$)|,[ \u00a0]|$)/;

/**
 * Is the match (tokens `from`…`to`, `to` exclusive) part, not the whole, of the field right after a
 * reference's quoted title? The field runs from the title's closing quote (and a stop) over
 * name-like words to the next stop; the match must leave a capitalised word of it outside (an
 * opening article aside). Ask only of blocks mayCite accepts.
 */
export function insideCitedWorkName(text: string, tokens: readonly Token[], from: number, to: number): boolean {
  const first = tokens[from], last = tokens[to - 1];
  if (!first || !last) return false;
  // The field's first word: back over name words joined by a name's gaps.
  let a = from;
  while (a > 0 && from - a < MAX_FIELD_WORDS && NAME_GAP.test(text.slice(tokens[a - 1]!.end, tokens[a]!.start)) && nameWord(text, tokens[a - 1]!, true)) a--;
  const before = text.slice(a > 0 ? tokens[a - 1]!.end : 0, tokens[a]!.start);
  if (!AFTER_QUOTED_TITLE.test(before) && !afterTitleFormat(text, tokens, a, before)) return false;
  // The field's last word: on over name words to the stop that ends it.
  let b = to - 1;
  while (b + 1 < tokens.length && b - a < MAX_FIELD_WORDS && NAME_GAP.test(text.slice(tokens[b]!.end, tokens[b + 1]!.start)) && nameWord(text, tokens[b + 1]!, true)) b++;
  if (b - a + 1 > MAX_FIELD_WORDS || !FIELD_END.test(text.slice(tokens[b]!.end, tokens[b + 1]?.start ?? text.length))) return false;
  // A small word does not end a name ("… of"): the run stopped inside a sentence.
  if (!nameWord(text, tokens[a]!, false) || !nameWord(text, tokens[b]!, false)) return false;
  // Another capitalised word of the field outside the match, an opening article aside.
  for (let k = a; k <= b; k++) {
    if (k >= from && k < to) continue;
    const t = tokens[k]!;
    if (t.shape === Shape.Lower || (k === a && ARTICLES.has(t.norm))) continue;
    return true;
  }
  return false;
}
