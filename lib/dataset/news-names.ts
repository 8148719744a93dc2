/**
 * News names (issue #4, recall of all names): names the news corpus writes again and again that no
 * reference record names ("Ghislaine Maxwell", "Sievierodonetsk", "Lake Chad") become pack records
 * of their own, so the linker can find them and the card can show the stories that named them.
 *
 * The source is the corpus itself (coverage.jsonl, the items outside the entity eval's reserve:
 * news-salience.ts newsGoldReserve). Only facts leave this module: a name as written, a type, the
 * first and last date it was named. No corpus prose enters the pack.
 *
 * A candidate is a run of capitalised words in running text (summaries, not title-case headlines),
 * with leading titles ("President", "Sen.") and a generic sentence-initial word cut off. It is kept
 * only when
 *   - at least `minItems` unreserved items name it,
 *   - news writes it capitalised: the same words in lower case are rare (not "Supreme Court" said
 *     of every country, which is also "the supreme court"), and at least one of its words is rarely
 *     lower case anywhere (a proper word, not "National Assembly" or "Health Ministry"),
 *   - the evidence gives one type clearly (newsNameType); the rest is dropped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { aliasKey, Shape, tokenize, type Token } from '../entities/normalize';
import type { EntityType, PackEntity } from './schema';
import type { NewsCorpusItem } from './news-salience';

/** Words that open a name but are not part of it: titles and honorifics ("President Joe Biden"). */
const TITLE_WORDS = new Set([
  'president', 'vice', 'prime', 'minister', 'chancellor', 'senator', 'sen', 'rep', 'representative', 'gov', 'governor',
  'mayor', 'king', 'queen', 'prince', 'princess', 'crown', 'sheikh', 'emir', 'pope', 'cardinal', 'archbishop', 'bishop',
  'rev', 'reverend', 'judge', 'justice', 'chief', 'secretary', 'general', 'gen', 'lt', 'col', 'colonel', 'major', 'maj',
  'captain', 'capt', 'sgt', 'sergeant', 'commander', 'admiral', 'adm', 'dr', 'mr', 'mrs', 'ms', 'sir', 'dame', 'lord',
  'lady', 'former', 'ex', 'acting', 'deputy', 'speaker', 'leader', 'ambassador', 'attorney', 'officer', 'detective',
  'coach', 'ceo', 'founder', 'chairman', 'chairwoman', 'director', 'professor', 'prof', 'st', 'saint',
  'u', 's', 'us', 'uk', 'un', 'eu', 'democrat', 'democratic', 'republican', 'gop', 'labour', 'conservative',
]);

/** The title words that also begin place names ("Saint Helena Island"). */
const SAINTS = new Set(['st', 'saint']);

/** Words that never start or make a name on their own: calendar words and the like. */
const CALENDAR = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  // Not "May" (Theresa May) nor the short forms ("Mar" of Mar-a-Lago): a name's words too.
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'christmas', 'easter', 'ramadan', 'eid', 'thanksgiving', 'halloween',
]);

/** Lower-case words that may join the words of one name ("Supreme Court of India", "Osama bin Laden"). */
const JOINERS = new Set(['of', 'de', 'del', 'der', 'da', 'do', 'dos', 'la', 'van', 'von', 'bin', 'ibn', 'al', 'el']);

/** Articles and particles bound to the next word by a hyphen inside a name ("Deir ez-Zor", "Mar-a-Lago"). */
const BOUND_ARTICLES = new Set(['al', 'el', 'ez', 'ed', 'es', 'as', 'ash', 'ad', 'az', 'at', 'ar', 'an', 'ul', 'ud', 'ur', 'a', 'e', 'i', 'de', 'di', 'du', 'da', 'la', 'le', 'sur', 'en']);

/** Last words that make a name an organisation ("Islamic Defenders Front", "Bio Farma" is not one). */
const ORG_HEADS = new Set([
  'party', 'ministry', 'court', 'council', 'agency', 'army', 'front', 'movement', 'bank', 'company', 'corporation',
  'corp', 'inc', 'ltd', 'llc', 'plc', 'group', 'authority', 'committee', 'commission', 'department', 'university',
  'college', 'police', 'force', 'forces', 'association', 'foundation', 'institute', 'league', 'organization',
  'organisation', 'brigade', 'brigades', 'airlines', 'airways', 'guard', 'guards', 'bureau', 'federation', 'coalition',
  'alliance', 'network', 'church', 'cartel', 'administration', 'assembly', 'parliament', 'board', 'fund', 'hospital',
  'union', 'regiment', 'battalion', 'militia', 'tribunal', 'prosecutor', 'office', 'fc', 'club', 'team', 'brotherhood',
]);
/** First words that make a name an organisation ("Ministry of …", "Bank of …"). */
const ORG_LEADS = new Set(['ministry', 'department', 'bank', 'university', 'court', 'council', 'army', 'office']);

