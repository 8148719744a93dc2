/**
 * "the Donetsk region", "the province of Málaga", "Idlib governorate": a place name with an
 * administrative noun written beside it in lower case means the region, not the city of the same
 * name. The pack keeps such regions under their full names ("Donetsk Oblast", "Idlib Governorate"),
 * and its compiler gives the bare name to the city (lib/dataset/compile-entities.ts, the one-country
 * alias rule), so the linker looks the region up by the name + each suffix the noun may stand for.
 * Pure functions over a block's tokens.
 */
import { Shape, spaceBetween, type Token } from './normalize';

/** Lower-case administrative nouns → the suffixes of region names they may stand for. */
const REGION_SUFFIXES = new Map<string, readonly string[]>([
  ['region', ['oblast', 'region', 'province', 'governorate', 'krai']],
  ['oblast', ['oblast']],
  ['province', ['province', 'governorate']],
  ['governorate', ['governorate', 'province']],
  ['prefecture', ['prefecture']],
  ['district', ['district']],
  ['county', ['county']],
  ['krai', ['krai']],
]);

/**
 * The region suffixes an administrative noun beside the match stands for: right after it ("Donetsk
 * region") or as "<noun> of" right before it ("the province of Málaga"); undefined when there is none.
 * `from`, `to`: the match's token range.
 */
export function regionNounAround(text: string, tokens: Token[], from: number, to: number): readonly string[] | undefined {
  const next = tokens[to];
  if (next && next.shape === Shape.Lower && spaceBetween(text, tokens[to - 1]!, next)) {
    const s = REGION_SUFFIXES.get(next.norm);
    if (s) return s;
  }
  const of = tokens[from - 1], noun = tokens[from - 2];
  if (of && noun && of.norm === 'of' && of.shape === Shape.Lower && noun.shape === Shape.Lower && spaceBetween(text, of, tokens[from]!) && spaceBetween(text, noun, of)) {
    return REGION_SUFFIXES.get(noun.norm);
  }
  return undefined;
}
