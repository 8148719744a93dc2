/**
 * compileEntities: reference entity files (../shared/data/entities/*.jsonl) → PackEntity[].
 *
 * Deterministic (input order + sorted output). What it does, in order:
 *  1. read entities.jsonl (all), entities_more.jsonl and entities_popular.jsonl (a chosen subset,
 *     see `keepMore` / `keepPopular`); facts only — the reference `description` prose is never read
 *     into the pack; records whose only source is CC BY-SA Wikipedia text are skipped, merged ones
 *     keep their permissively licensed facts;
 *  2. clean names and aliases (non-Latin names → a Latin alias; "Surname, Given" → "Given Surname";
 *     drop non-Latin, inverted, too-short, common-word and country-demonym aliases; one-word person
 *     aliases become short forms);
 *  3. merge duplicates: same QID, then same folded name + type + country;
 *  4. apply curated facts (lib/dataset/curated/*.json) and compute `prominence`.
 * The breadth files are ranked within each kind's quota by their sources' own signals; with a
 * news corpus (`newsCorpus`), records the news names come first (news-salience.ts).
 * Returns the entities and a report of counts with reasons.
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import nlp from 'compromise';
import { aliasTokens, fold, Shape, tokenize } from '../entities/normalize';
import { aliasForm, CaseMode } from '../entities/matcher';
import { FOREIGN_FUNCTION_WORDS, NEVER_ALONE } from '../entities/ambiguity';
import { demonymsOfCountry } from '../entities/demonym-country';
import { institutionNameCountries, KNOWN_ABROAD_PROMINENCE, namesOneCountrysBody } from './one-country-names';
import type { PackEntity, Role } from './schema';
import { municipalTitleOf } from './municipal-records';
import curatedProminence from './curated/prominence.json';
import curatedNotes from './curated/notes.json';
import curatedAliases from './curated/aliases.json';
import curatedInclude from './curated/include.json';
import curatedEntities from './curated/entities.json';
import curatedTypes from './curated/types.json';
import curatedAliasExclusions from './curated/alias-exclusions.json';
import { NameCounter, newsGoldReserve, readNewsCorpus, shortGivenNameForms } from './news-salience';
import { lowerShare, ReferenceNames } from './news-names';
import { enwikiPageTitle, pageNameOfPerson, personPageKey, samePersonByPage } from './page-name';
import { newsVouchedAliases } from './news-alias-country';
import { FIELD_BELOW_PROMINENCE, personFieldCode } from './person-fields';
import { sameBirthYear, statedDeath } from './death-dates';
import { extensionSeat, TakenNames } from './quota-extension';
import { commonPhrase, joined, learnPhraseUse, opensSentence, phraseKey, type PhraseUse } from './common-phrases';

export interface CompileEntitiesOptions {
  /** Max entities taken from entities_more.jsonl / entities_popular.jsonl (after filters). */
  moreLimit?: number;
  popularLimit?: number;
  /** Only read the first N lines of each file (tests). */
  lineLimit?: number;
  /**
   * A JSONL corpus of English news prose (coverage.jsonl: `summary`/`title`) used to learn which
   * one-word aliases are ordinary words ("Unit", "Step", "Light"): words written in lower case at
   * least as often as capitalised mid-sentence. Without it only the built-in lists apply.
   */
  wordCorpus?: string;
  /**
   * The news corpus (coverage.jsonl) whose items naming a candidate lift it in the selection
   * (news-salience.ts; the items reserved for the entity eval are not counted). Without it the
   * selection uses the sources' own ranks only.
   */
  newsCorpus?: string;
}

/** How a folded word is written in running prose: lower case vs capitalised mid-sentence. */
export type WordUse = Map<string, { lower: number; cap: number }>;

export async function learnWordUse(file: string): Promise<WordUse> {
  const use: WordUse = new Map();
  // The entity eval's news gold is drawn from this corpus: its reserved items (news-salience.ts)
  // must not teach the compiler how their words are written, as they do not count for salience.
  const reserved = newsGoldReserve(readNewsCorpus(file));
  const rl = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line.trim()) continue;
    let rec: { id?: unknown; summary?: unknown; title?: unknown };
    try { rec = JSON.parse(line) as typeof rec; } catch { continue; }
    if (typeof rec.id === 'string' && reserved.has(rec.id)) continue;
    const text = typeof rec.summary === 'string' && rec.summary ? rec.summary : typeof rec.title === 'string' ? rec.title : '';
    const toks = tokenize(text);
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      const initial = opensSentence(text, toks, i);
      if (initial && t.shape !== Shape.Lower) continue;
      // A capitalised word inside a longer name ("Black Sea", "Tiananmen Square") says nothing
      // about the word alone: count only capitalised words standing alone.
      if (t.shape !== Shape.Lower) {
        const prev = toks[i - 1], next = toks[i + 1];
        if ((prev && prev.shape !== Shape.Lower && joined(text, prev, t)) || (next && next.shape !== Shape.Lower && joined(text, t, next))) continue;
      }
      let u = use.get(t.norm);
      if (!u) { u = { lower: 0, cap: 0 }; use.set(t.norm, u); }
      if (t.shape === Shape.Lower) u.lower++;
      else u.cap++;
    }
  }
  return use;
}

/** compromise's lexicon: first names ("Ryan", "Julian") make poor one-word organisation aliases. */
let lexicon: Record<string, unknown> | undefined;
export function isFirstName(word: string): boolean {
  lexicon ??= (nlp as unknown as { model(): { one: { lexicon: Record<string, unknown> } } }).model().one.lexicon;
  const tag = lexicon[word.toLowerCase()];
  const tags = Array.isArray(tag) ? tag : [tag];
  return tags.some((t) => t === 'MaleName' || t === 'FemaleName' || t === 'FirstName');
}

const PROPER_TAGS = /^(Organization|Person|FirstName|LastName|MaleName|FemaleName|Place|Country|City|Region|Demonym|Acronym|ProperNoun|Honorific)$/;
/** compromise's lexicon knows the word as an ordinary noun, verb or adjective ("Earth", "Paradise"). */
function isLexiconWord(word: string): boolean {
  lexicon ??= (nlp as unknown as { model(): { one: { lexicon: Record<string, unknown> } } }).model().one.lexicon;
  const tag = lexicon[word];
  if (tag === undefined) return false;
  const tags = Array.isArray(tag) ? tag : [tag];
  return tags.every((t) => typeof t === 'string' && !PROPER_TAGS.test(t));
}

const FUNCTION_TAGS = /^(Pronoun|Possessive|Modal|Copula|Auxiliary|Negative|QuestionWord|Expression|Determiner|Preposition|Conjunction|Adverb)$/;
/** compromise's lexicon knows the word as a pronoun, modal, determiner or other function word ("we", "can", "the"). */
function isFunctionWord(word: string): boolean {
  lexicon ??= (nlp as unknown as { model(): { one: { lexicon: Record<string, unknown> } } }).model().one.lexicon;
  const tag = lexicon[word];
  if (tag === undefined) return false;
  return (Array.isArray(tag) ? tag : [tag]).some((t) => typeof t === 'string' && FUNCTION_TAGS.test(t));
}

export interface CompileEntitiesResult {
  entities: PackEntity[];
  report: string[];
  /** Pack licence ids used by the entities. */
  sources: string[];
  /** The name keys of every record the reference files hold (kept or not), from this read of them,
   *  for the news names (build-pack.ts); absent when `lineLimit` cut the read short. */
  referenceNames?: ReferenceNames;
}

/** Licence ids, see build-pack.ts LICENSES. */
export const SOURCE_CORE = 'core';
export const SOURCE_CORE_BYSA = 'core-bysa';
export const SOURCE_MORE = 'more';
export const SOURCE_POPULAR = 'popular';
export const SOURCE_CURATED = 'curated';
/** Names, types and birth years of famous people from Wikipedia's date pages (CC BY-SA; facts only). */
export const SOURCE_POPULAR_BYSA = 'popular-bysa';

/** A record of curated/entities.json: reference-record fields plus a card note and a source URL. */
interface CuratedEntity extends Omit<RawRecord, 'source'> {
  note?: string;
  /** Events: when it happened (YYYY[-MM[-DD]]). */
  from?: string;
  to?: string | null;
  source: string;
}

interface RawRecord {
  id: string;
  name: string;
  /** Read only for the vote share a party record states (ranking); never copied into the pack. */
  description?: string;
  type: PackEntity['type'];
  subtype?: string;
  aliases?: string[];
  shortNames?: string[];
  roles?: (Role & { scheduledEnd?: string })[];
  country?: string;
  party?: string;
  born?: string;
  population?: number;
  popularity?: number;
  wikidata?: string;
  url?: string;
  source?: string;
  date?: { from?: string | null; to?: string | null };
}

type Work = PackEntity & { population?: number; file: 'core' | 'more' | 'popular'; popularity?: number; qid?: string; famous?: boolean; firstLevel?: boolean;
  /** A person's fields read from the description (person-fields.ts); the pack's `subtype` of a person. */
  field?: string;
  /** A region whose own title tells it from a city of its name (see regionTitledApart); not in the pack. */
  titledApart?: boolean;
  /** A party's stated vote share (%), for keeping its acronym; not in the pack. */
  voteShare?: number;
  /** A person's English Wikipedia page, folded (page-name.ts personPageKey): the key that merges
   *  a Wikidata and a date-page record of one person; not in the pack (QID records keep no URL). */
  page?: string;
  /** The reference names it with the years it existed ("Washington Times (1894–1939)"): a namesake of the past (an event's years, "Gaza War (2008–2009)", only say which one). */
  historical?: boolean };

class Counter {
  private m = new Map<string, number>();
  add(k: string, n = 1) { this.m.set(k, (this.m.get(k) ?? 0) + n); }
  lines(prefix: string): string[] {
    return [...this.m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, v]) => `${prefix}${k}: ${v}`);
  }
}

async function* readJsonl(file: string, limit?: number): AsyncGenerator<RawRecord> {
  const rl = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    if (!line.trim()) continue;
    if (limit !== undefined && n++ >= limit) break;
    yield JSON.parse(line) as RawRecord;
  }
}

