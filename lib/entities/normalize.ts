/**
 * Text normalisation and tokenisation shared by the alias index and the linker.
 *
 * Matching works on tokens, not characters: a token is a run of letters/digits; everything else
 * (spaces, hyphens, apostrophes, punctuation) separates tokens. So "Putin's" → [putin, s],
 * "Russia-Ukraine" → [russia, ukraine], and an alias matches only on whole tokens. Dotted
 * acronyms ("U.S.", "U.K.") become one token ("us") so they meet the alias "US".
 * Each token keeps its UTF-16 [start, end) in the source string and a case class, so case rules
 * can be checked after a lookup on the folded form.
 */
import { FNV_OFFSET, FNV_PRIME } from '../fnv';

/** Case class of a token as written. */
export const enum Shape {
  /** all lower case, or no letters (digits) */
  Lower = 0,
  /** Capitalised: first letter upper, some lower ("Putin", "McCain") */
  Cap = 1,
  /** All letters upper case, at least 2 letters ("NATO", "US") or a single upper letter */
  Upper = 2,
}

export interface Token {
  /** Folded form: lower case, diacritics removed. */
  norm: string;
  start: number;
  end: number;
  shape: Shape;
}

/**
 * A token as tokenize() makes it. Most words of a text are plain lower-case ASCII ("said",
 * "the"), whose folded form is the text itself; the matcher dismisses nearly all of them on their
 * length and first letter, so their string is made only when something reads `norm` (issue #4:
 * a string per word was a third of the tokeniser's time). Other words carry their folded form.
 */
class WordToken implements Token {
  // Declared, not class fields: with an ESNext target each field is first defined as undefined and
  // then assigned by the constructor, a second step per field on ~170k tokens per MB of text.
  declare private readonly text: string;
  declare readonly start: number;
  declare readonly end: number;
  declare readonly shape: Shape;
  /** The folded form; undefined until read for a plain lower-case ASCII word. */
  declare private folded: string | undefined;
  constructor(text: string, start: number, end: number, shape: Shape, folded: string | undefined) {
    this.text = text;
    this.start = start;
    this.end = end;
    this.shape = shape;
    this.folded = folded;
  }
  get norm(): string {
    return (this.folded ??= String.prototype.slice.call(this.text, this.start, this.end));
  }
  /** Is the folded form `word`? Compared with the text, without making the form. */
  normIs(word: string): boolean {
    if (this.folded !== undefined) return this.folded === word;
    const len = this.end - this.start;
    if (word.length !== len) return false;
    const text = this.text, at = this.start, charCode = String.prototype.charCodeAt;
    for (let k = 0; k < len; k++) if (charCode.call(text, at + k) !== charCode.call(word, k)) return false;
    return true;
  }
  /** lowerPairCell of the folded form, without making it. */
  pairCell(): number {
    if (this.folded !== undefined) return lowerPairCell(this.folded);
    const len = this.end - this.start, text = this.text, at = this.start, charCode = String.prototype.charCodeAt;
    return (Math.min(len, 15) << 14) | ((charCode.call(text, at) & 127) << 7) | (len > 1 ? charCode.call(text, at + 1) & 127 : 0);
  }
  /** The folded form's length when it is not made (a plain lower-case ASCII word), else -1. */
  unmadeLength(): number {
    return this.folded === undefined ? this.end - this.start : -1;
  }
  /** hashMore(h, folded form), read from the text while the form is not made. */
  hashMore(h: number): number {
    if (this.folded !== undefined) return hashMore(h, this.folded);
    const text = this.text, end = this.end, charCode = String.prototype.charCodeAt;
    for (let i = this.start; i < end; i++) h = Math.imul(h ^ charCode.call(text, i), FNV_PRIME);
    return h;
  }
  /** First code unit of the folded form, without making it. */
  firstUnit(): number {
    const charCode = String.prototype.charCodeAt;
    return this.folded !== undefined ? charCode.call(this.folded, 0) : charCode.call(this.text, this.start);
  }
}

/** A lower-case word's (length up to 15, first and second code units mod 128): the matcher's quick
 *  no. Two letters tell apart most common words from the few hundred that may start an
 *  alias ("the", "da", "2024"): by length and first letter alone ~40 % of a text's lower-case words
 *  passed, and each then made its string for a Set lookup. */
export function lowerPairCell(word: string): number {
  return (Math.min(word.length, 15) << 14) | ((word.charCodeAt(0) & 127) << 7) | (word.length > 1 ? word.charCodeAt(1) & 127 : 0);
}
/** Number of distinct lowerPairCell values. */
export const PAIR_CELLS = 16 << 14;

/** lowerPairCell(t.norm), without making the string of a token from tokenize(). */
export function tokenPairCell(t: Token): number {
  return t instanceof WordToken ? t.pairCell() : lowerPairCell(t.norm);
}

