/**
 * Words around a known name that make it part of a longer name the pack does not know (issue #4,
 * session 13). Each is a class of false link seen on unreserved news items:
 *  - a holiday named for someone: "Saint Patrick's Day", "St. George's Day" (not the parish or club);
 *  - an Arabic name going on after a particle: "Crown Prince Mohammed bin Zayed" (not Mohammed bin
 *    Salman's "Crown Prince Mohammed"), "Sheikh Mohamed bin Zayed";
 *  - two titles sharing one "of": "the Duke and Duchess of Sussex" (not Duke University);
 *  - a name-forming head word at a sentence's start: "Air Vanuatu cancels…", where the linker's
 *    usual sign (a capitalised word right before the name) is switched off because every sentence
 *    starts with a capital.
 * Pure functions over a block's text and tokens.
 */
import { GENERIC_PARTY_WORDS, INSTITUTION_WORDS, ORG_NOUNS } from './ambiguity';
import { apostropheS, asciiDigitsAt, hyphenAt, Shape, spaceBetween, type Token } from './normalize';

/** Words that end a holiday's name after a possessive: "Saint Patrick's Day", "New Year's Eve". */
const HOLIDAY_NOUNS = new Set(['day', 'eve']);

/**
 * "Saint Patrick's Day", "Presidents' Day": the match (`from`…`to`, `to` exclusive) is followed by
 * a possessive and a capitalised "Day" or "Eve" (the alias may hold the "'s" itself: "Saint
 * Patrick's"). The possessive's "s" is its own token after an apostrophe.
 */
export function possessiveHoliday(text: string, tokens: Token[], from: number, to: number): boolean {
  if (!tokens[to - 1]) return false;
  let k = to;
  // The "'s" inside the match ("Saint Patrick's") or right after it; or a bare apostrophe after a
  // name ending in s ("Presidents' Day").
  let possessive = to - from >= 2 && apostropheS(text, tokens, to - 1);
  if (!possessive && apostropheS(text, tokens, k)) { possessive = true; k++; }
  const prev = tokens[k - 1]!, noun = tokens[k];
  if (!noun || noun.shape !== Shape.Cap || !HOLIDAY_NOUNS.has(noun.norm)) return false;
  const gap = text.slice(prev.end, noun.start);
  return possessive ? /^[ \u00a0]$/.test(gap) : /^['\u2019][ \u00a0]$/.test(gap) && prev.norm.endsWith('s');
}


/** Lower-case particles of Arabic personal names: "bin", "ibn", "al-", "el-". */
export const NAME_PARTICLES = new Set(['al', 'bin', 'ibn', 'el']);

/** Is token k a lower-case name particle ("bin", "al")? */
const particleAt = (tokens: Token[], k: number) => {
  const t = tokens[k];
  return !!t && t.shape === Shape.Lower && NAME_PARTICLES.has(t.norm);
};

/**
 * "Crown Prince Mohammed bin Zayed": the match's last word is followed by a name particle and a
 * capitalised word, so the person named goes on past the match. A match that already holds a
 * particle ("Mohammed bin Salman bin Abdulaziz": a patronymic chain) is a full name and stays.
 * `sameEntityAt(k)`: a known name starting at token k has a candidate in common with the match
 * ("Crown Prince Mohammed bin Salman": the rest is the same person's "bin Salman").
 */
export function particleNameAfter(text: string, tokens: Token[], from: number, to: number, sameEntityAt: (k: number) => boolean): boolean {
  const last = tokens[to - 1], particle = tokens[to], next = tokens[to + 1];
  if (!last || !particle || !next || !particleAt(tokens, to) || next.shape !== Shape.Cap) return false;
  if (!spaceBetween(text, last, particle) || !/^[-\u2010\u2011 ]$/.test(text.slice(particle.end, next.start))) return false;
  for (let k = from; k < to; k++) if (particleAt(tokens, k)) return false;
  return !sameEntityAt(to);
}

/**
 * "the Duke and Duchess of Sussex", "the King and Queen of Spain": a one-word match after "the",
 * followed by "and", a capitalised word that starts no known name, and "of <Name>" is the first of
 * two titles sharing one "of", not a name of its own. Without "the" it is a name in a list ("co-prince
 * of Andorra and Bishop of Urgell"). `startsName(k)`: a known name starts at token k ("Texas and
 * Louisiana of…" would be two names). `from`, `to`: the match's tokens.
 */
export function sharedOfAfter(text: string, tokens: Token[], from: number, to: number, startsName: (k: number) => boolean): boolean {
  const the = tokens[from - 1], and = tokens[to], second = tokens[to + 1], of = tokens[to + 2], name = tokens[to + 3];
  if (!the || the.norm !== 'the' || !spaceBetween(text, the, tokens[from]!) || !and || !second || !of || !name) return false;
  if (and.norm !== 'and' || and.shape !== Shape.Lower || second.shape !== Shape.Cap || of.norm !== 'of' || of.shape !== Shape.Lower || name.shape !== Shape.Cap) return false;
  if (startsName(to + 1)) return false;
  return spaceBetween(text, tokens[to - 1]!, and) && spaceBetween(text, and, second) && spaceBetween(text, second, of) && spaceBetween(text, of, name);
}

/** Capitalised words that begin names of airlines, stations, waters, mountains and forts: before a
 *  place they make one longer name ("Air Vanuatu", "Radio Liberty", "Lake Chad", "Fort Worth"). */
const NAME_HEADS = new Set(['air', 'radio', 'lake', 'mount', 'fort', 'port', 'cape', 'camp']);

/**
 * "Air Vanuatu cancels all flights": the sentence's first word is a name-forming head word right
 * before the match (a space between), so the two are one name even though a sentence's first
 * capital says nothing by itself. `from`: the match's first token.
 */
export function nameHeadBefore(text: string, tokens: Token[], from: number): boolean {
  const head = tokens[from - 1], first = tokens[from];
  return !!head && !!first && head.shape === Shape.Cap && NAME_HEADS.has(head.norm) && spaceBetween(text, head, first);
}

/** Compass words: a region named by these alone ("North East", "South West") is a region of many countries. */
const COMPASS_WORDS = new Set(['north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest', 'central']);

/** Is the match (`from`…`to`) made of compass words only ("South East", "North West")? */
export function compassOnly(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!COMPASS_WORDS.has(tokens[k]!.norm)) return false;
  return true;
}

