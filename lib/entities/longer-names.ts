/**
 * A known name joined to words that make a longer proper name the pack does not hold (issue #4,
 * session 16). The longest class of false links in hand audits 3 and 4 ("inside-longer-name") was a
 * record linked inside such a name: the maker inside a product's ("Cessna 152", "Sputnik V"), a
 * movement inside its offshoot's ("Tehrik-i-Taliban"), the senior tournament inside another
 * competition's ("T20 World Cup", "Women's World Cup"), a country inside a party's or a bank's ("the
 * Liberal Party of Australia", "Bank of America"), a river inside a landform's ("the Danube Delta").
 * Each function reads only the words around the match; the caller (link.ts, insideLongerName) decides
 * by the record's type whether the longer name can still be the record (a product's code after a
 * place or a person says nothing: "Apollo 11" is not asked of them).
 * Pure functions over a block's text and tokens.
 */
import { INSTITUTION_WORDS, ORG_NOUNS } from './ambiguity';
import { bodyWord } from './generic-bodies';
import { competitionHead } from './recurring-events';
import { apostropheS, hyphenAt, Shape, spaceBetween, type Token } from './normalize';

/** Characters are read through String.prototype (normalize.ts, CHAR_CODE_NOTE): these functions are
 *  asked of every match, and block texts are strings of many kinds. */
const charCode = String.prototype.charCodeAt;

/** Four digits read as a year (1800–2099), not a model's or a format's code ("Google 2020s", "the 2026 World Cup"). */
const YEAR = /^(1[89]|20)\d\d$/;

/**
 * The cheap gate before the checks below (issue #8: they are asked of every match, and a match
 * with none of their words next to it, most of them, must cost two character reads). True when the
 * word before the match could open one of the longer names the "before" checks read: a hyphen right
 * before the match ("Tehrik-i-Taliban"), a word in capitals ("T20", "ITTF") or led by a digit, a
 * draw's word ("Women's", "Junior") or any before a body's word ("Republican National Committee"), "for" before
 * a body's word, or a short lower-case word starting as "the", "of", the possessive's "s", a Romance
 * connector ("de", "della") or article ("la", "le") does. Reads only character codes, the tokens'
 * shapes and bounds (a lower-case word's folded form is made only when read: normalize.ts); a
 * superset of what hyphenChainBefore, otherCompetitionBefore, bodyNounOfBefore,
 * romanceConnectorBefore and generic-bodies.ts's checks accept, so the checks decide. `from`: the match's first token;
 * `to`: the token after the match. A body's generic name has two words or more (generic-bodies.ts
 * ordinaryBodyName), so a one-word match skips the body-word lookup (session 20, newsprec27: the
 * lookup after every capitalised word cost linking time).
 */
export function longerNameCueBefore(text: string, tokens: Token[], from: number, to = tokens.length): boolean {
  const first = tokens[from], prev = tokens[from - 1];
  if (!first || !prev) return false;
  if (hyphenAt(text, first.start - 1)) return true;
  if (prev.shape === Shape.Upper) return true;
  // A capitalised word before a body's word may open a longer body's name ("Republican National Committee": generic-bodies.ts).
  if (prev.shape === Shape.Cap) return OTHER_DRAW_WORDS.has(prev.norm) || (to - from >= 2 && bodyWord(first.norm));
  // A lower-case word has no capitals: an ASCII word is its own folded form, so its first letter and
  // length say which word it can be; a word with a mark or a letter beyond ASCII is let through.
  const len = prev.end - prev.start, c = charCode.call(text, prev.start);
  // A word led by a digit may be a format's code ("3X3 World Cup": otherCompetitionBefore).
  if (c >= 48 && c <= 57) return true;
  let fits: boolean;
  switch (c) {
    case 116: fits = len === 3; break; // "the"
    case 111: fits = len === 2; break; // "of"
    case 102: fits = len === 3 && to - from >= 2 && bodyWord(first.norm); break; // "Agency for Food and Drug Administration"
    case 115: fits = len === 1; break; // "s"
    case 100: fits = len >= 2 && len <= 5; break; // "de" … "della"
    case 108: fits = len <= 3; break; // "l", "la", "las"
    default: return c > 127;
  }
  return fits || (len > 1 && !asciiOnly(text, prev.start, prev.end));
}

/** Are text[a..b)'s characters all ASCII? */
function asciiOnly(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (charCode.call(text, i) > 127) return false;
  return true;
}

