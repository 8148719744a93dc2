/**
 * Names inside a web address or a file path (issue #4, session 20, pagesprec25). Technical pages,
 * documentation and reference lists print addresses as text: "https://example.com/news/London/…",
 * "developer.mozilla.org/en-US/docs" (the unlabelled pages' "locale-code-in-url" link: "en-[[US]]").
 * A word of an address is no mention of the place or body it spells.
 *
 * Read from the characters around the match only: a match starting after a character of an address
 * ("/", ".", "-", "=", "_", "?", "#", "%", "&", "+", ":") or ending before "/" — then its run of
 * non-space characters is an address when it holds "://" or opens with "www.", or a path when it
 * holds three "/" or more ("US/Apps/Build/Manifest", not "Israel/Gaza" nor "US/UK/EU").
 */

/** Characters that join a word to the address around it. */
function addressJoiner(c: number): boolean {
  return c === 47 || c === 46 || c === 45 || c === 61 || c === 95 || c === 63 || c === 35 || c === 37 || c === 38 || c === 43 || c === 58;
}

function space(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || Number.isNaN(c);
}

/** Is the text from `start` to `end` (a match's span) a word of a web address or a path? */
export function insideWebAddress(text: string, start: number, end: number): boolean {
  // The cheap test first: an address's character touching the match.
  const before = start > 0 ? text.charCodeAt(start - 1) : NaN;
  const after = text.charCodeAt(end);
  if (!(addressJoiner(before) || after === 47)) return false;
  let a = start, b = end;
  while (a > 0 && !space(text.charCodeAt(a - 1))) a--;
  while (b < text.length && !space(text.charCodeAt(b))) b++;
  const run = text.slice(a, b);
  if (run.includes('://') || run.startsWith('www.')) return true;
  let slashes = 0;
  for (let i = 0; i < run.length; i++) if (run.charCodeAt(i) === 47) slashes++;
  return slashes >= 3;
}