/**
 * "South East Queensland", "North East England", "South West Norfolk": a compass-only name right
 * before a capitalised word (a space between) is the first part of that place's name, even when the
 * word after it is a place the pack knows.
 */
export function compassBeforeName(text: string, tokens: Token[], from: number, to: number): boolean {
  const next = tokens[to];
  return !!next && next.shape === Shape.Cap && compassOnly(tokens, from, to) && spaceBetween(text, tokens[to - 1]!, next);
}

/**
 * "the Indianapolis 500", "the Daytona 500": a place's name followed by a three-digit number ends a
 * race's (or another event's) name. Not before a lower-case word ("Gaza 100 days after"): there the
 * number starts a phrase of its own; nor before a score's or a decimal's second part ("defeating the United
 * States 127–118"). `to`: the token after the match.
 */
export function numberedEventAfter(text: string, tokens: Token[], to: number): boolean {
  const last = tokens[to - 1], num = tokens[to];
  // The three digits as character codes, not a slice and a regex: most matches are followed by a
  // three-letter word ("and", "the"; issue #8, linking long pages).
  if (!last || !num || num.end - num.start !== 3 || !asciiDigitsAt(text, num.start, num.end) || !spaceBetween(text, last, num)) return false;
  return !/^[ \u00a0]+\p{Ll}/u.test(text.slice(num.end, num.end + 3)) && !/^[.,:\-\u2010-\u2015]\d/.test(text.slice(num.end, num.end + 2));
}

/** Words of institutions' and parties' generic names ("Air Force", "Workers' Party", "Department of Health"). */
const GENERIC_NAME_WORDS = new Set([...INSTITUTION_WORDS, ...GENERIC_PARTY_WORDS, ...ORG_NOUNS]);

/**
 * "the Ghana Air Force", "the Kurdistan Workers' Party", "the New Mexico Department of Health": a
 * name of two or more generic words (a known name of its own, "Air Force") right after a place is
 * that place's body, one longer name the pack lacks, not the place followed by a name. Is the token
 * range `from`…`to` (a known name's match) made of such words only? (The "s" of a possessive counts.)
 */
export function genericBodyName(tokens: Token[], from: number, to: number): boolean {
  if (to - from < 2) return false;
  for (let k = from; k < to; k++) if (!GENERIC_NAME_WORDS.has(tokens[k]!.norm) && tokens[k]!.norm !== 's') return false;
  return true;
}

/** Nouns that end a party's, a force's or a state's name after a possessive ("the People's
 *  Liberation Army", "the People's Republic of China", "The People's Action Party"). */
