/**
 * The article text the publisher declares in schema.org JSON-LD (`articleBody`), as a check on
 * the extraction: when the blocks we chose cover little of it, the root was wrong (a gallery, a
 * teaser list, a box beside the story) and the blocks that ARE the declared text show where the
 * story is. Word 4-gram shingles, so markup, spacing and case differences do not matter.
 */
import { ARTICLE_TYPES, jsonLdNodes, typesOf } from './jsonld';

/** Shorter declared bodies are often a summary or a truncated teaser: no check. */
const MIN_DECLARED = 400;
const WORD = /[\p{L}\p{N}]+/gu;

/** The declared article text (tags stripped), or null when there is none worth checking against. */
export function declaredBody(doc: Document): string | null {
  for (const node of jsonLdNodes(doc)) {
    if (!typesOf(node).some((t) => ARTICLE_TYPES.has(t))) continue;
    const body = node['articleBody'];
    if (typeof body !== 'string') continue;
    const text = body.replace(/<[^>]*>/g, ' ');
    if (text.length >= MIN_DECLARED) return text;
  }
  return null;
}

/** Word 4-gram shingles of a text (lower-cased letter/digit runs). */
export function shingles(text: string): Set<string> {
  const w = text.toLowerCase().match(WORD) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + 4 <= w.length; i++) out.add(`${w[i]} ${w[i + 1]} ${w[i + 2]} ${w[i + 3]}`);
  return out;
}

/** Share of `of`'s shingles that are in `inSet` (1 when `of` has none). */
export function covered(of: Set<string>, inSet: Set<string>): number {
  if (of.size === 0) return 1;
  let n = 0;
  for (const s of of) if (inSet.has(s)) n++;
  return n / of.size;
}
