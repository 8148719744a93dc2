/**
 * A state's own body is not the nation's (issue #4, session 17): "The state's Supreme Court", "a
 * former Florida state Supreme Court justice", "Washington State's Supreme Court" name a US state's
 * court, not the Supreme Court of the United States, whose record the generic name reaches. On
 * ~37,000 unreserved news items: 4 such links, all false. Pure functions over a block's tokens.
 */
import type { PackEntity } from '../dataset/schema';
import { apostropheS, Shape, spaceBetween, type Token } from './normalize';

/** A national body's full name says the nation: "Supreme Court of the United States", "U.S. Senate". */
const NATION_IN_NAME = /\b(?:of the United States|United States|U\.S\.|Federal)\b/;

/**
 * Is the match (first token `from`) a federal or national government body's record written right
 * after "state" or "state's" ("the state's Supreme Court", "state Supreme Court")?
 */
export function stateBodyBefore(text: string, tokens: readonly Token[], from: number, e: PackEntity): boolean {
  if (from < 1 || !spaceBetween(text, tokens[from - 1]!, tokens[from]!)) return false;
  // "state's": the possessive "s" and its apostrophe (normalize.ts apostropheS).
  const t = tokens[apostropheS(text, tokens, from - 1) ? from - 2 : from - 1];
  return !!t && t.norm === 'state' && t.shape !== Shape.Upper && e.subtype === 'government_body' && NATION_IN_NAME.test(e.name);
}