/**
 * The gate's mirror for the "after" checks (productCodeAfter, youthCompetitionAfter,
 * newspaperNounAfter): each wants one space (or a no-break space) after the match and then a word
 * starting with a digit ("152") or a capital ("V", "U-20", "Star"); a character beyond ASCII is let
 * through for the checks to read. `to`: the token after the match.
 */
export function longerNameCueAfter(text: string, tokens: Token[], to: number): boolean {
  const last = tokens[to - 1];
  if (!last) return false;
  const s = charCode.call(text, last.end);
  if (s !== 32 && s !== 0xa0) return false;
  const c = charCode.call(text, last.end + 1);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c > 127;
}

/** Lower-case words counted after a number: "joined Google 10 years ago", "Amazon 2 billion". Before
 *  them the number is a quantity, not a model's code. */
const COUNT_WORDS = new Set([
  'years', 'year', 'days', 'day', 'months', 'month', 'weeks', 'week', 'hours', 'minutes', 'times', 'percent', 'per',
  'million', 'billion', 'trillion', 'people', 'employees', 'workers', 'jobs', 'staff', 'stores', 'users', 'points', 'to', 'and', 'or',
]);

/** Last words of airlines' names: the code after one is a flight's number or the model it flies
 *  ("the Ethiopian Airlines 737 MAX crash"), and the airline is still named. */
const OPERATOR_WORDS = new Set(['airlines', 'airline', 'airways', 'air', 'aviation']);

/**
 * "A Cessna 152 aircraft", "Russia's Sputnik V", "a Boeing 737": the match is followed (one space)
 * by a model's number (two to four digits, not a year) or by one capital letter alone ("V"), the
 * code of one of its products, which is another thing than its maker. A score ("Liverpool 21–0"), a
 * decimal, a count ("Google 10 years ago"), an initial ("J.") and the words "A"/"I" are not codes.
 * `to`: the token after the match.
 */
export function productCodeAfter(text: string, tokens: Token[], to: number): boolean {
  const last = tokens[to - 1], code = tokens[to];
  if (!last || !code || code.start - last.end !== 1) return false;
  // One space between (spaceBetween, read as a character: no string made), then the quick no: a
  // code starts with a digit or is one capital letter.
  const s = charCode.call(text, last.end);
  if (s !== 32 && s !== 0xa0) return false;
  const c = charCode.call(text, code.start);
  if (!(c >= 48 && c <= 57) && !(code.shape === Shape.Upper && code.end - code.start === 1)) return false;
  if (OPERATOR_WORDS.has(last.norm)) return false;
  const raw = text.slice(code.start, code.end), after = text.slice(code.end, code.end + 5);
  const model = /^(\d{2,4})(?:s|\p{Lu}{1,3})?$/u.exec(raw);
  if (model) {
    // Two to four digits ("Silk Road 1" is the first one, the name's own record), maybe a plural's
    // "s" or a variant's capitals ("24 Boeing 777s", "777X"), not a year ("Google 2020s"), and not a
    // score's or a decimal's first part ("Liverpool 21–0", "Nasdaq 15.2", "Amazon 10%"); a variant's
    // three digits after a hyphen are the model's ("Boeing 737-800").
    if (YEAR.test(model[1]!) || (/^[-\u2010-\u2015.,:/%]/.test(after) && !/^[-\u2010\u2011]\d{3}(?!\d)/.test(after))) return false;
  } else {
    // One capital letter alone ("Sputnik V"), then a space, a comma or the end: not "A" or "I"
    // (words), nor an initial ("J.") or a word's first letter ("the New York Times R&D lab").
    if (c <= 57 || code.shape !== Shape.Upper || raw.length !== 1 || raw === 'A' || raw === 'I') return false;
    if (code.end < text.length && !/[ \u00a0,;)]/.test(text[code.end]!)) return false;
  }
  const next = tokens[to + 1];
  return !(next && next.shape === Shape.Lower && COUNT_WORDS.has(next.norm) && spaceBetween(text, code, next));
}

/**
 * "Tehrik-i-Taliban", "Lashkar-e-Taiba", "Hizb-ut-Tahrir", "Stratford-upon-Avon": the match is the
 * last part of one hyphenated name, joined by a lower-case connector to a capitalised word before it
 * ("Tehrik" + "i"), so that whole name is another one (the Pakistani Taliban, not the Afghan).
 * "and" is not such a connector ("Jammu-and-Kashmir" names two). `from`: the match's first token.
 */
