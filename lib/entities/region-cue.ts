/**
 * "the Donetsk region", "the province of Málaga", "Idlib governorate": a place name with an
 * administrative noun written beside it in lower case means the region, not the city of the same
 * name. The pack keeps such regions under their full names ("Donetsk Oblast", "Idlib Governorate"),
 * and its compiler gives the bare name to the city (lib/dataset/compile-entities.ts, the one-country
 * alias rule), so the linker looks the region up by the name + each suffix the noun may stand for.
 * Pure functions over a block's tokens.
 */
import { apostropheS, Shape, spaceBetween, type Token } from './normalize';

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
  // "the Luhansk governor": a governor heads the region, not the city nor a separatist republic of its name.
  ['governor', ['oblast', 'province', 'governorate', 'region', 'state', 'prefecture', 'krai']],
]);

/** Plural administrative nouns → the singular they stand for: "the Kharkiv and Sumy oblasts". */
const PLURAL_NOUNS = new Map<string, string>([
  ['regions', 'region'], ['oblasts', 'oblast'], ['provinces', 'province'], ['governorates', 'governorate'],
  ['prefectures', 'prefecture'], ['districts', 'district'], ['counties', 'county'], ['krais', 'krai'],
]);
/** Words that join the last item of a list. */
const JOINERS = new Set(['and', 'or']);
/** Inside one list item: one space or a hyphen ("Ivano-Frankivsk", "Ho Chi Minh"). */
const itemGap = (text: string, a: Token, b: Token): boolean => spaceBetween(text, a, b) || (b.start - a.end === 1 && String.prototype.charCodeAt.call(text, a.end) === 45);
/** The most words one list item may have, and the most items a list is walked over. */
const ITEM_WORDS = 4, LIST_ITEMS = 12;

const isJoiner = (t: Token | undefined): boolean => !!t && t.shape === Shape.Lower && JOINERS.has(t.norm);
/** The list separator ", " between two tokens. The gaps are read as characters, not sliced and
 *  matched: this walk runs for every place name (issue #8). */
const commaSpace = (text: string, a: Token, b: Token): boolean =>
  b.start - a.end === 2 && String.prototype.charCodeAt.call(text, a.end) === 44 && String.prototype.charCodeAt.call(text, a.end + 1) === 32;

/** The suffixes of a plural administrative noun ("oblasts", "Oblasts"), or undefined. */
function pluralSuffixes(t: Token | undefined): readonly string[] | undefined {
  if (!t || t.shape === Shape.Upper) return undefined;
  const one = PLURAL_NOUNS.get(t.norm);
  return one ? REGION_SUFFIXES.get(one) : undefined;
}
/** A capitalised word that may be part of a list item (not the plural noun closing the list). */
const itemWord = (t: Token | undefined): boolean => !!t && t.shape === Shape.Cap && !PLURAL_NOUNS.has(t.norm);

/**
 * Where the next list item starts after an item ending before token `k`: ", ", " and ", ", and ",
 * " or "; -1 when no separator follows. `joined`: the separator has "and"/"or".
 */
function nextItem(text: string, tokens: Token[], k: number): { at: number; joined: boolean } | undefined {
  const last = tokens[k - 1], t = tokens[k];
  if (!last || !t) return undefined;
  const comma = commaSpace(text, last, t);
  if (isJoiner(t) && (spaceBetween(text, last, t) || comma) && tokens[k + 1] && spaceBetween(text, t, tokens[k + 1]!)) return { at: k + 1, joined: true };
  return comma ? { at: k, joined: false } : undefined;
}
/** The end (exclusive) of the list item starting at `k`, or -1 when no capitalised word starts there. */
function itemEndFrom(text: string, tokens: Token[], k: number): number {
  let j = k;
  while (j < tokens.length && j - k < ITEM_WORDS && itemWord(tokens[j]) && (j === k || itemGap(text, tokens[j - 1]!, tokens[j]!))) j++;
  return j > k ? j : -1;
}
/** Where the previous list item ends (exclusive) before an item starting at `k`, or undefined. */
function previousItem(text: string, tokens: Token[], k: number): { end: number; joined: boolean } | undefined {
  const t = tokens[k - 1];
  if (!t) return undefined;
  if (isJoiner(t)) {
    const before = tokens[k - 2];
    if (!before || !spaceBetween(text, t, tokens[k]!)) return undefined;
    return itemWord(before) && (spaceBetween(text, before, t) || commaSpace(text, before, t)) ? { end: k - 1, joined: true } : undefined;
  }
  return itemWord(t) && commaSpace(text, t, tokens[k]!) ? { end: k, joined: false } : undefined;
}
/** The start of the list item ending (exclusive) at `end`. */
function itemStartTo(text: string, tokens: Token[], end: number): number {
  let j = end - 1;
  while (j > 0 && end - j < ITEM_WORDS && itemWord(tokens[j - 1]) && itemGap(text, tokens[j - 1]!, tokens[j]!)) j--;
  return j;
}