const POSSESSIVE_NAME_NOUNS = new Set([
  ...ORG_NOUNS, ...INSTITUTION_WORDS, 'army', 'force', 'forces', 'front', 'movement', 'alliance', 'republic', 'congress',
  'police', 'units', 'unit', 'militia', 'guard', 'league', 'union', 'coalition', 'march', 'ceremony', 'awards', 'award',
  // Monuments and squares ("the People's Friendship Arch", "the People's Square"; session 16).
  'arch', 'monument', 'memorial', 'square', 'palace', 'park', 'tower',
]);

/**
 * "the People's Liberation Army", "The People's Action Party", "the People's Republic of China": a
 * known name that begins with the article ("The People") followed by a possessive "'s" and one to
 * three capitalised words ending in a body's noun is the first part of that body's name, not the
 * namesake (a company, a newspaper). A name without the article ("Russia's Federal Security
 * Service") owns what follows and is left alone, and so is a possessive before anything else
 * ("The New Yorker's Saturday cartoon"). `from`, `to`: the match's tokens.
 */
export function articleNamePossessive(text: string, tokens: Token[], from: number, to: number): boolean {
  const the = tokens[from];
  if (!the || the.norm !== 'the' || to - from < 2 || !apostropheS(text, tokens, to)) return false;
  for (let k = to + 1, words = 0; k < tokens.length && words < 3; k++, words++) {
    const t = tokens[k]!;
    if (t.shape !== Shape.Cap || !spaceBetween(text, tokens[k - 1]!, t)) return false;
    if (POSSESSIVE_NAME_NOUNS.has(t.norm)) return true;
  }
  return false;
}

/**
 * "ISIS-K", "ISIL-KP", "SPLM-N", "IS-CAP", "GERB-SDS", "IS–K": an organisation's name followed by a hyphen
 * (or an en dash) and a code in capitals (one to four letters) names a branch, a faction or a coalition, another
 * organisation. A party-state tag in brackets ("(PSL-RJ)": the party and a state) stays the party,
 * and a code that is a known name ("the EU-UK deal") is a second name. `from`, `to`: the match's
 * tokens; `startsName(k)`: a known name starts at token k.
 */
export function factionCodeAfter(text: string, tokens: Token[], from: number, to: number, startsName: (k: number) => boolean): boolean {
  const last = tokens[to - 1], code = tokens[to];
  if (!last || !code || code.shape !== Shape.Upper || code.end - code.start > 4 || code.start - last.end !== 1 || /\d/.test(code.norm) || startsName(to)) return false;
  // A hyphen, or an en dash before a code of one or two letters ("IS–K"): an en dash before a longer
  // code more often joins two bodies ("the ECOWAS–AES split") than it names a branch.
  if (!hyphenAt(text, last.end) && !(text.charCodeAt(last.end) === 0x2013 && code.end - code.start <= 2)) return false;
  const open = tokens[from]!.start;
  return !(text.charCodeAt(open - 1) === 40 && text.charCodeAt(code.end) === 41);
}

/** Lower-case connectors of Spanish, Portuguese, Italian and French names ("Davao de Oro", "São José do Jacuípe"). */
const ROMANCE_CONNECTORS = new Set(['de', 'del', 'do', 'da', 'dos', 'das', 'di', 'du', 'des', 'della', 'delle', 'degli']);
/** Articles that may follow the connector ("San Pedro de la Paz"). */
const ROMANCE_ARTICLES = new Set(['la', 'las', 'los', 'le', 'les', 'el', 'lo']);

/**
 * "Maguindanao del Sur", "Davao de Oro", "San Juan de Arama", "Notre-Dame de Paris": a name followed
 * by a lower-case Romance connector (and article) and a capitalised word, spaces between, is the
 * first part of a longer name the pack lacks (the pack's own longer names, "Rio de Janeiro", are
 * longer matches and win before this is asked). `to`: the token after the match.
 */
export function romanceConnectorAfter(text: string, tokens: Token[], to: number): boolean {
  const last = tokens[to - 1], conn = tokens[to];
  if (!last || !conn || conn.shape !== Shape.Lower || !ROMANCE_CONNECTORS.has(conn.norm) || !spaceBetween(text, last, conn)) return false;
  let k = to + 1;
  const art = tokens[k];
  if (art && art.shape === Shape.Lower && ROMANCE_ARTICLES.has(art.norm) && spaceBetween(text, conn, art)) k++;
  const name = tokens[k];
  return !!name && name.shape === Shape.Cap && spaceBetween(text, tokens[k - 1]!, name);
}