export function hyphenChainBefore(text: string, tokens: Token[], from: number): boolean {
  const conn = tokens[from - 1], head = tokens[from - 2], first = tokens[from];
  // Quick no first (asked of every match): the hyphens around the connector.
  if (!conn || !head || !first || !isHyphen(text, conn.end, first.start) || !isHyphen(text, head.end, conn.start)) return false;
  return conn.shape === Shape.Lower && conn.end - conn.start <= 4 && conn.norm !== 'and' && /^\p{L}+$/u.test(conn.norm) && head.shape === Shape.Cap;
}

/** Is text[a..b) one hyphen (ASCII, or U+2010/U+2011)? */
function isHyphen(text: string, a: number, b: number): boolean {
  return b - a === 1 && hyphenAt(text, a);
}

/** Words of a draw for another field or age than the one the pack records under a competition's
 *  shorter name ("Women's World Cup", "the Girls' Championship", "Junior Open", "Special Olympics").
 *  Not "Men's": a competition's unqualified record is the men's ("FIFA Men's World Cup" is the series). */
const OTHER_DRAW_WORDS = new Set(['women', 'womens', 'girls', 'boys', 'ladies', 'junior', 'juniors', 'youth', 'veterans', 'masters', 'special']);

/**
 * "Sunday's T20 World Cup", "the FIFA Women's World Cup", "the ITTF World Cup", "Special Olympics":
 * an event's name with a draw's word (maybe a possessive), a format's code (letters and digits in one
 * word: "T20", "U17", "3X3") or, before a competition's name (its last word a recurring event's head:
 * "Cup", "Games"), another body's acronym written right before it is another competition than the one
 * the pack records by the shorter name. An owner's possessive is not a prefix ("NASA's OSIRIS-REx"),
 * nor an acronym before another kind of event ("the UNRWA October 7 controversy"). Asked of events
 * only (a country after "Women's" is the country: "Afghanistan's women's team"); link.ts asks it of
 * every event behind the gate and of a dated series record (recurring-events.ts). `from`..`to`: the
 * match's tokens.
 */
export function otherCompetitionBefore(text: string, tokens: readonly Token[], from: number, to: number): boolean {
  let k = from - 1;
  const first = tokens[from];
  let prev = tokens[k];
  if (!first || !prev) return false;
  // "Women's": the possessive's "s" is its own token after an apostrophe; only a draw's word takes it.
  const possessive = apostropheS(text, tokens, k);
  if (possessive) { prev = tokens[--k]; if (!prev) return false; }
  // The quick no (the gate lets every "the" through): a lower-case word not led by a digit.
  if (prev.shape === Shape.Lower && !(charCode.call(text, prev.start) <= 57 && charCode.call(text, prev.start) >= 48)) return false;
  const gap = text.slice(prev.end, first.start);
  if (!/^['\u2019]?s?['\u2019]?[ \u00a0]$/.test(gap)) return false;
  if (OTHER_DRAW_WORDS.has(prev.norm) && prev.shape !== Shape.Lower) return true;
  if (possessive || gap.length !== 1) return false;
  const w = text.slice(prev.start, prev.end);
  if (/^\p{Lu}+\d+$|^\d+\p{Lu}*$/u.test(w)) return !YEAR.test(w);
  return prev.shape === Shape.Upper && w.length >= 2 && w.length <= 5 && competitionHead(tokens[to - 1]?.norm ?? '');
}

/** Reference works' nouns ("Encyclopedia", "Proceedings"): no headline's word, so read further from
 *  the name (newspaperNounAfter) and before an organisation too ("Proceedings of the National
 *  Academy of Sciences": link.ts asks bodyNounOfBefore with these of any organisation). */
export const REFERENCE_WORK_NOUNS: ReadonlySet<string> = new Set(['encyclopedia', 'encyclopaedia', 'dictionary', 'yearbook', 'almanac', 'atlas', 'proceedings']);
/** Nouns of publications' names that follow or take a place ("The Encyclopedia of New Zealand",
 *  "Hollywood Reporter", "US Weekly", "New Zealand Population Review"): the reference works' and
 *  periodicals'. Not "Daily" nor "History": a title-case headline's "Israel Daily Strikes", "the
 *  History of Israel" in running text. */
