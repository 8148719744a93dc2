/**
 * The model file's per-word scores (the embedding term folded into one integer per word,
 * lib/opinion/train.ts), read in place: the file keeps them as one string of entries, each a word
 * and its quantised score as two hex digits (score + 128, so 01–ff), sorted by word (UTF-16 code
 * units, as Array.prototype.sort) and separated by spaces:
 *
 *   "able9c about7e abroad83 …"      able → (0x9c − 128) × scale
 *
 * A lookup is a binary search over the string's characters (a position, back to its entry's
 * start, compare), so nothing is made when the model loads. Issue #8: the Map this replaces (a
 * string made by split and a Map entry for each of 19,782 words) cost ~15 ms of a cold worker's
 * first article, and hashing the words into a typed-array table at first use is no cheaper in
 * cold code (~11 ms for FrozenStrings over their bytes, measured in a fresh Node process).
 */

const SPACE = 0x20;
/** Hex digits per score, and the offset that makes a score in [-127, 127] a positive number. */
const SCORE_DIGITS = 2;
const SCORE_OFFSET = 128;

/** Entries for distinct words (no spaces, non-empty) and their integer scores in [-127, 127]. */
export function encodeWordScores(words: readonly string[], scores: readonly number[]): string {
  if (words.length !== scores.length) throw new Error('word scores: words and scores differ in count');
  const order = words.map((_, i) => i).sort((a, b) => (words[a]! < words[b]! ? -1 : words[a]! > words[b]! ? 1 : 0));
  return order
    .map((i, k) => {
      const w = words[i]!, q = scores[i]!;
      if (!w || w.includes(' ')) throw new Error(`word scores: word ${JSON.stringify(w)} is empty or has a space`);
      if (k > 0 && words[order[k - 1]!] === w) throw new Error(`word scores: ${JSON.stringify(w)} twice`);
      if (!Number.isInteger(q) || q < -127 || q > 127) throw new Error(`word scores: ${w}'s score ${q} is not an integer in [-127, 127]`);
      return w + (q + SCORE_OFFSET).toString(16).padStart(SCORE_DIGITS, '0');
    })
    .join(' ');
}

/** Value of one hex digit's code unit (0–9, a–f), NaN otherwise. */
function hexDigit(c: number): number {
  return c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x61 + 10 : NaN;
}

/** Sign of table[s, e) compared with `word`, by UTF-16 code units. */
function compareAt(table: string, s: number, e: number, word: string): number {
  const n = e - s, m = word.length;
  for (let k = 0; k < n && k < m; k++) {
    const d = table.charCodeAt(s + k) - word.charCodeAt(k);
    if (d !== 0) return d;
  }
  return n - m;
}

/**
 * The integer score of `word` in an encodeWordScores string, or 0 when it has none (a stored
 * score is never 0: the trainer drops those). Throws on an entry that is not word + hex digits.
 */
export function wordScoreIn(table: string, word: string): number {
  // [lo, hi) holds whole entries: lo is an entry's start, hi one's start or the end.
  let lo = 0, hi = table.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const s = table.lastIndexOf(' ', mid - 1) + 1; // the start of the entry holding mid (or ending at it)
    let e = table.indexOf(' ', s);
    if (e < 0) e = table.length;
    const c = compareAt(table, s, e - SCORE_DIGITS, word);
    if (c === 0) {
      const q = hexDigit(table.charCodeAt(e - 2)) * 16 + hexDigit(table.charCodeAt(e - 1)) - SCORE_OFFSET;
      if (!(e - s > SCORE_DIGITS && q >= -127 && q <= 127)) throw new Error(`word scores: bad entry ${JSON.stringify(table.slice(s, e))}`);
      return q;
    }
    if (c > 0) hi = s;
    else lo = e + 1;
  }
  return 0;
}
