/**
 * Names inside the quoted title of a work (issue #4, link audit 3): "The "RuPaul's Drag Race"
 * veteran", "his new role in "The Boys in the Band"", "its "Voice of Europe" website", "Act On
 * 'America's Got Talent'". News writes the titles of shows, films, plays and outlets in quotes and
 * in title case; a known name inside one (RuPaul, the Band, Europe, America) is a word of the title,
 * not a mention. Pure functions over a block's text and tokens.
 */
import { closesQuote, opensQuote, PHRASE_PREPOSITIONS } from './headline-names';
import { Shape, type Token } from './normalize';

/** Words a title leaves lower case ("The Boys in the Band", "Voice of Europe"); "s" of a possessive. */
const TITLE_SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'and', 'or', 'but', 'nor', 'by', 'with', 'from', 'as', 'vs', 's']);

/** First words of a chant or a slogan quoted about its subject ("Free Gaza", "Death to Israel", "Glory
 *  to Ukraine", "Long Live …"): the name in it is the subject itself, not a word of a title. */
const SLOGAN_HEADS = new Set(['free', 'death', 'glory', 'viva', 'hail', 'justice', 'long live', 'down with', 'hands off', 'stand with']);

/** Prepositions that put a title-case line's quotation in a work's place ("Act On 'America's Got
 *  Talent'", "Death In 'Avengers: Infinity War'"); not "To", which a verb of speech follows ("Advised
 *  Her To 'Sue The EU'"). */
const HEADLINE_TITLE_PREPOSITIONS = new Set([...PHRASE_PREPOSITIONS].filter((w) => w !== 'to'));

/** A quotation longer than this (characters) is speech, not a title. */
const MAX_TITLE_CHARS = 60;

/** Could the block hold a quotation at all: a double or opening quote mark anywhere, or an
 *  apostrophe at the start or after a space, "(", ":" or a dash? Asked once per block before the
 *  per-match test. The marks by one character class, then each apostrophe's character before: one
 *  regex with the apostrophe's "start or a space before" branch tried every position of every block
 *  (14 ms per 5.1 MB of pages, 3–4 % of linking them; now ~4 ms; issue #8). */
export function mayQuote(text: string): boolean {
  if (QUOTE_MARKS.test(text)) return true;
  for (let i = text.indexOf("'"); i >= 0; i = text.indexOf("'", i + 1)) if (i === 0 || APOSTROPHE_OPENS_AFTER.test(text[i - 1]!)) return true;
  return false;
}
const QUOTE_MARKS = /["\u201c\u2018]/, APOSTROPHE_OPENS_AFTER = /[\s(:\u2014]/;

/**
 * Is the match (tokens `from`…`to`, `to` exclusive) a part, not the whole, of a quoted title: a
 * quotation of two to eight words, at most 60 characters, every word capitalised but a title's
 * small words, no stop inside, no chant ("Free Gaza")? In a title-case line (`headline`), where every
 * quotation is title case, only one after a preposition ("On 'America's Got Talent'", "In 'Avengers: Infinity War'"):
 * a headline's quoted speech follows a name or a verb of saying.
 */
export function insideQuotedTitle(text: string, tokens: Token[], from: number, to: number, headline: boolean): boolean {
  const start = tokens[from]!.start, end = tokens[to - 1]!.end;
  // Characters read through String.prototype (normalize.ts CHAR_CODE_NOTE): this runs for every
  // match of a block that may quote.
  const charCode = String.prototype.charCodeAt;
  let open = -1;
  for (let i = start - 1; i >= 0 && start - i <= MAX_TITLE_CHARS; i--) {
    const c = charCode.call(text, i);
    if (c === 10) return false;
    if (!isQuoteMark(c)) continue;
    if (opensQuote(text, i)) { open = i; break; }
    // An apostrophe inside a word ("RuPaul's") neither opens nor closes.
    if (closesQuote(text, i)) return false;
  }
  if (open < 0) return false;
  let close = -1;
  for (let i = end; i < text.length && i - open <= MAX_TITLE_CHARS; i++) {
    const c = charCode.call(text, i);
    if (c === 10) return false;
    if (!isQuoteMark(c)) continue;
    if (closesQuote(text, i)) { close = i; break; }
    if (opensQuote(text, i)) return false;
  }
  if (close < 0) return false;
  // A stop inside is a quoted sentence; a comma before the closing mark ("in "Cats," a musical") is the writer's.
  if (/[.!?;]/.test(text.slice(open + 1, close).replace(/[,.]$/, ''))) return false;
  let words = 0, first = -1, last = -1;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.start <= open) continue;
    if (t.end >= close + 1) break;
    if (first < 0) first = k;
    last = k;
    words++;
    if (t.shape === Shape.Lower && !TITLE_SMALL_WORDS.has(t.norm) && /\p{L}/u.test(t.norm)) return false;
  }
  if (words < 2 || words > 8 || first < 0 || tokens[first]!.shape === Shape.Lower) return false;
  if (SLOGAN_HEADS.has(tokens[first]!.norm) || SLOGAN_HEADS.has(`${tokens[first]!.norm} ${tokens[first + 1]!.norm}`)) return false;
  // The whole quotation is the name ("'Hamilton'", "\"The Band\"") or the name and its possessive.
  if (from <= first && (to - 1 >= last || (to === last && tokens[last]!.norm === 's'))) return false;
  if (!headline) return true;
  const prev = tokens[first - 1];
  return prev !== undefined && prev.shape === Shape.Cap && HEADLINE_TITLE_PREPOSITIONS.has(prev.norm);
}

/** " ' “ ” ‘ ’ */
function isQuoteMark(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019;
}