/** Last words that make a name a place ("Lake Chad", "Barents Sea", "Bannu District"). */
const PLACE_HEADS = new Set([
  'lake', 'river', 'sea', 'ocean', 'island', 'islands', 'mountains', 'mountain', 'province', 'district', 'county',
  'oblast', 'raion', 'region', 'valley', 'bay', 'gulf', 'strait', 'peninsula', 'desert', 'airport', 'canal', 'dam',
  'square', 'prefecture', 'governorate', 'municipality', 'state', 'coast', 'strip', 'bank', 'basin', 'plateau',
  'reservoir', 'harbor', 'harbour', 'port', 'bridge', 'camp', 'arena', 'stadium',
]);
/** Places built at a place, named after it. */
const STRUCTURES = new Set(['airport', 'bridge', 'dam', 'canal', 'port', 'stadium', 'arena', 'square', 'camp', 'reservoir']);

/** First words that make a name a place ("Lake Kivu", "Mount Etna"). */
const PLACE_LEADS = new Set(['lake', 'mount', 'river', 'gulf', 'port', 'fort', 'cape', 'camp', 'isle']);

/** Last words that make a name an event ("Crocus City Hall attack" is written lower case; "Beirut Summit"). */
const EVENT_HEADS = new Set([
  'war', 'attack', 'attacks', 'summit', 'massacre', 'bombing', 'bombings', 'shooting', 'olympics', 'games', 'cup',
  'championship', 'championships', 'festival', 'conference', 'riots', 'protests', 'revolution', 'uprising', 'offensive',
  'operation', 'crisis', 'scandal', 'earthquake', 'referendum',
]);
/** First words that make a name an event ("Storm Filomena", "Typhoon Kalmaegi", "Operation Spider's Web"). */
const EVENT_LEADS = new Set(['storm', 'typhoon', 'hurricane', 'cyclone', 'operation', 'tropical']);

/** Adjectives news capitalises mostly inside institutions' names ("Supreme Court", "Federal Reserve"):
 *  their lower-case share sits near PROPER_LOWER_SHARE and flips as the counted items change (in
 *  session 15 "supreme" fell under it and "United States Supreme Court" became a record of its own
 *  beside the reference's), so they count as generic words, never as a name's proper word. */
const INSTITUTION_ADJECTIVES = ['supreme', 'federal', 'constitutional'];

const HEAD_WORDS = new Set([...ORG_HEADS, ...ORG_LEADS, ...PLACE_HEADS, ...PLACE_LEADS, ...EVENT_HEADS, ...EVENT_LEADS, ...INSTITUTION_ADJECTIVES]);

/** A proper word is written lower case less often than this ("Barents", not "supreme"). */
const PROPER_LOWER_SHARE = 0.05;

/** What the caller knows about single words: given names, nationalities. */
export interface NameLexicon {
  /** A folded given name ("ghislaine" may not be one; "rochelle" is). */
  givenName(word: string): boolean;
  /** A folded nationality adjective ("russian", "brazilian"). */
  demonym(word: string): boolean;
}

/** Lower-case words that continue a longer name ("Office on Drugs and Crime", "Commissioner for Human Rights"). */
const CONTINUERS = new Set(['on', 'for', 'and', 'against', 'to', 'of', 'in']);

/** "Jr", "III": not a surname ("McKenzie Jr" is someone's surname and suffix). */
const GENERATIONS = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** British and American spellings: "Israel Defence Forces" is the record "Israel Defense Forces". */
const SPELLINGS: readonly [RegExp, string][] = [[/\bdefence\b/g, 'defense'], [/\borganisation\b/g, 'organization'], [/\bcentre\b/g, 'center'], [/\blabour\b/g, 'labor'], [/\bprogramme\b/g, 'program']];
/** A key with American spellings. */
export const americanSpelling = (key: string) => SPELLINGS.reduce((k, [re, to]) => k.replace(re, to), key);