/**
 * "the Kharkiv, Sumy and Donetsk oblasts", "Gunma, Ishikawa, and Kumamoto prefectures", "the
 * provinces of Guayas and Esmeraldas": a plural administrative noun after a list of names joined by
 * "and"/"or", or "<plural noun> of" before such a list, is said of every name in it. The suffixes it
 * stands for, or undefined. `from`, `to`: the match's token range (one list item).
 */
export function pluralNounOverList(text: string, tokens: Token[], from: number, to: number): readonly string[] | undefined {
  // Forwards: over the items after the match to the noun after the last one.
  let k = to, joined = false;
  for (let n = 0; n < LIST_ITEMS && !joined; n++) {
    const next = nextItem(text, tokens, k);
    if (!next) break;
    const end = itemEndFrom(text, tokens, next.at);
    if (end < 0) break;
    k = end;
    joined = next.joined;
  }
  // The noun right after the match itself closes a list only when an item comes before it.
  const closing = pluralSuffixes(tokens[k]);
  if (closing && spaceBetween(text, tokens[k - 1]!, tokens[k]!) && (joined || (k === to && previousItem(text, tokens, from)?.joined))) return closing;
  // Backwards: over the items before the match to "<plural noun> of" before the first one.
  let start = from, listed = joined || nextItem(text, tokens, to) !== undefined;
  for (let n = 0; n < LIST_ITEMS; n++) {
    const of = tokens[start - 1], noun = tokens[start - 2];
    if (of && noun && of.norm === 'of' && of.shape === Shape.Lower && spaceBetween(text, of, tokens[start]!) && spaceBetween(text, noun, of)) {
      return listed ? pluralSuffixes(noun) : undefined;
    }
    const prev = previousItem(text, tokens, start);
    if (!prev) return undefined;
    start = itemStartTo(text, tokens, prev.end);
    listed = true;
  }
  return undefined;
}

/**
 * The region suffixes an administrative noun beside the match stands for: right after it ("Donetsk
 * region", "Ukraine's Kharkiv Region") or as "<noun> of" right before it ("the province of Málaga",
 * "the Province of Málaga"), or a plural noun said of a list the match is an item of
 * (pluralNounOverList); undefined when there is none. `from`, `to`: the match's token range.
 */
export function regionNounAround(text: string, tokens: Token[], from: number, to: number): RegionCue | undefined {
  const next = tokens[to];
  if (next && next.shape !== Shape.Upper && spaceBetween(text, tokens[to - 1]!, next)) {
    const s = REGION_SUFFIXES.get(next.norm);
    // A capitalised noun may begin a longer name ("Tokyo District Court"): only at the name's end,
    // but for a governor's title before his name ("Belgorod Governor Vyacheslav Gladkov").
    const after = tokens[to + 1];
    if (s && (next.shape === Shape.Lower || !after || after.shape === Shape.Lower || !spaceBetween(text, next, after) || next.norm === 'governor')) return { suffixes: s, listed: false, titleOnly: next.norm === 'governor' };
  }
  const of = tokens[from - 1], noun = tokens[from - 2], head = tokens[from - 3];
  if (of && noun && of.norm === 'of' && of.shape === Shape.Lower && noun.shape !== Shape.Upper && spaceBetween(text, of, tokens[from]!) && spaceBetween(text, noun, of)) {
    const s = REGION_SUFFIXES.get(noun.norm);
    // A capitalised noun after another capitalised word ends a longer name: "the National Capital
    // Region of Delhi", "the Southern District of New York".
    if (s && (noun.shape === Shape.Lower || !head || head.shape === Shape.Lower || !spaceBetween(text, head, noun))) return { suffixes: s, listed: false, titleOnly: noun.norm === 'governor' };
  }
  const s = pluralNounOverList(text, tokens, from, to);
  return s ? { suffixes: s, listed: true } : undefined;
}

/** The region suffixes a noun beside a name stands for; `listed`: said of a whole list (plural);
 *  `titleOnly`: the noun is an office ("governor"), which picks the region record where the pack
 *  holds one but says nothing against the city where it does not ("the Tokyo governor"). */
export interface RegionCue { suffixes: readonly string[]; listed: boolean; titleOnly?: boolean }

/**
 * Words right after a place name that make it the level of government that makes laws, when the
 * pack holds a state and a city of one name ("as New York legalized recreational marijuana", "New
 * York lawmakers", "Washington's new gun law"): a city passes ordinances, news says "law" of a state.
 */
