/**
 * Things and people named after someone or somewhere the pack knows (issue #4, session 14). Each is a
 * class of false link read on unreserved news items, not on the gold:
 *  - a ship: "the aircraft carrier USS Abraham Lincoln", "the frigate Cristóbal Colón", "the
 *    container ship Dali", "the cruiser Moskva" are vessels, not the president, the explorer, the
 *    city (~30 links in 37,000 unreserved items, all false);
 *  - a craft: "the submersible Titan", "NASA's Orion spacecraft" are not the companies Titan and Orion
 *    (session 17);
 *  - a son or a father: "Donald Trump Jr.", "Robert Kennedy Jr.", "Cyrus Vance Jr." are another
 *    person than the record the shorter name matches.
 * Pure functions over a block's text and tokens.
 */
import type { PackEntity } from '../dataset/schema';
import { Shape, spaceBetween, type Token } from './normalize';

/** Navies' and merchant fleets' ship prefixes, written in capitals before a ship's name ("USS Arizona"). */
const SHIP_PREFIXES = new Set(['uss', 'usns', 'uscgc', 'hms', 'hmas', 'hmcs', 'hmnzs', 'ins', 'rfa', 'ara', 'brp', 'kri', 'roks', 'tcg', 'pns', 'mv', 'rv']);

/** Lower-case nouns of vessels that go right before a ship's name ("the frigate Cristóbal Colón"). */
const SHIP_NOUNS = new Set([
  'ship', 'ships', 'warship', 'flagship', 'frigate', 'destroyer', 'cruiser', 'corvette', 'submarine', 'carrier', 'vessel',
  'tanker', 'freighter', 'icebreaker', 'yacht', 'superyacht', 'ferry', 'trawler', 'liner', 'schooner', 'gunboat', 'minesweeper',
]);

/**
 * Is the match (tokens `from`..`to`) a ship's name: right after a ship prefix in capitals
 * ("USS Harry S. Truman") or a lower-case vessel noun ("the landing ship Minsk", "the aircraft
 * carrier Shandong"), a space between, or in apposition to that noun ("its carrier, the Fujian")?
 * Only for people and places: an airline after "carrier" ("flag carrier Aeroflot") is the company,
 * and the caller asks for those types only.
 */
export function shipNamedAfter(text: string, tokens: Token[], from: number, to: number): boolean {
  const prev = tokens[from - 1], first = tokens[from];
  if (!prev || !first || !spaceBetween(text, prev, first)) return false;
  if (prev.shape === Shape.Upper) return SHIP_PREFIXES.has(prev.norm);
  if (prev.shape !== Shape.Lower) return false;
  return SHIP_NOUNS.has(prev.norm) || (prev.norm === 'the' && shipNounInApposition(text, tokens[from - 2], prev) && !dashAfter(text, tokens[to - 1]!));
}

/** "China launches its third aircraft carrier, the Fujian": a vessel noun, a comma, then "the" and
 *  the name (session 20, audit 12). `noun`: the token before "the". */
function shipNounInApposition(text: string, noun: Token | undefined, the: Token): boolean {
  return !!noun && noun.shape === Shape.Lower && the.start === noun.end + 2 && text.charCodeAt(noun.end) === 44 && text.charCodeAt(noun.end + 1) === 32 && SHIP_NOUNS.has(noun.norm);
}

/** "its flagship vessel, the United Kingdom-flagged Madleen": a name hyphened to the next word is
 *  a modifier of the ship's name, not the name. */
function dashAfter(text: string, last: Token): boolean {
  const c = text.charCodeAt(last.end);
  return c === 45 || (c >= 0x2010 && c <= 0x2013);
}


/** Lower-case nouns of craft a company's name may go right before or after as the craft's own name
 *  ("the submersible Titan", "NASA's Orion spacecraft"): vessels (not "carrier": "flag carrier
 *  Aeroflot" is the airline) and space or deep-sea craft. Not weapons nor "probe", "satellite",
 *  "capsule" or "mission": "a SpaceX capsule", "a Boeing probe" (an inquiry) name the company. */
