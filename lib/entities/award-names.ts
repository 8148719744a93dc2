/**
 * Awards and prizes named after someone or something: "the Nobel Prize in Physics" (the pack's
 * "Nobel Prize" alias of the Nobel Foundation), "the Mark Twain Prize", "the Cy Young Award", "the
 * Cannes Grand Prix", "The Game Awards", "the Melbourne Cup". News marks no award (the gold's
 * convention), and the name before the award's noun is not the person, place or body either; a
 * prize-giving ceremony is an event the pack keeps as such. Pure functions over the block's tokens.
 */
import { Shape, spaceBetween, type Token } from './normalize';

/** Nouns that end an award's or a trophy race's name. */
const AWARD_NOUNS = new Set(['prize', 'prizes', 'award', 'awards', 'medal', 'medals', 'trophy', 'prix', 'cup']);

/**
 * Is the match (tokens `from`..`to`) an award's name, or the first part of one? Its own last word
 * is an award's noun (an organisation matched by "Nobel Prize": `endsInAward`), or a capitalised
 * award noun ("Prize", "Grand Prix") follows it directly.
 */
export function awardName(text: string, tokens: readonly Token[], to: number, endsInAward: boolean): boolean {
  if (endsInAward && AWARD_NOUNS.has(tokens[to - 1]!.norm) && tokens[to - 1]!.norm !== 'cup') return true;
  let next = tokens[to];
  if (!next || next.shape === Shape.Lower || !spaceBetween(text, tokens[to - 1]!, next)) return false;
  // "the Abu Dhabi Grand Prix": the race's name goes on with "Grand".
  if (next.norm === 'grand' && tokens[to + 1]?.norm === 'prix' && spaceBetween(text, next, tokens[to + 1]!)) next = tokens[to + 1]!;
  return AWARD_NOUNS.has(next.norm);
}