/** t.norm === word, without making the string of a token from tokenize(). */
export function tokenNormIs(t: Token, word: string): boolean {
  return t instanceof WordToken ? t.normIs(word) : t.norm === word;
}

/**
 * The length of t.norm when `t` is a word of tokenize() whose folded form is not made yet: a plain
 * lower-case ASCII word (every code unit below 128), which unmadeWordHash hashes from the text.
 * Else -1: the caller reads t.norm. The matcher asks it of the word after a prefix that longer
 * aliases go on from ("the", "new"): ~115k such words per 5 MB, all but a few refused by the quick
 * no, and each made its string only to be hashed and dropped (issue #8, linking speed).
 */
export function unmadeWordLength(t: Token): number {
  return t instanceof WordToken ? t.unmadeLength() : -1;
}
/** hashMore(h, t.norm) for a token whose unmadeWordLength is not -1, without making the string. */
export function unmadeWordHash(h: number, t: Token): number {
  return (t as WordToken).hashMore(h);
}

/** t.norm.charCodeAt(0), without making the string of a token from tokenize(). */
export function normFirstUnit(t: Token): number {
  return t instanceof WordToken ? t.firstUnit() : t.norm.charCodeAt(0);
}

/** FNV-1a over UTF-16 code units, the hash lib/dataset/frozen-strings.ts keys its tables with
 *  (the matcher's quick no before a lookup); HASH_BITS keeps a small integer. */
export { FNV_OFFSET, FNV_PRIME } from '../fnv';
export const HASH_BITS = 0x3fffffff;
/** Continue an FNV-1a state over the code units of `s`. */
export function hashMore(h: number, s: string): number {
  const charCode = String.prototype.charCodeAt;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ charCode.call(s, i), FNV_PRIME);
  return h;
}

const FOLD_EXTRA: Record<string, string> = {
  ı: 'i', ł: 'l', ø: 'o', đ: 'd', ð: 'd', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ħ: 'h',
};

/** Lower-case and strip diacritics ("Erdoğan" → "erdogan"). Fast path for ASCII. */
export function fold(s: string): string {
  const lower = s.toLowerCase();
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(lower)) return lower;
  let out = lower.normalize('NFD').replace(/\p{M}+/gu, '');
  if (/[ıłøđðßæœþħ]/.test(out)) out = out.replace(/[ıłøđðßæœþħ]/g, (c) => FOLD_EXTRA[c] ?? c);
  return out;
}


// A token is a run of letters, marks and digits. ASCII is classified by char code; other
// characters by one Unicode test, cached per code unit (the hot loop of the linker).
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const UPPER_CHAR = /\p{Lu}/u;
const LOWER_CHAR = /\p{Ll}/u;
/** 0 = separator, 1 = lower/other word char, 2 = upper-case letter; per UTF-16 code unit. */
const CLASS = new Uint8Array(65536);
const CLASS_KNOWN = new Uint8Array(65536);
for (let c = 0; c < 128; c++) {
  CLASS_KNOWN[c] = 1;
  if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) CLASS[c] = 1;
  else if (c >= 65 && c <= 90) CLASS[c] = 2;
}
// Soft hyphen and zero-width joiners sit inside words ("Netan\u00adyahu"): they join, and are
// left out of the folded form.
const IGNORABLE = 3;
for (const c of [0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]) { CLASS[c] = IGNORABLE; CLASS_KNOWN[c] = 1; }
// The modifier-letter apostrophe (U+02BC, "Kyivʼs", "Maʼrib") is a letter to Unicode but an apostrophe in text.
CLASS_KNOWN[0x2bc] = 1;

function classOf(c: number): number {
  if (CLASS_KNOWN[c]) return CLASS[c]!;
  const ch = String.fromCharCode(c);
  // Surrogate halves: astral letters are rare in news; treat as separators.
  const k = WORD_CHAR.test(ch) ? (UPPER_CHAR.test(ch) ? 2 : 1) : 0;
  CLASS[c] = k;
  CLASS_KNOWN[c] = 1;
  return k;
}

/** LOWER_CHAR per UTF-16 code unit, cached: 0 = not known yet, 1 = no, 2 = yes. */
const LOWER_UNIT = new Uint8Array(65536);
function isLowerUnit(c: number): boolean {
  let v = LOWER_UNIT[c]!;
  if (v === 0) LOWER_UNIT[c] = v = LOWER_CHAR.test(String.fromCharCode(c)) ? 2 : 1;
  return v === 2;
}

