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

function shapeOf(raw: string): Shape {
  const lower = raw.toLowerCase();
  const upper = raw.toUpperCase();
  if (raw === lower) return Shape.Lower; // digits or lower case
  if (raw === upper) return Shape.Upper;
  const first = raw[0]!;
  return first !== first.toLowerCase() ? Shape.Cap : Shape.Lower; // "iPhone" counts as lower
}

// A token is a run of letters, marks and digits. Combining marks stay inside the word.
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * Tokenise `text`. Dotted acronyms of single capital letters ("U.S.", "U.N.", "E.U.") are merged
 * into one token spanning the letters (end excludes a final period).
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(text))) {
    const raw = m[0];
    const start = m.index;
    const end = start + raw.length;
    // Dotted acronym: single upper letter followed by "." and another single upper letter.
    if (raw.length === 1 && text.charCodeAt(end) === 46 /* . */ && /\p{Lu}/u.test(raw)) {
      let j = end;
      let letters = raw;
      while (text.charCodeAt(j) === 46 && j + 1 < text.length && /\p{Lu}/u.test(text[j + 1]!) && !/[\p{L}\p{N}]/u.test(text[j + 2] ?? ' ')) {
        letters += text[j + 1];
        j += 2;
      }
      if (letters.length > 1) {
        out.push({ norm: fold(letters), start, end: j, shape: Shape.Upper });
        WORD.lastIndex = j;
        continue;
      }
    }
    out.push({ norm: fold(raw), start, end, shape: shapeOf(raw) });
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