/**
 * Nouns that end the name of a structure or an event named after a place or a person: "Louisville
 * Muhammad Ali International Airport", "King's College Hospital", "the Kentucky Derby", "the Paris
 * Agreement", "the Tokyo Olympics", "the Oslo Accords". Not the nouns of institutions ("Supreme
 * Court", "Senate", "Air Force"): a country's own body keeps the country linked ("US Senate").
 */
const STRUCTURE_EVENT_NOUNS = new Set([
  'airport', 'hospital', 'stadium', 'arena', 'bridge', 'cathedral', 'mosque', 'museum', 'dam', 'tunnel',
  'derby', 'olympics', 'paralympics', 'games', 'marathon', 'agreement', 'agreements', 'accord', 'accords', 'protests',
  // Landforms named after a river or a place ("the Danube Delta", "the Amazon Basin"), prizes, races
  // and festivals named after their place ("the Cannes Grand Prix", "the Davis Cup"; session 16).
  'delta', 'basin', 'peninsula', 'plateau', 'prix', 'cup', 'festival', 'championship', 'championships',
]);

/** Nouns of a mission's or a force's name ("United Nations Interim Force in Lebanon", "African Union
 *  Mission in Somalia"): they count only after words that start no known name, since a country's own
 *  force ("US Space Force", "Israeli Air Force") keeps the country linked. */
const UNIT_NOUNS = new Set(['force', 'mission']);

/**
 * "Louisville Muhammad Ali International Airport", "the Kentucky Derby", "the Paris Agreement": the
 * match is followed (a space between each) by one to four capitalised words, one of them a structure's
 * or an event's noun, so the match is the first part of that thing's name, even when the words after
 * it start names the pack knows ("Derby", "Muhammad Ali") or are title words ("Interim"). For running
 * text: in a title-case headline every word is capitalised and proves nothing. `to`: the token after
 * the match; `startsName(k)`: a known name starts at token k.
 */
export function structureOrEventAfter(text: string, tokens: Token[], to: number, startsName: (k: number) => boolean): boolean {
  let known = false;
  // "the London 2012 Olympic Games", "Tokyo 2020 Olympics", "the Qatar 2022 World Cup": an edition's
  // name holds its year between the host's name and the event's words.
  const start = editionYearAt(text, tokens, to) ? to + 1 : to;
  for (let k = start; k < start + 4 && k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.shape !== Shape.Cap || !spaceBetween(text, tokens[k - 1]!, t)) return false;
    if (STRUCTURE_EVENT_NOUNS.has(t.norm) || (UNIT_NOUNS.has(t.norm) && !known && k > start)) return true;
    known ||= startsName(k);
  }
  return false;
}

/** Is token k a year (1800–2099) written right after the previous token, a space between? */
function editionYearAt(text: string, tokens: Token[], k: number): boolean {
  const t = tokens[k], prev = tokens[k - 1];
  return !!t && !!prev && t.end - t.start === 4 && asciiDigitsAt(text, t.start, t.end) && /^(1[89]|20)\d\d$/.test(text.slice(t.start, t.end)) && spaceBetween(text, prev, t);
}

/**
 * "Kentucky Derby", "Tokyo Olympics": a one-word match that is a structure's or an event's noun
 * right after a capitalised word (a space between) is that longer name's last word, not the city of
 * Derby or the Games in general. `from`, `to`: the match's tokens.
 */
export function structureNounAfterName(text: string, tokens: Token[], from: number, to: number): boolean {
  const prev = tokens[from - 1], t = tokens[from]!;
  return to - from === 1 && !!prev && prev.shape === Shape.Cap && STRUCTURE_EVENT_NOUNS.has(t.norm) && spaceBetween(text, prev, t);
}

/** Endings of English contractions ("Don't", "We'll", "They're"): not part of a name. */
const CONTRACTION_ENDS = new Set(['s', 't', 'll', 're', 've', 'd', 'm']);

/**
 * "Kata'ib Hezbollah", "Asa'ib Ahl al-Haq", "Jama'at Nusrat al-Islam": a capitalised word with an
 * apostrophe inside (a transliterated ayn or hamza: the part after it is lower case) right before
 * the match, a space between, is the first word of a longer name the pack lacks (a tail of one to three
 * letters: a longer one, "Isma'ilism", is a word of its own). The tokenizer cuts
 * the word at its apostrophe: "Kata" and "ib". `from`: the match's first token.
 */
