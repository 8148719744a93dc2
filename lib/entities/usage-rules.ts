/**
 * Shapes of text around a matched name that say it is not a mention of the entity: the name is
 * the first part of a longer numbered name, or a brand used as a verb. Pure functions over the
 * block's text and tokens, called by the linker (link.ts).
 */
import { Shape, type Token } from './normalize';

const spaceBetween = (text: string, a: Token, b: Token) => /^[ \u00a0]$/.test(text.slice(a.end, b.start));

/**
 * "France 3 Limousin", "Channel 4 News", "Radio 1 Extra": a name, a one- or two-digit number and a
 * capitalised word are one longer name (a station, a team), not the country or city inside it.
 * `to` is the token after the match.
 */
export function numberedLongerName(text: string, tokens: Token[], to: number): boolean {
  const last = tokens[to - 1], num = tokens[to], after = tokens[to + 1];
  if (!last || !num || !after) return false;
  return /^\d{1,2}$/.test(text.slice(num.start, num.end)) && after.shape === Shape.Cap && spaceBetween(text, last, num) && spaceBetween(text, num, after);
}

/** Object pronouns that follow a brand used as a verb ("Google it", "Photoshop them"). */
const OBJECT_PRONOUNS = new Set(['it', 'them', 'him', 'her', 'me', 'us', 'yourself', 'themselves', 'myself']);

/**
 * A one-word brand used as a verb: "Google \"<noun>.js\"", "just Google it". The name is followed
 * by a quoted phrase or an object pronoun — neither follows a company named as the subject
 * ("Google said", "Google's").
 */
export function brandAsVerb(text: string, tokens: Token[], from: number, to: number): boolean {
  if (to - from !== 1) return false;
  const name = tokens[from]!, next = tokens[to];
  const gap = text.slice(name.end, name.end + 2);
  if (/^[ \u00a0]["“«]/.test(gap)) return true;
  return !!next && OBJECT_PRONOUNS.has(next.norm) && next.shape === Shape.Lower && spaceBetween(text, name, next)
    && !/^[ \u00a0]+(it|them|him|her|me|us)[ \u00a0]+(is|was|has|had|does|did|will|would|can|could|should|may|might|must)\b/i.test(text.slice(name.end, name.end + 24));
}