const LAW_WORDS_AFTER = new Set([
  'legalized', 'legalizes', 'legalised', 'legalises', 'legalize', 'legalise', 'decriminalized', 'decriminalizes', 'outlawed', 'outlaws',
  'enacted', 'enacts', 'law', 'laws', 'legislation', 'legislators', 'statute', 'statutes', 'constitution',
]);
/** Verbs of a court ruling on a place's rules, right before it: "Supreme Court Blocks New York COVID-19
 *  Restrictions", "a judge struck down Texas's ban". */
const RULING_VERBS_BEFORE = new Set(['blocks', 'blocked', 'upholds', 'upheld', 'overturns', 'overturned']);

/**
 * Does the text read the place at `from`…`to` as a state (the level that makes laws) rather than a
 * city of the same name: "the Brazilian state of São Paulo" ("state of" right before), a law-making
 * word right after the name or its possessive ("New York legalized", "New York's law"), a ruling verb
 * right before it ("Court Blocks New York Restrictions")? The caller asks only when the pack holds both.
 */
export function lawMakingLevel(text: string, tokens: Token[], from: number, to: number): boolean {
  const prev = tokens[from - 1], head = tokens[from - 2];
  if (prev && head && prev.norm === 'of' && prev.shape === Shape.Lower && head.norm === 'state' && head.shape === Shape.Lower
    && spaceBetween(text, prev, tokens[from]!) && spaceBetween(text, head, prev)) return true;
  if (prev && prev.shape !== Shape.Upper && RULING_VERBS_BEFORE.has(prev.norm) && spaceBetween(text, prev, tokens[from]!)) return true;
  let next = tokens[to], last = tokens[to - 1]!;
  // "New York's": the possessive's "s" is a token of its own after an apostrophe.
  if (apostropheS(text, tokens, to)) { last = next!; next = tokens[to + 1]; }
  if (!next || next.shape === Shape.Upper || !spaceBetween(text, last, next)) return false;
  return LAW_WORDS_AFTER.has(next.norm) || stateOfficeAt(text, tokens, to);
}

/**
 * "assistance to the country of Georgia", "the nation of Jordan": "country of" / "nation of" right
 * before the name says it is the country, not its namesake state or town. `from`: the name's first token.
 */
export function countryNounBefore(text: string, tokens: Token[], from: number): boolean {
  const prev = tokens[from - 1], head = tokens[from - 2];
  return !!prev && !!head && prev.norm === 'of' && prev.shape === Shape.Lower && (head.norm === 'country' || head.norm === 'nation') && head.shape === Shape.Lower
    && spaceBetween(text, prev, tokens[from]!) && spaceBetween(text, head, prev);
}

/** Offices and services a state has and a city of its name does not, right after the name: "New York
 *  Attorney General Letitia James", "a New York correctional facility", "the Texas National Guard".
 *  One word, or the first word and the one that must follow it. */
const STATE_OFFICE_WORDS = new Map<string, string | null>([
  ['attorney', 'general'], ['lieutenant', 'governor'], ['national', 'guard'], ['comptroller', null], ['correctional', null],
  ['assemblyman', null], ['assemblywoman', null], ['assemblymember', null], ['statewide', null],
]);

function stateOfficeAt(text: string, tokens: Token[], k: number): boolean {
  const word = tokens[k]!, second = STATE_OFFICE_WORDS.get(word.norm);
  if (second === undefined) return false;
  if (second === null) return true;
  const next = tokens[k + 1];
  return !!next && next.norm === second && spaceBetween(text, word, next);
}

/** Lower-case nouns of land and water that make the name before them a place ("the Amazon region",
 *  "the Amazon rainforest", "the Delta basin"). */
const LAND_NOUNS_AFTER = new Set([
  'region', 'rainforest', 'rainforests', 'basin', 'river', 'delta', 'valley', 'coast', 'coastline', 'peninsula', 'highlands',
  'mountains', 'desert', 'jungle', 'forest', 'forests', 'lowlands', 'plateau', 'estuary', 'archipelago',
]);

/**
 * "airstrikes in the Amazon region", "fires in the Amazon rainforest": a name right before a
 * lower-case noun of land or water is a place, so no organisation of that name (the company
 * Amazon, the airline Delta). `to`: the token after the name.
 */
export function landNounAfter(text: string, tokens: Token[], to: number): boolean {
  const next = tokens[to];
  return !!next && next.shape === Shape.Lower && LAND_NOUNS_AFTER.has(next.norm) && spaceBetween(text, tokens[to - 1]!, next);
}