/** Words before a name that say it is a place ("in Uvalde", "near Toretsk"). */
const PLACE_PREPOSITIONS = new Set(['in', 'near', 'outside', 'across', 'around', 'towards', 'toward']);

/** What the corpus shows about one candidate name. */
export interface NameEvidence {
  /** The name as most often written. */
  name: string;
  /** Unreserved items naming it. */
  items: number;
  /** Occurrences right after a place preposition ("in X"). */
  afterPlaceWord: number;
  /** Occurrences right after "the", "a" or "an" ("the Sri Lankan navy": not a person). */
  afterArticle: number;
  /** Occurrences the text continues with "on/for/and/against/to" and a capitalised word: the name
   *  is the front of a longer one ("United Nations Office on Drugs and Crime"). */
  continued: number;
  /** Occurrences right after a number ("2024 Summer Olympics": an edition, not the name). */
  afterNumber: number;
  /** Occurrences inside quotation marks (a virtual "Lizzie McGuire" reunion): a work's title. */
  quoted: number;
  occurrences: number;
  first: string | null;
  last: string | null;
  /** Occurrences written "X, <Country>" ("Kfar Kila, Lebanon"), by country code (newsNameCountry). */
  countries: Record<string, number>;
  wcep: boolean;
  huffpost: boolean;
}

/** How often each folded word is written lower case and capitalised (not at a sentence start). */
export type WordCase = Map<string, { lower: number; cap: number }>;

/** The item's running text: the summary (HuffPost titles are title case: every word capitalised). */
const runningText = (it: NewsCorpusItem) => it.summary ?? '';

/** The item's date: its own field, or the one a WCEP id carries ("wcep-2021-05-19-010"). */
export function itemDate(it: NewsCorpusItem): string | null {
  if (it.date && /^\d{4}-\d{2}-\d{2}$/.test(it.date)) return it.date;
  const m = /^wcep-(\d{4}-\d{2}-\d{2})-/.exec(it.id);
  return m ? m[1]! : null;
}

/** Abbreviations whose dot does not end a sentence ("Sen. Joe Manchin", "St. Louis"). */
const ABBREVIATIONS = new Set(['sen', 'rep', 'gov', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'adm', 'dr', 'mr', 'mrs', 'ms', 'st', 'rev', 'prof', 'jr', 'sr', 'mt', 'ft', 'no', 'vs']);

