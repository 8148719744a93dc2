/**
 * Product and release names that are places' names (issue #4, session 20, pagesprec25): technical
 * pages name software releases after places ("macOS Monterey", "iPadOS", "OS X Yosemite") and give
 * projects code names ("codenamed Longhorn", "code-named Dublin"). The place's name there names the
 * release or the project, not the place.
 *
 * Read from the word right before the match only (one space between):
 *  - a word written lower-case first with a capital inside ("macOS", "iOS", "watchOS", "visionOS"):
 *    a product line's name, which no one writes before a place it is in;
 *  - "codenamed", "code-named", "codename", "code name" (an opening quote may follow);
 *  - "OS X", the old spelling of Apple's "macOS" ("OS X Yosemite").
 * And a list going on from such a release names releases too: "macOS Monterey, Ventura and
 * Sonoma" (releaseListGoesOn; session 20, pagesprec26).
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
  // "OS X Yosemite": "X" after "OS ", the product line's older name.
  if (e - k === 1 && text.charCodeAt(k) === 88 && k >= 3 && text.charCodeAt(k - 1) === 32 && text.charCodeAt(k - 2) === 83 && text.charCodeAt(k - 3) === 79 && (k === 3 || !isLetter(text.charCodeAt(k - 4)))) return true;
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

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** The gap between two items of a list: ", ", " and ", ", and ", " or ", ", or ", " & ", " / ". */
const LIST_GAP = /^(?:,? (?:and|or|&) |, | ?\/ ?)$/;

/**
 * Does the match starting at `start` go on a list whose last item, ending at `releaseEnd`, was a
 * release's name ("macOS Monterey, [Ventura] and [Sonoma]")? Only the gap is read, and only when
 * it is short (a release was met in this block: most blocks have none).
 */
export function releaseListGoesOn(text: string, start: number, releaseEnd: number): boolean {
  const gap = start - releaseEnd;
  return releaseEnd >= 0 && gap >= 2 && gap <= 6 && LIST_GAP.test(text.slice(releaseEnd, start));
}