export function apostropheWordBefore(text: string, tokens: Token[], from: number): boolean {
  const tail = tokens[from - 1], head = tokens[from - 2], first = tokens[from];
  // Asked before every match: the token shapes and the one mark between head and tail first (no
  // slice, no regex), the tail's word after (a short lower-case word precedes most matches).
  if (!tail || !head || !first || tail.shape !== Shape.Lower || tail.end - tail.start > 3 || head.shape !== Shape.Cap || !apostropheAt(text, head.end, tail.start)) return false;
  // A short tail only: "Isma'ilism", "Ba'athist" are words of their own (an adjective before "Syria").
  if (CONTRACTION_ENDS.has(tail.norm) || !/^\p{L}+$/u.test(tail.norm)) return false;
  return spaceBetween(text, tail, first);
}

/** Is text[from, to) one apostrophe or modifier letter apostrophe/ayn: ' ’ ʿ ʼ? */
function apostropheAt(text: string, from: number, to: number): boolean {
  if (to - from !== 1) return false;
  const c = String.prototype.charCodeAt.call(text, from);
  return c === 39 || c === 0x2019 || c === 0x2bf || c === 0x2bc;
}

/**
 * "the Union for the Mediterranean", "the Alliance for Progress", "the Union for a Popular
 * Movement": a known name that begins with the article ("the Union", an Italian party) followed by
 * a lower-case "for", maybe "the" or "a", and a capitalised word (spaces between) is the first part of
 * a body's longer name. "for the first time" (lower case) leaves it alone. `from`, `to`: the match's tokens.
 */
export function articleNameForAfter(text: string, tokens: Token[], from: number, to: number): boolean {
  const the = tokens[from], forTok = tokens[to];
  if (!the || the.norm !== 'the' || to - from < 2 || !forTok || forTok.norm !== 'for' || forTok.shape !== Shape.Lower || !spaceBetween(text, tokens[to - 1]!, forTok)) return false;
  let k = to + 1;
  const art = tokens[k];
  if (art && art.shape === Shape.Lower && (art.norm === 'the' || art.norm === 'a') && spaceBetween(text, forTok, art)) k++;
  const name = tokens[k];
  return !!name && name.shape === Shape.Cap && spaceBetween(text, tokens[k - 1]!, name);
}

/** British and European peerages: "<title> of <Place>" names a person, and the place is a title. */
const PEERAGES = new Set(['duke', 'duchess', 'earl', 'countess', 'marquess', 'marquis', 'marchioness', 'baron', 'baroness', 'viscount', 'viscountess']);

/**
 * "The Duke of Edinburgh", "the Duchess of Sussex", "Baroness Thatcher of Kesteven": a peerage is a
 * person's title, so neither its word ("Duke", not Duke University) nor the place after "of"
 * (Edinburgh the city) is named. True when the one-word match is a capitalised peerage followed by
 * "of" and a capitalised word, or the match follows a capitalised peerage and "of" (spaces between).
 * Title-case lines too: the shape is the same there. `from`, `to`: the match's tokens.
 */
export function peerageTitle(text: string, tokens: Token[], from: number, to: number): boolean {
  const first = tokens[from]!, of = tokens[to], place = tokens[to + 1];
  if (to - from === 1 && first.shape === Shape.Cap && PEERAGES.has(first.norm) && of && place && of.norm === 'of' && of.shape === Shape.Lower
    && place.shape === Shape.Cap && spaceBetween(text, first, of) && spaceBetween(text, of, place)) return true;
  const ofBefore = tokens[from - 1], title = tokens[from - 2];
  // Shapes before words: asked of every match.
  return !!ofBefore && !!title && ofBefore.shape === Shape.Lower && title.shape === Shape.Cap && ofBefore.norm === 'of' && PEERAGES.has(title.norm)
    && spaceBetween(text, title, ofBefore) && spaceBetween(text, ofBefore, first);
}

/**
 * "King Edward VII's Hospital", "St Mary's Cathedral": a possessive "'s" and a capitalised structure's
 * or event's noun right after the match name a building or an event after someone. The caller asks
 * it of people only: after a place the possessive is the place's own ("China's Olympics"). `to`: the
 * token after the match.
 */
export function possessiveStructureAfter(text: string, tokens: Token[], to: number): boolean {
  const noun = tokens[to + 1];
  return apostropheS(text, tokens, to) && !!noun && noun.shape === Shape.Cap && STRUCTURE_EVENT_NOUNS.has(noun.norm) && spaceBetween(text, tokens[to]!, noun);
}