const CRAFT_BEFORE = new Set([...SHIP_NOUNS, 'submersible', 'spacecraft', 'rover', 'lander', 'orbiter', 'airship']);
CRAFT_BEFORE.delete('carrier');
const CRAFT_AFTER = new Set(['submersible', 'spacecraft', 'rover', 'lander', 'orbiter', 'airship']);

/**
 * "the submersible Titan", "the Orion spacecraft": a company's name right after a craft noun, or one
 * word of it right before a space or deep-sea craft's noun, is the craft's name, not the company (a
 * namesake: Titan the watchmaker, Orion the electricity company). A maker's name before a ship
 * noun ("a Maersk vessel") is the company and stays. `from`/`to`: the match's tokens.
 */
export function craftNamedSo(text: string, tokens: Token[], from: number, to: number): boolean {
  const prev = tokens[from - 1], next = tokens[to];
  if (prev && prev.shape === Shape.Lower && CRAFT_BEFORE.has(prev.norm) && spaceBetween(text, prev, tokens[from]!)) return true;
  return to - from === 1 && !!next && next.shape === Shape.Lower && CRAFT_AFTER.has(next.norm) && spaceBetween(text, tokens[from]!, next);
}

/** Generational suffixes after a person's name: the son, the father, a namesake of another generation. */
const GENERATION_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/**
 * "Donald Trump Jr.", "Robert Kennedy Jr.'s guests", "Cyrus Vance Jr.": a person's name followed by
 * a generational suffix (after a space or a comma) names another generation than the record the
 * name matched, unless that record's own name carries the suffix ("Martin Luther King Jr.", whose
 * record the bare name also reaches). `to`: the token after the match; `name`: the record's name.
 */
export function otherGeneration(text: string, tokens: Token[], to: number, name: string): boolean {
  const last = tokens[to - 1], next = tokens[to];
  if (!last || !next || !GENERATION_SUFFIXES.has(next.norm) || !/^,?[ \u00a0]$/.test(text.slice(last.end, next.start))) return false;
  // "Jr"/"Sr" capitalised; roman numerals in capitals ("III"), not a lower-case "ii".
  if (next.shape === Shape.Lower || (next.norm.startsWith('i') && next.shape !== Shape.Upper)) return false;
  return !new RegExp(`\\b${next.norm}\\b`, 'i').test(name);
}

/** Capitalised words that open a sentence or a clause before a surname and are no one's given name
 *  ("Under Trump, …", "Following Putin's remarks", "Anonymous Biden allies"). Closed-class words,
 *  time words and quantity words; titles, party words and conjunctions are the caller's (`ordinary`). */
const SENTENCE_OPENERS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'no', 'not',
  'under', 'following', 'against', 'without', 'despite', 'during', 'like', 'unlike', 'about', 'over', 'into', 'through', 'than',
  'meanwhile', 'however', 'instead', 'later', 'earlier', 'today', 'yesterday', 'tonight', 'now', 'still', 'yet', 'also', 'even',
  'only', 'so', 'then', 'there', 'here', 'where', 'why', 'how', 'what', 'who', 'whom', 'whose', 'which', 'once', 'until', 'though',
  'although', 'unless', 'whether', 'both', 'all', 'some', 'many', 'most', 'other', 'another', 'every', 'each', 'several', 'few',
  'anonymous', 'longtime', 'incumbent', 'outgoing', 'incoming', 'embattled', 'disgraced', 'new', 'young', 'old', 'pro', 'anti',
]);

/**
 * "Hunter Biden", "Kody Clemens", "Jamie Spears", "Mackenzie Bezos": a surname that the linker
 * would read as a known person's is preceded by another capitalised given name, so it names a
 * relative (or a namesake), not that person. The word before must be joined by a space, not part of
 * a longer capitalised run ("Lt. Gen. Charles Flynn" counts, after a stop; "Republican Voters
 * Against Trump" does not), not one of the person's own names (`ownWords`: the record's folded
 * name words), not a title, party word or conjunction (`ordinary`), and not a sentence opener.
 * At a sentence's start any word is capitalised, so there the word must be a common given name, or
 * the person must be named in full elsewhere on the page (`introduced`): the page then speaks of
 * the family ("Hunter Biden, son of U.S. President Joe Biden"). Inside a title-case line, where
 * verbs are capitalised too ("Manchin Says He'll Back Jackson"), only a common given name counts.
 * `from`: the surname's token; `atStart`: the word before opens a sentence; `titleCase`: the block
 * is a title-case line; `givenName(norm)`: a common given name.
 */
