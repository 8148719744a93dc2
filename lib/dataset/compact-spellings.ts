/**
 * A name or alias as its own alias slot key plus a few case flips, for the runtime pack's entity
 * records (lib/entities/frozen-index.ts). The image stores every slot key ("donald trump") once
 * already, and 42k of the default pack's 50.7k names and 13.5k of its 23k aliases are that key
 * with only the case changed: 36k names are it with each word capitalised, most others a flip or
 * two away ("McCain", "Bank of England"). The text that repeated the key was ~1 MB of the image
 * (issue #8: the image's fetch at first start, the store zip's limit). A string is coded only
 * when it reads back as the very same text; any other (diacritics, punctuation) stays a string.
 *
 *   spelling = the key with each word's first letter in upper case, then the case of the
 *              letters at the listed positions (UTF-16 code units) flipped
 *   stored   = the number of flips, then each position as its distance from the one before
 *              (the first from the start)
 */

/** Most flips a coded spelling may have (beyond this the text is cheaper as itself). */
export const MAX_FLIPS = 8;

/** The key with the first letter of each word (after the start or a space) in upper case. */
function capitalised(key: string): string {
  let out = '', done = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c === 32 || (i > 0 && key.charCodeAt(i - 1) !== 32)) continue;
    // A plain ASCII letter without a call (most words).
    out += key.slice(done, i) + (c >= 97 && c <= 122 ? String.fromCharCode(c - 32) : key[i]!.toUpperCase());
    done = i + 1;
  }
  return done === 0 ? key : out + key.slice(done);
}

const flip = (c: string): string => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase());

/** The text for a key and the flip positions made by spellingOf. */
export function spelledText(key: string, flips: readonly number[]): string {
  let s = capitalised(key);
  if (s.length !== key.length) throw new Error('spellings: a key whose capitals change its length');
  for (const p of flips) {
    if (p >= s.length) throw new Error(`spellings: a flip at ${p} past the key's end`);
    s = s.slice(0, p) + flip(s[p]!) + s.slice(p + 1);
  }
  return s;
}

/** The positions that spell `text` from `key`, or null when no spelling gives it back unchanged. */
export function spellingOf(text: string, key: string): number[] | null {
  if (text.length !== key.length || text.toLowerCase() !== key) return null;
  const base = capitalised(key);
  if (base.length !== key.length) return null;
  const flips: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === base[i]) continue;
    if (flips.length === MAX_FLIPS) return null;
    flips.push(i);
  }
  return spelledText(key, flips) === text ? flips : null;
}