/** Folded forms of the non-ASCII words met so far (the same names recur); bounded, cleared when full. */
const FOLDED_WORDS = new Map<string, string>();
const FOLDED_WORDS_MAX = 20_000;
function foldWord(raw: string): string {
  let f = FOLDED_WORDS.get(raw);
  if (f === undefined) {
    f = fold(raw);
    if (FOLDED_WORDS.size >= FOLDED_WORDS_MAX) FOLDED_WORDS.clear();
    FOLDED_WORDS.set(raw, f);
  }
  return f;
}

/*
 * CHAR_CODE_NOTE. The hot loops read characters as charCode.call(text, i), charCode being
 * String.prototype.charCodeAt, not as text.charCodeAt(i). The engine remembers, per call site, which
 * kinds of string it has seen: flat or sliced, one- or two-byte, internalised (the pack's aliases,
 * which buildEntityIndex tokenises first) — more than four and the site goes "megamorphic": every
 * character then costs a generic property lookup and an unoptimised call. The linker meets all of
 * these, and its tokeniser ran at half speed (issue #4: 100 vs 63 ms per 5 MB in a process that had
 * built an index first; the same 63 ms either way written so). Through the prototype's own function
 * the optimiser knows the callee whatever the string's kind, and reads the character inline.
 */
/**
 * The folded forms of capitalised ASCII words ("Trump" → "trump") met lately, in a direct-mapped
 * cache of 2^12 cells indexed by the word's FNV-1a hash. Such words recur ("The", "He", "Trump"):
 * comparing a few characters with the cell's string costs less than the two strings (a slice and
 * its lower case) each occurrence made before, a good part of the tokeniser's garbage (issue #4,
 * speed). A clash evicts; a cell only ever holds a string equal to its word's folded form.
 */
const CAP_BITS = 12;
const CAP_WORDS: (string | undefined)[] = new Array<string | undefined>(1 << CAP_BITS).fill(undefined);
/** text[start, end) is a capital A–Z then lower-case a–z only; `h` its folded form's FNV-1a state. */
function capitalisedFolded(text: string, start: number, end: number, h: number): string {
  const charCode = String.prototype.charCodeAt;
  const at = (h ^ (h >>> CAP_BITS)) & ((1 << CAP_BITS) - 1);
  const known = CAP_WORDS[at];
  if (known !== undefined && known.length === end - start && charCode.call(known, 0) === (charCode.call(text, start) | 32)) {
    let k = 1;
    while (k < known.length && charCode.call(known, k) === charCode.call(text, start + k)) k++;
    if (k === known.length) return known;
  }
  const folded = text.slice(start, end).toLowerCase();
  CAP_WORDS[at] = folded;
  return folded;
}

/**
 * Tokenise `text`. Dotted acronyms of single capital letters ("U.S.", "U.N.", "E.U.") are merged
 * into one token spanning the letters and the final period.
 */
