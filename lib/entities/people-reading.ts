/**
 * A region's one-word alias read as the people it is named after (issue #4, session 16). Several
 * regions carry a people's name ("Amhara", "Afar", "Somali", "Sidama"), and the compiler vouches
 * such one-word aliases for them (lib/dataset/news-alias-country.ts). Written before a lower-case
 * noun of persons ("150–160 Amhara civilians", "Afar fighters", "Amhara militia") or after
 * "ethnic", the word is the people, not the region; the region's own full name ("the Amhara
 * Region") and "in Amhara" still link. Pure functions over a block's tokens.
 */
import { Shape, spaceBetween, type Token } from './normalize';

/** Lower-case nouns of persons that a people's name qualifies. Not "forces" or "troops": a
 *  region's forces are its government's ("Tigray forces", "Jubaland forces"). */
const PERSON_NOUNS = new Set([
  'civilians', 'people', 'peoples', 'militia', 'militias', 'militiamen', 'fighters', 'farmers', 'herders', 'pastoralists',
  'youths', 'youth', 'elders', 'men', 'women', 'villagers', 'community', 'communities', 'minority', 'minorities', 'ethnic',
]);

/**
 * Is the one-word name at token `from` the people rather than the region: a person noun right
 * after it, or "ethnic" right before it? The caller asks only of a region reached by an alias.
 */
export function peopleReading(text: string, tokens: Token[], from: number): boolean {
  const prev = tokens[from - 1], next = tokens[from + 1], t = tokens[from]!;
  if (next && next.shape === Shape.Lower && PERSON_NOUNS.has(next.norm) && next.norm !== 'ethnic' && spaceBetween(text, t, next)) return true;
  return !!prev && prev.norm === 'ethnic' && prev.shape !== Shape.Upper && spaceBetween(text, prev, t);
}