const PUBLICATION_NOUNS = [...REFERENCE_WORK_NOUNS, 'reporter', 'weekly', 'review', 'magazine', 'quarterly', 'bulletin'];

/** Capitalised nouns of a body's name that take "of <Place>" as part of the name ("Liberal Party of
 *  Australia", "Bank of America", "Church of England", "Government of India"): those of
 *  organisations and institutions, not titles of persons ("President of France" names the country)
 *  nor a state's own style ("Republic of Kenya", "State of Israel" are the country). Words that are
 *  no body's last noun ("National", "Foreign") or end a title ("Chief of Staff of …", "Minister of
 *  Foreign Affairs of …") are left out. */
const BODY_NOUNS = new Set([...ORG_NOUNS, ...INSTITUTION_WORDS, 'church', 'front', 'movement', 'league', 'alliance', 'museum', 'library',
  // A publication's noun takes its place the same way ("Te Ara: The Encyclopedia of New Zealand",
  // "Dictionary of New Zealand Biography"): the work's name, not the country (session 17's pages audit).
  ...PUBLICATION_NOUNS]);
const NOT_BODY_NOUNS = new Set(['of', 'the', 'national', 'federal', 'supreme', 'high', 'central', 'foreign', 'interior', 'state', 'air', 'staff', 'affairs', 'election',
  // A place's own style: "the Department of Antioquia", "the Union of Myanmar".
  'department', 'union']);

/**
 * "the Liberal Party of Australia", "Bank of America", "the Federal Court of Malaysia": a place
 * matched right after "of" (maybe "of the") that follows a capitalised body's noun is the last part
 * of that body's name, which the pack would have matched whole had it known it. A title before "of"
 * ("Prime Minister of Australia") names the country and is left alone. A shorter body's name the
 * pack knows before "of" ("Liberal Party") does not stop it: the longer name is still another body.
 * `from`: the match's first token.
 */
export function bodyNounOfBefore(text: string, tokens: Token[], from: number, nouns: ReadonlySet<string> = BODY_NOUNS): boolean {
  let k = from - 1;
  const first = tokens[from];
  let t = tokens[k];
  if (!first || !t) return false;
  if (t.norm === 'the' && t.shape === Shape.Lower) { if (!spaceBetween(text, t, first)) return false; k--; }
  const of = tokens[k], noun = tokens[k - 1];
  if (!of || !noun || of.norm !== 'of' || of.shape !== Shape.Lower || noun.shape !== Shape.Cap) return false;
  if (!nouns.has(noun.norm) || NOT_BODY_NOUNS.has(noun.norm)) return false;
  return spaceBetween(text, noun, of) && spaceBetween(text, of, tokens[k + 1]!);
}

/** Lower-case connectors of Romance names ("Notre-Dame de Paris", "Universidad de Chile"); not the
 *  English words "do", "da" ("Where do U.S.-Israeli relations go"). */
const ROMANCE_CONNECTORS = new Set(['de', 'del', 'du', 'des', 'dos', 'das', 'di', 'della']);
const ROMANCE_ARTICLES = new Set(['la', 'las', 'los', 'le', 'les', 'l']);
/** A state's or a place's own style before "de": "República de Turquía" is the country,
 *  "Ciudad de México" the city, "Provincia de Buenos Aires" a place too (a Spanish page's names). */
const PLACE_STYLES = new Set(['republica', 'reino', 'estado', 'estados', 'ciudad', 'provincia', 'departamento', 'municipio', 'comunidad',
  'principado', 'republique', 'royaume', 'etat', 'ville', 'province', 'region', 'repubblica', 'regno', 'stato', 'citta', 'cidade']);

/**
 * "the Notre-Dame de Paris cathedral", "Universidad de Chile", "Place de la Concorde": a place
 * matched after a capitalised word and a Romance connector (maybe an article) is the last part of a
 * building's, a body's or a street's name (the pack's own such names, "Rio de Janeiro", are longer
 * matches and win before this is asked). A name the pack knows before the connector ("Notre-Dame")
 * does not stop it: the longer name is still a building's. `from`: the match's first token.
 */