// Anything outside Latin script (plus digits, punctuation, symbols, spaces, marks).
const NON_LATIN = /[^\p{Script=Latin}\p{N}\p{P}\p{S}\p{Z}\p{M}]/u;
const isLatin = (s: string) => !NON_LATIN.test(s);
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
/** Common all-caps abbreviations that must not stand for an entity. */
const ACRONYM_STOP = new Set(['ceo', 'cfo', 'gdp', 'tv', 'ai', 'pm', 'am', 'ok', 'vs', 'us', 'it', 'id', 'hr', 'pr', 'ip', 'uk', 'eu', 'un', 'is', 'mp', 'dc', 'usa', 'lol', 'faq', 'vip', 'diy', 'atm', 'pc', 'gps', 'nba', 'nfl', 'dna', 'rna', 'ufo', 'ev', 'co', 'inc', 'ltd', 'llc', 'plc', 'nhs', 'gop', 'ira', 'pac', 'abc', 'cbs', 'nbc', 'cnn', 'bbc']);
/** Two-/three-letter aliases allowed for well-known entities (exact case only). */
const SHORT_ALLOW = new Set((
  'US UK EU UN IS USA GOP NHS IRA BBC CNN ABC CBS NBC NPR PBS NBA NFL MLB NHL DC IDF FBI CIA NSA IMF WHO WTO UAE PKK SBU FSB KGB GRU SVR ' +
  'IAEA ICC ICJ AfD SPD CDU CSU FDP SNP DUP ANC BJP PTI RSF SAF SDF HTS PLO PFLP YPG IRGC TPLF FARC ELN ETA LTTE TTP AKP CHP HDP PiS ' +
  'PSOE LDP KMT DPP CCP PLA AP AFP NASA IBM AOL ATF HSBC BMW UBS CERN OPEC NATO ISIS ISIL FIFA UEFA FDA CDC EPA DOJ DHS ICE FAA FTC FCC ' +
  'IRS TSA NIH DEA NYPD LAPD MI5 MI6 GCHQ UNHCR UNICEF WFP UNRWA AIPAC NAACP ACLU NRA DNC RNC MSNBC CNBC ESPN HBO NYSE SEC OSCE ASEAN ' +
  'BRICS OECD MERCOSUR ECB BOE IOC AFL CIO UAW SAG NTSB NOAA FEMA USAID NIST DARPA NSC OMB GAO CBO DOGE MIT UCLA NYU'
).split(' '));
const DEMONYM = /(ian|ean|ese|ish|ic|ic)$/;
/** "<Word> Movement", "<Word> University": the first word alone names the organisation. */
const GENERIC_TAIL = /^(\p{Lu}[\p{L}'-]+) (Movement|Party|University|College|Corporation|Inc\.?|Group|Company|Institute|Laboratories|Labs|Holdings|Technologies|Industries|Enterprises|Corp\.?|Ltd\.?|plc|PLC|LLC)$/u;
/** "Dolby Laboratories", "Nvidia Corporation": a company's one-word head before a corporate noun
 *  is how news names it; offered as an alias (keepAlias decides whether it is distinctive). */
const COMPANY_HEAD = /^(\p{Lu}[\p{L}'-]+) (Laboratories|Labs|Holdings|Technologies|Industries|Enterprises|Corporation|Corp\.?|Inc\.?|Ltd\.?|plc|PLC|LLC|Group|Company)$/u;
/** "<Head> Movement": the head alone names it (see keepAlias `distinctive`). Not for parties:
 *  "Republican Party", "Catholic Party", "Democrat Party" have adjectives for heads. */
const MOVEMENT_HEAD = /^(\p{Lu}[\p{L}'-]+(?<!an|ic|ist|al)) Movement$/u;
/** Countries whose personal names are written family name first. */
const FAMILY_FIRST = new Set(['KR', 'KP', 'CN', 'TW', 'HK', 'MO']);

function cleanName(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim();
}

/** SEC filer names end with the filer's state or kind after a slash: "Sealed Air Corp/de", "Air France-Klm /fi",
 *  "Quadient S.A./ADR", "Lamar Advertising Co/new". Not part of the company's name. */
const SEC_FILER_SUFFIX = / ?\/(?:[A-Za-z]{2}|new|fi|adr|ats)\/?$/i;
/** A SEC filer's (cik:) name without its filer suffix ("Canadian Pacific Kansas City Ltd/cn" → "… Ltd"). */
export function secFilerName(name: string): string {
  return name.replace(SEC_FILER_SUFFIX, '').trim() || name;
}

/** "Canadian Pacific Kansas City Ltd", "Texas Capital Bancshares Inc": a listed company's name of two
 *  words or more before its legal form; news writes the words without the form. */
const LEGAL_FORM_TAIL = /^(\p{Lu}[^ ]*(?: [^ ]+)+?),? (?:Inc\.?|Corp\.?|Co\.?|Ltd\.?|Limited|Corporation|Company|PLC|plc|LLC|L\.P\.|LP|N\.V\.|S\.A\.|AG|SE)$/u;
/** The name of a listed company (cik:) without its legal forms ("Co., Ltd." both go), when two words
 *  or more remain, not starting with "The" ("The Walt Disney" is no name) nor ending in "&". */
export function listedCompanyShortName(name: string): string | undefined {
  let head: string | undefined, m: RegExpExecArray | null;
  let rest = name;
  while ((m = LEGAL_FORM_TAIL.exec(rest))) head = rest = m[1]!.replace(/,$/, '');
  if (head === undefined || /^The /.test(head) || /[&(]|\)$/.test(head) || !head.includes(' ')) return undefined;
  return head;
}

/** "Georgia (USA)" → "Georgia": a qualifier in parentheses is not written in running text. */
function stripQualifier(name: string): string {
  const m = /^(.+?) \([^()]+\)$/.exec(name);
  return m ? m[1]! : name;
}

/** "Smith, John" → "John Smith" for person-like inversions; null when not an inversion. */
function uninvert(s: string): string | null {
  const m = /^([^,]+), ([^,]+)$/.exec(s);
  if (!m) return null;
  const [, last, first] = m;
  if (/\b(of|the|and|for|de)\b/i.test(first!) || /(inc|ltd|llc|co|corp|jr|sr)\.?$/i.test(first!)) return null;
  return `${first} ${last}`;
}

function nameTokens(s: string): string[] {
  return s.split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);
}

/** Surname-style short form for a person's full name, or null. */
function surnameOf(name: string, country?: string): string | null {
  // "Alexander III of Russia", "Catherine of Aragon": no surname.
  if (/ (of|von|de la) \p{Lu}/u.test(name) && / of /.test(name)) return null;
  // Korean and Chinese names put the family name first ("Yoon Suk-yeol" → Yoon).
  if (country && FAMILY_FIRST.has(country)) {
    const words = name.split(/\s+/);
    const fam = words[0]!;
    if (words.length >= 2 && words.length <= 3 && /^\p{Lu}\p{Ll}+$/u.test(fam) && fam.length <= 5) return fam;
  }
  const toks = nameTokens(name).filter((t) => !SUFFIXES.has(t.toLowerCase()));
  if (toks.length < 2) return null;
  const last = toks[toks.length - 1]!;
  if (last.length < 3 || /^[A-Z]$/.test(last) || NEVER_ALONE.has(fold(last))) return null;
  return last;
}

/** A word news writes lower case in at least this share of its mid-sentence writings is a dictionary
 *  word for the flag below (the news names' "ordinary word" share, news-names.ts). */
const COMMON_WORD_SHARE = 0.2;

/**
 * Is one of an organisation's or event's names one dictionary word, maybe after "The" ("Pics",
 * "Lions", "The Sun", Amnesty International's "Amnesty")? Such a name written capitalised says
 * nothing where every word is capitalised (a title-case headline) or at a sentence start: the
 * linker then wants support (`commonWord`, lib/entities/common-word-names.ts). Judged by how the
 * news corpus writes the word mid-sentence; a form with no lower-case letter is an acronym ("WHO",
 * matched by its capitals), and a word the corpus never writes lower case is left alone.
 */
export function commonWordForm(forms: readonly string[], use: WordUse | undefined): boolean {
  if (!use) return false;
  return forms.some((form) => {
    const toks = tokenize(form);
    const core = toks.length === 2 && toks[0]!.norm === 'the' ? toks[1] : toks.length === 1 ? toks[0] : undefined;
    if (!core || core.shape === Shape.Upper || !/\p{Ll}/u.test(form)) return false;
    return (use.get(core.norm)?.lower ?? 0) > 0 && lowerShare(use, core.norm) >= COMMON_WORD_SHARE;
  });
}

/** Is an organisation's name of several words a phrase news prose writes in lower case ("as far", "the big")?
 *  Unlike `commonWordForm`, a form in capitals counts: "AS FAR" is no acronym. */
export function ordinaryPhraseName(name: string, use: ReadonlyMap<string, PhraseUse>): boolean {
  const words = aliasTokens(name);
  return words.length >= 2 && commonPhrase(use.get(phraseKey(words)));
}

/** How the news corpus's unreserved summaries write the organisations' aliases of several words. */
function organisationPhraseUse(order: readonly Work[], file: string): Map<string, PhraseUse> {
  const phrases: string[][] = [];
  for (const e of order) {
    if (e.type !== 'organization') continue;
    // The record's own name too: "AS FAR", "On the Run" (ordinaryPhraseName).
    for (const a of [e.name, ...e.aliases]) {
      const words = aliasTokens(a);
      if (words.length >= 2) phrases.push(words);
    }
  }
  const items = readNewsCorpus(file);
  const reserved = newsGoldReserve(items);
  const texts = items.filter((it) => !reserved.has(it.id) && it.summary).map((it) => it.summary!);
  return learnPhraseUse(texts, phrases);
}

let wordUse: WordUse | undefined;
/** Written in lower case at least as often as capitalised mid-sentence, and not rare. */
function isCommon(f: string): boolean {
  const u = wordUse?.get(f);
  return !!u && u.lower >= 3 && u.lower >= u.cap;
}

function keepAlias(a: string, e: Work, drops: Counter): boolean {
  if (!isLatin(a)) { drops.add('alias: non-Latin script'); return false; }
  const letters = a.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2) { drops.add('alias: shorter than 2 letters'); return false; }
  if (/^[^,]+, [^,]+$/.test(a) && (e.type === 'person' || /, (the|republic|kingdom|state|islamic|democratic|people)/i.test(a))) {
    drops.add('alias: inverted "X, Y" form');
    return false;
  }
  // Judge the alias as the matcher will key it ("C.S." is one token, "the Kremlin" is "kremlin").
  const form = aliasForm(a);
  if (!form) { drops.add('alias: no tokens or too long'); return false; }
  const words = form.key.split(' ');
  const core = e.file === 'core';
  const curated = core && e.sources.includes(SOURCE_CURATED);
  if (words.length === 2 && words[0] === 'the' && (NEVER_ALONE.has(words[1]!) || isCommon(words[1]!))) {
    drops.add('alias: "The" + ordinary word'); return false;
  }
  if (words.length === 1) {
    const f = words[0]!;
    if (form.mode === CaseMode.Any) { drops.add('alias: one lower-case word'); return false; }
    if (NEVER_ALONE.has(f)) { drops.add('alias: common word'); return false; }
    const caps = letters === letters.toUpperCase();
    // "ARENA", "DEMOS": from five letters on an all-caps alias matches capitalised text too
    // (matcher.ts aliasForm), where an ordinary word ("Manchester Arena") is not the acronym.
    if (caps && letters.length >= 5 && isCommon(f) && !curated) { drops.add('alias: acronym that is an ordinary word'); return false; }
    if (caps && letters.length <= 5) {
      // Acronyms and tickers: only well-known ones, or the core list's own.
      if (SHORT_ALLOW.has(letters) && (core || (e.prominence ?? 0) >= 65 || /^(government_body|media|international_organization|education|military|ngo)$/.test(e.subtype ?? ''))) return true;
      // A party that won a real share of the vote is named by its acronym in the news ("UMP", "UDI").
      if (e.subtype === 'political_party' && (e.voteShare ?? 0) >= 3 && letters.length >= 3 && !ACRONYM_STOP.has(f)) return true;
      if (!core || ACRONYM_STOP.has(f) || letters.length === 2) { drops.add('alias: acronym or ticker of a minor entity'); return false; }
      return true;
    }
    if (isCommon(f) && !curated) { drops.add('alias: ordinary word in news prose'); return false; }
    if (e.type !== 'person' && !core && isFirstName(f)) { drops.add('alias: a first name'); return false; }
    if (letters.length <= 3) { drops.add('alias: short mixed-case'); return false; }
    // "Ennahda" of "Ennahda Movement": the name's distinctive first word before a generic noun.
    const head = GENERIC_TAIL.exec(e.name);
    // An adjective before "Party" ("Democratic", "Republican", "Socialist") is not the party's name.
    const adjective = head !== null && head[2] === 'Party' && /(ic|an|ist|al|ive)$/.test(f);
    const distinctive = head !== null && fold(head[1]!) === f && !adjective && !isFirstName(f) && !isLexiconWord(f);
    if (e.type !== 'person' && !core && (e.prominence ?? 0) < 75 && !distinctive) { drops.add('alias: one-word alias of a minor organisation/place'); return false; }
    if (e.subtype === 'country' && f !== fold(e.name) && DEMONYM.test(f) && a !== a.toUpperCase()) { drops.add('alias: demonym'); return false; }
  }
  if (a === a.toLowerCase() && !core) { drops.add('alias: all lower case'); return false; }
  return true;
}

/** Compass words news abbreviates before a place's name ("N. Korea", "S. Sudan", "N. Ireland"). */
const COMPASS_ABBREVIATIONS: Record<string, string> = { North: 'N.', South: 'S.', East: 'E.', West: 'W.', Northern: 'N.' };

/**
 * Written variants of a country's or region's name that news uses and reference data lacks:
 * the compass word abbreviated ("North Korea" → "N. Korea") and "of the" without its article
 * ("Democratic Republic of the Congo" → "Democratic Republic of Congo"). The caller keeps only
 * variants that are no other record's name or alias.
 */
export function placeNameVariants(name: string, aliases: readonly string[]): string[] {
  const out: string[] = [];
  const compass = /^(North|South|East|West|Northern) (\p{Lu}\S*)$/u.exec(name);
  if (compass) out.push(`${COMPASS_ABBREVIATIONS[compass[1]!]} ${compass[2]}`);
  for (const a of [name, ...aliases]) if (/\S of the \p{Lu}/u.test(a)) out.push(a.replace(/ of the (?=\p{Lu})/u, ' of '));
  return out.filter((v) => v !== name && !aliases.includes(v));
}

/**
 * "United States Capitol" → "U.S. Capitol", "US Capitol": news writes the country's initials where
 * reference data spells "United States" out before a capitalised name. Not "United States of
 * America" nor a lower-case tail ("United States presidential election": a generic record). The
 * caller keeps only variants that are no other record's name or alias.
 */
export function usInitialsVariants(names: readonly string[]): string[] {
  const out: string[] = [];
  for (const n of names) {
    const m = /^United States (\p{Lu}.*)$/u.exec(n);
    if (m && !/^Of\b/.test(m[1]!)) out.push(`U.S. ${m[1]}`, `US ${m[1]}`);
  }
  return out.filter((v) => !names.includes(v));
}

/**
 * "Federal Police of Brazil" → "Brazilian Federal Police": news names a country's institution with
 * the nationality adjective in front, reference data often as "<institution> of <country>". For a
 * name or alias "<Head> of [the] <country>" (`countryNames`: the organisation's own country's name
 * and aliases; `demonyms`: its adjectives), "<Demonym> <Head>", the head of two capitalised words or
 * more, not starting with "The". The caller keeps only variants that are no other record's name or alias.
 */
export function demonymInstitutionVariants(names: readonly string[], countryNames: readonly string[], demonyms: readonly string[]): string[] {
  const out: string[] = [];
  const countries = new Set(countryNames.map(fold));
  for (const n of names) {
    const m = /^(\p{Lu}\S*(?: \p{Lu}\S*)+) of (?:the )?(.+)$/u.exec(n);
    if (!m || !countries.has(fold(m[2]!)) || /^the |,/i.test(m[1]!)) continue;
    for (const d of demonyms) out.push(`${d} ${m[1]}`);
  }
  return out.filter((v) => !names.includes(v));
}

const ISO = /^\d{4}(-\d{2}(-\d{2})?)?$/;
/** A pack date: YYYY[-MM[-DD]]; "2010s" → "2010"; anything else → undefined. */
function isoDate(d: string | null | undefined): string | undefined {
  if (!d) return undefined;
  if (ISO.test(d)) return d;
  const m = /^(\d{4})/.exec(d);
  return m ? m[1] : undefined;
}

function normRoles(roles: RawRecord['roles'], max = 4): Role[] {
  const out: Role[] = [];
  const seen = new Set<string>();
  for (const r of roles ?? []) {
    if (!r?.title) continue;
    const k = `${r.title}|${r.from ?? ''}`;
    if (seen.has(k)) continue;
    seen.add(k);
    const role: Role = { title: r.title };
    const from = isoDate(r.from), to = isoDate(r.to), asOf = isoDate(r.asOf);
    if (from) role.from = from;
    // An open role is stored without `to` (undefined = open) to keep the pack small.
    if (to) role.to = to;
    else if (asOf) role.asOf = asOf;
    out.push(role);
  }
  // Most recent first; keep at most 4.
  out.sort((a, b) => (b.to ?? '9999').localeCompare(a.to ?? '9999') || (b.from ?? '').localeCompare(a.from ?? ''));
  // Keeping one role (breadth records): the most newsworthy, not the latest — David Cameron's is
  // "Prime Minister (United Kingdom)", not his later seat in Parliament; Sarkozy's is "President
  // (France)", not the co-princeship of Andorra that came with it. The rank reads this role too.
  if (max === 1 && out.length > 1) {
    let best = out[0]!, bestScore = roleScore([best]);
    for (const r of out) { const sc = roleScore([r]); if (sc > bestScore) { best = r; bestScore = sc; } }
    return [best];
  }
  return out.slice(0, max);
}

function sourceIds(r: RawRecord, file: Work['file']): string[] {
  const s = r.source ?? '';
  if (file === 'popular' && /wikipedia:/.test(s) && !/wikidata:|sec:|usgov:|fundus:|pocom:|ror|hipo:/.test(s)) return [SOURCE_POPULAR_BYSA];
  if (file === 'core') {
    const out: string[] = [];
    if (/curated/.test(s)) out.push(SOURCE_CURATED);
    if (/BY-SA/.test(s)) out.push(SOURCE_CORE_BYSA);
    if (s.replace(/curated/g, '').replace(/[^;]*BY-SA[^;]*/g, '').trim().replace(/^[;\s]+|[;\s]+$/g, '')) out.push(SOURCE_CORE);
    return out.length ? out : [SOURCE_CORE];
  }
  return [file === 'more' ? SOURCE_MORE : SOURCE_POPULAR];
}

const ROMAN_NUMERAL = /^[IVXLC]+$/;
/**
 * A person's name with the European Parliament's capital surname written as news writes it:
 * "Roberta METSOLA" → "Roberta Metsola" (the card shows the name). Only words in capitals after a
 * capitalised word ("JB Pritzker", "Hira Chandra KC" and "Louis XVIII" keep theirs: initials, a
 * two-letter surname, a numeral).
 */
export function capitalSurnamesCased(name: string): string {
  const words = name.split(' ');
  const firstCap = words.findIndex((w) => /^\p{Lu}\p{Ll}/u.test(w));
  if (firstCap < 0) return name;
  return words.map((w, i) => (i > firstCap && /^\p{Lu}[\p{Lu}'’-]{2,}$/u.test(w) && !ROMAN_NUMERAL.test(w)
    ? w.toLowerCase().replace(/(^|[-'’])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase())
    : w)).join(' ');
}

/** A qualifier of years in a reference name: "(1894–1939)". */
const HISTORICAL_QUALIFIER = /\(\d{3,4}\s*[–-]\s*\d{2,4}\)\s*$/;

/**
 * A league typed as an event ("Major League Baseball", "National Football League": topics of the
 * current-events portal, all typed event): without a year or season it is the league, a body, not
 * one of its editions ("2020–21 UEFA Champions League").
 */
export function leagueNotEvent(type: RawRecord['type'], name: string): boolean {
  return type === 'event' && /\bLeague(?: \p{L}+)?$/u.test(name) && !/\d/.test(name);
}

function toWork(r: RawRecord, file: Work['file'], drops: Counter): Work | null {
  let name = stripQualifier(cleanName(r.name ?? ''));
  if (r.id.startsWith('cik:')) name = secFilerName(name);
  const aliases = (r.aliases ?? []).map(cleanName).filter(Boolean);
  if (!isLatin(name)) {
    const latin = aliases.find((a) => isLatin(a) && nameTokens(a).length >= (r.type === 'person' ? 2 : 1));
    if (!latin) { drops.add(`entity: no Latin-script name (${file})`); return null; }
    aliases.push(name);
    name = latin;
  }
  let shortNames = (r.shortNames ?? []).map(cleanName);
  if (r.type === 'person') {
    const un = uninvert(name);
    if (un) { drops.add('name: "Surname, Given" inverted back'); name = un; }
    const cased = capitalSurnamesCased(name);
    if (cased !== name) {
      drops.add('name: surname in capitals written as news writes it');
      const words = new Map(name.split(' ').map((w, i) => [w, cased.split(' ')[i]!]));
      const recase = (s: string) => s.split(' ').map((w) => words.get(w) ?? w).join(' ');
      shortNames = shortNames.map(recase);
      aliases.splice(0, aliases.length, ...aliases.map(recase));
      name = cased;
    }
  }
  if (nameTokens(name).length === 0) { drops.add(`entity: empty name (${file})`); return null; }
  // The common name news writes ("Liz Cheney" of the record "Elizabeth Cheney"): counted by the
  // news salience and linked like any alias (page-name.ts).
  const pageName = pageNameOfPerson(r, name, aliases);
  if (pageName) aliases.push(pageName);
  const qid = r.wikidata ?? (/^Q\d+$/.test(r.id) ? r.id : undefined);
  const e: Work = {
    id: qid ?? r.id,
    name,
    type: r.type,
    aliases,
    shortNames,
    roles: normRoles(r.roles, file === 'core' ? 4 : 1),
    sources: sourceIds(r, file),
    file,
  };
  if (qid) e.qid = qid;
  if (r.type !== 'event' && HISTORICAL_QUALIFIER.test(r.name ?? '')) e.historical = true;
  // FB15k-237 holds the ~15k most-linked Freebase entities: a fame signal.
  if (/FB15k/.test(r.source ?? '')) e.famous = true;
  if (/iso3166-2/.test(r.source ?? '')) e.firstLevel = true;
  if (r.subtype) e.subtype = r.subtype;
  if (r.type === 'person') e.field = personFieldCode(r.description);
  if (r.country) e.country = r.country;
  if (r.party) e.party = r.party;
  if (r.born) e.born = r.born.slice(0, 10);
  // A date of death the record states at its description's end (death-dates.ts); the report counts them.
  const death = statedDeath(r);
  if (death) e.died = death.died;
  if (r.population) e.population = r.population;
  if (r.popularity !== undefined) e.popularity = r.popularity;
  if (r.subtype === 'political_party') {
    const v = /(\d+(?:\.\d+)?)% of the vote in \d{4}/.exec(r.description ?? '');
    if (v) e.voteShare = Number(v[1]);
  }
  if (r.date?.from) e.from = isoDate(r.date.from);
  if (r.date && 'to' in r.date) e.to = isoDate(r.date.to) ?? null;
  if (r.subtype === 'region' && regionTitledApart(r, name)) e.titledApart = true;
  const page = personPageKey(r);
  if (page !== null) e.page = page;
  // Entities with a QID link to Wikidata and `enwiki:` ids to their Wikipedia page (both rebuilt
  // by the linker, link.ts entityUrl); only others store a URL.
  if (r.url && !qid && !(r.id.startsWith('enwiki:') && r.url === `https://en.wikipedia.org/wiki/${r.id.slice(7)}`)) e.url = r.url;
  return e;
}

// ---- selection of the breadth files -------------------------------------------------------

const HIGH_ROLE = /\b(president|prime minister|chancellor|premier|king|queen|emir|sultan|monarch|supreme leader|head of state|governor|mayor|secretary of state|minister of (foreign|defen[cs]e|finance|interior|justice|health)|foreign minister|defen[cs]e minister|finance minister|speaker|senator|vice president|chief justice|attorney general|general secretary|secretary-general|commander)\b/i;

const HEAD_ROLE = /^(president|prime minister|chancellor|premier|king|queen|emir|sultan|supreme leader)\b/i;

/** President, prime minister, monarch… of a country (not of a region, council, court or assembly). */
function isNationalHead(r: Role): boolean {
  return HEAD_ROLE.test(r.title) && !/\b(of the|regional|provincial|state|municipal|council|assembly|senate|court)\b/i.test(r.title.replace(/^\w+( \w+)? of the (United States|United Kingdom|Republic|Russian Federation)/i, ''));
}

/** 0..10: how newsworthy a person's best role is (recent and high beats old or minor). */
function roleScore(roles: Role[]): number {
  let best = 0;
  for (const r of roles) {
    const end = r.to ?? r.asOf ?? '2026';
    const recent = end >= '2020' ? 2 : end >= '2012' ? 1 : 0;
    // A national head of state/government stays newsworthy for years after leaving office.
    const head = isNationalHead(r);
    const high = head ? 3 : HIGH_ROLE.test(r.title) ? 2 : /minister|secretary|member of|deputy|representative|parliament|assembly|senate|congress/i.test(r.title) ? 1 : 0;
    // A former head of government (2012–2019) ranks with a sitting minister, above backbenchers.
    best = Math.max(best, head ? 6 + recent * 2 : recent * 3 + high);
  }
  return Math.min(10, best);
}

/**
 * Parties are many (4,100) and the quota takes 1,500: rank them by their vote share ("39.5% of the
 * vote in 2007", Party Facts) so that governing and main opposition parties (Zanu-PF, the UMP, En
 * Marche) come before fringe lists; recent elections weigh a little more. Parties without a vote
 * share keep the base rank.
 */
function partyVoteBonus(description: string | undefined): number {
  const m = /(\d+(?:\.\d+)?)% of the vote in (\d{4})/.exec(description ?? '');
  if (!m) return 0;
  const pct = Number(m[1]), year = m[2]!;
  return Math.min(20, pct / 2) + (year >= '2010' ? 4 : year >= '2000' ? 2 : 0);
}

/** Rank for entities_more.jsonl (higher = keep first). */
function moreRank(e: Work): number {
  return baseMoreRank(e) + (e.famous ? 12 : 0);
}

function baseMoreRank(e: Work): number {
  if (e.type !== 'person') {
    switch (e.subtype) {
      case 'political_party': return 60;
      case 'armed_group': return 62;
      case 'media': return 55;
      case 'region': return 64;
      case 'city': return 50 + Math.min(15, (e.population ?? 0) / 50000);
      case 'company': return 60;
      case 'government_body': case 'military': case 'international_organization': return 70;
      case 'sports_club': return 40;
      case 'education': return 42;
      case 'music_group': return 30;
      default: return e.type === 'event' ? 66 : 45;
    }
  }
  const rs = roleScore(e.roles);
  // 37,000 legislators seated since 2020 share role score 7 and fill any quota in file order. A
  // former national leader (Chirac, Mubarak, Mbeki, John Howard: score 6) is news far longer than a
  // backbencher, and a sitting minister more than a member of parliament: both rank above them.
  const formerLeader = rs < 8 && e.roles.some(isNationalHead) ? 12 : 0;
  const minister = rs === 7 && e.roles.some((r) => (r.to ?? r.asOf ?? '2026') >= '2020' && /\b(minister|secretary)\b/i.test(r.title)) ? 3 : 0;
  return 20 + rs * 6 + (e.qid ? 4 : 0) + formerLeader + minister;
}

function popularRank(e: Work, src: string): number | null {
  const p = e.popularity ?? 0;
  // BY-SA only: names and birth years (facts) of the most famous people; prose is never read.
  if (/wikipedia:/.test(src) && !/wikidata:|sec:|usgov:|fundus:|pocom:|ror|hipo:/.test(src)) {
    if (e.type !== 'person') return null;
    if (p >= BYSA_MIN_POPULARITY) return 30 + p * 0.6;
    // The second tier of the date pages is ~12k people; those born since 1930 are the ones still
    // in the news (founders, artists, politicians, athletes) and come first; those born 1880–1929
    // (the century's leaders, scientists and artists news still cites: Shamir, Lorenz, Chanel) fill
    // what the quota leaves, the later-born first.
    const born = (e.born ?? '').slice(0, 4);
    if (p >= BYSA_SECOND_TIER && born >= BYSA_SECOND_TIER_BORN) return 20 + p * 0.5;
    if (p >= BYSA_SECOND_TIER && born >= BYSA_HISTORY_BORN) return 10 + p * 0.5 + (Number(born) - 1880) / 10;
    return null;
  }
  if (/usgov:/.test(src)) return 70;
  if (/fundus:/.test(src)) return 75;
  if (/wikidata:wikitrivia/.test(src)) return 30 + p * 0.6;
  if (/sec:company_tickers/.test(src)) return p >= 60 ? 20 + p * 0.45 : null;
  if (/name-suggestion-index/.test(src)) return p >= 85 ? 15 + p * 0.4 : null;
  if (/pocom:/.test(src)) return null;
  return null; // ror, hipo: research bodies and universities are too many and rarely in news
}

const MAX_REGIONS_PER_COUNTRY = 70;
/** First-level subdivisions (ISO 3166-2) are kept even for countries with more regions than that. */
const MAX_FIRST_LEVEL_REGIONS = 100;
/** Popularity (within Wikipedia's date pages) from which a famous person is taken. */
const BYSA_MIN_POPULARITY = 95;
/** The date pages' second popularity tier (88.4) is taken for people born since this year. */
const BYSA_SECOND_TIER = 85;
const BYSA_SECOND_TIER_BORN = '1930';
/** …and, ranked below them, people of the same tier born since this year. */
const BYSA_HISTORY_BORN = '1880';

/** Max entities per kind taken from each breadth file (ranked within the kind). */
// Session 8 widened the kinds news names most and the dev pages missed (politicians, cities,
// parties, outlets, universities, companies, landmarks, events, 20th-century figures) within the
// 3 MB zip budget; sports clubs, armed groups and regions stay (their pools fit or add noise).
const MORE_QUOTAS: Record<string, number> = {
  person: 7500, famous_person: 4500, region: 5000, city: 3900, political_party: 2500, armed_group: 1000, media: 1200, company: 800,
  sports_club: 600, education: 800, event: 200, other: 300,
};
const POPULAR_QUOTAS: Record<string, number> = {
  person: 1500, bysa_person: 9000, company: 3500, government_body: 900, website: 600, event: 1400, landmark: 1200, media: 600, ngo: 150, other: 300,
};
function quotaKey(e: Work): string {
  // The most-linked Freebase people (actors, writers, scientists, athletes) and the date pages'
  // famous people have no roles to rank them against politicians: their own quotas.
  if (e.type === 'person' && e.famous) return 'famous_person';
  if (e.type === 'person' && e.sources.includes(SOURCE_POPULAR_BYSA)) return 'bysa_person';
  if (e.type === 'person') return 'person';
  if (e.type === 'event') return 'event';
  return e.subtype ?? 'other';
}

/** A candidate named in at least this many news items (outside the eval's reserve) is "named in the news". */
const SALIENT_ITEMS = 2;
/** …and ranks above every record of its kind the news does not name. */
const SALIENT_LIFT = 1000;
/** Records named in a single news item that are kept on top of the per-kind quotas. */
function namedOnceAllowed(e: Work, alone: boolean): boolean {
  // A person the news names only as the front of a longer name ("Lisa Marie" in "Lisa Marie
  // Montgomery") is not named at all: the longer name is someone else.
  return !e.historical && nameTokens(e.name).length >= 2 && (alone || e.type !== 'person');
}
/** Rank of a record below its source's tiers that the news names (it then competes by salience). */
const BELOW_TIER_RANK = 0;

/**
 * The strings a candidate is counted by: its name (with "John R. Bolton" also as "John Bolton",
 * as the pack will key it), its multi-word aliases and an organisation's or place's own one-word
 * alias ("NYPD"). Short forms are not counted ("Mueller" is also Mueller Industries, "Bolton" a
 * town), and a one-word name or alias counts only when no other candidate is named, aliased or
 * surnamed by the same word (countSalience).
 */
function salienceNames(e: Work): string[] {
  // "I'm", "We can!", "S&P": a record named by a phrase of function words or letters is named by
  // every sentence that says it; the count would say nothing about the record.
  if (nameTokens(e.name).every((t) => t.length <= 2 || isFunctionWord(fold(t)))) return [];
  const out = [e.name];
  if (e.type === 'person' && /^\S+ [A-Z]\. \S+$/.test(e.name)) out.push(e.name.replace(/ [A-Z]\. /, ' '));
  for (const a of e.aliases) {
    if (!isLatin(a) || /^[^,]+, [^,]+$/.test(a)) continue;
    // "Smith's" (a grocery chain) is one word and a possessive: every Smith's.
    const words = nameTokens(withoutPossessive(a));
    // An alias of ordinary words ("On Air" of ON AIR Fitness) is said by sentences about anything.
    if (words.every((t) => t.length <= 2 || isFunctionWord(fold(t)) || isLexiconWord(fold(t)))) continue;
    if (words.length >= 2) out.push(a);
    // An organisation's or place's own word ("NYPD", "Sinovac"): only when it is no ordinary word
    // or given name (and, below, no other candidate's word).
    else if (e.type !== 'person' && words.length === 1 && a.replace(/[^\p{L}]/gu, '').length >= 3) {
      const f = fold(words[0]!);
      if (!NEVER_ALONE.has(f) && !isCommon(f) && !isFirstName(f) && !isLexiconWord(f) && !ACRONYM_STOP.has(f)) out.push(a);
    }
  }
  return out;
}

const withoutPossessive = (s: string) => s.replace(/['’]s\b/gu, '');
/** A one-word name's key for the uniqueness test ("Smith's" is Smith's), or null for longer names. */
function oneWordKey(name: string): string | null {
  const bare = withoutPossessive(name);
  if (nameTokens(bare).length !== 1) return null;
  const key = aliasForm(bare)?.key;
  return key && !key.includes(' ') ? key : null;
}

/** Items of the news corpus naming each candidate (see news-salience.ts), the eval's reserve left out. */
function countSalience(cands: Work[], corpusFile: string): { salience: Map<Work, number>; alone: Set<Work>; names: number; items: number; reserved: number } {
  const corpus = readNewsCorpus(corpusFile);
  const reserved = newsGoldReserve(corpus);
  const counter = new NameCounter();
  const owners: Work[][] = [];
  const byString = new Map<string, number>();
  /** Identities holding each one-word key: a word two records share says nothing about either. */
  const oneWord = new Map<string, Set<string>>();
  // "Matt Whitaker" counts for the record "Matthew Whitaker" only when no candidate is named or
  // aliased so: "Bill Gates" is the record "Bill Gates", not the basketball player William Gates.
  const named = new Set(cands.flatMap((e) => [e.name, ...e.aliases].map(fold)));
  for (const e of cands) {
    const surname = e.type === 'person' ? surnameOf(e.name, e.country) : null;
    for (const word of [e.name, ...e.aliases, ...e.shortNames, ...(surname ? [surname] : [])]) {
      const key = oneWordKey(word);
      if (!key) continue;
      let ids = oneWord.get(key);
      if (!ids) oneWord.set(key, (ids = new Set()));
      ids.add(e.qid ?? e.id);
    }
    const shortForms = e.type === 'person' ? shortGivenNameForms(e.name).filter((n) => !named.has(fold(n))) : [];
    for (const name of [...salienceNames(e), ...shortForms]) {
      let i = byString.get(name);
      if (i === undefined) {
        i = counter.add(name);
        if (i < 0) continue;
        byString.set(name, i);
        owners[i] = [];
      }
      owners[i]!.push(e);
    }
  }
  const { df, standalone } = counter.countStandalone(corpus, reserved);
  const salience = new Map<Work, number>();
  const alone = new Set<Work>();
  for (const [name, i] of byString) {
    const n = df[i]!;
    if (n === 0) continue;
    const key = oneWordKey(name);
    if (key !== null && (oneWord.get(key)?.size ?? 0) > 1) continue;
    for (const e of owners[i]!) {
      salience.set(e, Math.max(salience.get(e) ?? 0, n));
      if (standalone[i]! > 0) alone.add(e);
    }
  }
  return { salience, alone, names: counter.names, items: corpus.length, reserved: reserved.size };
}

// ---- prominence ---------------------------------------------------------------------------

function prominenceOf(e: Work): number {
  if (e.file === 'core') {
    if (e.subtype === 'country') return 95;
    if (e.subtype === 'capital') return 85;
    if (e.subtype === 'city') return Math.min(80, 55 + Math.round(Math.log10(Math.max(1, (e.population ?? 5e5) / 5e5)) * 15));
    if (e.type === 'person') return Math.min(89, 62 + roleScore(e.roles) * 3);
    if (e.sources.includes(SOURCE_CURATED)) return 85;
    return 75;
  }
  if (e.file === 'more') return Math.min(70, Math.round(moreRank(e)));
  // The date pages' people born before 1930 below the top tier are history, taken for recall: a
  // namesake of today's news (Alan Moore the comics writer, not the 1914-born war artist) outranks them.
  if (e.sources.includes(SOURCE_POPULAR_BYSA) && (e.popularity ?? 0) < BYSA_MIN_POPULARITY && (e.born ?? '9999') < BYSA_SECOND_TIER_BORN) return 30;
  return Math.min(80, Math.round(20 + (e.popularity ?? 30) * 0.6));
}

// ---- merge ---------------------------------------------------------------------------------

/** Nouns of an administrative area in a page title ("… (state)", "… Governorate", "… County"). */
const REGION_TITLE = /\b(state|emirate|province|governorate|county|region|division|department|district|territory|oblast|krai|prefecture)\b/i;

/**
 * A region record titled apart from the bare name it shares with a city: a qualifier in its own
 * name ("Donetsk (Occupied Ukraine)") or a Wikipedia page titled as an area ("Rio_de_Janeiro_(state)",
 * "Abu_Dhabi_(emirate)", "Ismailia_Governorate"). A region whose page is the city's own ("Berlin",
 * "Saint_Petersburg", "Bakı", "Grad_Zagreb") is that city: one record.
 */
export function regionTitledApart(r: Pick<RawRecord, 'name' | 'url' | 'aliases'>, name: string): boolean {
  if (cleanName(r.name ?? '') !== name) return true;
  const title = enwikiPageTitle(r.url);
  if (title !== null && fold(title) !== fold(name) && REGION_TITLE.test(title)) return true;
  return (r.aliases ?? []).some((a) => namesAreaOf(a, name));
}

/**
 * An alias that calls the record an area of the name ("Province of Quebec", "Quebec Province",
 * "Emirate of Dubai"): the record is the area, not the city of that name, even when its page is
 * titled with the bare name. "Free and Hanseatic City of Hamburg" is not one: a city is no area noun.
 */
function namesAreaOf(alias: string, name: string): boolean {
  const a = fold(alias), n = fold(name);
  if (a === n || !a.includes(n)) return false;
  const rest = a.replace(n, ' ').replace(/\bof\b/g, ' ').trim();
  return rest !== '' && !/\s/.test(rest) && REGION_TITLE.test(rest) && (a.startsWith(`${n} `) || a.endsWith(` of ${n}`));
}

/**
 * Cities written apart from the bare name they carry as an alias ("Quebec City", alias "Quebec";
 * "Panama City", alias "Panama"), as `country|folded alias`: where the reference names the city so,
 * the bare name in the news is the province or country of that name. Read from the files that hold
 * settlements (only their lines are parsed) before any record is merged, so the reading order of
 * the files does not matter. Not when the city's own encyclopedia page is the bare name: "Kaohsiung
 * City" (page "Kaohsiung") is a city's formal name, and the bare name stays the city's.
 */
export function citiesWrittenApart(files: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const file of files) {
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.includes('"city"') && !line.includes('"capital"')) continue;
      let r: RawRecord;
      try { r = JSON.parse(line) as RawRecord; } catch { continue; }
      if (r.type !== 'place' || (r.subtype !== 'city' && r.subtype !== 'capital') || !r.country) continue;
      const own = fold(cleanName(r.name ?? ''));
      const page = enwikiPageTitle(r.url);
      const pageKey = page === null ? null : fold(page);
      for (const a of r.aliases ?? []) {
        const k = fold(cleanName(a));
        // The bare name is a prefix of the city's own ("Quebec" of "Quebec City"): not another spelling.
        if (k && k !== own && own.startsWith(`${k} `) && k !== pageKey) out.add(`${r.country}|${k}`);
      }
    }
  }
  return out;
}

const isSettlement = (e: Work) => e.type === 'place' && (e.subtype === 'city' || e.subtype === 'capital');
/** One record a city or capital, the other a region titled apart from it: two places of one name. */
function settlementAndRegion(a: Work, b: Work): boolean {
  return (isSettlement(a) && b.subtype === 'region' && !!b.titledApart) || (isSettlement(b) && a.subtype === 'region' && !!a.titledApart);
}

/**
 * A country and a settlement of its name ("Panama" and its capital "Panamá", Luxembourg, Djibouti,
 * Singapore): one record, but the country's. Its facts (name, subtype, URL) win over the
 * settlement's, and it takes no population from it, whichever came first: "Panama reports…" is the
 * country, and the card must not show the capital's inhabitants. The capital has its own record
 * ("Panama City") where the reference holds one. Likewise a region that owns the bare name
 * (`areaOwnsName`: the city is written apart, "Quebec City"): "Quebec" is the province.
 */
function areaOverSettlement(a: Work, b: Work, areaOwnsName: boolean) {
  if (!(isSettlement(a) && (b.subtype === 'country' || (b.subtype === 'region' && areaOwnsName)))) return;
  a.aliases.push(a.name);
  a.name = b.name;
  a.subtype = b.subtype;
  delete a.population;
  if (b.url) a.url = b.url; else delete a.url;
}

function mergeInto(a: Work, b: Work, areaOwnsName = false) {
  areaOverSettlement(a, b, areaOwnsName);
  const areaGetsSettlement = (a.subtype === 'country' || (a.subtype === 'region' && areaOwnsName)) && isSettlement(b);
  a.aliases.push(b.name, ...b.aliases);
  a.shortNames.push(...b.shortNames);
  const titles = new Set(a.roles.map((r) => `${r.title}|${r.from ?? ''}`));
  for (const r of b.roles) if (!titles.has(`${r.title}|${r.from ?? ''}`)) a.roles.push(r);
  a.roles = normRoles(a.roles, a.file === 'core' ? 4 : 1);
  for (const s of b.sources) if (!a.sources.includes(s)) a.sources.push(s);
  a.subtype ??= b.subtype;
  a.field ??= b.field;
  a.country ??= b.country;
  a.party ??= b.party;
  // A date of death survives a merge only where the two records agree on the birth year: a name
  // merge can join namesakes (the singer Scott Walker, 1943–2019, into the governor born 1967).
  if (a.died !== b.died) a.died = sameBirthYear(a, b) ? a.died ?? b.died : a.died && !b.born ? a.died : undefined;
  a.born ??= b.born;
  if (!areaGetsSettlement) {
    a.population ??= b.population;
    a.url ??= b.url;
  }
  a.page ??= b.page;
  if (b.popularity !== undefined) a.popularity = Math.max(a.popularity ?? 0, b.popularity);
  if (!a.qid && b.qid) { a.qid = b.qid; a.id = b.qid; }
}

/** The reasons keepAlias drops a short alias of a place for being minor, not for being a word. */
const MINOR_ALIAS_DROPS = /^ {2}dropped alias: (one-word alias of a minor organisation\/place|acronym or ticker of a minor entity):/;

/**
 * One-word and acronym aliases of regions and cities ("Tigray", "Gilan", "NRW"), and acronyms of
 * organisations with a country ("JNIM", "PIJ"), that keepAlias drops as a minor record's, kept (as
 * `id|alias`) where the news vouches for them: no other record holds the word, and the corpus items
 * that write it on its own mostly name the record's country too (news-alias-country.ts). The
 * eval's reserved items are not read.
 */
function vouchedPlaceAliases(order: readonly Work[], countryNamesOf: ReadonlyMap<string, string[]>, corpusFile: string, report: string[]): Set<string> {
  const holders = new Map<string, Set<string>>();
  for (const e of order) for (const a of [e.name, ...e.aliases, ...e.shortNames]) {
    const k = fold(a);
    let ids = holders.get(k);
    if (!ids) holders.set(k, (ids = new Set()));
    ids.add(e.id);
  }
  const cands: { e: Work; alias: string }[] = [];
  for (const e of order) {
    const placeKind = e.type === 'place' && (e.subtype === 'region' || e.subtype === 'city');
    if (!e.country || !(placeKind || e.type === 'organization') || !countryNamesOf.has(e.country)) continue;
    // A record whose name another record holds is a duplicate of it (the conflict data's "Donetsk
    // People's Republic" beside Wikidata's): a short alias would pull the name's mentions over.
    if ((holders.get(fold(e.name))?.size ?? 0) > 1) continue;
    for (const a of e.aliases) {
      if (aliasForm(a)?.key.includes(' ') !== false || (holders.get(fold(a))?.size ?? 0) > 1) continue;
      // An organisation's acronym only ("PIJ", "JNIM"): a club's one word is its island ("Mallorca").
      if (!placeKind && a !== a.toUpperCase()) continue;
      const why = new Counter();
      if (keepAlias(a, e, why) || !MINOR_ALIAS_DROPS.test(why.lines('  dropped ')[0] ?? '')) continue;
      cands.push({ e, alias: a });
    }
  }
  const countryNames = new Map<string, string[]>();
  for (const { e } of cands) if (!countryNames.has(e.country!)) countryNames.set(e.country!, [...countryNamesOf.get(e.country!)!, ...demonymsOfCountry(e.country!)]);
  const corpus = readNewsCorpus(corpusFile);
  const ok = newsVouchedAliases(cands.map(({ e, alias }) => ({ alias, country: e.country! })), countryNames, corpus, newsGoldReserve(corpus));
  const out = new Set<string>();
  for (const { e, alias } of cands) if (ok.has(`${e.country}|${alias}`)) out.add(`${e.id}|${alias}`);
  report.push(`short place aliases the news vouches for: ${out.size} of ${cands.length} candidates`);
  return out;
}

export async function compileEntities(dir: string, opts: CompileEntitiesOptions = {}): Promise<CompileEntitiesResult> {
  const report: string[] = [];
  const drops = new Counter();
  const merges = new Counter();
  const taken = new Counter();
  const byKey = new Map<string, Work>(); // qid or id
  const byName = new Map<string, Work>(); // folded name|type|country
  const byPage = new Map<string, Work>(); // a person's English Wikipedia page title, folded
  const renamed = new Map<string, string>(); // original id → final id
  const order: Work[] = [];
  const refNames = new ReferenceNames();

  /** Aliases reviewed by hand (curated/aliases.json, curated/entities.json): kept even when one word. */
  const curatedAliasKeys = new Set<string>();
  wordUse = opts.wordCorpus && existsSync(opts.wordCorpus) ? await learnWordUse(opts.wordCorpus) : undefined;
  if (opts.wordCorpus && !wordUse) report.push(`word corpus not found: ${opts.wordCorpus}`);
  /** A breadth record whose whole name is one ordinary word or first name would link noise. */
  const wordlikeName = (e: Work): string | null => {
    const toks = nameTokens(e.name);
    if (toks.length !== 1) return null;
    const f = fold(toks[0]!);
    if (NEVER_ALONE.has(f) || isCommon(f) || FOREIGN_FUNCTION_WORDS.has(f)) return 'one-word name that is an ordinary word';
    if (e.type !== 'person' && isLexiconWord(f)) return 'one-word name that is a dictionary word';
    if (isFirstName(f) && (e.type !== 'person' || e.file === 'popular')) return 'one-word name that is a first name';
    return null;
  };

  const writtenApart = citiesWrittenApart([path.join(dir, 'entities.jsonl'), path.join(dir, 'entities_more.jsonl')]);
  /** A settlement and a region of one name whose city the reference writes apart ("Quebec City"). */
  const regionOwnsName = (a: Work, b: Work) => {
    const region = isSettlement(a) && b.subtype === 'region' ? b : isSettlement(b) && a.subtype === 'region' ? a : null;
    return region !== null && writtenApart.has(`${region.country ?? ''}|${fold(region.name)}`);
  };
  const add = (e: Work, fromId: string) => {
    const key = e.qid ?? e.id;
    let target = byKey.get(key);
    let how = 'same QID/id';
    if (!target) {
      const nk = `${fold(e.name)}|${e.type}|${e.country ?? ''}`;
      const cand = byName.get(nk);
      // Namesakes: only merge when at most one side has a QID, and never a city into the region
      // of its name (the emirate of Abu Dhabi, the state of Rio de Janeiro): both are news places.
      if (cand && !(cand.qid && e.qid && cand.qid !== e.qid)) {
        if (regionOwnsName(cand, e)) { target = cand; how = 'same name+type+country, the region owning the name (its city written apart)'; }
        else if (settlementAndRegion(cand, e)) merges.add('kept apart: a city and the region of its name');
        else { target = cand; how = 'same name+type+country'; }
      }
    }
    // One person, two records: a Wikidata record and a Wikipedia date-page record (`enwiki:`) of
    // the same page ("Robert Menendez" Q888132 and "Bob Menendez"): one record keeps both ids'
    // facts and one pack slot, and the linker does not split the person's mentions between them.
    const page = e.page ?? null;
    if (!target && page !== null) {
      const cand = byPage.get(page);
      if (cand && !(cand.qid && e.qid && cand.qid !== e.qid) && samePersonByPage(cand, e)) { target = cand; how = 'same English Wikipedia page (person)'; }
    }
    if (target) {
      const before = target.id;
      mergeInto(target, e, regionOwnsName(target, e));
      if (page !== null && !byPage.has(page)) byPage.set(page, target);
      if (target.id !== before) { byKey.set(target.id, target); renamed.set(before, target.id); }
      byKey.set(key, target);
      renamed.set(fromId, target.id);
      merges.add(`${how} (${e.file} into ${target.file})`);
      return;
    }
    byKey.set(key, e);
    byName.set(`${fold(e.name)}|${e.type}|${e.country ?? ''}`, e);
    if (page !== null && !byPage.has(page)) byPage.set(page, e);
    if (fromId !== e.id) renamed.set(fromId, e.id);
    order.push(e);
  };

  // 1. core: everything usable
  const core = path.join(dir, 'entities.jsonl');
  for await (const r of readJsonl(core, opts.lineLimit)) {
    refNames.addRaw(r);
    const e = toWork(r, 'core', drops);
    if (!e) continue;
    taken.add('entities.jsonl');
    add(e, r.id);
  }

  // 1b. curated entities: news entities no reference file holds (curated/entities.json)
  for (const c of curatedEntities as CuratedEntity[]) {
    const e = toWork({ ...c, source: 'curated', date: c.from ? { from: c.from, to: c.to ?? null } : undefined }, 'core', drops);
    if (!e) { report.push(`curated entity unusable: ${c.id}`); continue; }
    if (c.note) e.note = c.note;
    taken.add('curated/entities.json');
    add(e, c.id);
    for (const a of c.aliases ?? []) curatedAliasKeys.add(`${c.id}|${a}`);
  }

  // 2. breadth: rank and take the best
  const include = new Set((curatedInclude as { id: string; exclude?: boolean }[]).filter((x) => !x.exclude).map((x) => x.id));
  const exclude = new Set((curatedInclude as { id: string; exclude?: boolean }[]).filter((x) => x.exclude).map((x) => x.id));
  type Candidate = { e: Work; rank: number | null; id: string; n: number; salience: number; alone?: boolean };
  /** A breadth file's usable records with their source rank (null: below the source's tiers). */
  const poolOf = async (file: string, kind: 'more' | 'popular'): Promise<Candidate[] | null> => {
    const p = path.join(dir, file);
    if (!existsSync(p)) { report.push(`skipped ${file}: not found`); return null; }
    const pool: Candidate[] = [];
    let n = 0;
    for await (const r of readJsonl(p, opts.lineLimit)) {
      n++;
      refNames.addRaw(r);
      const e = toWork(r, kind, drops);
      if (!e) continue;
      if (e.name === e.name.toLowerCase()) { drops.add(`entity: ${file} — name in lower case only`); continue; }
      if (exclude.has(r.id) || exclude.has(e.id)) { drops.add(`entity: ${file} — curated exclusion (not a news entity by that name)`); continue; }
      const why = wordlikeName(e);
      if (why) { drops.add(`entity: ${file} — ${why}`); continue; }
      let rank = kind === 'more' ? moreRank(e) : popularRank(e, r.source ?? '');
      if (rank !== null && kind === 'more' && e.subtype === 'political_party') rank += partyVoteBonus(r.description);
      if (rank === null && (include.has(r.id) || include.has(e.id))) rank = 0;
      pool.push({ e, rank, id: r.id, n, salience: 0 });
    }
    return pool;
  };
  const choose = (pool: Candidate[], file: string, kind: 'more' | 'popular', limit: number) => {
    for (let i = pool.length - 1; i >= 0; i--) {
      const c = pool[i]!;
      const salient = c.salience >= SALIENT_ITEMS;
      const named = c.salience >= 1 && namedOnceAllowed(c.e, !!c.alone);
      if (c.rank === null) {
        // Below the source's tiers (the date pages' long tail, SEC filers, agencies and brands of
        // low popularity): kept only when the news names it.
        if (!salient && !named) { drops.add(`entity: ${file} — CC BY-SA-only or low-value source`); pool.splice(i, 1); continue; }
        c.rank = BELOW_TIER_RANK;
      }
      if (kind === 'more' && c.e.type === 'person' && roleScore(c.e.roles) < 3 && !c.e.famous && !include.has(c.e.id) && !salient && !named) { drops.add(`entity: ${file} — person without a role since 2012`); pool.splice(i, 1); }
    }
    const picked = pool as (Candidate & { rank: number })[];
    // Regions: countries with very many (municipalities of small states) add noise, not news value.
    const regionsPer = new Map<string, number>();
    for (const { e } of picked) if (e.subtype === 'region') regionsPer.set(e.country ?? '', (regionsPer.get(e.country ?? '') ?? 0) + 1);
    const firstLevelPer = new Map<string, number>();
    for (const { e } of picked) if (e.subtype === 'region' && e.firstLevel) firstLevelPer.set(e.country ?? '', (firstLevelPer.get(e.country ?? '') ?? 0) + 1);
    for (let i = picked.length - 1; i >= 0; i--) {
      const { e, salience } = picked[i]!;
      if (e.subtype !== 'region' || (regionsPer.get(e.country ?? '') ?? 0) <= MAX_REGIONS_PER_COUNTRY) continue;
      // US states, Russian federal subjects, Turkish provinces stay; counties and municipalities go.
      if (e.firstLevel && (firstLevelPer.get(e.country ?? '') ?? 0) <= MAX_FIRST_LEVEL_REGIONS) continue;
      // Named once is not enough here: "Franklin County" is a county of 24 states.
      if (salience >= SALIENT_ITEMS) continue;
      drops.add(`entity: ${file} — region below the first level of a country with more than ${MAX_REGIONS_PER_COUNTRY} regions`);
      picked.splice(i, 1);
    }
    // The news names it: above every record of its kind the news does not name (each in rank order).
    const newsRank = (c: Candidate & { rank: number }) => c.rank + (c.salience >= SALIENT_ITEMS ? SALIENT_LIFT : 0);
    picked.sort((a, b) => newsRank(b) - newsRank(a) || a.n - b.n);
    // Per-kind quotas keep breadth balanced (otherwise worldwide legislators crowd out US states).
    const quota = kind === 'more' ? MORE_QUOTAS : POPULAR_QUOTAS;
    const used = new Map<string, number>();
    const keep: typeof picked = [];
    // Names taken so far, for the popular file's extension seats (quota-extension.ts).
    const takenNames = new TakenNames();
    const ordinaryWord = (w: string) => isLexiconWord(w) || isFirstName(w) || (wordUse?.get(w)?.lower ?? 0) > 0;
    if (kind === 'popular') for (const e of order) takenNames.add(e);
    for (const item of picked) {
      if (include.has(item.id) || include.has(item.e.id)) { keep.push(item); takenNames.add(item.e); taken.add(`${file} (curated include)`); continue; }
      const q = quotaKey(item.e);
      const max = quota[q] ?? quota.other ?? 0;
      const n = used.get(q) ?? 0;
      // Wikidata's records only: past the quota the SEC filers are shells, funds and blank-check
      // companies ("Kernel Group"), whose one-word heads are words on pages.
      if (kind === 'popular' && item.e.qid && keep.length < limit && extensionSeat(q, n, max, item.e, takenNames, ordinaryWord)) {
        used.set(q, n + 1);
        keep.push(item);
        takenNames.add(item.e);
        taken.add(`${file} (an extension seat past the ${q} quota)`);
        continue;
      }
      if (n >= max || keep.length >= limit) {
        // Named in one news item: kept on top of the quota (it pushes no quota record out).
        if (item.salience >= 1 && namedOnceAllowed(item.e, !!item.alone)) { keep.push(item); taken.add(`${file} (named in 1 news item, over the quota)`); continue; }
        drops.add(`entity: ${file} — over the ${q} quota (lowest-ranked)`);
        continue;
      }
      used.set(q, n + 1);
      keep.push(item);
      takenNames.add(item.e);
      if (item.salience >= SALIENT_ITEMS) taken.add(`${file} (named in >= ${SALIENT_ITEMS} news items${item.rank === BELOW_TIER_RANK ? ", below its source's tiers" : ''})`);
    }
    keep.sort((a, b) => a.n - b.n);
    for (const { e, id } of keep) { taken.add(file); add(e, id); }
  };
  const morePool = await poolOf('entities_more.jsonl', 'more');
  const popularPool = await poolOf('entities_popular.jsonl', 'popular');
  if (opts.newsCorpus) {
    if (!existsSync(opts.newsCorpus)) report.push(`news corpus not found: ${opts.newsCorpus} (no news salience)`);
    else {
      const t0 = performance.now();
      const stats = countSalience([...order, ...(morePool ?? []).map((c) => c.e), ...(popularPool ?? []).map((c) => c.e)], opts.newsCorpus);
      for (const c of [...(morePool ?? []), ...(popularPool ?? [])]) { c.salience = stats.salience.get(c.e) ?? 0; c.alone = stats.alone.has(c.e); }
      report.push(`news salience: ${stats.names} names counted over ${stats.items - stats.reserved} news items (${stats.reserved} reserved for the eval, not counted) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
  }
  if (morePool) choose(morePool, 'entities_more.jsonl', 'more', opts.moreLimit ?? 32000);
  if (popularPool) choose(popularPool, 'entities_popular.jsonl', 'popular', opts.popularLimit ?? 21000);

  // 3. curated facts
  const final = (id: string) => renamed.get(id) ?? id;
  const curated = new Map<string, Work>();
  /** Aliases written in curated/aliases.json: reviewed by hand, kept even when one word. */
  const curatedAlias = curatedAliasKeys;
  for (const e of order) curated.set(e.id, e);
  for (const f of curatedAliases as { id: string; aliases?: string[]; shortNames?: string[] }[]) {
    const e = curated.get(final(f.id));
    if (!e) { report.push(`curated alias target missing: ${f.id}`); continue; }
    e.aliases.push(...(f.aliases ?? []));
    for (const a of f.aliases ?? []) curatedAlias.add(`${e.id}|${a}`);
    e.shortNames.push(...(f.shortNames ?? []));
  }
  for (const f of curatedNotes as { id: string; note: string }[]) {
    const e = curated.get(final(f.id));
    if (!e) { report.push(`curated note target missing: ${f.id}`); continue; }
    e.note = f.note;
    if (!e.sources.includes(SOURCE_CURATED)) e.sources.push(SOURCE_CURATED);
  }

  // Type fixes: a reference record typed wrongly (the BBC as a person) would be described and
  // disambiguated as one.
  for (const f of curatedTypes as { id: string; type: PackEntity['type']; subtype?: string }[]) {
    const e = curated.get(final(f.id));
    if (!e) { report.push(`curated type target missing: ${f.id}`); continue; }
    e.type = f.type;
    if (f.subtype) e.subtype = f.subtype; else delete e.subtype;
    if (!e.sources.includes(SOURCE_CURATED)) e.sources.push(SOURCE_CURATED);
  }

  // After the selection (the event quota counted them as the reference typed them).
  for (const e of order) if (leagueNotEvent(e.type, e.name)) { e.type = 'organization'; drops.add('type: a league typed as an event, made an organization'); }
  // "City of Farmington" is the town, not the company the reference typed it as (municipal-records.ts).
  for (const e of order) if (e.type === 'organization' && municipalTitleOf(e.name, e.aliases)) { e.type = 'place'; e.subtype = 'city'; drops.add('type: a town typed as an organisation, made a city'); }

  // 4. aliases, short forms, prominence
  const boost = new Map((curatedProminence as { id: string; prominence: number }[]).map((p) => [final(p.id), p.prominence]));
  for (const id of boost.keys()) if (!curated.has(id)) report.push(`curated prominence target missing: ${id}`);
  // A country alias that is a city's own name ("Tunis" for Tunisia) would steal the city's mentions.
  const cityNames = new Set(order.filter((e) => e.type === 'place' && (e.subtype === 'capital' || e.subtype === 'city')).map((e) => fold(e.name)));
  // Likewise, within one country, a country's or region's alias that is another place's own name
  // ("Gaza Strip" for Palestine, "Santa Fe" for Santa Fe Province, "Tobago" for Trinidad and
  // Tobago) names that place: the record holding it only as an alias gives it up.
  const placeNameOwners = new Map<string, PackEntity[]>();
  for (const e of order) {
    if (e.type !== 'place' || !e.country) continue;
    const k = `${e.country}|${fold(e.name)}`;
    const list = placeNameOwners.get(k);
    if (list) list.push(e); else placeNameOwners.set(k, [e]);
  }
  const anotherPlaceNamed = (e: PackEntity, a: string) => !!placeNameOwners.get(`${e.country}|${fold(a)}`)?.some((o) => o !== e && o.id !== e.id);
  // Family names of the pack's people: "Abbott" of "Abbott Laboratories" is also Tony Abbott.
  const familyNames = new Set(order.filter((e) => e.type === 'person').map((e) => fold(nameTokens(e.name).pop() ?? '')));
  const orgNames = new Set(order.filter((e) => e.type === 'organization').map((e) => fold(e.name)));
  // Generic-word body names borne by one country's bodies only ("State Department"): one-country-names.ts.
  const institutionCountries = institutionNameCountries(order);
  // Reference aliases that mislead (curated/alias-exclusions.json, each with its reason): dropped.
  const excluded = new Map<string, Set<string>>();
  for (const x of curatedAliasExclusions as { id: string; aliases: string[] }[]) {
    if (!curated.has(final(x.id))) { report.push(`curated alias exclusion target missing: ${x.id}`); continue; }
    excluded.set(final(x.id), new Set(x.aliases.map(fold)));
  }
  // Every name and alias of the pack, folded: a written variant made below must not be another record's.
  const takenKeys = new Set<string>();
  for (const e of order) for (const a of [e.name, ...e.aliases]) takenKeys.add(fold(a));
  // A country's name and aliases by its code: "<institution> of <country>" variants below.
  const countryNamesOf = new Map<string, string[]>();
  for (const e of order) if (e.subtype === 'country' && e.country && !countryNamesOf.has(e.country)) countryNamesOf.set(e.country, [e.name, ...e.aliases]);
  const vouched = opts.newsCorpus && existsSync(opts.newsCorpus) ? vouchedPlaceAliases(order, countryNamesOf, opts.newsCorpus, report) : new Set<string>();
  // Organisation aliases of several words, as the news corpus writes them: an ordinary phrase
  // ("National Security" of National Security Group) is kept as a short form (common-phrases.ts).
  const phraseUse = opts.wordCorpus && existsSync(opts.wordCorpus) ? organisationPhraseUse(order, opts.wordCorpus) : new Map<string, PhraseUse>();
  const out: PackEntity[] = [];
  for (const e of order) {
    const gone = excluded.get(e.id);
    if (gone) {
      const before = e.aliases.length + e.shortNames.length;
      e.aliases = e.aliases.filter((a) => !gone.has(fold(a)));
      e.shortNames = e.shortNames.filter((a) => !gone.has(fold(a)));
      drops.add('alias: curated exclusion (misleading in news)', before - e.aliases.length - e.shortNames.length);
    }
    if (e.type === 'place' && (e.subtype === 'country' || e.subtype === 'region')) {
      for (const v of placeNameVariants(e.name, e.aliases)) if (!takenKeys.has(fold(v))) { e.aliases.push(v); takenKeys.add(fold(v)); }
    }
    for (const v of usInitialsVariants([e.name, ...e.aliases])) if (!takenKeys.has(fold(v))) { e.aliases.push(v); takenKeys.add(fold(v)); }
    // Only a state's bodies: "the German Communist Party" is another party than the "Communist Party of Germany".
    if ((e.subtype === 'government_body' || e.subtype === 'military') && e.country && countryNamesOf.has(e.country)) {
      for (const v of demonymInstitutionVariants([e.name, ...e.aliases], countryNamesOf.get(e.country)!, demonymsOfCountry(e.country))) {
        if (!takenKeys.has(fold(v))) { e.aliases.push(v); takenKeys.add(fold(v)); }
      }
    }
    if (e.subtype === 'country') {
      const before = e.aliases.length;
      e.aliases = e.aliases.filter((a) => !cityNames.has(fold(a)));
      if (e.aliases.length < before) drops.add('alias: a country alias that names a city', before - e.aliases.length);
    }
    if (e.type === 'place' && e.country && (e.subtype === 'country' || e.subtype === 'region')) {
      const before = e.aliases.length;
      e.aliases = e.aliases.filter((a) => !anotherPlaceNamed(e, a));
      if (e.aliases.length < before) drops.add("alias: names another place of the same country", before - e.aliases.length);
    }
    e.prominence = boost.get(e.id) ?? prominenceOf(e);
    const nameKey = fold(e.name);
    const seen = new Set<string>([nameKey]);
    const aliases: string[] = [];
    const shorts = new Set<string>();
    const nameIsOneWord = nameTokens(e.name).length === 1;
    const given = fold(nameTokens(e.name)[0] ?? '');
    // "Mark R. Warner" is written "Mark Warner" too.
    if (e.type === 'person' && /^\S+ [A-Z]\. \S+$/.test(e.name)) e.aliases.push(e.name.replace(/ [A-Z]\. /, ' '));
    // "George H. W. Bush" is written "George H.W. Bush" too (one dotted token when matching).
    if (e.type === 'person' && /\b[A-Z]\. [A-Z]\./.test(e.name)) e.aliases.push(e.name.replace(/\b([A-Z])\. (?=[A-Z]\.)/g, '$1.'));
    const nameToks = nameTokens(e.name).map(fold);
    // "Al-Shabaab", "Al-Qaeda": running text writes the Arabic article in lower case ("al-Shabaab");
    // the matcher keeps the more permissive casing of one key, so the variant is offered too.
    if (e.type !== 'person') for (const a of [e.name, ...e.aliases]) if (/^Al-\p{Lu}/u.test(a)) e.aliases.push(`al${a.slice(2)}`);
    // "Ennahda Movement" is mostly written "Ennahda": the distinctive head of a movement's
    // two-word name is offered as an alias (keepAlias decides whether it is distinctive).
    const head = e.type === 'organization' ? MOVEMENT_HEAD.exec(e.name) : null;
    if (head) e.aliases.push(head[1]!);
    const company = e.type === 'organization' && e.subtype === 'company' ? COMPANY_HEAD.exec(e.name) : null;
    if (company) {
      const f = fold(company[1]!);
      const why = f.length < 4 ? 'too short' : orgNames.has(f) ? 'the name of another record' : familyNames.has(f) ? "a person's family name" : isFirstName(f) || isLexiconWord(f) || (wordUse?.get(f)?.lower ?? 0) > 0 || NEVER_ALONE.has(f) ? 'an ordinary word or given name' : null;
      if (why) drops.add(`alias: company head (${why})`);
      else e.aliases.push(company[1]!);
    }
    // "Canadian Pacific Kansas City" of "Canadian Pacific Kansas City Ltd": a listed company's words
    // before its legal form, when they are no other record's name or alias.
    const listed = e.type === 'organization' && e.id.startsWith('cik:') ? listedCompanyShortName(e.name) : undefined;
    if (listed !== undefined && !takenKeys.has(fold(listed))) { e.aliases.push(listed); takenKeys.add(fold(listed)); }
    for (let a of e.aliases) {
      // "The White House" as an alias of another body: the article is not part of that name.
      if (/^The\s/.test(a) && !/^The\s/.test(e.name)) a = `the${a.slice(3)}`;
      // A lower-case Arabic article ("al-Shabaab") is a casing of its own, kept beside "Al-Shabaab".
      const k = /^al-/.test(a) ? `${fold(a)}|al-` : fold(a);
      if (seen.has(k)) continue;
      // The company-head rule above may offer an excluded alias again ("Mueller").
      if (gone?.has(k)) continue;
      if (!curatedAlias.has(`${e.id}|${a}`) && !vouched.has(`${e.id}|${a}`) && !keepAlias(a, e, drops)) continue;
      seen.add(k);
      const aToks = nameTokens(a).map(fold);
      // Part of the person's own name ("Dong-hoon" of "Dong-hoon Han") is a short form, not a full one.
      // Given and family name without the middle ("Mark Warner" of "Mark R. Warner") is a full form.
      const givenAndFamily = aToks.length >= 2 && aToks[0] === nameToks[0] && aToks[aToks.length - 1] === nameToks[nameToks.length - 1];
      // A curated alias is a full form by intent (curated short forms go in `shortNames`): "Cyril
      // Ramaphosa" of "Matamela Cyril Ramaphosa" is how news names him.
      const partOfName = e.type === 'person' && !givenAndFamily && !curatedAlias.has(`${e.id}|${a}`) && aToks.length < nameToks.length && aToks.every((t) => nameToks.includes(t));
      if (partOfName && aToks.length > 1) {
        if (aToks.join(' ') !== nameToks.slice(0, aToks.length).join(' ')) shorts.add(a);
        else drops.add('short form: the given name');
        continue;
      }
      // "National Security" of National Security Group: news writes these words as a phrase, and
      // capitalised mostly before more of a longer name; the record's full name must vouch for it.
      if (e.type === 'organization' && /\p{Ll}/u.test(a) && !curatedAlias.has(`${e.id}|${a}`) && commonPhrase(phraseUse.get(phraseKey(aliasTokens(a))))) {
        drops.add('alias → short form: an ordinary phrase in news prose');
        shorts.add(a);
        continue;
      }
      if (e.type === 'person' && nameTokens(a).length === 1 && !nameIsOneWord) {
        if (k === given) drops.add('short form: the given name');
        else shorts.add(a);
        continue;
      }
      aliases.push(a);
    }
    for (const s of e.shortNames) {
      if (e.type === 'person' && fold(s) === given) { drops.add('short form: the given name'); continue; }
      if (!/\p{Lu}/u.test(s)) { drops.add('short form: no capital letter'); continue; }
      if (!isLatin(s) || NEVER_ALONE.has(fold(s)) || s.replace(/[^\p{L}]/gu, '').length < 3) { drops.add('short form: non-Latin, common word or too short'); continue; }
      const u = wordUse?.get(fold(s));
      if (u && u.lower >= 5 && u.lower > u.cap) { drops.add('short form: ordinary word in news prose'); continue; }
      shorts.add(s);
    }
    // Family name first ("Yoon Suk-yeol", "Xi Jinping"): the family name is the only short form.
    const family = e.type === 'person' && e.country && FAMILY_FIRST.has(e.country) ? surnameOf(e.name, e.country) : null;
    if (family) {
      for (const s of [...shorts]) if (fold(s) !== fold(family) && nameTokens(s).map(fold).every((t) => nameToks.includes(t))) shorts.delete(s);
      shorts.add(family);
    }
    if (e.type === 'person' && shorts.size === 0) {
      const s = surnameOf(e.name, e.country);
      if (s) shorts.add(s);
    }
    const shortList = [...shorts].filter((s) => fold(s) !== nameKey).sort();
    const pe: PackEntity = {
      id: e.id,
      name: e.name,
      type: e.type,
      aliases: aliases.sort(),
      shortNames: shortList,
      roles: e.roles,
      sources: [...e.sources].sort(),
      prominence: e.prominence,
    };
    if (e.subtype) pe.subtype = e.subtype;
    // A person's field, kept only where the linker reads it (a holder of office is never ruled out by
    // one: occupation-namesakes.ts) and for the minor people a namesake is taken for (person-fields.ts).
    else if (e.type === 'person' && e.field && e.roles.length === 0 && (e.prominence ?? 0) < FIELD_BELOW_PROMINENCE) pe.subtype = e.field;
    if (e.country) pe.country = e.country;
    if (e.party) pe.party = e.party;
    if (e.born) pe.born = e.born;
    if (e.died) pe.died = e.died;
    if (e.from) pe.from = e.from;
    if (e.to !== undefined) pe.to = e.to;
    if (e.note) pe.note = e.note;
    if (e.url) pe.url = e.url;
    if (e.type === 'place' && e.population) pe.population = e.population;
    if ((e.type === 'organization' || e.type === 'event') && commonWordForm([e.name, ...aliases], wordUse)) pe.commonWord = true;
    // A town or a one-name person spelt like an ordinary word ("Male", "Queens", the singer "Pink"):
    // in a title-case headline the capital says nothing either (link.ts, headline-names.ts).
    // Only the record's own name: countries are known by name everywhere, a person's other one-word
    // names are surnames (short hits), and a place's other names are not what is written.
    else if ((e.type === 'place' && e.subtype !== 'country' || e.type === 'person') && commonWordForm([e.name], wordUse)) pe.commonWord = true;
    // "AS FAR", "On the Run", "THE BIG": an organisation named by an ordinary phrase of news prose
    // ("as far as", "the big") is as weak a name in a title-case headline (headline-names.ts ordinaryPhraseName).
    else if (e.type === 'organization' && ordinaryPhraseName(e.name, phraseUse)) pe.commonWord = true;
    // Only bodies known by name abroad: the reference lacks many countries' chambers and departments
    // ("Chamber of Deputies" is Brazil's alone there), so a minor body's name proves little.
    if (e.subtype === 'government_body' && (e.prominence ?? 0) > KNOWN_ABROAD_PROMINENCE && namesOneCountrysBody({ type: e.type, name: e.name, aliases, country: e.country }, institutionCountries)) pe.oneCountryName = true;
    out.push(pe);
  }
  out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const types = new Counter();
  for (const e of out) types.add(e.type);
  for (const e of out) if (e.died) types.add('person with a stated date of death');
  report.push(`entities: ${out.length}`, ...types.lines('  type '), ...taken.lines('  taken from '), ...merges.lines('  merged: '), ...drops.lines('  dropped '));
  const sources = [...new Set(out.flatMap((e) => e.sources))].sort();
  return { entities: out, report, sources, ...(opts.lineLimit === undefined ? { referenceNames: refNames } : {}) };
}
