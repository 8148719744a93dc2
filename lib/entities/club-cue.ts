/**
 * "Super League member club Liverpool plays Leeds United", "protest against Liverpool's involvement in
 * the breakaway league": in a sentence about football a city's name stands for the club named after
 * it (issue #4, session 19: place-for-institution on fresh audits 9 and 10). The pack holds the clubs
 * under names that add a club word to the city's ("Liverpool FC", "FC Barcelona"); the linker swaps
 * the city for that club, in the city's country, when a football word shares the sentence.
 * Pure functions over a block's tokens; the caller asks only for a city's link.
 */
import { Shape, spaceBetween, type Token } from './normalize';

/** Lower-case words of association football that make a city's name its club's. "manager", "fans",
 *  "season" are left out: cities have managers, and news counts seasons of anything. */
const FOOTBALL_WORDS = new Set([
  'club', 'clubs', 'league', 'football', 'footballer', 'soccer', 'striker', 'midfielder', 'goalkeeper', 'defender',
  'winger', 'fixture', 'derby', 'kickoff', 'relegation', 'relegated',
]);

/** How far either side of the name a football word may stand (tokens, within one sentence). */
const REACH = 10;

/** Prepositions of location: "a meeting held in Liverpool" is the city whatever the sentence's topic. */
const IN_PLACE_BEFORE = new Set(['in', 'near', 'outside', 'across', 'around', 'into', 'inside']);

/** Is a football word (lower case) within REACH tokens of the name at `from`…`to`, in its sentence,
 *  and the name not right after a preposition of location? */
export function footballWordNear(text: string, tokens: Token[], from: number, to: number): boolean {
  const prev = tokens[from - 1];
  if (prev && prev.shape === Shape.Lower && IN_PLACE_BEFORE.has(prev.norm)) return false;
  if (addressPart(text, tokens, from)) return false;
  for (let k = from - 1; k >= 0 && k >= from - REACH; k--) {
    if (sentenceSignBetween(text, tokens[k]!.end, tokens[k + 1]!.start)) break;
    if (footballWord(tokens[k]!)) return true;
  }
  for (let k = to; k < tokens.length && k < to + REACH; k++) {
    if (sentenceSignBetween(text, tokens[k - 1]!.end, tokens[k]!.start)) break;
    if (footballWord(tokens[k]!)) return true;
  }
  return false;
}

/** "at Anfield, Liverpool", "in Walton, Liverpool, England": the name after "<in/at> <Name>, " is the
 *  larger part of an address, the city. */
function addressPart(text: string, tokens: Token[], from: number): boolean {
  const site = tokens[from - 1];
  if (!site || site.shape !== Shape.Cap || text.slice(site.end, tokens[from]!.start) !== ', ') return false;
  // The site's name: up to three capitalised words ("Rowan Park"), then "at" or "in".
  for (let k = from - 2; k >= 0 && k >= from - 4; k--) {
    const t = tokens[k]!;
    if (!spaceBetween(text, t, tokens[k + 1]!)) return false;
    if (t.shape === Shape.Lower) return t.norm === 'at' || t.norm === 'in';
    if (t.shape !== Shape.Cap) return false;
  }
  return false;
}

const footballWord = (t: Token) => t.shape === Shape.Lower && FOOTBALL_WORDS.has(t.norm);

function sentenceSignBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 33 || c === 63 || c === 59) return true;
  }
  return false;
}

/** The alias keys a club named after the city keyed `key` goes by ("liverpool fc", "fc barcelona"). */
export const clubKeys = (key: string): string[] => [`${key} fc`, `fc ${key}`, `${key} f c`, `${key} football club`, `${key} afc`];