/** Is token i the first of a sentence (text start, after . ! ? : ; or an opening quote or bracket)? */
export function sentenceStart(text: string, tokens: Token[], i: number): boolean {
  if (i === 0) return true;
  const prev = tokens[i - 1]!;
  const gap = text.slice(prev.end, tokens[i]!.start);
  if (/[!?:;"“(\n]/.test(gap)) return true;
  // "J. K. Rowling", "U.S. President", "Sen. Smith": the dot of an initial or abbreviation.
  return gap.includes('.') && prev.shape !== Shape.Upper && !ABBREVIATIONS.has(prev.norm);
}

const isCapital = (t: Token) => t.shape === Shape.Cap || (t.shape === Shape.Upper && t.end - t.start >= 2);
const isNumber = (t: Token) => /^\d/.test(t.norm);

/** Word case over running text, sentence starts left out (they are capitalised whatever the word). */
export function countWordCase(items: Iterable<NewsCorpusItem>, reserved: ReadonlySet<string>): WordCase {
  const use: WordCase = new Map();
  for (const it of items) {
    if (reserved.has(it.id)) continue;
    const text = runningText(it);
    const tokens = tokenize(text);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (isNumber(t) || sentenceStart(text, tokens, i)) continue;
      let u = use.get(t.norm);
      if (!u) use.set(t.norm, (u = { lower: 0, cap: 0 }));
      if (t.shape === Shape.Lower) u.lower++;
      else u.cap++;
    }
  }
  return use;
}

/** Share of a word's writings in lower case (0 for a word never seen). */
export function lowerShare(use: WordCase, word: string): number {
  const u = use.get(word);
  return u && u.lower + u.cap ? u.lower / (u.lower + u.cap) : 0;
}

/** A word news writes lower case often enough to be an ordinary word (≥ 20 % of its writings). */
const ordinary = (use: WordCase, word: string) => lowerShare(use, word) >= 0.2;

/**
 * The capitalised names of one text: maximal runs of capitalised words joined by single spaces
 * (and joiners such as "of"), leading titles cut off, a sentence-initial ordinary word cut off.
 * Returns token ranges [from, to).
 */
export function capitalisedNames(text: string, tokens: Token[], use: WordCase): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isCapital(tokens[i]!)) { i++; continue; }
    let j = i + 1;
    while (j < tokens.length) {
      const t = tokens[j]!;
      if (!/^[ \u00a0]$/.test(text.slice(tokens[j - 1]!.end, t.start)) && !/^[-'’]$/.test(text.slice(tokens[j - 1]!.end, t.start))) break;
      if (isCapital(t)) { j++; continue; }
      // "Stratford-upon-Avon", "Mar-a-Lago": a lower-case word between hyphens inside a name.
      if (t.shape === Shape.Lower && text.slice(tokens[j - 1]!.end, t.start) === '-' && j + 1 < tokens.length && text.slice(t.end, tokens[j + 1]!.start) === '-' && isCapital(tokens[j + 1]!)) { j += 2; continue; }
      // "of", "bin": joins only when a capitalised word follows ("Supreme Court of India"); so does
      // "of the" ("Department of the Treasury") and a short article bound by a hyphen ("Deir ez-Zor").
      if (t.shape === Shape.Lower && j + 1 < tokens.length && isCapital(tokens[j + 1]!)) {
        const after = text.slice(t.end, tokens[j + 1]!.start);
        if ((JOINERS.has(t.norm) && /^[ \u00a0-]$/.test(after)) || (BOUND_ARTICLES.has(t.norm) && after === '-') || (/^[dlo]$/.test(t.norm) && /^['’]$/.test(after))) { j += 2; continue; }
      }
      if (t.norm === 'of' && j + 2 < tokens.length && tokens[j + 1]!.norm === 'the' && tokens[j + 1]!.shape === Shape.Lower && isCapital(tokens[j + 2]!)) { j += 3; continue; }
      break;
    }
    // A name cut by a lower-case word bound to it by a hyphen ("Kim Jong-un", "ez-Zor") is not a
    // name of its own: the whole is something the rules here do not read.
    const cut = (a: Token | undefined, b: Token | undefined) => !!a && !!b && /^[-'’]$/.test(text.slice(a.end, b.start)) && (a.shape === Shape.Lower || b.shape === Shape.Lower);
    if (cut(tokens[i - 1], tokens[i]) || cut(tokens[j - 1], tokens[j])) { i = j; continue; }
    let from = i;
    // "Saint Helena Island", "St. Croix River": a saint's name before a place's head word is the place's.
    const saintPlace = PLACE_HEADS.has(tokens[j - 1]!.norm) && j - i >= 3;
    // Cut titles and calendar words off the front, and an ordinary word that only a sentence start capitalised.
    while (from < j) {
      const t = tokens[from]!;
      if (saintPlace && SAINTS.has(t.norm)) break;
      if (TITLE_WORDS.has(t.norm) || CALENDAR.has(t.norm) || t.norm === 'the' || (from === i && sentenceStart(text, tokens, i) && ordinary(use, t.norm)) || JOINERS.has(t.norm)) from++;
      else break;
    }
    let to = j;
    while (to > from && (JOINERS.has(tokens[to - 1]!.norm) || CALENDAR.has(tokens[to - 1]!.norm))) to--;
    if (to > from) out.push({ from, to });
    i = j;
  }
  return out;
}

/** Words a country's name may run to ("Democratic Republic of the Congo"). */
const MAX_COUNTRY_WORDS = 6;

/**
 * The country a name is placed in by the text: "Kfar Kila, Lebanon" or, through the region between,
 * "Guma, Benue State, Nigeria" (the name, a comma, a country's name or alias ending the phrase). Not
 * in a list ("Gaza, Israel and Lebanon", "Iraq, Syria, …"): neither a comma before the name nor a
 * comma and a capitalised word, "and" or "or" after the country. `countries` maps a country name's
 * key (aliasKey) to its code.
 */
export function countryAfter(text: string, tokens: Token[], from: number, to: number, countries: ReadonlyMap<string, string>): string | null {
  const comma = (i: number) => i > 0 && i < tokens.length && /^, $/.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start));
  if (!countries.size || !comma(to)) return null;
  if (from > 0 && /,\s*$/.test(text.slice(tokens[from - 1]!.end, tokens[from]!.start))) return null;
  const direct = countryAt(text, tokens, to, countries);
  if (direct !== undefined) return direct;
  // One region or city between ("Benue State", "Beirut"): capitalised words joined by spaces.
  for (let m = 1; m <= MAX_REGION_WORDS && to + m < tokens.length; m++) {
    const t = tokens[to + m - 1]!;
    if (!isCapital(t) || (m > 1 && !/^ $/.test(text.slice(tokens[to + m - 2]!.end, t.start)))) return null;
    if (comma(to + m)) return countryAt(text, tokens, to + m, countries) ?? null;
  }
  return null;
}

/** Words of the region written between a name and its country ("Benue State"). */
const MAX_REGION_WORDS = 3;

/** The country named at token `at` and ending the phrase: its code; null when it goes on as a list
 *  or a longer name; undefined when no country is named there. */
function countryAt(text: string, tokens: Token[], at: number, countries: ReadonlyMap<string, string>): string | null | undefined {
  if (!isCapital(tokens[at]!)) return undefined;
  for (let n = Math.min(MAX_COUNTRY_WORDS, tokens.length - at); n >= 1; n--) {
    const code = countries.get(tokens.slice(at, at + n).map((t) => t.norm).join(' '));
    if (!code) continue;
    // The country ends the phrase: not a longer name ("Georgia Tech"), not a list going on
    // ("…, Lebanon and Syria", "…, Lebanon, Syria").
    const next = tokens[at + n];
    if (!next) return code;
    const gap = text.slice(tokens[at + n - 1]!.end, next.start);
    if (/^[ ,]+$/.test(gap) && (isCapital(next) || next.norm === 'and' || next.norm === 'or')) return null;
    return code;
  }
  return undefined;
}

/** Occurrences placed in one country that make the fact (newsNameCountry). */
export const NEWS_NAME_COUNTRY_MIN = 2;

/**
 * The country of a place or organisation news names, when the text places it consistently: at
 * least NEWS_NAME_COUNTRY_MIN occurrences "X, <Country>" and no other country more than once in
 * ten. Null otherwise (a fact the card shows must be right; no guess).
 */
export function newsNameCountry(ev: Pick<NameEvidence, 'countries'>): string | null {
  const counts = Object.entries(ev.countries).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (!counts.length) return null;
  const total = counts.reduce((s, [, n]) => s + n, 0);
  const [code, n] = counts[0]!;
  return n >= NEWS_NAME_COUNTRY_MIN && n * 10 >= total * 9 ? code : null;
}

/** Opening and closing quotation marks (straight, curly, single and double). */
const OPEN_QUOTE = /["“‘']$/;
const CLOSE_QUOTE = /^["”’']/;
/** Is text[start, end) the whole of a quotation ("Lizzie McGuire" in quotation marks)? A closing
 *  mark alone is no quote: "McGuire’s" is a possessive. */
export function quotedAt(text: string, start: number, end: number): boolean {
  return OPEN_QUOTE.test(text.slice(Math.max(0, start - 1), start)) && CLOSE_QUOTE.test(text.slice(end, end + 1));
}

/**
 * Gathers the evidence for every capitalised name of the unreserved running text. `known(key)` says
 * whether a record already names the folded key (aliasKey): those are not candidates.
 */
export function gatherNameEvidence(items: Iterable<NewsCorpusItem>, reserved: ReadonlySet<string>, use: WordCase, known: (key: string) => boolean, countries: ReadonlyMap<string, string> = new Map()): Map<string, NameEvidence> {
  const byKey = new Map<string, NameEvidence & { seen: string; forms: Map<string, number> }>();
  for (const it of items) {
    if (reserved.has(it.id)) continue;
    const text = runningText(it);
    const tokens = tokenize(text);
    const date = itemDate(it);
    for (const { from, to } of capitalisedNames(text, tokens, use)) {
      const key = tokens.slice(from, to).map((t) => t.norm).join(' ');
      if (known(key)) continue;
      let ev = byKey.get(key);
      if (!ev) byKey.set(key, (ev = { name: '', items: 0, afterPlaceWord: 0, afterArticle: 0, continued: 0, afterNumber: 0, quoted: 0, occurrences: 0, first: null, last: null, countries: {}, wcep: false, huffpost: false, seen: '', forms: new Map() }));
      const form = text.slice(tokens[from]!.start, tokens[to - 1]!.end);
      ev.forms.set(form, (ev.forms.get(form) ?? 0) + 1);
      ev.occurrences++;
      const before = from > 0 ? tokens[from - 1]! : null;
      // "in Uvalde", but not "the Nobel Prize in Physics".
      if (before && PLACE_PREPOSITIONS.has(before.norm) && before.shape === Shape.Lower && !/^prizes?$/.test(tokens[from - 2]?.norm ?? '')) ev.afterPlaceWord++;
      if (before && isNumber(before)) ev.afterNumber++;
      const next = tokens[to], then = tokens[to + 1];
      if (next && then && next.shape === Shape.Lower && CONTINUERS.has(next.norm) && isCapital(then) && /^ $/.test(text.slice(tokens[to - 1]!.end, next.start))) ev.continued++;
      if (before && /^(the|a|an)$/.test(before.norm) && before.shape === Shape.Lower) ev.afterArticle++;
      if (quotedAt(text, tokens[from]!.start, tokens[to - 1]!.end)) ev.quoted++;
      const country = countryAfter(text, tokens, from, to, countries);
      if (country) ev.countries[country] = (ev.countries[country] ?? 0) + 1;
      if (ev.seen === it.id) continue;
      ev.seen = it.id;
      ev.items++;
      if (it.id.startsWith('wcep-')) ev.wcep = true;
      else ev.huffpost = true;
      if (date) {
        if (!ev.first || date < ev.first) ev.first = date;
        if (!ev.last || date > ev.last) ev.last = date;
      }
    }
  }
  const out = new Map<string, NameEvidence>();
  for (const [key, ev] of byKey) {
    // The form written most often, ties to the first in code-unit order (deterministic).
    let best = '', n = -1;
    for (const [form, c] of ev.forms) if (c > n || (c === n && form < best)) { best = form; n = c; }
    const { seen: _s, forms: _f, ...rest } = ev;
    out.set(key, { ...rest, name: best });
  }
  return out;
}

/**
 * The type the evidence gives, or null when it is not clear. `givenName(word)` says whether a
 * folded word is a given name; `use` is the corpus's word case.
 */
export function newsNameType(ev: NameEvidence, use: WordCase, lexicon: NameLexicon, known: ReadonlySet<string> = new Set()): EntityType | null {
  const words = aliasKey(ev.name).split(' ');
  const first = words[0]!, last = words[words.length - 1]!;
  if (words.some((w) => CALENDAR.has(w))) return null;
  // In quotation marks most of the time: the title of a show, film, book or song ("Lizzie
  // McGuire"), not a person, place or body of that name. Once in two is a name quoted in a
  // renaming (to return to the name "Mount McKinley").
  if (ev.quoted * 2 > ev.occurrences) return null;
  const named = words.filter((w) => !JOINERS.has(w));
  // "Ghislaine Maxwell": a given name, then one to three words news writes capitalised, no "of"
  // ("Elena Rybakina of Kazakhstan"), no demonym ("Roman Catholic", "Sri Lankan").
  const personLike = words.length >= 2 && words.length <= 4 && lexicon.givenName(first) && !words.includes('of') && ev.afterArticle * 10 < ev.occurrences &&
    !(words.length === 2 && GENERATIONS.has(last)) &&
    words.slice(1).every((w) => JOINERS.has(w) || (!ordinary(use, w) && !lexicon.demonym(w) && !HEAD_WORDS.has(w)));
  // Otherwise at least one proper word: rarely lower case, no head word, title or demonym. A name
  // made of ordinary words and a nationality is a generic institution said of any country
  // ("National Assembly", "Russian Defence Ministry"): the reference names it another way, if at all.
  const proper = named.some((w) => w.length >= 2 && lowerShare(use, w) < PROPER_LOWER_SHARE && !HEAD_WORDS.has(w) && !TITLE_WORDS.has(w) && !lexicon.demonym(w));
  if (!proper && !personLike) return null;
  // A nationality in front ("Russian Wagner Group", "Spanish Canary Islands") describes a name,
  // and a plural nationality ("Cape Verdeans") is a people, not a place.
  if (lexicon.demonym(first) || /(eans|ians)$/.test(last)) return null;
  // A known place of several words and generic words ("United States Justice Department", "New York
  // Supreme Court") is an institution the reference names its own way ("… of the United States").
  // A structure at a known place is a place of its own ("Hong Kong International Airport").
  for (let k = words.length - 1; k >= 2 && !STRUCTURES.has(last); k--) {
    if (known.has(words.slice(0, k).join(' ')) && words.slice(k).every((w) => lowerShare(use, w) >= PROPER_LOWER_SHARE || HEAD_WORDS.has(w))) return null;
  }
  const kinds: EntityType[] = [];
  const several = words.length > 1;
  if (several && (ORG_HEADS.has(last) || ORG_LEADS.has(first))) kinds.push('organization');
  if (several && (PLACE_HEADS.has(last) || PLACE_LEADS.has(first))) kinds.push('place');
  if (several && (EVENT_HEADS.has(last) || EVENT_LEADS.has(first))) {
    // "2024 Summer Olympics", "96th Academy Awards": an edition; the name alone would link a part of it.
    if (ev.afterNumber * 5 >= ev.occurrences) return null;
    // "Tokyo Olympics", "Beijing Games": an edition named by its place, which the reference names by its year.
    if (/^(olympics|games)$/.test(last) && words.slice(0, -1).every((w) => known.has(w) || ordinary(use, w))) return null;
    kinds.push('event');
  }
  // "Sievierodonetsk", "Uvalde": written after "in"/"near" at least half the time.
  const placeLike = ev.afterPlaceWord >= 2 && ev.afterPlaceWord * 2 >= ev.occurrences;
  // "in Abu Kamal, Syria", "in Madjoari Department, Burkina Faso": placed in a country by the text
  // and written after "in"/"near" half the time — a town that looks like a person's name, an
  // administrative department (Burkina Faso, Haiti, Colombia) that looks like a ministry's.
  const placedInCountry = Object.keys(ev.countries).length > 0 && ev.afterPlaceWord * 2 >= ev.occurrences;
  if (placedInCountry && !kinds.includes('event') && (personLike || (last === 'department' && several))) return 'place';
  if (personLike && !kinds.length && !placeLike) return knownPersonVariant(words, known) ? null : 'person';
  // A place known only by "in X" that holds a known name is that place written another way
  // ("Gaza City" of the record Gaza): the reference's record is the right one, not a new name.
  if (placeLike && !kinds.length && !personLike && !lexicon.givenName(first) && !(words.length > 1 && words.some((w) => known.has(w)))) return 'place';
  return kinds.length === 1 ? kinds[0]! : null;
}

/** Unreserved items that must name a candidate (K), chosen on the dev gold and unreserved items. */
export const NEWS_NAME_MIN_ITEMS = 2;

/** A key's words in code-unit order: the same bag of words in any order. */
const wordBag = (key: string) => key.split(' ').sort().join(' ');

/**
 * A known person written with a middle name or another spelling of the surname ("Iván Duque
 * Márquez" of "Iván Duque", "Volodymyr Zelenskyi" of "Volodymyr Zelenskyy"): the known record's.
 */
export function knownPersonVariant(words: readonly string[], known: ReadonlySet<string>): boolean {
  const first = words[0]!, last = words[words.length - 1]!;
  if (words.length >= 3 && (known.has(`${first} ${words[1]}`) || known.has(`${first} ${last}`))) return true;
  // The same given name and the surname's first five letters (a transliteration, a dropped letter).
  for (const k of known) {
    if (!k.startsWith(first + ' ') || k === words.join(' ')) continue;
    const kl = k.slice(k.lastIndexOf(' ') + 1);
    if (kl.length >= 5 && last.length >= 5 && kl.slice(0, 5) === last.slice(0, 5)) return true;
  }
  return false;
}

/** A stable id from a name: "news:" + its folded words joined by "-" ("news:lake-chad"). */
export function newsNameId(name: string): string {
  return `news:${aliasKey(name).replace(/ /g, '-')}`;
}

export interface NewsNameOptions {
  /** Unreserved items that must name a candidate (K). */
  minItems: number;
  /** Folded keys (aliasKey) of every name and alias a reference or compiled record carries. */
  known: ReadonlySet<string>;
  lexicon: NameLexicon;
  /** Country names and aliases (aliasKey) → code, to give places and organisations a country (countryAfter). */
  countries?: ReadonlyMap<string, string>;
}

/**
 * Pack records for the news names: name, type, first/last dates as the coverage carries them, the
 * coverage source(s) the name came from. Sorted by id; ids are unique.
 */
export function newsNameRecords(items: readonly NewsCorpusItem[], reserved: ReadonlySet<string>, opts: NewsNameOptions): { records: PackEntity[]; dropped: Record<string, number> } {
  const use = countWordCase(items, reserved);
  // A known name with its words in another order ("Jalisco New Generation Cartel" of the record
  // "Jalisco Cartel New Generation") is that record's.
  const reordered = new Set<string>();
  for (const k of opts.known) if (k.includes(' ')) reordered.add(wordBag(americanSpelling(k)));
  const evidence = gatherNameEvidence(items, reserved, use, (key) => opts.known.has(key) || reordered.has(wordBag(americanSpelling(key))), opts.countries);
  const records: PackEntity[] = [];
  const ids = new Set<string>();
  const dropped: Record<string, number> = { rare: 0, untyped: 0, oneLetter: 0, front: 0 };
  for (const [key, ev] of evidence) {
    if (ev.items < opts.minItems) { dropped.rare!++; continue; }
    if (key.replace(/ /g, '').length < 3) { dropped.oneLetter!++; continue; }
    if (ev.continued * 5 >= ev.occurrences) { dropped.front!++; continue; }
    const type = newsNameType(ev, use, opts.lexicon, opts.known);
    if (!type) { dropped.untyped!++; continue; }
    const id = newsNameId(ev.name);
    if (ids.has(id)) continue;
    ids.add(id);
    const sources = [...(ev.huffpost ? ['coverage-huffpost'] : []), ...(ev.wcep ? ['coverage-wcep'] : [])];
    const record: PackEntity = { id, name: ev.name, type, aliases: [], shortNames: [], roles: [], sources };
    const country = type === 'place' || type === 'organization' ? newsNameCountry(ev) : null;
    if (country && !opts.countries?.has(key)) record.country = country;
    records.push(record);
  }
  records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { records, dropped };
}

/** A reference record as the name keys read it. */
export interface ReferenceNameRecord { id: string; name: string; type: EntityType; aliases: string[] }

/**
 * What the reference files (entities*.jsonl) say about names:
 * - `keys`: the folded keys of every name and multi-word alias. A name one of them carries is that
 *   record's, not a news name — even when the pack leaves the record out, the right id for it is
 *   the record's.
 * - `oneWord`: one-word aliases → the records carrying them (id, type). They are not in `keys`:
 *   many are a person's surname or a club's town ("Assen" of a minister Ronald Assen, "Tenerife" of
 *   CD Tenerife) and say nothing about a place the news names so (news-name-variants.ts uses them).
 * Filled record by record (`add`), so the pack compiler can fill it from its own read of the files.
 */
export class ReferenceNames {
  readonly keys = new Set<string>();
  readonly oneWord = new Map<string, { id: string; type: EntityType }[]>();

  /** Adds one record as the files hold it (unparsed fields are checked: a bad line adds nothing). */
  addRaw(r: { id?: unknown; name?: unknown; type?: unknown; aliases?: unknown }): void {
    if (typeof r.name !== 'string' || !r.name) return;
    const aliases = Array.isArray(r.aliases) ? r.aliases.filter((a): a is string => typeof a === 'string' && !!a) : [];
    this.add({ id: typeof r.id === 'string' ? r.id : '', name: r.name, type: r.type as EntityType, aliases });
  }

  add(r: ReferenceNameRecord): void {
    const name = aliasKey(r.name);
    if (name) this.keys.add(name);
    for (const a of r.aliases) {
      const key = aliasKey(a);
      if (key.includes(' ')) this.keys.add(key);
      else if (key) {
        let list = this.oneWord.get(key);
        if (!list) this.oneWord.set(key, (list = []));
        list.push({ id: r.id, type: r.type });
      }
    }
  }
}

/** ReferenceNames of the given files, read in one pass. */
export function referenceNames(files: readonly string[]): ReferenceNames {
  const names = new ReferenceNames();
  for (const file of files) forEachReferenceLine(file, (r) => names.addRaw(r));
  return names;
}

function forEachReferenceLine(file: string, f: (r: { id?: unknown; name?: unknown; type?: unknown; aliases?: unknown }) => void): void {
  if (!existsSync(file)) return;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    let r: { id?: unknown; name?: unknown; type?: unknown; aliases?: unknown };
    try { r = JSON.parse(line) as typeof r; } catch { continue; }
    f(r);
  }
}
