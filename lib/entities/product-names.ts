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

/** Code-name cues, folded; "code name" is read as its last word after "code ". */
const CODE_NAME_WORDS = new Set(['codenamed', 'code-named', 'codename', 'code-name']);

/**
 * Does the match starting at `start` name a release or a project ("macOS Monterey", "codenamed
 * Longhorn")? Reads characters in place and slices only a word that opens with "c" (issue #8: asked
 * of every place and body about to link).
 */
export function releaseOrCodeName(text: string, start: number): boolean {
  let p = start;
  const q = text.charCodeAt(p - 1);
  if (q === 34 || q === 0x201c || q === 39 || q === 0x2018) p--;
  // The cheap test first: one space before, a letter before that.
  if (p < 2 || text.charCodeAt(p - 1) !== 32) return false;
  const e = p - 1;
  let k = e, upper = false, hyphen = false;
  while (k > 0 && e - k < 16) {
    const c = text.charCodeAt(k - 1);
    if (c >= 65 && c <= 90) upper = true;
    else if (c === 45) hyphen = true;
    else if (!(c >= 97 && c <= 122)) break;
    k--;
  }
  if (k === e) return false;
  const first = text.charCodeAt(k);
  // A product line's name: lower-case first, a capital inside, no hyphen ("macOS", "iPadOS"; not
  // "pro-EU" nor "al-Qaeda-aligned", prefixes).
  if (first >= 97 && first <= 122 && upper && !hyphen && e - k >= 3) return true;
  const n = e - k;
  if (!((first === 99 || first === 67) && n >= 8 && n <= 10) && !(first === 110 && n === 4)) return false; // "codename…", or "name"
  const word = text.slice(k, e).toLowerCase();
  if (CODE_NAME_WORDS.has(word)) return true;
  return word === 'name' && k >= 5 && text.slice(k - 5, k).toLowerCase() === 'code ';
}