export function tokenize(text: string): Token[] {
  // Called through String.prototype, not as text.charCodeAt: see CHAR_CODE_NOTE above.
  const charCode = String.prototype.charCodeAt;
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = charCode.call(text, i);
    const start = i;
    // Fast paths for the two commonest words, a plain lower-case ASCII word ("said") and a
    // capitalised one ("Trump"), each ended by a separator: one tight loop, no case flags. A word
    // that turns out otherwise ("iPhone", "McCain", "Łódź", "U.S.") is scanned again from its start
    // by the general loop below, so every word gets the same token either way.
    if (c >= 97 && c <= 122) {
      i++;
      while (i < n && (((c = charCode.call(text, i)) >= 97 && c <= 122) || (c >= 48 && c <= 57))) i++;
      if (i === n || (c < 128 ? CLASS[c]! : classOf(c)) === 0) {
        out.push(new WordToken(text, start, i, Shape.Lower, undefined));
        // The separator that ended the word (a space, most often) is passed over here: read again
        // at the loop's head it would only be skipped, one more character read per word.
        i++;
        continue;
      }
      i = start;
      c = charCode.call(text, i);
    } else if (c >= 65 && c <= 90) {
      // FNV-1a of the folded word, worked out as it is scanned: it picks the word's cell in
      // CAP_WORDS (below).
      let h = Math.imul(FNV_OFFSET ^ (c | 32), FNV_PRIME);
      i++;
      while (i < n && (c = charCode.call(text, i)) >= 97 && c <= 122) { h = Math.imul(h ^ c, FNV_PRIME); i++; }
      if (i - start > 1 && (i === n || (c < 128 ? CLASS[c]! : classOf(c)) === 0)) {
        out.push(new WordToken(text, start, i, Shape.Cap, capitalisedFolded(text, start, i, h)));
        i++;
        continue;
      }
      i = start;
      c = charCode.call(text, i);
    }
    let k = c < 128 ? CLASS[c]! : classOf(c);
    if (k === 0) { i++; continue; }
    // Only whether a word has upper / lower case letters matters (its shape), not how many.
    let upper = 0, lower = 0, ascii = true, ignorable = false;
    const firstUpper = k === 2;
    while (i < n) {
      c = charCode.call(text, i);
      // Most characters of a text are ASCII lower-case letters: one range test for them.
      if (c >= 97 && c <= 122) { lower = 1; i++; continue; }
      k = c < 128 ? CLASS[c]! : classOf(c);
      if (k === 0) break;
      if (c >= 128) {
        ascii = false;
        if (k === IGNORABLE) { ignorable = true; i++; continue; }
        if (k === 2) upper = 1;
        else if (isLowerUnit(c)) lower = 1;
      } else if (k === 2) upper = 1;
      i++;
    }
    const end = i;
    // Dotted acronym: "U.S.", "U.K.", "E.U." → one upper-case token.
    if (end - start === 1 && firstUpper && charCode.call(text, end) === 46) {
      let j = end;
      let letters = text[start]!;
      while (j + 1 < n && charCode.call(text, j) === 46) {
        const d = charCode.call(text, j + 1);
        const kd = d < 128 ? CLASS[d]! : classOf(d);
        const after = j + 2 < n ? charCode.call(text, j + 2) : 32;
        const ka = after < 128 ? CLASS[after]! : classOf(after);
        if (kd !== 2 || ka !== 0) break;
        letters += text[j + 1];
        j += 2;
      }
      if (letters.length > 1) {
        // The final period belongs to the abbreviation ("U.S." as written).
        const stop = charCode.call(text, j) === 46 ? j + 1 : j;
        out.push(new WordToken(text, start, stop, Shape.Upper, letters.toLowerCase()));
        i = j;
        continue;
      }
    }
    if (ascii && upper === 0) {
      // Plain lower-case ASCII (never empty, no ignorables): its text is its folded form.
      out.push(new WordToken(text, start, end, Shape.Lower, undefined));
      continue;
    }
    let raw = text.slice(start, end);
    if (ignorable) raw = raw.replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '');
    if (!raw) continue;
    const shape = upper === 0 ? Shape.Lower : lower === 0 ? Shape.Upper : firstUpper ? Shape.Cap : Shape.Lower;
    const norm = ascii ? (upper === 0 ? raw : raw.toLowerCase()) : foldWord(raw);
    out.push(new WordToken(text, start, end, shape, norm));
  }
  return out;
}

/** Folded token forms of an alias, e.g. "Donald J. Trump" → ["donald", "j", "trump"]. */
export function aliasTokens(alias: string): string[] {
  return tokenize(alias).map((t) => t.norm);
}

/** The lookup key of an alias: its folded tokens joined by single spaces. */
export function aliasKey(alias: string): string {
  return aliasTokens(alias).join(' ');
}

/** Typographic variants folded for display comparisons: curly quotes and dashes. */
export function plainPunctuation(s: string): string {
  return s.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u2010-\u2015\u2212]/g, '-');
}

/** Exactly one space or no-break space between two tokens: what joins the words of one name. Asked
 *  by most rules of most matches, so read as one character (String.prototype, CHAR_CODE_NOTE), not
 *  as a slice and a regex (issue #8, linking long pages). */
export const spaceBetween = (text: string, a: Token, b: Token): boolean => {
  if (b.start - a.end !== 1) return false;
  const c = String.prototype.charCodeAt.call(text, a.end);
  return c === 32 || c === 0xa0;
};

/** Is token `i` the "s" of a possessive ("Patrick's", "Women’s"): an "s" token with exactly one
 *  apostrophe (straight or curly) between it and the token before? Read as characters, as
 *  spaceBetween is. */
export function apostropheS(text: string, tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (i <= 0 || t === undefined || t.norm !== 's') return false;
  const before = tokens[i - 1]!;
  if (t.start - before.end !== 1) return false;
  const c = String.prototype.charCodeAt.call(text, before.end);
  return c === 39 || c === 0x2019;
}

/** Is text[i] a hyphen (U+002D, U+2010 or U+2011; not a dash: an en dash joins two names, "the
 *  Rzeszów–Kraków road")? One character code, as spaceBetween reads; false past the text's end. */
export function hyphenAt(text: string, i: number): boolean {
  const c = String.prototype.charCodeAt.call(text, i);
  return c === 45 || c === 0x2010 || c === 0x2011;
}

/** /^\d+$/ over text[from, to): ASCII digits only, at least one. Read as character codes, as
 *  spaceBetween is: rules ask it of the word after most matches (issue #8, linking long pages). */
export function asciiDigitsAt(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  const charCode = String.prototype.charCodeAt;
  for (let i = from; i < to; i++) {
    const c = charCode.call(text, i);
    if (!(c >= 48 && c <= 57)) return false;
  }
  return true;
}
