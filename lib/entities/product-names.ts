/**
 * Product and release names that are places' names (issue #4, session 20, pagesprec25): technical
 * pages name software releases after places ("macOS Monterey", "iPadOS", "OS X Yosemite") and give
 * projects code names ("codenamed Longhorn", "code-named Dublin"). The place's name there names the
 * release or the project, not the place.
 *
 * Read from the word right before the match only (one space between):
 *  - a word written lower-case first with a capital inside ("macOS", "iOS", "watchOS", "visionOS"):
 *    a product line's name, which no one writes before a place it is in;
 *  - "codenamed", "code-named", "codename", "code name" (an opening quote may follow).
 */

const CODE_NAME_WORDS = new Set(['codenamed', 'code-named', 'codename', 'code-name']);

/** The word ending right before `start`, one space (and maybe an opening quote) between, as written. */
function wordBefore(text: string, start: number): string | undefined {
  let p = start;
  const q = text.charCodeAt(p - 1);
  if (q === 34 || q === 0x201c || q === 39 || q === 0x2018) p--;
  if (p < 2 || text.charCodeAt(p - 1) !== 32) return undefined;
  let k = p - 1;
  while (k > 0 && p - 1 - k < 16) {
    const c = text.charCodeAt(k - 1);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 45)) break;
    k--;
  }
  return k < p - 1 ? text.slice(k, p - 1) : undefined;
}

/** A product line's name: lower-case first, a capital inside, letters only ("macOS", "iPadOS"). */
function productLineWord(w: string): boolean {
  const c = w.charCodeAt(0);
  if (!(c >= 97 && c <= 122) || w.length < 3) return false;
  let upper = false;
  for (let i = 1; i < w.length; i++) {
    const d = w.charCodeAt(i);
    if (d === 45) return false; // "pro-EU", "al-Qaeda-aligned": a prefix, not a product's name
    if (d >= 65 && d <= 90) upper = true;
  }
  return upper;
}

/** Does the match starting at `start` name a release or a project ("macOS Monterey", "codenamed Longhorn")? */
export function releaseOrCodeName(text: string, start: number): boolean {
  // The cheap test first: a space or a quote right before, a letter before that.
  const w = wordBefore(text, start);
  if (w === undefined) return false;
  if (productLineWord(w)) return true;
  const folded = w.toLowerCase();
  if (CODE_NAME_WORDS.has(folded)) return true;
  return folded === 'name' && text.slice(Math.max(0, start - 12), start).toLowerCase().includes('code name');
}
