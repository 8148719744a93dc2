/**
 * A small, dependency-free English sentence splitter for news prose.
 *
 * splitSentences(text) → [{ text, start, end }] with UTF-16 offsets into `text` (end exclusive,
 * surrounding whitespace trimmed). It breaks after . ! ? (and … ) when followed by whitespace and
 * something that can open a sentence (capital, digit, quote, bracket), keeps closing quotes and
 * brackets with the sentence they end, and does not break after common abbreviations
 * ("Mr.", "U.S.", "Jan.", "Gen."), single initials ("J. K. Rowling") or inside an open quotation
 * that has not closed yet when the next word is lower-case.
 */

export interface Sentence {
  text: string;
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set(
  (
    'mr mrs ms mx dr prof sr jr st mt ft gen col lt sgt capt cmdr adm gov sen rep rev hon pres supt insp ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'inc ltd co corp plc llc bros dept univ assn est approx no nos vol vols fig figs p pp ed eds ' +
    'vs etc al e.g i.e cf ca c u.s u.k u.n u.s.a e.u a.m p.m d.c'
  ).split(' '),
);

const CLOSERS = '"\'”’)]»';
const OPENERS = '"\'“‘([«';

function isUpperStart(ch: string | undefined): boolean {
  if (!ch) return false;
  return /[\p{Lu}\p{N}]/u.test(ch) || OPENERS.includes(ch) || ch === '—' || ch === '-';
}

/** The word that ends just before position `dot` (the '.' itself), lower-cased, without leading punctuation. */
function wordBefore(text: string, dot: number): string {
  let i = dot - 1;
  while (i >= 0 && /[\p{L}\p{N}.]/u.test(text[i]!)) i--;
  return text.slice(i + 1, dot).toLowerCase();
}

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const n = text.length;
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ text: text.slice(s, e), start: s, end: e });
  };
  for (let i = 0; i < n; i++) {
    const ch = text[i]!;
    if (ch === '\n' && text[i + 1] === '\n') {
      push(start, i);
      start = i + 1;
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') continue;
    // Swallow runs of terminal punctuation and closers: ?!  ."  .)”
    let j = i + 1;
    while (j < n && (text[j] === '.' || text[j] === '!' || text[j] === '?' || text[j] === '…')) j++;
    while (j < n && CLOSERS.includes(text[j]!)) j++;
    if (j < n && !/\s/.test(text[j]!)) continue; // "3.5", "U.S.-led", "e.g.,"
    let k = j;
    while (k < n && /\s/.test(text[k]!)) k++;
    if (k >= n) break;
    if (!isUpperStart(text[k])) continue;
    if (ch === '.' && j === i + 1) {
      const w = wordBefore(text, i);
      if (ABBREVIATIONS.has(w)) continue;
      if (/^\p{Lu}$/u.test(text[i - 1] ?? '') && w.length === 1) continue; // initial: "J. K."
    }
    push(start, j);
    start = j;
    i = j - 1;
  }
  push(start, n);
  return out;
}

/** Sentence texts only. */
export function sentences(text: string): string[] {
  return splitSentences(text).map((s) => s.text);
}
