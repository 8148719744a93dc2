/**
 * A name or alias as its own alias slot key plus a few edits, for the runtime pack's entity
 * records (lib/entities/frozen-index.ts). The image stores every slot key ("donald trump") once
 * already, and most of the default pack's names and aliases are that key with each word
 * capitalised (36k of 50.7k names), the case of a letter or two changed ("McCain", "Bank of
 * England"), a letter's diacritic put back ("José") or punctuation the key drops ("U.S.",
 * "al-Assad"). The text that repeated the key was ~1 MB of the image (issue #8: the image's fetch
 * at first start, the store zip's limit). A string is coded only when it reads back as the very
 * same text in fewer bytes; any other stays a string.
 *
 *   spelling = the key with each word's first letter in upper case (UTF-16 code units), then
 *              edited left to right: each edit copies `gap` units, then does `op`:
 *                0        the next unit with its case flipped
 *                1        the next unit left out
 *                2 + 2c   the next unit replaced by unit c
 *                3 + 2c   unit c put in
 *              and the rest is copied
 *   stored   = the number of edits, then each edit's gap and op
 */

/** Most edits a coded spelling may have. */
export const MAX_EDITS = 8;

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

/** The text for a key and the edits (gap, op, gap, op, …) made by spellingOf. */
export function spelledText(key: string, edits: readonly number[]): string {
  const base = capitalised(key);
  if (edits.length === 0) return base;
  let out = '', at = 0;
  for (let k = 0; k < edits.length; k += 2) {
    const to = at + edits[k]!, op = edits[k + 1]!;
    const takesAUnit = op < 2 || (op & 1) === 0;
    if (to > base.length || (takesAUnit && to >= base.length)) throw new Error("spellings: an edit past the key's end");
    out += base.slice(at, to);
    at = to;
    if (op === 0) out += flip(base[at++]!);
    else if (op === 1) at++;
    else if (op & 1) out += String.fromCharCode((op - 3) / 2);
    else out += String.fromCharCode((op - 2) / 2), at++;
  }
  return out + base.slice(at);
}

const varintBytes = (n: number): number => (n < 0x80 ? 1 : n < 0x4000 ? 2 : 3);

/**
 * The edits that spell `text` from `key` (the fewest by cost: a flip or a left-out unit 1, a
 * replaced or put-in unit 2), or null when none give it back unchanged in fewer stored bytes
 * than the text's own.
 */
export function spellingOf(text: string, key: string): number[] | null {
  const base = capitalised(key);
  if (text === base) return [];
  const n = base.length, m = text.length;
  if (Math.abs(n - m) > MAX_EDITS) return null;
  // cost[i][j]: base[i..] into text[j..].
  const w = m + 1;
  const cost = new Uint16Array((n + 1) * w);
  for (let i = n; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      if (i === n && j === m) continue;
      let best = 0xffff;
      if (i < n && j < m) {
        const a = base[i]!, b = text[j]!;
        const c = a === b ? 0 : flip(a) === b && flip(b) === a ? 1 : 2;
        best = c + cost[(i + 1) * w + j + 1]!;
      }
      if (i < n) best = Math.min(best, 1 + cost[(i + 1) * w + j]!);
      if (j < m) best = Math.min(best, 2 + cost[i * w + j + 1]!);
      cost[i * w + j] = best;
    }
  }
  const edits: number[] = [];
  let i = 0, j = 0, last = 0;
  const edit = (op: number) => {
    edits.push(i - last, op);
  };
  while (i < n || j < m) {
    const here = cost[i * w + j]!;
    if (i < n && j < m) {
      const a = base[i]!, b = text[j]!;
      if (a === b && here === cost[(i + 1) * w + j + 1]) { i++, j++; continue; }
      const c = a === b ? 0 : flip(a) === b && flip(b) === a ? 1 : 2;
      if (c > 0 && here === c + cost[(i + 1) * w + j + 1]!) {
        edit(c === 1 ? 0 : 2 + 2 * b.charCodeAt(0));
        i++, j++, last = i;
        continue;
      }
    }
    if (i < n && here === 1 + cost[(i + 1) * w + j]!) {
      edit(1);
      i++, last = i;
      continue;
    }
    edit(3 + 2 * text.charCodeAt(j));
    j++, last = i;
  }
  if (edits.length > 2 * MAX_EDITS) return null;
  let bytes = 1;
  for (const v of edits) bytes += varintBytes(v);
  if (bytes >= new TextEncoder().encode(text).length) return null;
  return spelledText(key, edits) === text ? edits : null;
}
