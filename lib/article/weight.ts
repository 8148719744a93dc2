/**
 * Text length for thresholds, fair to scripts written without spaces. One Han, kana or Hangul
 * character carries about as much as three Latin letters (a short word), so length thresholds
 * tuned on English ("a paragraph of 140+ characters") would miss whole Chinese or Japanese
 * articles. Offsets and link densities keep using plain `.length`.
 */
const CJK = /[\u1100-\u11ff\u2e80-\u2fdf\u3040-\u30ff\u3100-\u31bf\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/g;
const CJK_ONE = /[\u1100-\u11ff\u2e80-\u2fdf\u3040-\u30ff\u3100-\u31bf\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/;

export function textWeight(s: string): number {
  if (!CJK_ONE.test(s)) return s.length;
  return s.length + 2 * (s.match(CJK)?.length ?? 0);
}