export function romanceConnectorBefore(text: string, tokens: Token[], from: number): boolean {
  let k = from - 1;
  const first = tokens[from];
  const art = tokens[k];
  if (!first || !art) return false;
  if (art.shape === Shape.Lower && ROMANCE_ARTICLES.has(art.norm) && spaceBetween(text, art, first)) k--;
  const conn = tokens[k], head = tokens[k - 1];
  if (!conn || !head || conn.shape !== Shape.Lower || !ROMANCE_CONNECTORS.has(conn.norm) || head.shape !== Shape.Cap || PLACE_STYLES.has(head.norm)) return false;
  // A sentence's first word is capitalised whatever it is ("Desde de …" is rare; "Tras de …").
  if (k - 1 === 0 || /[.!?:"\u201c][ \u00a0]*$/.test(text.slice(Math.max(0, head.start - 3), head.start))) return false;
  return spaceBetween(text, head, conn) && spaceBetween(text, conn, tokens[k + 1]!);
}

/**
 * "the FIFA U-20 World Cup", "UEFA U21 Championship", "the FIFA Under-17 World Cup": an
 * organisation's name followed by an age group's code and a capitalised word is the first word of a
 * competition's name (the youth edition; usage-rules.ts's youthEditionBefore is its mirror, for the
 * event's words after the code). `to`: the token after the match.
 */
export function youthCompetitionAfter(text: string, tokens: Token[], to: number): boolean {
  const last = tokens[to - 1];
  // Quick no (asked of most matches): a space and a capital "U" right after the match.
  if (!last || charCode.call(text, last.end + 1) !== 85) return false;
  return /^[ \u00a0](?:U|Under)[-\u2010\u2011 ]?\d{2}[ \u00a0]\p{Lu}/u.test(text.slice(last.end, last.end + 12));
}

/** Last words of newspapers' and other publications' names ("The Kansas City Star", "the Miami
 *  Herald", "the Seattle Times", "Hollywood Reporter"). */
const NEWSPAPER_NOUNS = new Set([
  'star', 'times', 'post', 'herald', 'tribune', 'journal', 'gazette', 'chronicle', 'courier', 'examiner', 'observer',
  'inquirer', 'dispatch', 'bee', 'sentinel', 'telegraph', 'enquirer', 'standard', 'mercury', 'independent',
  ...PUBLICATION_NOUNS,
]);

/**
 * "Kansas City Star Rebukes Josh Hawley", "the Houston Chronicle reports": a place's name followed
 * (a space between) by a capitalised newspaper's noun is the first part of that newspaper's name
 * (the pack's own papers, "Los Angeles Times", are longer matches and win before this is asked). The
 * noun is read in a title-case headline too: it says as much there. Not before a hyphen ("Britain
 * Post-Brexit": a prefix) nor a lower-case "of" ("Fiji Times of …" is rare; "the Post of …" a title).
 * Asked of places only. `to`: the token after the match.
 */
export function newspaperNounAfter(text: string, tokens: Token[], to: number): boolean {
  const last = tokens[to - 1], noun = tokens[to];
  if (!last || !noun || noun.shape !== Shape.Cap || !spaceBetween(text, last, noun)) return false;
  if (NEWSPAPER_NOUNS.has(noun.norm)) return !hyphenAt(text, noun.end);
  // "New Zealand Oxford Dictionary", "New Zealand Official Yearbook": one or two more capitalised
  // words, then the noun of a reference work. Not a newspaper's nor a noun a title-case headline uses
  // ("Alabama Official Told Reporter", "Ohio Police Review Finds"): only in the adjacent form above.
  let prev = noun;
  for (let k = to + 1; k <= to + 2; k++) {
    const t = tokens[k];
    if (!t || t.shape !== Shape.Cap || !spaceBetween(text, prev, t)) return false;
    if (REFERENCE_WORK_NOUNS.has(t.norm)) return !hyphenAt(text, t.end);
    prev = t;
  }
  return false;
}

/**
 * "Cambridge University Press", "Edinburgh University Press": a university's name followed (a space
 * between) by a capitalised "Press" is its publishing house, another organisation than the
 * university (session 17's pages audit: every university linked in a reference list was one).
 * `to`: the token after the match.
 */
export function pressAfterUniversity(text: string, tokens: Token[], to: number): boolean {
  const last = tokens[to - 1], noun = tokens[to];
  return !!last && !!noun && noun.shape === Shape.Cap && last.end - last.start === 10 && noun.end - noun.start === 5
    && last.norm === 'university' && noun.norm === 'press' && spaceBetween(text, last, noun);
}
