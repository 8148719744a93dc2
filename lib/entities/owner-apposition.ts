/**
 * "South Korea's main conservative party, People Power": a possessive country, a lower-case
 * description ending in an organisation noun, a comma, and the name. The name is that country's
 * organisation; a record of another country is a namesake (Hong Kong's People Power, at the
 * default prominence, took the Korean party's name). countryBefore (link.ts) reads the possessive
 * only right before the name; this reads it across the describing words. Pure functions over a
 * block's tokens.
 */
import { apostropheS, Shape, spaceBetween, type Token } from './normalize';

/** Nouns that end such a description: what the appositive name is an instance of. */
const OWNED_NOUNS = new Set(['party', 'coalition', 'alliance', 'bloc', 'movement', 'union', 'front', 'group', 'federation', 'league']);
/** The most words between the possessive and the noun ("main opposition", "largest centre-right"). */
const DESCRIBING_WORDS = 4;

/**
 * Where a possessive owner of an apposition before the match ends: the index of the token right
 * after the owner's last word (the apostrophe's "s"), for the caller to find a country's match
 * ending there; undefined when the words before the match are not "<owner>'s <words> <noun>, ".
 * `from`: the match's first token.
 */
export function appositionOwnerEnd(text: string, tokens: readonly Token[], from: number): number | undefined {
  const first = tokens[from], noun = tokens[from - 1];
  if (!first || !noun || noun.shape !== Shape.Lower || !OWNED_NOUNS.has(noun.norm)) return undefined;
  if (first.start - noun.end !== 2 || text.charCodeAt(noun.end) !== 44 || text.charCodeAt(noun.end + 1) !== 32) return undefined;
  // Walk back over lower-case words joined by spaces (a hyphen inside one: "centre-right") to "'s".
  for (let k = from - 1, words = 0; k > 1 && words <= DESCRIBING_WORDS; k--, words++) {
    const t = tokens[k]!, before = tokens[k - 1]!;
    if (apostropheS(text, tokens, k - 1) && spaceBetween(text, before, t)) return k - 1;
    if (before.shape !== Shape.Lower || !(spaceBetween(text, before, t) || (t.start - before.end === 1 && text.charCodeAt(before.end) === 45))) return undefined;
  }
  return undefined;
}