export function otherGivenNameBefore(text: string, tokens: Token[], from: number, ownWords: readonly string[], ordinary: (norm: string) => boolean,
  givenName: (norm: string) => boolean, atStart: boolean, titleCase: boolean, introduced: boolean): boolean {
  const prev = tokens[from - 1], surname = tokens[from];
  if (!prev || !surname || prev.shape !== Shape.Cap || prev.end - prev.start < 3 || !spaceBetween(text, prev, surname)) return false;
  if (ownWords.includes(prev.norm) || ordinary(prev.norm) || SENTENCE_OPENERS.has(prev.norm)) return false;
  const before = tokens[from - 2];
  if (before && before.shape !== Shape.Lower && spaceBetween(text, before, prev)) return false;
  if (givenName(prev.norm)) return true;
  return atStart ? introduced : !titleCase;
}

/** Is the token written with letters beyond ASCII ("Saïd", "Gaël")? Then it is no English word that
 *  folds to the same letters ("said", "gael"): a given name written in its own language. */
export function writtenWithMarks(text: string, t: Token): boolean {
  for (let i = t.start; i < t.end; i++) if (text.charCodeAt(i) > 127) return true;
  return false;
}

/** A seat in a US state's legislature as the pack's roles write it: "Member of the Missouri Senate
 *  (district 14)", "Member of the Maryland House of Delegates", "Member of the New York State Assembly". */
const STATE_SEAT = /^Member of the (.+?) (?:State )?(?:Senate|House of Representatives|House of Delegates|General Assembly|Assembly|House)\b/;

/**
 * "Will Smith Resigns From Film Academy", "Brian Williams Blasts Trump", "UnitedHealthcare CEO Brian
 * Thompson": a person the pack knows only as a member of a US state's legislature is named on a
 * page that says the state ("Maryland") — a page that does not is about a namesake (the actor, the
 * anchor, the executive). On unreserved news items ~120 such links, nearly all false; `written`:
 * is a string written on the page.
 */
export function stateLegislatorUnplaced(e: PackEntity, written: (s: string) => boolean): boolean {
  if (e.type !== 'person' || e.country !== 'US' || !e.roles?.length) return false;
  const states: string[] = [];
  for (const r of e.roles) {
    const m = STATE_SEAT.exec(r.title);
    if (!m) return false;
    states.push(m[1]!);
  }
  return !states.some(written);
}

/**
 * "Michael Jordan" names the record called so (the basketball player), not the one whose alias it is
 * ("Michael B. Jordan", the actor, whom reference data also lists under the shorter form): among
 * person candidates of a name of several words, the record's own name outranks an alias by this
 * much prominence. Pages that introduce the other person still pick them (+100, link.ts).
 */
const OWN_NAME_BONUS = 25;

/**
 * The bonus person record `e`, whose own name the text writes, gets over the other candidates
 * (`candidates`: the match's full readings): OWN_NAME_BONUS when another person among them is
 * reached by an alias or a band bears the same name, 0 otherwise. Not when `e` lists that person's name among its aliases: two
 * records of one person ("John Bolton" and "John R. Bolton", from two sources) name each other.
 */
export function ownNameBonus(e: PackEntity, candidates: readonly PackEntity[]): number {
  for (const c of candidates) {
    // "Esmé Bianco Names Marilyn Manson As Her Abuser": the band named after its singer is the lesser reading.
    if (c.type === 'organization' && c.subtype === 'music_group' && c.name === e.name) return OWN_NAME_BONUS;
    if (c === e || c.type !== 'person' || c.name === e.name) continue;
    if (!e.aliases?.includes(c.name)) return OWN_NAME_BONUS;
  }
  return 0;
}
