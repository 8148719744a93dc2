/**
 * List context: "Belgium, Jordan, the Netherlands", "Iran, Egypt, Turkey and elsewhere", "the states of
 * Michigan, Minnesota, and New York". A name written as one item of a list of names is the same kind
 * of thing as its neighbours; a list of countries makes "Turkey" and "Jordan" countries, a list of
 * US states makes "New York" and "Georgia" states. Pure functions over a block's tokens: where the
 * neighbouring items end and start; the linker (link.ts) looks at what the pack knows there.
 */
import { Shape, type Token } from './normalize';

/** Words that join the last item of a list. */
const LIST_JOINERS = new Set(['and', 'or']);

/** Is the text between two tokens exactly a comma and one space? */
function commaSpace(text: string, a: Token, b: Token): boolean {
  return b.start - a.end === 2 && text.charCodeAt(a.end) === 44 && (text.charCodeAt(a.end + 1) === 32 || text.charCodeAt(a.end + 1) === 0xa0);
}
/** One space (or a no-break space) between two tokens. */
function oneSpace(text: string, a: Token, b: Token): boolean {
  return b.start - a.end === 1 && (text.charCodeAt(a.end) === 32 || text.charCodeAt(a.end) === 0xa0);
}

/**
 * The list neighbours of the match `from`..`to`: `before` is the token index right after the
 * previous item (its match ends there), `after` the index where the next item starts; -1 where the
 * match has no neighbour on that side. Separators: ", ", " and ", " or ", ", and ", and an article
 * before the next item ("…, Jordan, the Netherlands"). `joined`: an "and" or "or" on one side — with
 * a comma on one side only, "Chiapas, Mexico" is more likely an address than a list.
 */
export function listNeighbours(text: string, tokens: Token[], from: number, to: number): { before: number; after: number; joined: boolean } {
  let before = -1, after = -1, joined = false;
  const first = tokens[from]!, prev = tokens[from - 1];
  if (prev && LIST_JOINERS.has(prev.norm) && prev.shape === Shape.Lower && oneSpace(text, prev, first)) {
    const item = tokens[from - 2];
    if (item && (oneSpace(text, item, prev) || commaSpace(text, item, prev))) { before = from - 1; joined = true; }
  } else if (prev && commaSpace(text, prev, first)) before = from;
  let next = tokens[to];
  const last = tokens[to - 1]!;
  if (next && commaSpace(text, last, next)) {
    // ", and Uruguay": the joiner after the comma.
    if (LIST_JOINERS.has(next.norm) && next.shape === Shape.Lower && tokens[to + 1] && oneSpace(text, next, tokens[to + 1]!)) { after = to + 1; joined = true; }
    else after = to;
  } else if (next && LIST_JOINERS.has(next.norm) && next.shape === Shape.Lower && oneSpace(text, last, next) && tokens[to + 1] && oneSpace(text, next, tokens[to + 1]!)) { after = to + 1; joined = true; }
  // "…, the Netherlands": an article before the next item.
  next = tokens[after];
  if (next && next.norm === 'the' && next.shape === Shape.Lower && tokens[after + 1] && oneSpace(text, next, tokens[after + 1]!)) after++;
  return { before, after, joined };
}

/**
 * "San Jose, Berkeley, Chicago and other cities": from the next item (starting at token `at`) the
 * list goes on, over capitalised items and ", ", to an "and"/"or" within a few words. A single comma
 * with no such joiner after it stays an address ("San Fernando, Tamaulipas, Mexico", "Chiapas, Mexico,
 * killing 55").
 */
export function listGoesOnToJoiner(text: string, tokens: Token[], at: number): boolean {
  const end = Math.min(tokens.length, at + 12);
  for (let k = at + 1; k < end; k++) {
    const t = tokens[k]!, p = tokens[k - 1]!;
    const space = oneSpace(text, p, t);
    if (!space && !commaSpace(text, p, t)) return false;
    if (t.shape !== Shape.Lower) continue;
    if (LIST_JOINERS.has(t.norm)) return true;
    // "…, the Netherlands and Belgium": an article before an item.
    if (t.norm !== 'the') return false;
  }
  return false;
}
