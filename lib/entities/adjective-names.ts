/**
 * Organisations named by a nationality adjective (issue #4, session 17): the newspaper The Namibian,
 * the airline Hawaiian. Before a lower-case noun of a state body or its people ("The Namibian
 * environment ministry", "Kenyan police officials") the word is the adjective, not the outlet or
 * the company. The adjective is read from the nationality tables (demonym-country.ts, ambiguity.ts
 * DEMONYMS). Pure functions over a block's text and tokens.
 */
import { DEMONYMS, GOVERNMENT_NOUNS, ORG_NOUNS } from './ambiguity';
import { countriesOfDemonym } from './demonym-country';
import { Shape, spaceBetween, type Token } from './normalize';

/** Lower-case nouns of a state's bodies and people, beside ambiguity.ts's ORG_NOUNS and GOVERNMENT_NOUNS. */
const BODY_NOUNS = new Set([
  'police', 'army', 'military', 'navy', 'forces', 'troops', 'soldiers', 'authorities', 'officials', 'official', 'parliament',
  'president', 'minister', 'ministers', 'cabinet', 'legislature', 'regime', 'junta', 'opposition', 'leaders', 'leader', 'state',
]);
const bodyNoun = (t: Token) => t.shape === Shape.Lower && (BODY_NOUNS.has(t.norm) || ORG_NOUNS.has(t.norm) || GOVERNMENT_NOUNS.has(t.norm));

/**
 * Is the match (tokens [from, to): one capitalised word, maybe after "The") a nationality adjective
 * before a body's noun, at most one lower-case word between ("The Namibian environment ministry")?
 */
export function adjectiveBeforeBodyNoun(text: string, tokens: readonly Token[], from: number, to: number): boolean {
  const last = tokens[to - 1]!, next = tokens[to];
  // Cheap gate: a lower-case word right after a capitalised one.
  if (!next || next.shape !== Shape.Lower || last.shape !== Shape.Cap || !spaceBetween(text, last, next)) return false;
  if (to - from > 2 || (to - from === 2 && tokens[from]!.norm !== 'the')) return false;
  if (!DEMONYMS.has(last.norm) && countriesOfDemonym(last.norm) === undefined) return false;
  if (bodyNoun(next)) return true;
  const after = tokens[to + 1];
  return !!after && bodyNoun(after) && spaceBetween(text, next, after);
}
