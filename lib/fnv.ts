/**
 * FNV-1a (32-bit) over UTF-16 code units: the one small string hash the extension uses — the
 * frozen alias tables' keys (lib/dataset/frozen-strings.ts, and the matcher's quick no before a
 * lookup, which must agree with them), the opinion model's hashed features, and the history's chunk
 * of a URL (lib/store/history.ts). Changing it changes stored tables and trained weights.
 */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** The hash of `s`, continuing from state `h` (default: a fresh hash), as an unsigned integer. */
export function fnv1a(s: string, h = FNV_OFFSET): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}
