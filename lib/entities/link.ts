/**
 * linkEntities: find the pack's entities in an article's blocks.
 *
 * Two passes over the alias matches of every block:
 *  1. anchors — unambiguous full-name mentions (one candidate, not a surname form); they tell
 *     which people are "introduced" on the page and which countries the page is about;
 *  2. selection — leftmost-longest over all matches; each match's candidates are filtered by the
 *     rules below and scored (prominence + page support); the best survives.
 * Rules: surname forms ("Putin") only after a full mention on the page, or for overwhelmingly
 * prominent people, or right after a title ("President Macron"); months and common words never
 * alone; places whose name is an ordinary word (Turkey, Jordan, Chad, Georgia) need page support
 * or a locative cue and must not sit inside an unknown capitalised name ("Michael Jordan");
 * "<Surname> administration" is a government, not the person: no link unless the pack knows it;
 * on an outlet's own pages "The Times" / "The Post" is that outlet (publisher.ts).
 */
import type { BlockInput } from '../article/types';
import type { PackEntity } from '../dataset/schema';
import type { LinkedEntity, Mention } from '../report';
import { AMBIGUOUS_PLACES, CAP_OK_AFTER, DEMONYMS, GENERIC_PARTY_WORDS, CHAMBERS, INSTITUTION_WORDS, GOVERNMENT_NOUNS, ORG_NOUNS, SEAT_NOUNS, CAP_OK_BEFORE, CAP_OK_BEFORE_OF, HONORIFICS, NEVER_ALONE, PLACE_CUES_AFTER, PLACE_CUES_BEFORE, WORDLIKE_ORGS } from './ambiguity';
import { acronymDefinedAfter, addAcronymMentions } from './defined-acronyms';
import { describeEntity } from './describe';
import { addGivenNameMentions, givenNamesOf } from './first-names';
import type { EntityIndex } from './index';
import { aliasForm, CaseMode, decodedHits, findMatches, hitEntity, hitShort, type AliasHit, type RawMatch } from './matcher';
import { apostropheS, normFirstUnit, Shape, spaceBetween, tokenize, type Token } from './normalize';
import { COMMON_GIVEN_NAMES, denseNameGoesOn, endsAName, givenNameBefore, lowerCaseWords, nameEndsAfter, ordinaryNameTypeCue, ordinaryPhraseUnsupported, quotedArticlePhrase } from './headline-names';
import { publisherOf, selfReference } from './publisher';
import { countryNounBefore, landNounAfter, lawMakingLevel, regionNounAround } from './region-cue';
import { peopleReading } from './people-reading';
import { countriesOfDemonym, demonymCountriesAmong, demonymDescription, demonymOwner } from './demonym-country';
import { demonymCounts, organisationsOfCountries, supportWithDemonyms } from './owner-country';
import { listGoesOnToJoiner, listNeighbours } from './list-context';
import { spansSentenceEnd } from './sentence-span';
import { apostropheWordBefore, articleNameForAfter, articleNamePossessive, compassBeforeName, compassOnly, factionCodeAfter, genericBodyName, NAME_PARTICLES, nameHeadBefore, numberedEventAfter, particleNameAfter, peerageTitle, possessiveHoliday, possessiveStructureAfter, romanceConnectorAfter, sharedOfAfter, structureNounAfterName, structureOrEventAfter } from './name-continuations';
import { agencyCredit } from './agency-credit';
import { insideQuotedTitle, mayQuote } from './work-titles';
import { bodyWord, headForBeforeBody, initialBeforeName, modifierBeforeBody, ordinaryBodyName } from './generic-bodies';
import { bodyNounOfBefore, hyphenChainBefore, longerNameCueAfter, longerNameCueBefore, newspaperNounAfter, otherCompetitionBefore, pressAfterUniversity, productCodeAfter, REFERENCE_WORK_NOUNS, romanceConnectorBefore, youthCompetitionAfter } from './longer-names';
import { bearerNamedBefore, familyPluralStem, surnameAfterGivenName, type FamilySurnames } from './family-names';
import { addressContradicts, dominantPlace, featureNamedRegionAbroad, foreignPartyForm, genericBodyAbroad, genericMovementAbroad, sharedBodyWords, initialismPlaceFits, namesCountry, namesOtherCountry, sharedPartyUnplaced, stateOfCountryAfter, unplacedNamesake } from './namesake-country';
import { partyStateTags } from './party-state-tags';
import { oneWordForm, writtenApart, writtenAsName, type PlainBlock } from './common-word-names';
import { awardName } from './award-names';
import { dateAfterPreposition } from './event-dates';
import { editionInYear, otherYearAfter, recurringSeries, seriesReading } from './recurring-events';
import { initialAfter, initialsOnly, middleOfRun } from './mononyms';
import { citationGivenName, citationSurname } from './citation-names';
import { worldCupOfOtherSport } from './sport-context';
import { insideCitedWorkName, mayCite } from './citation-fields';
import { minorBrandUnsupported } from './minor-brands';
import { PageWorks } from './page-works';
import { releaseListGoesOn, releaseOrCodeName } from './product-names';
import { insideWebAddress } from './web-addresses';
import { occupationContradicts, type PersonField } from './occupation-namesakes';
import { fieldsNear, fieldWordsFavour } from './field-words';
import { clubKeys, footballWordNear } from './club-cue';
import { adjectiveBeforeBodyNoun } from './adjective-names';
import { stateBodyBefore } from './state-bodies';
import { deadActorAfter } from './dead-namesakes';
import { appositionOwnerEnd } from './owner-apposition';
import { craftNamedSo, otherGeneration, ownNameBonus, otherGivenNameBefore, shipNamedAfter, stateLegislatorUnplaced, writtenWithMarks } from './namesakes';
import { afterGluedDollar, afterModelCode, brandAsVerb, dashCompoundName, dashJoinedAfterUnknown, dashJoinedToUnknown, editionAfter, editionYearBefore, namedAfterPerson, currencyPrefix, holidayTail, hyphenatedTitleAfter, titleRunBeforeName, namesProductOrStrain, numberedLongerName, organisationGoesOnWithOf, partyAfterContinentAdjective, regionAdjectiveBeforeNoun, youthEditionBefore } from './usage-rules';

export interface LinkOptions {
  /** The article's date (YYYY-MM-DD) for descriptions; null = as of the data. */
  date: string | null;
  /** The site's own name (og:site_name), if known: "The Times" on its pages means the publisher. */
  publisher?: string | null;
  /** The page's URL: its host names the publisher when the site name does not. */
  url?: string | null;
}

/** Below this prominence, a country-less organisation's 2–3-letter acronym needs page support. */
const MINOR_ACRONYM_PROMINENCE = 65;

/** Prominence at or above which a surname alone may link without an earlier full mention. */
export const STANDALONE_PROMINENCE = 90;

interface BlockScan {
  text: string;
  tokens: Token[];
  matches: RawMatch[];
  /** Token positions where a full (non-short) name starts / ends; filled on first use. */
  starts?: Set<number>;
  ends?: Set<number>;
  /** Headline-style block (most words capitalised): the longer-name rule does not apply. */
  titleCase?: boolean;
  /** Might the block hold a quotation (work-titles.ts)? Filled on first use. */
  quotes?: boolean;
  /** A title-case block with two or more lower-case words: running text full of names, not a headline. */
  nameDense?: boolean;
  /** Might the block be a reference-list entry (citation-fields.ts)? Filled on first use. */
  cites?: boolean;
}

const prominence = (e: PackEntity) => e.prominence ?? 30;

/**
 * The records (and name keys) read so far from an index, kept in plain arrays. The runtime pack's
 * lists are lazy Proxies (lib/dataset/lazy-records.ts): every read turns the number into a property
 * name and back, about a microsecond, and the linker reads some 40 records per KB of text. A record
 * once made is never replaced, so keeping what was read changes nothing; for a built index (plain
 * arrays) it costs one more array read. Keyed by the index's lists; the last one is kept at hand.
 */
interface Reads { entities: PackEntity[]; nameKeys: string[] }
const readsByList = new WeakMap<object, Reads>();
let lastList: object | undefined;
let lastReads: Reads = { entities: [], nameKeys: [] };
function readsOf(index: EntityIndex): Reads {
  if (index.entities !== lastList) {
    lastList = index.entities;
    let r = readsByList.get(index.entities);
    // Sized up front: an empty array written at scattered indices (entity numbers up to ~50k)
    // turns into a dictionary, and every later read is a hash lookup (issue #4, speed).
    const n = index.entities.length;
    if (!r) readsByList.set(index.entities, (r = { entities: new Array<PackEntity>(n), nameKeys: new Array<string>(n) }));
    lastReads = r;
  }
  return lastReads;
}
function entityAt(index: EntityIndex, i: number): PackEntity {
  const r = readsOf(index).entities;
  return r[i] ?? (r[i] = index.entities[i]!);
}
function nameKeyAt(index: EntityIndex, i: number): string {
  const r = readsOf(index).nameKeys;
  return r[i] ?? (r[i] = index.nameKeys[i]!);
}

function sentenceStart(scan: BlockScan, i: number): boolean {
  if (i === 0) return true;
  const from = scan.tokens[i - 1]!.end, to = scan.tokens[i]!.start;
  // One space, the most common gap, is no sentence break: answered without a slice and regexes.
  if (to - from === 1 && String.prototype.charCodeAt.call(scan.text, from) === 32) return false;
  // Nor is any gap without a sign of the first test below (", ", " - "): that test fails, and so
  // does the last, which needs one of its signs too. Answered without a slice and regexes.
  if (!hasSentenceSign(scan.text, from, to)) return false;
  const gap = scan.text.slice(from, to);
  return /[.!?:;"“”«»()\n]/.test(gap) && !/^\.\s*$/.test(gap) ? true : /[.!?]\s/.test(gap);
}

/** Is one of . ! ? : ; " “ ” « » ( ) or a line break in text[from, to)? */
function hasSentenceSign(text: string, from: number, to: number): boolean {
  const charCode = String.prototype.charCodeAt;
  for (let i = from; i < to; i++) {
    const c = charCode.call(text, i);
    if (c === 46 || c === 33 || c === 63 || c === 58 || c === 59 || c === 34 || c === 40 || c === 41 || c === 10
      || c === 0x201c || c === 0x201d || c === 0xab || c === 0xbb) return true;
  }
  return false;
}

function hasTitleBefore(scan: BlockScan, from: number): boolean {
  const prev = scan.tokens[from - 1];
  if (!prev || !HONORIFICS.has(prev.norm)) return false;
  // "President Putin", "Prime Minister Starmer", "Mr. Trump" — the gap is a space or ". ".
  const gap = scan.text.slice(prev.end, scan.tokens[from]!.start);
  return /^\.?\s+$/.test(gap);
}

/** Text-only wrapper for callers that have plain strings (e.g. the coverage compiler). */
export function linkText(text: string, index: EntityIndex, date: string | null = null): string[] {
  return linkEntities([{ text }], index, { date }).map((e) => e.id);
}

export function linkEntities(blocks: Pick<BlockInput, 'text'>[], index: EntityIndex, opts: LinkOptions): LinkedEntity[] {
  // Filled by push, not made by map() (here and `taken` below): reads of the arrays map() made
  // deoptimised ("wrong map") on up to a quarter of the bench's 585 pages per pass, each dropping the
  // rest of the call to the interpreter, the optimised code kept for the next page (issue #8).
  const scans: BlockScan[] = [];
  for (const b of blocks) {
    const tokens = tokenize(b.text);
    // Every field written now, the lazy ones as undefined: filled later on first use in whatever
    // order a block's rules ask (titleCase before starts, quotes, cites…), each order of added
    // fields gave the scans a shape of their own, and every rule's read of scan.text or
    // scan.tokens met so many shapes that the engine gave up on caching them (issue #8).
    scans.push({ text: b.text, tokens, matches: findMatches(index.aliases, tokens), starts: undefined, ends: undefined, titleCase: undefined, quotes: undefined, nameDense: undefined, cites: undefined });
  }

  // The publisher's own short name ("The Times" on a New York Times page) stands for it.
  const publisher = opts.publisher || opts.url ? publisherOf(index, opts.publisher, opts.url) : undefined;
  // Matches whose entity the words around them settle (self references, party-state tags): no rule second-guesses them.
  const selfRefs = new Map<RawMatch, number>();
  const selfWord = publisher === undefined ? null : selfReference(index, publisher);
  if (selfWord) for (const scan of scans) addSelfReferences(scan, selfWord, publisher!, selfRefs);
  // "(D-Calif.)": a state abbreviation inside a legislator's party-state tag.
  for (const scan of scans) addStateTags(scan, index, selfRefs);

  // Is this exact string written anywhere on the page? (The page's text, joined on first use.)
  let all: string | undefined;
  const written = (str: string) => (all ??= blocks.map((b) => b.text).join('\n')).includes(str);

  // Pass 1: anchors.
  const seen = new Set<number>();
  const support = new Map<string, number>();
  // Support each entity gave its own country (an acronym or a minor city must not vouch for itself).
  const own = new Map<number, number>();
  // Entities introduced by a name longer than an acronym ("Associated Press" before "AP").
  const spelled = new Set<number>();
  // The site's country (publisher's record, national domain) counts as one mention of it.
  const home = pageCountry(index, publisher, opts.url);
  if (home) support.set(home, 1);
  // Ambiguous place names written anywhere on the page as the last part of a person-like name
  // ("Margaret Hamilton") are that person's surname on this page, not the place.
  const surnames = new Set<string>();
  // Words written as an unknown person's surname after a given name ("Alex Wagner"): no
  // organisation or place on this page (family-names.ts).
  const familySurnames: FamilySurnames = new Map();
  for (let b = 0; b < scans.length; b++) {
    // Every token of the page passes here: each is read once (the previous one's shape is carried).
    const scan = scans[b]!, tokens = scan.tokens;
    let prevCap = tokens.length > 0 && tokens[0]!.shape === Shape.Cap;
    for (let i = 1; i < tokens.length; i++) {
      const t = tokens[i]!;
      const cap = t.shape === Shape.Cap;
      if (!cap || !prevCap) { prevCap = cap; continue; }
      if (surnameAfterGivenName(scan.text, tokens, i, scan.matches) && !familySurnames.has(t.norm)) familySurnames.set(t.norm, { block: b, start: t.start });
      if (!AMBIGUOUS_PLACES.has(t.norm)) continue;
      const prev = tokens[i - 1]!;
      if (PLACE_CUES_BEFORE.has(prev.norm) || HONORIFICS.has(prev.norm) || !joinedBySpace(scan, prev, t)) continue;
      if ((i - 1 === 0 || sentenceStart(scan, i - 1)) && NEVER_ALONE.has(prev.norm)) continue;
      surnames.add(t.norm);
    }
  }
  // A function of its own, as selectInBlock below is (issue #8: compiling).
  const anchorsInBlock = (scan: BlockScan): void => {
    let cursor = 0;
    for (const m of scan.matches) {
      if (m.from < cursor) continue;
      const single = m.to - m.from === 1;
      const norm = scan.tokens[m.from]!.norm;
      const hits = decodedHits(m);
      // The full (non-short) hits: how many, and the one when there is exactly one (no array).
      let fullCount = 0, fullHit: AliasHit | undefined;
      for (let k = 0; k < hits.length; k++) if (!hits[k]!.short) { fullCount++; fullHit = hits[k]; }
      if (fullCount === 0 && single && hits.length >= 1) {
        // A bare surname of an overwhelmingly prominent person ("Erdoğan") says which country the
        // page is about, though it introduces nobody.
        // The two most prominent candidates, without sorting a copy (this runs for every surname).
        let top: PackEntity | undefined, p1 = -1, p2 = -1;
        for (let k = 0; k < hits.length; k++) {
          const c = entityAt(index, hits[k]!.entity), p = prominence(c);
          if (p > p1) { p2 = p1; p1 = p; top = c; } else if (p > p2) p2 = p;
        }
        if (p1 >= STANDALONE_PROMINENCE && (hits.length === 1 || p1 - p2 >= 15) && top!.country) {
          support.set(top!.country, (support.get(top!.country) ?? 0) + 1);
        }
        continue;
      }
      if (fullCount > 1) {
        // "Australian Labor Party" is also the name of its state branches: namesakes that all
        // belong to one country still say which country the page is about.
        // So do a city and the region of its name ("Khartoum", the city and the state).
        const c = sameCountry(hits, index);
        if (c && (!single || (hits.length === 2 && hits.some((h) => cityOfRegionName(hits, index, h.entity)))) && !genericInstitution(scan, m)) support.set(c, (support.get(c) ?? 0) + 1);
        // "Melbourne", "Perth": a big city among small namesakes says its country (namesake-country.ts).
        else if (single && scan.tokens[m.from]!.shape === Shape.Cap && !AMBIGUOUS_PLACES.has(norm) && !NEVER_ALONE.has(norm)) {
          const d = dominantPlace(fullEntities(hits, index), written);
          if (d) support.set(d.country!, (support.get(d.country!) ?? 0) + 1);
        }
        // The words inside an ambiguous longer name ("Kashmir" in "Jammu and Kashmir") are not
        // mentions of their own: they must not introduce the namesake that then wins the name.
        if (!single) cursor = m.to;
        continue;
      }
      if (fullCount !== 1) continue;
      if (single && (NEVER_ALONE.has(norm) || AMBIGUOUS_PLACES.has(norm) || WORDLIKE_ORGS.has(norm))) continue;
      const e = entityAt(index, fullHit!.entity);
      // A one-word person alias is a surname in disguise; it does not introduce anybody.
      if (single && e.type === 'person' && nameKeyAt(index, fullHit!.entity) !== norm) continue;
      cursor = m.to;
      seen.add(fullHit!.entity);
      if (!isAcronym(scan, m)) spelled.add(fullHit!.entity);
      // A generically named institution ("House of Representatives") does not say whose it is, nor
      // do a party's initials ("SDK" in a software page must not make another party's "SDL" Slovak).
      if (e.country && !genericInstitution(scan, m) && !(e.subtype === 'political_party' && isAcronym(scan, m))) {
        support.set(e.country, (support.get(e.country) ?? 0) + 1);
        own.set(fullHit!.entity, (own.get(fullHit!.entity) ?? 0) + 1);
      }
    }
  };
  for (const scan of scans) anchorsInBlock(scan);

  // Made on first ask: most pages have no dictionary-word name where capitals say nothing.
  const asName = new Map<string, boolean>();
  let blockReadings: PlainBlock[] | undefined;
  const nameWritten = (norm: string) => asName.get(norm)
    ?? asName.set(norm, writtenAsName((blockReadings ??= scans.map((s) => ({ tokens: s.tokens, titleCase: () => (s.titleCase ??= headlineStyle(s.tokens)), sentenceStart: (i: number) => sentenceStart(s, i) }))), norm)).get(norm)!;
  let named: Map<string, number> | undefined;
  const page: PageEvidence = { seen, support, own, spelled, publisher, written, writtenApart: (s, text, from, to) => written(s) && writtenApart(all!, text, s, from, to), writtenAsName: nameWritten, familySurnames, stateOf: (t, c) => stateRecord(index, t, c),
    named: () => (named ??= supportWithDemonyms(support, demonymCounts(scans))) };
  const found = new Map<number, Mention[]>();
  // Works and characters the page names ("Columbus is a stunner of a debut", "stars as Casey";
  // page-works.ts), read per name on the first ask.
  let works: PageWorks | undefined;
  const worksOf = () => (works ??= new PageWorks(() => (all ??= blocks.map((b) => b.text).join('\n')), blocks));
  // Organisation names first met as the tail of a longer unknown name ("the Hermetic Order of the
  // Golden Dawn"): written alone later on the page ("members of the Golden Dawn") they are its
  // short form, not the namesake the pack knows (the Greek party).
  const shadowed = new Set<string>();
  // One block's selection is a function of its own (a closure over the page's state), not a loop
  // in linkEntities' body: the optimiser compiles and recompiles a function whole, and this one
  // had grown to seconds of compiling on a loaded machine, each new rule branch met on a page
  // forcing it again (issue #8). A closure, so that the body reads as the loop it was.
  const selectInBlock = (b: number): void => {
    const scan = scans[b]!;
    let cursor = 0;
    let last: { entity: number; to: number; start: number } | undefined;
    let unknownPersonUntil = -1, nestedEnd = -1, releaseEnd = -1;
    for (const m of scan.matches) {
      if (m.from < cursor) continue;
      const self = selfRefs.has(m);
      // "Mary Trump", "Drake Bell": a one-word-named person ("Mary", "Drake") right before another
      // person's surname is one unknown person's given name and surname; neither links.
      if (!self && m.from < unknownPersonUntil) continue;
      if (!self && m.to === nestedEnd) continue;
      if (!self && otherType.scan === scan && m.from >= otherType.from && m.to <= otherType.to) continue;
      if (!self && m.to - m.from === 1) {
        const after = givenNameBeforeSurname(scan, m, index);
        if (after !== undefined) {
          unknownPersonUntil = after;
          continue;
        }
      }
      if (!self && (lowerCaseOnly(scan, m) || spacedLetters(scan, m))) continue;
      if (!self && m.to - m.from >= 2) {
        // "Haifa, Israel. Police say": no name runs over a sentence's end (sentence-span.ts).
        if (spansSentenceEnd(scan.text, scan.tokens, m.from, m.to)) continue;
        // The key string only when a shadowed name is noted or may be met (most pages note none).
        if (insideLongerName(scan, m, index)) {
          if (afterNameConnector(scan, m) && decodedHits(m).every((h) => entityAt(index, h.entity).type === 'organization')) shadowed.add(matchKey(scan, m));
          // "the Armed Forces of the Democratic Republic of the Congo": a place's full name ending a
          // longer name; the shorter name ending with it ("Republic of the Congo") is inside it too.
          else if (placeEndsLongerName(scan, m, index)) nestedEnd = m.to;
          continue;
        }
        if (shadowed.size > 0 && shadowed.has(matchKey(scan, m))) continue;
      } else if (!self && insideLongerName(scan, m, index)) continue;
      // "US$", "the Delta variant", "the U-20 World Cup", "New Year's Eve": the words around the
      // name make it part of something else (usage-rules.ts); nothing inside it links either.
      if (!self && (currencyPrefix(scan.text, scan.tokens, m.to) || afterGluedDollar(scan.text, scan.tokens, m.from) || namesProductOrStrain(scan.text, scan.tokens, m.to)
        || youthEditionBefore(scan.text, scan.tokens, m.from) || holidayTail(scan.text, scan.tokens, m.from, m.to) || possessiveHoliday(scan.text, scan.tokens, m.from, m.to)
        || afterModelCode(scan.text, scan.tokens, m.from, m.to)
        // "https://example.com/news/London/", "en-US/Apps/Build/": a word of an address (web-addresses.ts).
        || insideWebAddress(scan.text, scan.tokens[m.from]!.start, scan.tokens[m.to - 1]!.end)
        // "The "RuPaul's Drag Race" veteran": a word of a quoted work's title (work-titles.ts).
        || ((scan.quotes ??= mayQuote(scan.text)) && insideQuotedTitle(scan.text, scan.tokens, m.from, m.to, scan.titleCase ??= headlineStyle(scan.tokens))))) {
        cursor = m.to;
        continue;
      }
      // "Will Smith Resigns From Film Academy": a name the pack gives a US state legislator, on a page
      // that never names the state, is a namesake's; neither it nor a name inside it links (namesakes.ts).
      if (!self && m.to - m.from >= 2 && decodedHits(m).some((h) => !h.short && stateLegislatorUnplaced(entityAt(index, h.entity), page.written))) {
        cursor = m.to;
        continue;
      }
      let chosen = self ? selfRefs.get(m) : resolve(m, scan, index, page, opts.date, surnames);
      if (chosen === undefined) {
        // "the National Security Council", "People's Democratic Party": a longer name whose every
        // reading a rule rejected is still one name; the shorter names inside it do not link.
        if (!self && m.to - m.from >= 2 && rejectedNameHoldsSpan(scan, m, index)) cursor = m.to;
        continue;
      }
      const to = m.to;
      let e = entityAt(index, chosen);
      // "As Olympics Begin" of a 2021 item: a recurring event's series record in dated text is that
      // year's edition if the pack holds it, else nothing (recurring-events.ts).
      // "kidnapped on October 7, 2023": a date after a preposition of time, not the event named by it (event-dates.ts).
      if (!self && e.type === 'event' && dateAfterPreposition(scan.text, scan.tokens, m.from, to)) {
        cursor = to;
        continue;
      }
      if (!self && e.type === 'event' && opts.date && recurringSeries(e) && !seriesReading(scan.text, scan.tokens, m.from, to)) {
        const edition = otherCompetitionBefore(scan.text, scan.tokens, m.from, to) || otherYearAfter(scan.text, scan.tokens, to, opts.date) ? undefined
          : editionInYear(e, opts.date, (name) => eventsNamed(index, name, chosen!), (i) => entityAt(index, i).to ?? entityAt(index, i).from ?? undefined);
        cursor = to;
        if (edition === undefined) continue;
        e = entityAt(index, (chosen = edition));
      }
      // "rugby league, netball … the reigning World Cup champions": football's World Cup in a block
      // about another sport is that sport's (sport-context.ts).
      if (!self && e.type === 'event' && worldCupOfOtherSport(e.name, scan.text.slice(scan.tokens[m.from]!.start, scan.tokens[to - 1]!.end), scan.text)) {
        cursor = to;
        continue;
      }
      // "the Nobel Prize in Physics", "the Mark Twain Prize", "the Cannes Grand Prix": an award, not
      // the body, person or place it is named after (award-names.ts).
      if (!self && e.type !== 'event' && awardName(scan.text, scan.tokens, to, e.type === 'organization')) {
        cursor = to;
        continue;
      }
      if (!self && e.type === 'organization' && (brandAsVerb(scan.text, scan.tokens, m.from, to) || landNounAfter(scan.text, scan.tokens, to))) continue;
      // "Charles de Gaulle airport", "Donald Trump Jr.", "the USS Abraham Lincoln": named after the
      // person (or the place, for a ship), not them (usage-rules.ts, namesakes.ts).
      if (!self && ((e.type === 'person' && (namedAfterPerson(scan.text, scan.tokens, to) || otherGeneration(scan.text, scan.tokens, to, e.name)))
        || ((e.type === 'person' || e.type === 'place') && shipNamedAfter(scan.text, scan.tokens, m.from, to))
        || (e.subtype === 'company' && craftNamedSo(scan.text, scan.tokens, m.from, to))
        // "The Namibian environment ministry": a nationality adjective, not the newspaper (adjective-names.ts);
        // "the state's Supreme Court": a state's body, not the nation's (state-bodies.ts).
        || (e.type === 'organization' && (adjectiveBeforeBodyNoun(scan.text, scan.tokens, m.from, to) || stateBodyBefore(scan.text, scan.tokens, m.from, e))))) {
        cursor = to;
        continue;
      }
      // "macOS Monterey", "codenamed Longhorn": a release's or a project's name, not the place (product-names.ts).
      // A list going on from one ("macOS Monterey, Ventura and Sonoma") names releases too.
      if (!self && (e.type === 'place' || e.type === 'organization') && (releaseOrCodeName(scan.text, scan.tokens[m.from]!.start) || releaseListGoesOn(scan.text, scan.tokens[m.from]!.start, releaseEnd))) {
        releaseEnd = scan.tokens[to - 1]!.end;
        cursor = to;
        continue;
      }
      // "Columbus is currently streaming on Hulu": a name the page calls a work is the work, not the
      // place or body (page-works.ts).
      if (!self && (e.type === 'place' || e.type === 'organization') && worksOf().mayNameWorks() && works!.namesWork(scan.text.slice(scan.tokens[m.from]!.start, scan.tokens[to - 1]!.end), scan.tokens[m.from - 1]?.norm, b, scan.tokens[to - 1]!.end)) {
        cursor = to;
        continue;
      }
      // "Lil Nas X", "Mary E. Brunkow", "Sakina Muhammad Jan": a one-word name inside a longer person's name (mononyms.ts).
      if (!self && e.type === 'person' && to - m.from === 1 && mononymInsideName(scan, m, index, chosen)) {
        cursor = to;
        continue;
      }
      // "journalists Peter Baker", "Cubs Manager David Ross": not the footballer or historian the pack's
      // id or field marks (occupation-namesakes.ts).
      if (!self && e.type === 'person' && occupationContradicts(scan.text, scan.tokens, m.from, e)) {
        cursor = to;
        continue;
      }
      // "Wilmshurst, J. M.;": initials are nobody's name of their own (mononyms.ts). "Easton, Brian
      // (2010)", "Wilson, John (March 2009)": an author in a reference list (citation-names.ts).
      if (!self && ((e.type === 'person' && initialsOnly(scan.tokens, m.from, to)) || (to - m.from === 1 && citationAuthor(scan, m.from, nameKeyAt(index, chosen), index)))) {
        cursor = to;
        continue;
      }
      // "Yolanda Hadid … Hadid's last post": a bare surname after an unknown bearer of it was named, and
      // before the known person is, is the unknown bearer's (family-names.ts).
      if (!self && e.type === 'person' && to - m.from === 1 && !found.has(chosen) && familySurnames.size !== 0 && nameKeyAt(index, chosen) !== scan.tokens[m.from]!.norm
        && bearerNamedBefore(familySurnames, scan.tokens[m.from]!.norm, b, scan.tokens[m.from]!.start)) {
        cursor = to;
        continue;
      }
      // "Hunter Biden", "Kody Clemens": a surname after another given name names a relative (namesakes.ts).
      if (!self && e.type === 'person' && to - m.from === 1 && relativeOfPerson(scan, m, index, chosen, seen.has(chosen))) {
        cursor = to;
        continue;
      }
      if (!self && e.type === 'organization' && (organisationGoesOnWithOf(scan.text, scan.tokens, to, demonymLike) || ofPlaceAbroad(scan, to, e, index)
        || (e.subtype === 'political_party' && !!e.country && partyAfterContinentAdjective(scan.text, scan.tokens, m.from, [e.name, ...(e.aliases ?? [])])))) {
        cursor = to;
        continue;
      }
      // "the first Caribbean team": a region's adjective before a noun, not the region (usage-rules.ts).
      if (!self && e.type === 'place' && regionAdjectiveBeforeNoun(scan.text, scan.tokens, m.from, to)) {
        cursor = to;
        continue;
      }
      // "the Asia-Pacific region", "the Iran-Contra affair", "Crans-Montana": part of another name.
      // "the Oxford-AstraZeneca vaccine": a city hyphened to a company names an institution of the city.
      // A company the pack knows counts as no name there, for a city only.
      if (!self && e.type === 'place' && (dashJoinedToUnknown(scan.text, scan.tokens, to, (k) => scan.starts!.has(k) && !(e.subtype === 'city' && onlyCompaniesAt(scan, k, index)), peopleAdjective)
        || dashJoinedAfterUnknown(scan.text, scan.tokens, m.from, to, (k) => scan.ends!.has(k), peopleAdjective))) {
        cursor = to;
        continue;
      }
      // "150–160 Amhara civilians", "ethnic Afar": a region's one-word alias naming its people (people-reading.ts).
      if (!self && e.subtype === 'region' && to - m.from === 1 && nameKeyAt(index, chosen) !== scan.tokens[m.from]!.norm && peopleReading(scan.text, scan.tokens, m.from)) {
        cursor = to;
        continue;
      }
      // "the Donetsk region", "the province of Málaga": the region of that name, which the pack
      // keeps under its full name ("Donetsk Oblast"); without such a record, not the city. A region
      // record of the bare name (the occupied "Donetsk" territory) yields to the one so named too.
      if (!self && e.type === 'place' && e.subtype !== 'country') {
        const cue = regionNounAround(scan.text, scan.tokens, m.from, to);
        if (cue) {
          const region = regionNamed(index, matchKey(scan, m), cue.suffixes, e.country);
          if (e.subtype !== 'region') {
            cursor = to;
            // A "… City" listed among regions is a unit of its own ("Ho Chi Minh City and Long An provinces").
            if (region === undefined && !(cue.listed && scan.tokens[to - 1]!.norm === 'city') && !cue.titleOnly) continue;
          }
          if (region !== undefined) {
            chosen = region;
            e = entityAt(index, region);
          }
        }
      }
      // "club Liverpool plays Leeds United": in a football sentence a city is its club (club-cue.ts).
      if (!self && (e.subtype === 'city' || e.subtype === 'capital') && footballWordNear(scan.text, scan.tokens, m.from, to)) {
        const club = clubNamedFor(index, matchKey(scan, m), e.country);
        if (club !== undefined) {
          chosen = club;
          e = entityAt(index, club);
        }
      }
      const next = scan.tokens[to];
      // "Obama administration", "Netanyahu government": a government, not the person; the pack's
      // own records ("Trump administration") are longer matches and win before this point.
      if (e.type === 'person' && next && GOVERNMENT_NOUNS.has(next.norm) && joinedBySpace(scan, scan.tokens[to - 1]!, next)) {
        cursor = to + 1;
        continue;
      }
      cursor = to;
      let start = scan.tokens[m.from]!.start;
      const end = scan.tokens[to - 1]!.end;
      // "New Zealand Department of Conservation": the country's name written before its own
      // body is part of the body's name, not a mention of the country.
      if (last && last.to === m.from && e.type === 'organization' && e.country && joinedBySpace(scan, scan.tokens[m.from - 1]!, scan.tokens[m.from]!)) {
        const c = entityAt(index, last.entity);
        if (c.subtype === 'country' && c.country === e.country) {
          const prevList = found.get(last.entity)!;
          prevList.pop();
          if (prevList.length === 0) found.delete(last.entity);
          start = last.start;
        }
      }
      // "Kentucky Derby", "Hyundai Tucson", "Davao Occidental": a one-word name right after another
      // name, a space between, belonging elsewhere is the second word of one longer name.
      if (last && last.to === m.from && to - m.from === 1 && joinedBySpace(scan, scan.tokens[m.from - 1]!, scan.tokens[m.from]!) && secondWordOfName(entityAt(index, last.entity), e)) continue;
      // "Amazon France", "Google India", "RT France": a country after a company's or a media
      // outlet's name is its national branch, one name that mentions the company (its span grows).
      // So is a continent or a world region, a place of no country ("Mozilla Europe", "Nike Asia").
      if (last && last.to === m.from && (e.subtype === 'country' || (e.type === 'place' && !e.country && (e.subtype === 'landmark' || e.subtype === 'region'))) && BRANCH_OWNERS.has(entityAt(index, last.entity).subtype ?? '') && joinedBySpace(scan, scan.tokens[m.from - 1]!, scan.tokens[m.from]!)) {
        const owner = found.get(last.entity)!, prev = owner[owner.length - 1]!;
        // Written out, not { ...prev }: a spread copy gets a shape of its own, and the page's later
        // loops over mentions, compiled for the one shape, deoptimised on it (issue #8).
        if (prev.paragraph === b && prev.end === scan.tokens[m.from - 1]!.end) owner[owner.length - 1] = { paragraph: prev.paragraph, start: prev.start, end, text: scan.text.slice(prev.start, end) };
        continue;
      }
      // "Fullerton, California": a city's alias that writes its state after a comma is two names.
      const tail = addressTail(scan, m, index, chosen);
      const cityEnd = tail ? scan.tokens[tail.at - 1]!.end : end;
      const list = found.get(chosen) ?? [];
      list.push({ paragraph: b, start, end: cityEnd, text: scan.text.slice(start, cityEnd) });
      found.set(chosen, list);
      last = { entity: chosen, to, start };
      if (tail) {
        const tailStart = scan.tokens[tail.at]!.start;
        const more = found.get(tail.place) ?? [];
        more.push({ paragraph: b, start: tailStart, end, text: scan.text.slice(tailStart, end) });
        found.set(tail.place, more);
        last = { entity: tail.place, to, start: tailStart };
      }
    }
  };
  for (let b = 0; b < scans.length; b++) selectInBlock(b);

  // "the Southern Transitional Council (STC)": initials the page defines after a linked full name
  // stand for that entity wherever the page uses them (defined-acronyms.ts).
  const defined = new Map<string, number | null>();
  for (const [i, list] of found) {
    if (entityAt(index, i).type === 'person') continue;
    for (const mm of list) {
      const a = acronymDefinedAfter(scans[mm.paragraph]!.text, mm.end, mm.text);
      if (a !== undefined) defined.set(a, defined.has(a) && defined.get(a) !== i ? null : i);
    }
  }
  for (const [a, i] of defined) if (i !== null) addAcronymMentions(scans, a, i, found, (b) => (scans[b]!.titleCase ??= headlineStyle(scans[b]!.tokens)));
  if (defined.size > 0) for (const list of found.values()) list.sort((x, y) => x.paragraph - y.paragraph || x.start - y.start);

  // "Marsha" after "Marsha P. Johnson": given-name repeats of people introduced on the page.
  const given = givenNamesOf([...seen].filter((i) => found.has(i)), (i) => entityAt(index, i), (i) => nameKeyAt(index, i));
  // "stars as Casey": a role's name is the character, not a given-name repeat (page-works.ts).
  for (const name of given.keys()) if (worksOf().givesRole(name.charAt(0).toUpperCase() + name.slice(1))) given.delete(name);
  if (given.size > 0) {
    const taken: [number, number][][] = [];
    for (let b = 0; b < scans.length; b++) taken.push([]);
    for (const list of found.values()) for (const mm of list) taken[mm.paragraph]!.push([mm.start, mm.end]);
    for (let b = 0; b < scans.length; b++) addGivenNameMentions(scans[b]!, b, given, taken[b]!, found, (i) => nameKeyAt(index, i));
    for (const list of found.values()) list.sort((x, y) => x.paragraph - y.paragraph || x.start - y.start);
  }

  const out: LinkedEntity[] = [];
  for (const [i, mentions] of found) {
    const e = entityAt(index, i);
    const linked: LinkedEntity = { id: e.id, name: e.name, type: e.type, description: describeEntity(e, opts.date), mentions };
    // A person's subtype is the linker's field code ("arts letters", occupation-namesakes.ts), not a card label.
    if (e.subtype && e.type !== 'person') linked.subtype = e.subtype;
    if (e.note) linked.note = e.note;
    const url = entityUrl(e);
    if (url) linked.url = url;
    out.push(linked);
  }
  out.sort((a, b) => a.mentions[0]!.paragraph - b.mentions[0]!.paragraph || a.mentions[0]!.start - b.mentions[0]!.start);
  return out;
}

/** The entity's link: its own URL, else its Wikidata or Wikipedia page (packs leave URLs that
 *  the id gives out: `Q…` and `enwiki:…`). */
export function entityUrl(e: PackEntity): string | undefined {
  if (e.url) return e.url;
  if (wikidataId(e.id)) return `https://www.wikidata.org/wiki/${e.id}`;
  return e.id.startsWith('enwiki:') ? `https://en.wikipedia.org/wiki/${e.id.slice(7)}` : undefined;
}

/** /^Q\d+$/ without a regex: asked of every entity an article links. */
function wikidataId(id: string): boolean {
  if (id.length < 2 || id.charCodeAt(0) !== 81) return false;
  for (let i = 1; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * The end of the surname when a one-word match is a person known by that one word only ("Mary",
 * "Eve") and the next word, joined by a space, starts a match that is a person's surname.
 */
function givenNameBeforeSurname(scan: BlockScan, m: RawMatch, index: EntityIndex): number | undefined {
  const tok = scan.tokens[m.from]!, next = scan.tokens[m.to];
  if (!next || tok.shape !== Shape.Cap || next.shape !== Shape.Cap || !joinedBySpace(scan, tok, next)) return undefined;
  // Loops, not .some(closure): asked of every capitalised one-word match before a capitalised word.
  let mononym = false;
  for (const h of decodedHits(m)) if (!h.short && entityAt(index, h.entity).type === 'person' && nameKeyAt(index, h.entity) === tok.norm) { mononym = true; break; }
  if (!mononym) return undefined;
  for (const mm of scan.matches) {
    if (mm.from !== m.to) continue;
    for (const h of decodedHits(mm)) if (h.short && entityAt(index, h.entity).type === 'person') return mm.to;
  }
  return undefined;
}

/** The one country of every full (non-short) candidate of a match, if they share one. Read through
 *  entityAt: on the runtime index `entities` is a lazy proxy, whose every read converts the number
 *  to a property name and back. */
function sameCountry(hits: AliasHit[], index: EntityIndex): string | undefined {
  let c: string | undefined;
  for (const h of hits) {
    if (h.short) continue;
    const e = entityAt(index, h.entity);
    if (!e.country || (c !== undefined && e.country !== c)) return undefined;
    c = e.country;
  }
  return c;
}

/** What pass 1 learnt about the page. */
interface PageEvidence {
  seen: Set<number>;
  support: Map<string, number>;
  own: Map<number, number>;
  spelled: Set<number>;
  publisher: number | undefined;
  /** Is this exact string written anywhere on the page? */
  written(s: string): boolean;
  /** Is it written on the page apart from text[from, to) of the block `text` (common-word-names.ts writtenApart)? */
  writtenApart(s: string, text: string, from: number, to: number): boolean;
  /** Is this folded word written capitalised mid-sentence in running text (common-word-names.ts)? */
  writtenAsName(norm: string): boolean;
  /** Words written as an unknown person's surname after a given name (family-names.ts). */
  familySurnames: FamilySurnames;
  /** Is an address alias's tail a state of the country (addressContradicts)? */
  stateOf(tail: string, country: string): boolean;
  /** `support` with the page's nationality adjectives counted (owner-country.ts), made on first ask. */
  named(): ReadonlyMap<string, number>;
}

function resolve(m: RawMatch, scan: BlockScan, index: EntityIndex, page: PageEvidence, date: string | null, surnames: Set<string>): number | undefined {
  const { seen, support } = page;
  const single = m.to - m.from === 1;
  const tok = scan.tokens[m.from]!;
  const norm = tok.norm;
  // "the Senate", "the House": a chamber of the country the page is about (checked below).
  const chamber = single && CHAMBERS.has(norm) && chamberFits(scan, m);
  if (single && NEVER_ALONE.has(norm) && !chamber) return undefined;
  // One letter ("X", "Q") is a variable, a grade or an initial, not a name.
  if (single && norm.length === 1) return undefined;
  let initialMemo: boolean | undefined;
  const titled = single && hasTitleBefore(scan, m.from);

  let bestShortProminence = -1, secondShort = -1;
  const hits = decodedHits(m);
  for (const h of hits) {
    if (!shortish(h, single, norm, index)) continue;
    const p = prominence(entityAt(index, h.entity));
    if (p > bestShortProminence) { secondShort = bestShortProminence; bestShortProminence = p; }
    else if (p > secondShort) secondShort = p;
  }

  let best: number | undefined;
  let bestScore = -Infinity;
  let acronym: boolean | undefined;
  let qualifier: string | undefined;
  let camel: boolean | undefined;
  let cityCountry: string | undefined;
  let settlement: boolean | undefined;
  let listed: ListKind | null | undefined;
  let adjectiveCountries: Set<string> | undefined, addressed: Address | undefined, fullCandidates: PackEntity[] | undefined, otherReading: boolean | undefined;
  let written: string | undefined, orgNamesakes: boolean | undefined, countryless: boolean | undefined;
  let nearFields: Set<PersonField> | undefined;
  let possessive: boolean | undefined;
  let titledOwner: readonly string[] | null | undefined, directOwner: readonly string[] | null | undefined, described: boolean | undefined;
  for (let hi = 0; hi < hits.length; hi++) {
    const h = hits[hi]!;
    // The same entity twice (a full and a short form of one key): judge it once, first form wins.
    let dup = false;
    for (let k = 0; k < hi; k++) if (hits[k]!.entity === h.entity) { dup = true; break; }
    if (dup) continue;
    const e = entityAt(index, h.entity);
    // An event that began after the article was written is not what it means ("Gaza conflict" in 2015).
    if (date && e.type === 'event' && e.from && e.from.slice(0, date.length) > date.slice(0, e.from.length)) continue;
    // "the 2020 Olympics": a year before a recurring event's name is one edition, which a record
    // without that start year ("Olympic Games") is not; "the 2022 invasion" of a record from 2022 is.
    if (e.type === 'event') {
      const y = editionYearBefore(scan.text, scan.tokens, m.from);
      if (y && !(e.from ?? '').startsWith(y)) continue;
      // "Super Bowl LVIII", "Euro 2024": an edition written after the name; a numbered edition the
      // pack knew would have been the longer match.
      const after = editionAfter(scan.text, scan.tokens, m.to);
      if (after && (after.roman || !(e.from ?? '').startsWith(after.label))) continue;
    }
    // "the Japanese Coast Guard", "Colombian defense minister Pedro Sánchez": a nationality adjective
    // before the name says whose it is; a record of another country is a namesake.
    // A surname alone may be used attributively ("Ukrainian Putin critics"): only full names are judged.
    if (e.country && e.type !== 'event' && !(e.type === 'person' && shortish(h, single, norm, index))) {
      const owner = e.type === 'person' ? (titledOwner ??= demonymOwner(scan.text, scan.tokens, m.from, true, isTitleWord) ?? null)
        : (directOwner ??= demonymOwner(scan.text, scan.tokens, m.from, false, isTitleWord) ?? null);
      if (owner && !owner.includes(e.country)) continue;
    }
    // "Scott Gottlieb Resigns As FDA Commissioner": a person dead before the article's year is not
    // who speaks or acts in it; a living namesake may be (dead-namesakes.ts). Full names only.
    if (e.type === 'person' && e.died && !shortish(h, single, norm, index) && deadActorAfter(scan.text, scan.tokens, m.from, m.to, e.died, date)) continue;
    // "Israeli military", "the Ukrainian capital": a description, not a name (events keep theirs: "Mexican drug war").
    if (e.type !== 'event' && !single && (described ??= demonymDescription(scan.tokens, m.from, m.to, demonymLike))) continue;
    if (chamber && (support.get(e.country ?? '') ?? 0) < 2) continue;
    let score = prominence(e);
    if (shortish(h, single, norm, index)) {
      const introduced = seen.has(h.entity);
      const p = prominence(e);
      const standalone = p >= STANDALONE_PROMINENCE && p === bestShortProminence && p - secondShort >= 15;
      const afterTitle = titled && p >= 85 && p === bestShortProminence && p - secondShort >= 10;
      if (!introduced && !standalone && !afterTitle) continue;
      if (introduced) score += 200;
    } else if (seen.has(h.entity)) {
      score += 100;
    }
    // "Alex Wagner … Wagner said": an unknown person's surname, not the body or place. "the
    // Clintons": a family, not a company (a team's plural, "the Lions", is the team's own name).
    // Elsewhere on the page a country keeps its name ("David France's film … in France").
    if (single && page.familySurnames.size !== 0 && e.type !== 'person' && page.familySurnames.has(norm)
      && (!(e.type === 'place' && e.subtype === 'country') || surnameAfterGivenName(scan.text, scan.tokens, m.from, scan.matches))) continue;
    if (single && e.type === 'organization' && !e.subtype?.startsWith('sports') && personSurname(index, familyPluralStem(scan.text, scan.tokens, m.from))) continue;
    if (!single && e.type === 'organization' && (possessive ??= personPossessive(scan, m, index, seen))) continue;
    if (single && e.type === 'place' && AMBIGUOUS_PLACES.has(norm)) {
      if (surnames.has(norm)) continue;
      // "Belgium, Jordan, the Netherlands": an item of a list of places is a place.
      // One neighbour after a comma is an address ("Antalya, Turkey"): its country must be this place's.
      if (!placeFits(scan, m, e, (initialMemo ??= sentenceStart(scan, m.from)), support)) {
        const l = (listed ??= listKind(scan, m, index));
        if (l === null || (l.kind === 'place' && !l.countries.includes(e.country ?? ''))) continue;
      }
    }
    if (single && WORDLIKE_ORGS.has(norm) && (tok.shape !== Shape.Cap || (initialMemo ??= sentenceStart(scan, m.from)))) continue;
    // "With Pics Of Pets", "The Sun" opening a sentence: a dictionary-word name where capitals say
    // nothing needs the word written as a name elsewhere, or the longer name (common-word-names.ts).
    if (e.commonWord && oneWordForm(scan.tokens, m.from, m.to) && ((scan.titleCase ??= headlineStyle(scan.tokens)) || (initialMemo ??= sentenceStart(scan, m.from)))
      && !page.writtenAsName(scan.tokens[m.to - 1]!.norm) && !(nameKeyAt(index, h.entity) !== matchKey(scan, m) && page.writtenApart(e.name, scan.text, tok.start, scan.tokens[m.to - 1]!.end))
      // "In A Queens Warehouse", "Pink Asks …": a cue of a place's or a person's own (headline-names.ts).
      && !ordinaryNameTypeCue(e.type, scan.text, scan.tokens, m.from, m.to)) continue;
    // "As Far As He's Concerned": an organisation named by an ordinary phrase, in a title-case line (headline-names.ts).
    if (e.commonWord && !single && (scan.titleCase ??= headlineStyle(scan.tokens)) && !scan.nameDense && nameKeyAt(index, h.entity) === (written ??= matchKey(scan, m))
      && ordinaryPhraseUnsupported(scan.text.slice(tok.start, scan.tokens[m.to - 1]!.end), [e.name, ...(e.aliases ?? [])], page.written)) continue;
    if (h.mode === CaseMode.Exact && shouting(scan, m)) continue;
    // An acronym stands for many things: it links only when the page backs this reading.
    if (e.type === 'organization' && (acronym ??= isAcronym(scan, m))) {
      if (!acronymFits(scan, m, h.entity, e, page)) continue;
    }
    // "(AP)" in a Venezuela item (Andhra Pradesh's "A.P." beside the agency), "Buffalo, Minnesota":
    // a namesake of a country or state the item does not name (namesake-country.ts).
    if (e.type === 'place' && (acronym ??= isAcronym(scan, m)) && (otherReading ??= nonPlaceAmong(m, index) && !dotted(scan, m)) && !initialismPlaceFits(e, support, page.own.get(h.entity) ?? 0)) continue;
    // "Emails obtained by AP": initials in the words that credit an agency are the agency (agency-credit.ts).
    if (e.subtype === 'media' && (acronym ??= isAcronym(scan, m)) && agencyCredit(scan.text, scan.tokens, m.from)) score += 300;
    // "a new role on Broadway": a minor brand abroad (a Hong Kong retailer) needs its country or business words (minor-brands.ts).
    if (single && e.subtype === 'company' && minorBrandUnsupported(e, page.named, page.own.get(h.entity) ?? 0, scan.tokens)) continue;
    if (e.type === 'place' && single && unplacedNamesake(e, (fullCandidates ??= fullEntities(hits, index)), support, page.own.get(h.entity) ?? 0)) continue;
    // "ships in the Red Sea": the feature, not the "Red Sea Governorate" of a country the page never names (namesake-country.ts).
    if (e.subtype === 'region' && !single && featureNamedRegionAbroad(e, (written ??= matchKey(scan, m)), nameKeyAt(index, h.entity), support, page.own.get(h.entity) ?? 0)) continue;
    if ((e.subtype === 'government_body' || e.subtype === 'company') && !single && sharedBodyWords(e, (written ??= matchKey(scan, m)).split(' ')) && !(directOwner ??= demonymOwner(scan.text, scan.tokens, m.from, false, isTitleWord) ?? null) && genericBodyAbroad(e, written.split(' '), page.named(), page.own.get(h.entity) ?? 0)) continue;
    // "National Salvation Front" in a Tunisia item: a minor movement of generic words from another country (namesake-country.ts).
    if ((e.subtype === 'political_party' || e.subtype === 'armed_group') && !single && !(directOwner ??= demonymOwner(scan.text, scan.tokens, m.from, false, isTitleWord) ?? null)
      && genericMovementAbroad(e, matchKey(scan, m).split(' '), support, page.own.get(h.entity) ?? 0)) continue;
    if (e.subtype === 'political_party' && !(directOwner ??= demonymOwner(scan.text, scan.tokens, m.from, false, isTitleWord) ?? null)
      && foreignPartyForm(e, scan.text.slice(tok.start, scan.tokens[m.to - 1]!.end) === e.name, support, page.own.get(h.entity) ?? 0)) continue;
    if (e.subtype === 'political_party' && sharedPartyUnplaced(e, (fullCandidates ??= fullEntities(hits, index)), support, page.own.get(h.entity) ?? 0, () => (adjectiveCountries ??= demonymCountriesAmong(scan.tokens)))) continue;
    if ((e.type === 'place' || e.type === 'organization') && addressContradicts(e, (addressed ??= regionsAfterComma(scan, m, index)), (fullCandidates ??= fullEntities(hits, index)), addressed.country, page.stateOf,
      () => nameKeyAt(index, h.entity) === (written ??= matchKey(scan, m)))) continue;
    // "DRC", "PRC", "ROK": a country's three-letter initials read as the country after "the" or
    // on a page that names that country otherwise ("If DRC passes" in a chip tutorial is a check).
    if (e.type === 'place' && e.subtype === 'country' && (acronym ??= isAcronym(scan, m)) && tok.norm.length === 3 && !countryInitialsFit(scan, m, h.entity, e, page)) continue;
    // "the Democratic Party" in a story about South Korea is a Korean party: a party named by words
    // many countries' parties share is the page's own country's, unless nothing names another country.
    if (e.subtype === 'political_party' && e.country && genericParty(scan, m) && !partyCountryFits(page.support, e.country, page.own.get(h.entity) ?? 0)) continue;
    // "South Korea's Supreme Court", "Japan's Democratic Party": another country's body.
    if (e.type === 'organization' && e.country) {
      const q = (qualifier ??= countryBefore(scan, m, index) ?? '');
      if (q && q !== e.country) continue;
      // "South Korea's main conservative party, People Power": the possessive read across the description (owner-apposition.ts).
      if (!q) {
        const end = appositionOwnerEnd(scan.text, scan.tokens, m.from);
        const owner = end === undefined ? undefined : countryEndingAt(scan, end, index);
        if (owner && owner !== e.country) continue;
      }
    }
    // "U.K.'s Birmingham", "Russia's Belgorod": a country written before a place says whose it is.
    if (e.type === 'place' && e.subtype !== 'country' && e.country && e.country === (qualifier ??= countryBefore(scan, m, index) ?? '')) score += 300;
    // "NetLog" is not "Netlog": a word written with inner capitals must be written so in the record.
    if (single && (camel ??= innerCapitals(scan, tok)) && !writtenAs(e, scan.text.slice(tok.start, tok.end))) continue;
    if (e.type === 'place' && single && !minorPlaceFits(scan, m, h.entity, e, page)) continue;
    // "the North East", "South West regions": a region named by compass words alone is one of many
    // countries' regions; it is this record's only on a page that names its country otherwise.
    if (e.type === 'place' && e.country && compassOnly(scan.tokens, m.from, m.to) && (support.get(e.country) ?? 0) - (page.own.get(h.entity) ?? 0) <= 0) continue;
    // "German", "Indian": a nationality adjective is not the village or parish that shares its spelling.
    // A country's record may carry its adjective as an alias ("Qatari"): that is no mention of it either.
    // Nor is a country's adjective the landmark or town spelt the same ("the Argentine justice system").
    if (single && e.type === 'place' && (DEMONYMS.has(norm) || (e.subtype !== 'country' && countriesOfDemonym(norm) !== undefined))) continue;
    // "Melbourne" is the Australian city unless the page names Florida: a namesake far smaller
    // than another candidate needs its own region written on the page.
    if (e.type === 'place' && e.subtype === 'city' && hits.length > 1 && !seen.has(h.entity) && overshadowed(index, hits, e, page)) continue;
    // "the Hamilton musical", "the Batman films": a title, not the town.
    if (e.type === 'place' && e.subtype !== 'country' && titleOfWork(scan, m)) continue;
    // "Miss America", "Miss Indonesia": a beauty pageant's title, not the country.
    if (e.type === 'place' && pageantTitle(scan, m)) continue;
    // An acronym in capitals ("CAIR", "ACORN") is not a minor entity's mixed-case alias: written all
    // in capitals, a one-word name must be the entity's own name ("LONDON" datelines) or a
    // country's ("TURKIYE"; so "SIAM" still reads as Thailand).
    if (single && h.mode === CaseMode.Proper && tok.shape === Shape.Upper && tok.norm.length >= 4 && nameKeyAt(index, h.entity) !== norm && e.subtype !== 'country') continue;
    // "House of Representatives", "Congress", "Supreme Court": a country's institution written
    // by generic words only is that country's only on a page about that country.
    // A record without a country cannot show it is the page's own ("National Assembly").
    // A tie between countries named on the page is broken by its nationality adjectives ("Brazilian
    // president Lula … Supreme Court chief … U.S. sanctions"); a country written right before says
    // whose the body is ("The United States Supreme Court", "the Chinese Ministry of Finance").
    // A body whose generic name no other country's body bears ("the State Department", the compiler's
    // oneCountryName: one-country-names.ts) is its country's on any page.
    if (e.type === 'organization' && !e.oneCountryName && genericInstitution(scan, m) && (!e.country || !(topCountry(support, e.country) && (soleTopCountry(support, e.country) || topCountry(page.named(), e.country)))
      && !(directOwner ??= demonymOwner(scan.text, scan.tokens, m.from, false, isTitleWord) ?? null)?.includes(e.country) && (qualifier ??= countryBefore(scan, m, index) ?? '') !== e.country)) continue;
    // Page support: decisive between namesake places ("Georgia"), a nudge elsewhere ("London").
    // "Brooklyn, New York", "Seattle, Washington": after a city and a comma, the state of that city.
    // Not when the region's own country shares its name: "Veracruz, Mexico" is the country.
    if (e.type === 'place' && e.subtype === 'region' && e.country && e.country === (cityCountry ??= cityBeforeComma(scan, m, index) ?? '') && !countryAmong(hits, index, e.country)) score += 300;
    // "Washington state", "Washington Gov. Ferguson", "eastern Washington": the state, not the
    // capital that shares its name.
    // Also for a name of several words: "the New York governor", "New York state". The cue tells a
    // state from its namesake city, not from a country ("UK lawmakers" is not a historical region).
    if (e.type === 'place' && e.subtype === 'region' && hits.length > 1 && (settlement ??= settlementAmong(hits, index))) {
      const sameName = cityOfRegionName(hits, index, h.entity);
      if (stateCue(scan, m, index, sameName)) score += 300;
      // "Rio de Janeiro", "Abu Dhabi" with no cue: the city, not the state or emirate of its name.
      else if (sameName) score -= REGION_NAMESAKE_PENALTY;
    }
    // "the country of Georgia": the country, not the US state (region-cue.ts).
    if (e.subtype === 'country' && hits.length > 1 && countryNounBefore(scan.text, scan.tokens, m.from)) score += 300;
    // "Michigan, Minnesota, and New York": in a list of places of one kind, the namesake of that kind.
    // States listed with states of another country ("Arizona, Nevada and Mexico") are no reason for Mexico's state.
    if (e.type === 'place' && hits.length > 1 && e.subtype && placeKind(e.subtype) === (listed ??= listKind(scan, m, index))?.kind
      && (e.subtype === 'country' || listed!.countries.includes(e.country ?? ''))) score += 300;
    // "Michael Jordan": a person whose own name is the written form outranks one it reaches by an alias ("Michael B. Jordan").
    if (e.type === 'person' && !single && hits.length > 1 && nameKeyAt(index, h.entity) === (written ??= matchKey(scan, m))) score += ownNameBonus(e, (fullCandidates ??= fullEntities(hits, index)));
    // "Chris Evans hunts down Ryan Gosling in the upcoming spy thriller": the actor, not the MP (field-words.ts).
    if (e.type === 'person' && !single && hits.length > 1 && fieldWordsFavour(e, (fullCandidates ??= fullEntities(hits, index)), (nearFields ??= fieldsNear(scan.tokens, m.from, m.to)))) score += FIELD_WORDS_BONUS;
    const ambiguousPlace = single && e.type === 'place' && AMBIGUOUS_PLACES.has(norm);
    // Between organisations of one name and several countries ("Department of Home Affairs": South
    // Africa's, Australia's), "The Australian government" names Australia as "Australia" would.
    // "immigration from Asia" on a page naming Britain: a country's nudge says nothing between a band
    // or a company and a place of no one country (a continent) of the same name.
    // Between namesake places of one ambiguous name ("Georgia", "Victoria") the adjectives count as
    // well: "American attorney … the results in Georgia" is the state, "the Australian Open" puts
    // "Victoria" in Australia (session 20, unseen coverage).
    if (e.country && !(e.type === 'organization' && hits.length > 1 && (countryless ??= countrylessPlaceAmong(hits, index)))) score += (ambiguousPlace ? 40 : 10) * Math.min(ambiguousPlace ? 3 : 2, (ambiguousPlace || (e.type === 'organization' && hits.length > 1 && (orgNamesakes ??= organisationsOfCountries(fullCandidates ??= fullEntities(hits, index)))) ? page.named() : support).get(e.country) ?? 0);
    if (score > bestScore || (score === bestScore && best !== undefined && e.id < entityAt(index, best).id)) {
      best = h.entity;
      bestScore = score;
    }
  }
  return best;
}

/** A short candidate: a surname form, or a one-word alias of a person that is not their name.
 *  (Functions the linker calls per match live at the top level, not as closures made per call.) */
function shortish(h: AliasHit, single: boolean, norm: string, index: EntityIndex): boolean {
  if (h.short) return true;
  return single && entityAt(index, h.entity).type === 'person' && nameKeyAt(index, h.entity) !== norm;
}

/** Is one of the full candidates the country `country` itself ("Mexico": the country and its state)? */
function countryAmong(hits: AliasHit[], index: EntityIndex, country: string): boolean {
  for (const h of hits) {
    const c = entityAt(index, h.entity);
    if (!h.short && c.type === 'place' && c.subtype === 'country' && c.country === country) return true;
  }
  return false;
}

/** Is one of the candidates a city or a capital (the namesake a state cue tells the state from)? */
function settlementAmong(hits: AliasHit[], index: EntityIndex): boolean {
  for (const h of hits) {
    const sub = entityAt(index, h.entity).subtype;
    if (sub === 'city' || sub === 'capital') return true;
  }
  return false;
}

/** A city or capital of the same name and country as region `e` among the candidates: the compiler
 *  keeps the emirate of Abu Dhabi and its capital apart (compile-entities.ts settlementAndRegion). */
function cityOfRegionName(hits: AliasHit[], index: EntityIndex, region: number): boolean {
  const r = entityAt(index, region), key = nameKeyAt(index, region);
  if (r.type !== 'place' || r.subtype !== 'region') return false;
  for (const h of hits) {
    if (h.short || h.entity === region) continue;
    const c = entityAt(index, h.entity);
    if ((c.subtype === 'city' || c.subtype === 'capital') && c.country === r.country && nameKeyAt(index, h.entity) === key) return true;
  }
  return false;
}

/** Below a same-named city's prominence (the least is 55, compile-entities.ts prominenceOf): a region
 *  that shares its city's name is the city unless the text says state (a cue, a list of regions). */
const REGION_NAMESAKE_PENALTY = 20;
/** Over a namesake's prominence: the actor (36) over the MP (66) in a film's sentence. */
const FIELD_WORDS_BONUS = 100;

/** Words right after a place name that make it a state or province ("Washington state", "… Gov.",
 *  "New York representative"). */
const STATE_CUES_AFTER = new Set(['state', 'governor', 'gov', 'legislature', 'lawmakers', 'statehouse', 'emirate', 'crown', 'ruler', 'province', 'governorate',
  // A state's members of Congress and its coast: "New York representative Jamaal Bowman", "Off Washington Coast".
  'representative', 'rep', 'senator', 'sen', 'congressman', 'congresswoman', 'congressional', 'coast', 'coastline',
  // A state's own legislature by its chambers and members: "the New York Assembly", "Washington Senate
  // Democrats", "a New York assemblywoman". A city has a council, not these.
  'assembly', 'senate', 'legislators', 'legislative', 'lawmaker', 'assemblyman', 'assemblywoman', 'assemblymember', 'statewide']);
/** Words right before one: "eastern Washington", "rural Washington". */
const STATE_CUES_BEFORE = new Set(['eastern', 'western', 'northern', 'southern', 'central', 'rural', 'northeastern', 'northwestern', 'southeastern', 'southwestern']);

/** Heads of "<head> of <place>" that make the place a state: "Governor of São Paulo". */
const STATE_HEADS_BEFORE_OF = new Set(['governor', 'governors', 'governorship', 'gov']);

function stateCue(scan: BlockScan, m: RawMatch, index: EntityIndex, sameName: boolean): boolean {
  const prev = scan.tokens[m.from - 1], next = scan.tokens[m.to];
  if (next && STATE_CUES_AFTER.has(next.norm) && next.shape !== Shape.Upper && joinedBySpace(scan, scan.tokens[m.to - 1]!, next)) return true;
  if (prev !== undefined && prev.shape === Shape.Lower && STATE_CUES_BEFORE.has(prev.norm) && joinedBySpace(scan, prev, scan.tokens[m.from]!)) return true;
  const head = scan.tokens[m.from - 2];
  if (prev && head && prev.norm === 'of' && prev.shape === Shape.Lower && STATE_HEADS_BEFORE_OF.has(head.norm) && joinedBySpace(scan, prev, scan.tokens[m.from]!) && joinedBySpace(scan, head, prev)) return true;
  // "the state of São Paulo", "as New York legalized …", "Court Blocks New York Restrictions" (region-cue.ts).
  if (lawMakingLevel(scan.text, scan.tokens, m.from, m.to)) return true;
  return addressMiddle(scan, m, index, sameName);
}

/** "Ciudad Juárez, Chihuahua, Mexico", "Petrópolis, Rio de Janeiro.": a place after a capitalised
 *  name and a comma is the larger part of an address, the state or province, when its country
 *  follows, or (`atEnd`, for a region and a city of one name) when it ends the sentence; not an item
 *  of a list ("Dubai, Abu Dhabi and Sharjah"). "BBC News, Washington" ends a byline with the capital. */
function addressMiddle(scan: BlockScan, m: RawMatch, index: EntityIndex, atEnd: boolean): boolean {
  const tokens = scan.tokens, prev = tokens[m.from - 1], next = tokens[m.to];
  const comma = (a: Token, b: Token) => /^,[ \u00a0]$/.test(scan.text.slice(a.end, b.start));
  if (!prev || prev.shape !== Shape.Cap || !comma(prev, tokens[m.from]!)) return false;
  if (!next || /^[.;:!?]/.test(scan.text.slice(tokens[m.to - 1]!.end, next.start))) return atEnd;
  if (next.shape !== Shape.Cap || !comma(tokens[m.to - 1]!, next)) return false;
  for (const mm of scan.matches) {
    if (mm.from !== m.to) continue;
    for (const h of decodedHits(mm)) {
      const c = entityAt(index, h.entity);
      if (!h.short && c.type === 'place' && c.subtype === 'country') return true;
    }
  }
  return false;
}

/** The region record named "<key> <suffix>" for one of the suffixes, in `country` when given. */
/** The event records other than `not` whose name or alias is `name` (full forms only). */
function eventsNamed(index: EntityIndex, name: string, not: number): number[] {
  const key = aliasForm(name)?.key;
  const hits = key ? index.aliases.slots.get(key)?.hits : undefined;
  const out: number[] = [];
  if (hits) for (const p of hits) if (!hitShort(p) && hitEntity(p) !== not && entityAt(index, hitEntity(p)).type === 'event') out.push(hitEntity(p));
  return out;
}

/** The sports club in `country` named after the city keyed `key` (club-cue.ts clubKeys), if any. */
function clubNamedFor(index: EntityIndex, key: string, country: string | undefined): number | undefined {
  for (const k of clubKeys(key)) {
    const hits = index.aliases.slots.get(k)?.hits;
    if (!hits) continue;
    for (const p of hits) {
      const i = hitEntity(p), r = entityAt(index, i);
      if (!hitShort(p) && r.subtype === 'sports_club' && r.country === country) return i;
    }
  }
  return undefined;
}

function regionNamed(index: EntityIndex, key: string, suffixes: readonly string[], country: string | undefined): number | undefined {
  for (const suffix of suffixes) {
    const hits = index.aliases.slots.get(`${key} ${suffix}`)?.hits;
    if (!hits) continue;
    for (const p of hits) {
      const i = hitEntity(p), r = entityAt(index, i);
      if (!hitShort(p) && r.type === 'place' && r.subtype === 'region' && (!country || !r.country || r.country === country)) return i;
    }
  }
  return undefined;
}

/**
 * "Fullerton, California", "Stamford, Connecticut": reference data gives many cities an alias that
 * writes the state or country after a comma. The alias is worth matching (it tells the city from its
 * namesakes), but the text names two places, and a reader (and the gold) sees two mentions. For such
 * a match of a place, the token after the comma and the record of the place named from there to the
 * match's end: a state or country of the chosen place's own country, the most prominent. Undefined
 * when the match has no comma or the part after it is no such place ("Tanzania, United Republic of").
 */
function addressTail(scan: BlockScan, m: RawMatch, index: EntityIndex, chosen: number): { at: number; place: number } | undefined {
  const e = entityAt(index, chosen);
  if (e.type !== 'place' || !e.country || m.to - m.from < 2) return undefined;
  const tokens = scan.tokens;
  for (let k = m.from + 1; k < m.to; k++) {
    if (!/^,[ \u00a0]$/.test(scan.text.slice(tokens[k - 1]!.end, tokens[k]!.start))) continue;
    let key = '';
    for (let i = k; i < m.to; i++) key += (i > k ? ' ' : '') + tokens[i]!.norm;
    let best: number | undefined;
    for (const p of index.aliases.slots.get(key)?.hits ?? []) {
      const i = hitEntity(p), r = entityAt(index, i);
      if (hitShort(p) || i === chosen || r.type !== 'place' || (r.subtype !== 'region' && r.subtype !== 'country') || r.country !== e.country) continue;
      if (best === undefined || prominence(r) > prominence(entityAt(index, best))) best = i;
    }
    return best === undefined ? undefined : { at: k, place: best };
  }
  return undefined;
}

/** A multi-word match's words, normalised ("golden dawn"). */
function matchKey(scan: BlockScan, m: RawMatch): string {
  let k = '';
  for (let i = m.from; i < m.to; i++) k += (i > m.from ? ' ' : '') + scan.tokens[i]!.norm;
  return k;
}

/** The country of a city named right before ", <match>" (its most prominent reading), if any. */
function cityBeforeComma(scan: BlockScan, m: RawMatch, index: EntityIndex): string | undefined {
  const prev = scan.tokens[m.from - 1], first = scan.tokens[m.from]!;
  if (!prev || prev.shape !== Shape.Cap || !/^,[ \u00a0]$/.test(scan.text.slice(prev.end, first.start))) return undefined;
  for (const mm of scan.matches) {
    if (mm.to !== m.from) continue;
    let top: PackEntity | undefined;
    for (const h of decodedHits(mm)) {
      const c = entityAt(index, h.entity);
      if (!top || prominence(c) > prominence(top)) top = c;
    }
    if (top && top.type === 'place' && (top.subtype === 'city' || top.subtype === 'capital')) return top.country;
  }
  return undefined;
}

/** The readings of an address after a city; `country`: its own country written after a state ("…, Kentucky, United States"). */
type Address = PackEntity[] & { country?: PackEntity };

/** "Buffalo, Minnesota.": the region and country readings of the name after ", " right behind the
 *  match, when that name ends the phrase (a stop, a comma or the block's end follow); none when it
 *  goes on ("Qala e Naw", "Kurdistan province") or into a list ("Moscow, Ukraine and the US"). */
function regionsAfterComma(scan: BlockScan, m: RawMatch, index: EntityIndex): Address {
  const last = scan.tokens[m.to - 1]!, next = scan.tokens[m.to];
  const out: Address = [];
  if (!next || next.shape !== Shape.Cap || !/^,[ \u00a0]$/.test(scan.text.slice(last.end, next.start))) return out;
  for (const mm of scan.matches) {
    if (mm.from !== m.to) continue;
    const end = scan.tokens[mm.to - 1]!.end, after = scan.tokens[mm.to];
    if (after && !/^[.,;:!?)]/.test(scan.text.slice(end, after.start))) continue;
    const readings: PackEntity[] = [];
    for (const h of decodedHits(mm)) {
      const c = entityAt(index, h.entity);
      if (!h.short && c.type === 'place' && (c.subtype === 'region' || c.subtype === 'country')) readings.push(c);
    }
    // A list goes on after it, unless a clause does (", that …") or its own country (", United States").
    const nb = listNeighbours(scan.text, scan.tokens, mm.from, mm.to).after;
    const country = nb >= 0 && scan.tokens[nb]!.shape !== Shape.Lower ? stateOfCountryAfter(readings, placesAt(scan, nb, index)) : undefined;
    if (nb >= 0 && scan.tokens[nb]!.shape !== Shape.Lower && !country) return [];
    out.push(...readings);
    if (country) out.country = country;
  }
  return out;
}

/**
 * "Larry King … King's doctors say", "Martin Luther King's Legacy": an organisation's alias ending in a
 * possessive "'s" (King's College London's "King's") right after a person's name, or whose stem is the
 * surname of a person the page introduces by full name, is that person's possessive (issue #4,
 * person-surname-as-org on audits 9 and 10). The "'s" at the match's end is the cheap test.
 */
function personPossessive(scan: BlockScan, m: RawMatch, index: EntityIndex, seen: ReadonlySet<number>): boolean {
  if (!apostropheS(scan.text, scan.tokens, m.to - 1)) return false;
  const stemEnd = m.to - 2 === m.from ? scan.tokens[m.from]!.norm : undefined;
  for (const q of scan.matches) {
    if (q.to > m.from) continue;
    // Right before it, or earlier in the block ending in the same word ("Larry King … King's").
    if ((q.to === m.from ? joinedBySpace(scan, scan.tokens[q.to - 1]!, scan.tokens[m.from]!) : q.to - q.from >= 2 && scan.tokens[q.to - 1]!.norm === stemEnd) && personAmong(q, index)) return true;
  }
  let stem = scan.tokens[m.from]!.norm;
  for (let i = m.from + 1; i < m.to - 1; i++) stem += ' ' + scan.tokens[i]!.norm;
  // The last word(s) of the introduced person's name: the pack keeps no short form of "King" (a word).
  const tail = ' ' + stem;
  for (const i of seen) if (nameKeyAt(index, i).endsWith(tail) && entityAt(index, i).type === 'person') return true;
  return false;
}

/** Is the folded word a person's surname (a short form of a person record)? */
function personSurname(index: EntityIndex, norm: string | undefined): boolean {
  if (norm === undefined) return false;
  for (const p of index.aliases.slots.get(norm)?.hits ?? []) if (hitShort(p) && entityAt(index, hitEntity(p)).type === 'person') return true;
  return false;
}

/** Can `name` (an address alias's tail) be a state of country `country`: a region record of it, or
 *  no place the pack knows? Not when the pack knows it only as another kind of place ("Bedfordshire"). */
function stateRecord(index: EntityIndex, name: string, country: string): boolean {
  const key = aliasForm(name)?.key;
  let place = false;
  for (const p of (key && index.aliases.slots.get(key)?.hits) || []) {
    const r = entityAt(index, hitEntity(p));
    if (hitShort(p) || r.type !== 'place') continue;
    if (r.subtype === 'region' && r.country === country) return true;
    place = true;
  }
  return !place;
}

/** A reference list's author, surname first: the one-word match at `from` is the surname or the given name (citation-names.ts). */
function citationAuthor(scan: BlockScan, from: number, ownName: string, index: EntityIndex): boolean {
  const placeAt = (k: number) => placesAt(scan, k, index).length > 0;
  return citationSurname(scan.text, scan.tokens, from, ownName, placeAt) || citationGivenName(scan.text, scan.tokens, from, ownName, placeAt);
}

/** The full place readings of the names starting at token `k`. */
function placesAt(scan: BlockScan, k: number, index: EntityIndex): PackEntity[] {
  const out: PackEntity[] = [];
  for (const mm of scan.matches) if (mm.from === k) for (const h of decodedHits(mm)) if (!h.short && entityAt(index, h.entity).type === 'place') out.push(entityAt(index, h.entity));
  return out;
}

/** Organisations whose name before a country's is a national branch ("Amazon France", "RT France"). */
const BRANCH_OWNERS = new Set(['company', 'media', 'website']);

/** Capitals are cities; other subtypes of place are their own kind. */
const placeKind = (subtype: string) => (subtype === 'capital' ? 'city' : subtype);

/**
 * The kind of place the list neighbours of a match are ("Iran, Egypt, Turkey and elsewhere": a
 * country): each neighbour's most prominent full place reading, when the neighbours agree; 'mixed'
 * when they differ ("Atlanta, Georgia, US" is an address, not a list), 'place' when the one
 * neighbour is only after a comma; with the neighbours' countries. Null when no neighbour is a place.
 */
interface ListKind { kind: string; countries: string[] }
function listKind(scan: BlockScan, m: RawMatch, index: EntityIndex): ListKind | null {
  const { before, after, joined } = listNeighbours(scan.text, scan.tokens, m.from, m.to);
  if (before < 0 && after < 0) return null;
  // One neighbour after a bare comma is an address ("Chiapas, Mexico"): it says a place, not its kind.
  // So is one whose other side is no name: "in Chiapas, Mexico, killing 55" (a comma, then a verb).
  let sides = 0;
  let kind: string | null = null;
  const countries: string[] = [];
  for (const mm of scan.matches) {
    if (mm.to !== before && mm.from !== after) continue;
    sides |= mm.to === before ? 1 : 2;
    if (scan.tokens[mm.from]!.shape === Shape.Lower) continue;
    let top: PackEntity | undefined;
    for (const h of decodedHits(mm)) {
      if (h.short) continue;
      const c = entityAt(index, h.entity);
      if (c.type === 'place' && c.subtype && (!top || prominence(c) > prominence(top))) top = c;
    }
    if (!top) continue;
    const k = placeKind(top.subtype!);
    if (top.country) countries.push(top.country);
    kind = kind !== null && kind !== k ? 'mixed' : k;
  }
  // A list that goes on past the one neighbour to an "and" is a list, not an address ("San Jose, Berkeley, Chicago and …").
  return kind === null ? null : { kind: joined || sides === 3 || (sides === 2 && listGoesOnToJoiner(scan.text, scan.tokens, after)) ? kind : 'place', countries };
}

/** An all-caps short alias inside all-caps text ("THIS IS IT") is not an acronym. */
function shouting(scan: BlockScan, m: RawMatch): boolean {
  // Only words joined by spaces count: "Orbital ATK, NASA" and "MOSCOW (AP)" are not shouting.
  const prev = scan.tokens[m.from - 1], next = scan.tokens[m.to];
  if ((loud(prev) && joinedBySpace(scan, prev!, scan.tokens[m.from]!)) || (loud(next) && joinedBySpace(scan, scan.tokens[m.to - 1]!, next!))) return true;
  // Shouted words cut into one-word sentences ("THIS. IS. WAR."): capitals on both sides (one side
  // is not enough: "talks with the US. NATO said" is two sentences).
  return loud(prev) && loud(next) && sentenceStop(scan, prev!, scan.tokens[m.from]!) && sentenceStop(scan, scan.tokens[m.to - 1]!, next!);
}
/** An all-caps word of three letters or more, as written. */
function loud(t: Token | undefined): boolean {
  return t !== undefined && t.shape === Shape.Upper && t.norm.length >= 3 && t.end - t.start >= 3;
}
/** Only a sentence's final punctuation and spaces between two tokens. */
function sentenceStop(scan: BlockScan, a: Token, b: Token): boolean {
  return /^[.!?]\s+$/.test(scan.text.slice(a.end, b.start));
}

/** Is a one-word place name that is also an ordinary word or given name used as the place here? */
function placeFits(scan: BlockScan, m: RawMatch, e: PackEntity, initial: boolean, support: Map<string, number>): boolean {
  const tokens = scan.tokens;
  const tok = tokens[m.from]!;
  if (tok.shape === Shape.Lower) return false;
  const prev = tokens[m.from - 1];
  const next = tokens[m.to];
  const gapNext = next ? scan.text.slice(tok.end, next.start) : '';
  // Inside an unknown capitalised name: "Michael Jordan", "Chad Smith".
  if (prev && !initial && prev.shape === Shape.Cap && /^\s+$/.test(scan.text.slice(prev.end, tok.start)) && !PLACE_CUES_BEFORE.has(prev.norm)) return false;
  if (next && next.shape === Shape.Cap && /^\s+$/.test(gapNext)) return false;
  const own = support.get(e.country ?? '') ?? 0;
  const cueBefore = prev !== undefined && PLACE_CUES_BEFORE.has(prev.norm);
  let cueAfter = false;
  for (let k = m.to; k < Math.min(tokens.length, m.to + 3); k++) if (PLACE_CUES_AFTER.has(tokens[k]!.norm)) cueAfter = true;
  return own > 0 || cueBefore || cueAfter;
}

/** "A M 6.3 earthquake": single letters with only spaces between are no initials ("A&M", "U.S."
 *  are written with their sign); the matcher reads past the sign, so the text must show it. */
function spacedLetters(scan: BlockScan, m: RawMatch): boolean {
  if (m.to - m.from < 2) return false;
  for (let k = m.from; k < m.to; k++) {
    const t = scan.tokens[k]!;
    if (t.end - t.start !== 1) return false;
    if (k > m.from && !joinedBySpace(scan, scan.tokens[k - 1]!, t)) return false;
  }
  return true;
}

/** A phrase written all in lower case ("full-scale invasion", "war in gaza") is not a name. */
function lowerCaseOnly(scan: BlockScan, m: RawMatch): boolean {
  for (let k = m.from; k < m.to; k++) if (scan.tokens[k]!.shape !== Shape.Lower) return false;
  // An ASCII span (nearly all) answered from its char codes: no capital A–Z, and "9/11" is two
  // tokens of digits around a slash. Others take the regexes below (issue #4, speed).
  const from = scan.tokens[m.from]!.start, to = scan.tokens[m.to - 1]!.end;
  const ascii = asciiCapitals(scan.text, from, to);
  if (ascii === 0) return m.to - m.from === 1 || !digitsSlashDigits(scan.text, from, to);
  if (ascii === 1) return false;
  const span = scan.text.slice(from, to);
  // "9/11": a name written in digits has no case to judge.
  if (m.to - m.from > 1 && /^\d+\/\d+$/.test(span)) return false;
  return !/\p{Lu}/u.test(span);
}

/** text[from, to): 2 if some character is not ASCII, else 1 if it has a capital A–Z, else 0. */
function asciiCapitals(text: string, from: number, to: number): number {
  const charCode = String.prototype.charCodeAt;
  let caps = 0;
  for (let i = from; i < to; i++) {
    const c = charCode.call(text, i);
    if (c >= 128) return 2;
    if (c >= 65 && c <= 90) caps = 1;
  }
  return caps;
}

/** /^\d+\/\d+$/ over text[from, to) without a slice. */
function digitsSlashDigits(text: string, from: number, to: number): boolean {
  const charCode = String.prototype.charCodeAt;
  let i = from;
  while (i < to && charCode.call(text, i) >= 48 && charCode.call(text, i) <= 57) i++;
  if (i === from || i >= to || charCode.call(text, i) !== 47) return false;
  const after = ++i;
  while (i < to && charCode.call(text, i) >= 48 && charCode.call(text, i) <= 57) i++;
  return i === to && i > after;
}

function nameBounds(scan: BlockScan, index: EntityIndex): void {
  const starts = new Set<number>();
  const ends = new Set<number>();
  for (const m of scan.matches) {
    if (m.to - m.from === 1) {
      const t = scan.tokens[m.from]!;
      if (t.shape === Shape.Lower || NEVER_ALONE.has(t.norm)) continue;
    }
    if (!hasFullHit(m)) {
      // A short form of several words ends a known name ("Minister of National Security Itamar
      // Ben-Gvir": the person is no part of an unknown name; the compiler keeps such ordinary phrases short).
      if (m.to - m.from > 1) ends.add(m.to);
      continue;
    }
    starts.add(m.from);
    ends.add(m.to);
  }
  scan.starts = starts;
  scan.ends = ends;
  scan.titleCase = headlineStyle(scan.tokens);
  scan.nameDense = scan.titleCase && lowerCaseWords(scan.tokens, 2) >= 2;
  void index;
}

/**
 * Are at least 70 % of the block's words of 4+ letters (not digits; the first word left aside)
 * capitalised, and at least 3 such words? The count stops once the lower-case words already seen
 * are more than 30 % of all the words the block could still have (in running text, after a few
 * words): the answer can only be no.
 */
export function headlineStyle(tokens: Token[]): boolean {
  let words = 0, caps = 0;
  const n = tokens.length;
  for (let k = 1; k < n; k++) {
    const t = tokens[k]!;
    if (t.end - t.start < 4) continue;
    const c0 = normFirstUnit(t);
    if (c0 >= 48 && c0 <= 57) continue;
    words++;
    if (t.shape !== Shape.Lower) caps++;
    // At most n - 1 - k more words, all capitalised: lower-case ones exceed 30 % of the most
    // words there can be, with a margin of one word against rounding in the test below.
    else if (10 * (words - caps) > 3 * (words + n - 1 - k) + 10) return false;
  }
  return words >= 3 && caps >= words * 0.7;
}

/** "the Food and Drug Administration of the Philippines", "Congress of the Philippines": a national
 *  body's name going on with "of (the) <place>" where no reading of the place is in the body's country
 *  is another country's body (the pack's own, "Supreme Court of the United States", would have been
 *  the longer match).
 *  `to`: the token after the match. */
function ofPlaceAbroad(scan: BlockScan, to: number, e: PackEntity, index: EntityIndex): boolean {
  const tokens = scan.tokens, of = tokens[to];
  if (!e.country || !of || of.norm !== 'of' || of.shape !== Shape.Lower || !joinedBySpace(scan, tokens[to - 1]!, of)) return false;
  let k = to + 1;
  if (tokens[k]?.norm === 'the' && tokens[k]!.shape === Shape.Lower) k++;
  const places = placesAt(scan, k, index);
  // A place of the body's own country ends its name or names a branch the record may stand for
  // ("Environment Agency of England", "People's Liberation Army of Manipur").
  return places.length > 0 && places.every((c) => c.country !== e.country);
}

/** A multi-word organisation's name that no candidate survived ("National Security Council" of
 *  another country, "People's Democratic Party" abroad) still names one body: its words do not fall
 *  back to shorter names ("Security Council", "Democratic Party"). Not an article-led alias ("the
 *  Democrats" of a foreign party leaves "Democrats"), nor a sentence's first words, nor places and events (an edition's "2024
 *  United States presidential election" still mentions the country). */
function rejectedNameHoldsSpan(scan: BlockScan, m: RawMatch, index: EntityIndex): boolean {
  // At a sentence's start a capital says nothing: "Progressive Democrats" may be a description.
  if (scan.tokens[m.from]!.norm === 'the' || sentenceStart(scan, m.from)) return false;
  let full = false;
  for (const h of decodedHits(m)) {
    if (h.short) continue;
    if (entityAt(index, h.entity).type !== 'organization') return false;
    full = true;
  }
  return full;
}

/** Some hit is a full (non-short) form. Read from the packed hits when the match was not decoded
 *  yet: this runs for every match of a block, before the rules decode the ones they look at. */
function hasFullHit(m: RawMatch): boolean {
  const hits = m.decoded;
  if (hits !== undefined) {
    for (let k = 0; k < hits.length; k++) if (!hits[k]!.short) return true;
    return false;
  }
  for (let k = 0; k < m.hits.length; k++) if (!hitShort(m.hits[k]!)) return true;
  return false;
}

/** Is `country` the one the page speaks of most (ties included)? A generically named institution
 *  ("Supreme Court", "National Assembly") is that country's; a page about Korea from an American
 *  outlet mentions the US too, but less. */
function topCountry(support: ReadonlyMap<string, number>, country: string): boolean {
  const own = support.get(country) ?? 0;
  if (own === 0) return false;
  for (const v of support.values()) if (v > own) return false;
  return true;
}

/** Is `country` the one the page speaks of most, with no other as often? */
function soleTopCountry(support: ReadonlyMap<string, number>, country: string): boolean {
  const own = support.get(country) ?? 0;
  for (const [c, v] of support) if (c !== country && v >= own) return false;
  return own > 0;
}

/** Is `country` among the countries the page is mainly about (at least a third of the top one's
 *  support)? `discount`: mentions to leave out of its count (the candidate's own). */
function mainCountry(support: Map<string, number>, country: string, discount = 0): boolean {
  const own = (support.get(country) ?? 0) - discount;
  if (own <= 0) return false;
  let top = 0;
  for (const v of support.values()) if (v > top) top = v;
  return own * 3 >= top;
}

/** Every word of the match is a word many countries' party names share ("Democratic Party"). */
function genericParty(scan: BlockScan, m: RawMatch): boolean {
  for (let k = m.from; k < m.to; k++) if (!GENERIC_PARTY_WORDS.has(scan.tokens[k]!.norm)) return false;
  return true;
}

/** A generically named party is `country`'s when no other country is on the page, or `country` is
 *  among the page's main ones (counted without the party's own mentions). */
function partyCountryFits(support: Map<string, number>, country: string, own: number): boolean {
  // The party's own mentions are left out: they would vouch for themselves.
  return !namesOtherCountry(support, country) || mainCountry(support, country, own);
}

/** Every word of the match is a generic institution word ("House of Representatives"). */
function genericInstitution(scan: BlockScan, m: RawMatch): boolean {
  for (let k = m.from; k < m.to; k++) if (!INSTITUTION_WORDS.has(scan.tokens[k]!.norm)) return false;
  return true;
}

/** "the Senate" as a name: capitalised, after "the", not "the House of Saud". */
function chamberFits(scan: BlockScan, m: RawMatch): boolean {
  const tok = scan.tokens[m.from]!, prev = scan.tokens[m.from - 1], next = scan.tokens[m.to];
  if (tok.shape !== Shape.Cap || !prev || prev.norm !== 'the' || !joinedBySpace(scan, prev, tok)) return false;
  return !(next && next.norm === 'of' && joinedBySpace(scan, tok, next));
}

/** "The Times" / "the Post" in running text, written as a name of its own (not "The Times Union"). */
function addSelfReferences(scan: BlockScan, word: string, publisher: number, out: Map<RawMatch, number>): void {
  const tokens = scan.tokens;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.shape !== Shape.Cap || t.norm !== word) continue;
    const the = tokens[i - 1]!;
    if (the.norm !== 'the' || !joinedBySpace(scan, the, t)) continue;
    const next = tokens[i + 1];
    if (next && next.shape !== Shape.Lower && /^[\s\u00a0-]+$/.test(scan.text.slice(t.end, next.start))) continue;
    const m: RawMatch = { from: i - 1, to: i + 1, hits: [], decoded: [{ entity: publisher, mode: CaseMode.Any, caps: 0, short: false }] };
    let k = 0;
    while (k < scan.matches.length && scan.matches[k]!.from < m.from) k++;
    scan.matches.splice(k, 0, m);
    out.set(m, publisher);
  }
}

/** The US state record named `name` (a region of the US), if the pack has it. */
function usStateNamed(index: EntityIndex, name: string): number | undefined {
  const hits = index.aliases.slots.get(name.toLowerCase())?.hits;
  if (!hits) return undefined;
  for (const p of hits) {
    const i = hitEntity(p), r = entityAt(index, i);
    if (!hitShort(p) && r.type === 'place' && r.subtype === 'region' && r.country === 'US') return i;
  }
  return undefined;
}

/** "Rep. Adam Schiff (D-Calif.)": each party-state tag's abbreviation becomes a match of its state,
 *  in place of whatever the pack matched there ("LA" as Los Angeles). */
function addStateTags(scan: BlockScan, index: EntityIndex, out: Map<RawMatch, number>): void {
  const tags = partyStateTags(scan.text);
  for (const tag of tags) {
    const tokens = scan.tokens;
    let from = 0;
    while (from < tokens.length && tokens[from]!.start < tag.start) from++;
    if (from === tokens.length || tokens[from]!.start !== tag.start) continue;
    let to = from;
    while (to < tokens.length && tokens[to]!.end <= tag.end) to++;
    const state = to > from ? usStateNamed(index, tag.state) : undefined;
    if (state === undefined) continue;
    const m: RawMatch = { from, to, hits: [], decoded: [{ entity: state, mode: CaseMode.Any, caps: 0, short: false }] };
    const kept = scan.matches.filter((x) => x.to <= from || x.from >= to);
    let k = 0;
    while (k < kept.length && kept[k]!.from < from) k++;
    kept.splice(k, 0, m);
    scan.matches = kept;
    out.set(m, state);
  }
}

/** Only spaces, tabs or no-break spaces (at least one) between two tokens. A loop over char
 *  codes, not a slice and a regex: the linker asks this for most capitalised words. */
function joinedBySpace(scan: BlockScan, a: Token, b: Token): boolean {
  if (b.start <= a.end) return false;
  // Through String.prototype (normalize.ts, CHAR_CODE_NOTE): block texts are strings of many kinds.
  const text = scan.text, charCode = String.prototype.charCodeAt;
  for (let i = a.end; i < b.start; i++) {
    const c = charCode.call(text, i);
    if (c !== 32 && c !== 9 && c !== 0xa0) return false;
  }
  return true;
}
/** An adjective of a nation or a people ("Israeli", "Soviet", "Arab"), not of an ocean or a region
 *  ("Pacific" in "Asia-Pacific" is part of a name). */
const PEOPLES = new Set(['soviet', 'arab', 'kurdish', 'european', 'african', 'asian', 'latin', 'irish', 'english', 'scottish', 'welsh']);
const peopleAdjective = (norm: string) => countriesOfDemonym(norm) !== undefined || PEOPLES.has(norm);
/** A nationality/regional adjective before a name ("Russian President", "Israeli"); see DEMONYMS. */
const demonymLike = (norm: string) => DEMONYMS.has(norm) || /(ese|ish|ist)$/.test(norm);

/**
 * Is this match only part of a longer capitalised name that the pack does not know?
 * "Cambridge Analytica", "Florida State", "Miami Beach", "Lower Manhattan", "Bering Sea",
 * "University of California" — the shorter name inside must not link. Titles, demonyms and party
 * words next to a name ("Russian President Vladimir Putin", "Texas Democrats"), a neighbouring name
 * the pack knows ("Virginia Democrat") and headline-style blocks are left alone.
 */
function insideLongerName(scan: BlockScan, m: RawMatch, index: EntityIndex): boolean {
  if (scan.starts === undefined) nameBounds(scan, index);
  // In a headline every word is capitalised: only the signs that do not rest on capitals count.
  // A name written after a lower-case "the" ("from the Rapid Support Forces") is in running text,
  // however many capitals the block has.
  const first = scan.tokens[m.from]!;
  if (arabicNameParticleBefore(scan, m.from)) return true;
  // "^ "Tasman's achievement". New Zealand History. …": a word of the cited work's or publisher's name (citation-fields.ts).
  if ((scan.cites ??= mayCite(scan.text)) && insideCitedWorkName(scan.text, scan.tokens, m.from, m.to)) return true;
  // "The Duke of Edinburgh": a peerage names a person, not Duke University nor the city.
  if (peerageTitle(scan.text, scan.tokens, m.from, m.to)) return true;
  // "King Edward VII's Hospital": a building named after a person (title-case lines too).
  if (possessiveStructureAfter(scan.text, scan.tokens, m.to) && personAmong(m, index)) return true;
  // "Kata'ib Hezbollah": a transliterated word with an inner apostrophe opens a longer name.
  if (apostropheWordBefore(scan.text, scan.tokens, m.from) && !scan.ends!.has(m.from)) return true;
  // "the People's Liberation Army", "The Star-Spangled Banner", "ISIS-K": an article-led name or an
  // organisation going on into another body's name (name-continuations.ts).
  if (articleNameGoesOn(scan, m) || (factionCodeAfter(scan.text, scan.tokens, m.from, m.to, (k) => matchStartsAt(scan, k)) && !personAmong(m, index) && !placeAmong(m, index))) return true;
  // "Maguindanao del Sur", "Davao de Oro": a Romance connector goes on into a longer name (not a
  // person's: "Fernando Dias da Costa" is often the record's own fuller name).
  if (romanceConnectorAfter(scan.text, scan.tokens, m.to) && !personAmong(m, index)) return true;
  // "South East Queensland", "North East England": a compass-only name opening a longer one.
  if (compassBeforeName(scan.text, scan.tokens, m.from, m.to)) return true;
  // "Crown Prince Mohammed bin Zayed": a person's name going on after a particle is another person.
  if (particleNameAfter(scan.text, scan.tokens, m.from, m.to, (k) => sameEntityStartsAt(scan, m, k)) && personAmong(m, index)) return true;
  // "Air Vanuatu cancels…", "at Fort Bragg": a name-forming head word before the name, at a
  // sentence's start too; inside a title-case line only there ("Won't Air Super Bowl Ads": a verb).
  if (nameHeadBefore(scan.text, scan.tokens, m.from) && !scan.ends!.has(m.from) && (!scan.titleCase || sentenceStart(scan, m.from - 1))) return true;
  // A longer name of another type than the record's (longer-names.ts): "Cessna 152", "Tehrik-i-Taliban",
  // "T20 World Cup", "the Liberal Party of Australia", "Notre-Dame de Paris".
  if (longerNameOfOtherType(scan, m, index)) return true;
  // "'He Was On The Right Side Of The Issues'": quoted speech in a headline, not the party.
  if (scan.titleCase && quotedArticlePhrase(scan.text, scan.tokens, m.from, m.to)) return true;
  if (scan.titleCase && !(first.shape === Shape.Lower && first.norm === 'the')) return (givenNameBefore(scan.text, scan.tokens, m.from) && !scan.ends!.has(m.from)) || nameEndsAfter(scan.text, scan.tokens, m.to, (k) => scan.starts!.has(k))
    // A sentence full of names, not a headline: a capitalised word going on from the name still counts.
    || (scan.nameDense! && denseNameGoesOn(scan.text, scan.tokens, m.from, m.to, (k) => scan.starts!.has(k), (k) => matchStartsAt(scan, k), denseTitleWord)
      && !titleRunBeforeName(scan.text, scan.tokens, m.to, isTitleWord, (k) => matchStartsAt(scan, k)));
  // "Louisville Muhammad Ali International Airport", "the Kentucky Derby": a structure or an event named after it.
  if (structureOrEventAfter(scan.text, scan.tokens, m.to, (k) => scan.starts!.has(k))) return true;
  if (structureNounAfterName(scan.text, scan.tokens, m.from, m.to) && (!sentenceStart(scan, m.from - 1) || scan.ends!.has(m.from))) return true;
  const tokens = scan.tokens;
  const next = tokens[m.to];
  // "the Duke and Duchess of Sussex": two titles sharing one "of", not Duke University.
  if (m.to - m.from === 1 && sharedOfAfter(scan.text, tokens, m.from, m.to, (k) => scan.starts!.has(k))) return true;
  // "Bay of Plenty", "Isle of Wight": a one-word name going on with "of <Name>" is part of it; so is a
  // longer name that is no person's ("the Province of Cádiz" is not the newspaper "The Province",
  // "the Democratic Party of Japan" not the US party; "Bernie Sanders of Vermont" stays him).
  if (next && next.norm === 'of' && next.shape === Shape.Lower && joinedBySpace(scan, tokens[m.to - 1]!, next)) {
    const after = tokens[m.to + 1];
    if (after && after.shape === Shape.Cap && joinedBySpace(scan, next, after) && goesOnWithOf(scan, m, index)) return true;
    // "the State of the Union": an article-led name going on with "of the <Name>" is one longer name
    // too (not the newspaper "The State"). Only article-led ones: "Paris of the East", "Putin of the
    // Kremlin" own what follows.
    if (first.norm === 'the' && after && after.norm === 'the' && after.shape === Shape.Lower && joinedBySpace(scan, next, after)) {
      const name = tokens[m.to + 2];
      if (name && name.shape === Shape.Cap && joinedBySpace(scan, after, name) && goesOnWithOf(scan, m, index)) return true;
    }
  }
  // "Georgia O'Keefe", "Paris D'Souza": a first name before an O'/D' surname the pack does not know.
  if (next && next.shape === Shape.Upper && (next.norm === 'o' || next.norm === 'd') && joinedBySpace(scan, tokens[m.to - 1]!, next) && !scan.starts!.has(m.to)) {
    const after = tokens[m.to + 1];
    if (after && after.shape === Shape.Cap && /^['\u2019]$/.test(scan.text.slice(next.end, after.start))) return true;
  }
  if (numberedLongerName(scan.text, tokens, m.to) || dashCompoundName(scan.text, tokens, m.to, endsAName)) return true;
  // "the Indianapolis 500": a race named after its place.
  if (numberedEventAfter(scan.text, tokens, m.to) && placeAmong(m, index)) return true;
  // "Silk Road 2.0", "Web 3.0": a numbered successor is another thing than the name it extends.
  const lastEnd = tokens[m.to - 1]!.end, digitAfter = scan.text.charCodeAt(lastEnd + 1);
  if (next && scan.text.charCodeAt(lastEnd) === 32 && digitAfter >= 48 && digitAfter <= 57 && /^ \d+\.0(?![\d.]?\d)/.test(scan.text.slice(lastEnd, lastEnd + 8))) return true;
  // "NVIDIA GTX 1080", "Intel Core": a product line going on from the company's name.
  if (next && next.shape === Shape.Upper && next.end - next.start >= 2 && !CAP_OK_AFTER.has(next.norm) && !EXECUTIVE_TITLES.has(next.norm) && joinedBySpace(scan, tokens[m.to - 1]!, next) && !scan.starts!.has(m.to)) return true;
  // "the Oklahoma Supreme Court", "the Arizona Republican Party": a state's (a region's) own body, named
  // by a generic body's name, is one span (the gold's "U.S. Senate"): neither the state nor the
  // nation's body of that name links.
  if (next && next.shape === Shape.Cap && scan.starts!.has(m.to) && joinedBySpace(scan, tokens[m.to - 1]!, next)) {
    const end = regionBodyAfter(scan, m, index);
    if (end) {
      otherType.scan = scan;
      otherType.from = m.from;
      otherType.to = end;
      return true;
    }
  }
  if (next && next.shape === Shape.Cap && joinedBySpace(scan, tokens[m.to - 1]!, next) && (!scan.starts!.has(m.to) || genericBodyAt(scan, m.to, m, index)) && !hyphenatedTitleAfter(scan.text, tokens, m.to, isTitleWord) && !titleRunBeforeName(scan.text, tokens, m.to, isTitleWord, (k) => scan.starts!.has(k))) {
    if (!CAP_OK_AFTER.has(next.norm)) return true;
    // A title word that goes on into an organisation's name: "U.N. General Assembly", "EU Foreign
    // Affairs Council", "Army Chief of Staff" is not "the UN" followed by a title.
    const after = tokens[m.to + 1];
    if (after && after.shape === Shape.Cap && ORG_NOUNS.has(after.norm) && joinedBySpace(scan, next, after)) return true;
  }
  const prev = tokens[m.from - 1];
  if (!prev) return false;
  if (prev.shape === Shape.Cap && joinedBySpace(scan, prev, first) && !sentenceStart(scan, m.from - 1) && !CAP_OK_BEFORE.has(prev.norm) && !demonymLike(prev.norm) && !scan.ends!.has(m.from)) return true;
  // "SF Bay area", "NYC Pride": initials the pack does not know, written before a one-word name, are
  // the first part of a longer name (a known acronym before it, "US Senate", ends a name and passes).
  if (m.to - m.from === 1 && prev.shape === Shape.Upper && prev.end - prev.start >= 2 && first.shape === Shape.Cap && joinedBySpace(scan, prev, first) && !scan.ends!.has(m.from) && !HONORIFICS.has(prev.norm)) return true;
  // "University of California, San Diego": a campus named after its city, after a comma.
  if (prev.shape === Shape.Cap && /^,[ \u00a0]$/.test(scan.text.slice(prev.end, first.start))) {
    const of = tokens[m.from - 2], head = tokens[m.from - 3];
    if (of && head && of.norm === 'of' && CAMPUS_NOUNS.has(head.norm) && head.shape === Shape.Cap) return true;
  }
  // "U.S. Embassy in Tunis", "Consulate in Istanbul": the place is part of the mission's name.
  if (prev.norm === 'in' && prev.shape === Shape.Lower && joinedBySpace(scan, prev, first)) {
    const head = tokens[m.from - 2];
    if (head && head.shape === Shape.Cap && SEAT_NOUNS.has(head.norm) && joinedBySpace(scan, head, prev)) return true;
  }
  // "Infectious Diseases Society of America", "University of California", "Hermetic Order of the
  // Golden Dawn", and the same shape in Romance languages ("Universidad de Lisboa", "Partido de los
  // Trabajadores del Kurdistán"): Name of (the) <match> is one longer name.
  return afterNameConnector(scan, m, index);
}

/** "the People's Liberation Army", "The Star-Spangled Banner", "the Left-Green Movement": a name
 *  that begins with the article, going on after a possessive into a body's name or after a hyphen
 *  into a word that starts no known name. */
function articleNameGoesOn(scan: BlockScan, m: RawMatch): boolean {
  if (scan.tokens[m.from]!.norm !== 'the' || m.to - m.from < 2) return false;
  return articleNamePossessive(scan.text, scan.tokens, m.from, m.to) || articleNameForAfter(scan.text, scan.tokens, m.from, m.to) || dashJoinedToUnknown(scan.text, scan.tokens, m.to, (k) => matchStartsAt(scan, k), peopleAdjective);
}

/** Is the match (rejected as the end of a longer name) a place's full name written without a comma
 *  ("Democratic Republic of the Congo", not the address "Palermo, Italy")? */
function placeEndsLongerName(scan: BlockScan, m: RawMatch, index: EntityIndex): boolean {
  if (!afterNameConnector(scan, m) || !placeAmong(m, index)) return false;
  for (let k = m.from + 1; k < m.to; k++) if (scan.text.charCodeAt(scan.tokens[k - 1]!.end) === 44) return false;
  return true;
}

/** Capitalised words before a surname that leave it the person's: titles, party words, conjunctions, demonyms. */
const ordinaryBeforeSurname = (norm: string) => CAP_OK_BEFORE.has(norm) || ordinaryTitleBeforeSurname(norm) || NEVER_ALONE.has(norm);
/** The same but the English words never linked alone ("said", "will"): a name written with marks
 *  that fold away ("Saïd Bouteflika") is not that English word. */
const ordinaryTitleBeforeSurname = (norm: string) => CAP_OK_BEFORE.has(norm) || denseTitleWord(norm) || demonymLike(norm);

/** Is the one-word match a surname form of person `chosen` (not their one-word name) written after
 *  another given name ("Hunter Biden")? See namesakes.ts otherGivenNameBefore. */
function relativeOfPerson(scan: BlockScan, m: RawMatch, index: EntityIndex, chosen: number, introduced: boolean): boolean {
  const key = nameKeyAt(index, chosen);
  if (key === scan.tokens[m.from]!.norm || m.from === 0) return false;
  const ordinary = writtenWithMarks(scan.text, scan.tokens[m.from - 1]!) ? ordinaryTitleBeforeSurname : ordinaryBeforeSurname;
  return otherGivenNameBefore(scan.text, scan.tokens, m.from, key.split(' '), ordinary, (n) => COMMON_GIVEN_NAMES.has(n), sentenceStart(scan, m.from - 1), scan.titleCase === true, introduced);
}

/** Is the one-word match person `chosen`'s own one-word name, written inside a longer name? */
function mononymInsideName(scan: BlockScan, m: RawMatch, index: EntityIndex, chosen: number): boolean {
  if (nameKeyAt(index, chosen) !== scan.tokens[m.from]!.norm) return false;
  return initialAfter(scan.text, scan.tokens, m.to) || (!scan.titleCase && middleOfRun(scan.text, scan.tokens, m.from, m.to, ordinaryBeforeSurname));
}

/** May the match be the head of "<match> of <Name>"? Not a country or a capital ("Paris of the
 *  East" is a figure of speech), nor, for a longer match, a person's name. One-word matches keep the
 *  older rule: only their first candidate is looked at. A longer match stays itself before a place of
 *  its own country ("People's Liberation Army of Manipur"), unless the article is part of the match
 *  ("the State of West Virginia" is not the newspaper "The State"). */
/** Place subtypes below a country: a national body's name going on with "of" one of these is a
 *  state's or a city's body ("the Supreme Court of Alabama", "the Democratic Party of Virginia"). */
const SUBNATIONAL = new Set(['region', 'city']);

function goesOnWithOf(scan: BlockScan, m: RawMatch, index: EntityIndex): boolean {
  const hits = decodedHits(m);
  if (m.to - m.from === 1) {
    const sub = hits[0] === undefined ? undefined : entityAt(index, hits[0].entity).subtype;
    return sub !== 'country' && sub !== 'capital';
  }
  const countries: string[] = [];
  for (const h of hits) {
    const e = entityAt(index, h.entity);
    if (e.type === 'person' || e.subtype === 'country' || e.subtype === 'capital') return false;
    if (e.country) countries.push(e.country);
  }
  if (scan.tokens[m.from]!.norm === 'the') return true;
  // "U.S. House of Representatives" (a form the pack lacks): after "of" no name the pack knows,
  // unless a people's name ("Democratic Alliance of Hungarians in Romania").
  const after = scan.tokens[m.to + 1]!.norm;
  if (!scan.starts!.has(m.to + 1) && !(after.endsWith('s') && peopleAdjective(after.slice(0, -1)))) return false;
  if (countries.length === 0) return true;
  // Whether the body's name is generic, read once and only when a place of its country follows.
  let generic: boolean | undefined;
  for (const mm of scan.matches) {
    if (mm.from !== m.to + 1) continue;
    for (const h of decodedHits(mm)) {
      const p = entityAt(index, h.entity);
      // "the Supreme Court of the United States" is the body; "the Supreme Court of Alabama" a
      // state's own (a generically named body "of" a region or a city of its country: another body,
      // one longer name). A body with a name of its own stays ("People's Liberation Army of Manipur").
      if (!h.short && p.type === 'place' && p.country && countries.includes(p.country) && !(SUBNATIONAL.has(p.subtype ?? '') && (generic ??= genericInstitution(scan, m)))) return false;
    }
  }
  return true;
}

/** "Miss Universe", "Miss Indonesia": a place after a capitalised "Miss" names a pageant or its winner. */
function pageantTitle(scan: BlockScan, m: RawMatch): boolean {
  const prev = scan.tokens[m.from - 1];
  return !!prev && prev.norm === 'miss' && prev.shape === Shape.Cap && joinedBySpace(scan, prev, scan.tokens[m.from]!);
}

/**
 * Is `second`, linked right after `first` with only a space between, rather the second word of a
 * longer name ("Kentucky Derby", "Hyundai Tucson", "Trump Tower Belgrade")? So when it is a place
 * of another country than `first` and less prominent, or an organisation without a country after
 * a place ("Davao Occidental"). Countries ("Israel Hamas War", "Russia Ukraine talks" in headlines), people and
 * sports clubs named after their city ("Brisbane Lions") are left alone.
 */
function secondWordOfName(first: PackEntity, second: PackEntity): boolean {
  if (first.type === 'person' || second.type === 'person' || first.subtype === 'country' || second.subtype === 'country' || second.subtype === 'sports_club') return false;
  // Two bodies side by side are more often two names ("Apple Nintendo" after a photo credit).
  // Only a lesser name: after a false first link ("South East" for "South East Queensland") the
  // second is the real one.
  if (second.type === 'place') return !!first.country && !!second.country && first.country !== second.country && prominence(second) < prominence(first);
  if (second.type !== 'organization' || second.country) return false;
  // "Gazprom Germania": a lesser country-less body after a company of a country is its branch's name.
  return first.type === 'place' || (first.type === 'organization' && !!first.country && prominence(second) < prominence(first));
}

/** "Mohammed Ali al-Houthi", "Hamza bin Laden": after a capitalised name and a lower-case particle,
 *  a name is the rest of a person's name (the movement or family named the same is another referent). */
function arabicNameParticleBefore(scan: BlockScan, from: number): boolean {
  const particle = scan.tokens[from - 1], given = scan.tokens[from - 2];
  if (!particle || !given || particle.shape !== Shape.Lower || !NAME_PARTICLES.has(particle.norm) || given.shape !== Shape.Cap) return false;
  if (!/^[-\u2010\u2011 ]$/.test(scan.text.slice(particle.end, scan.tokens[from]!.start))) return false;
  return joinedBySpace(scan, given, particle);
}

/** Two or more capitals and no digit ("PGA", not "A1"): initials, capitalised at any place in a sentence. */
function initials(t: Token): boolean {
  return t.shape === Shape.Upper && t.end - t.start >= 2 && !/\d/.test(t.norm);
}

/** The match ends a longer name after a connector: "Society of America", "Order of the Golden Dawn".
 *  A known name before "of" stops the rule ("… the Golden Dawn of …"), except a generic institution's
 *  ("Supreme Court of India", "Central Bank of Nigeria" are one name, not the court and the country).
 *  With `index`, a state's formal head ("State of") leaves only a place standing (STATE_FORMS). */
function afterNameConnector(scan: BlockScan, m: RawMatch, index?: EntityIndex): boolean {
  const tokens = scan.tokens;
  const prev = tokens[m.from - 1], first = tokens[m.from]!;
  if (!prev) return false;
  let conn = m.from - 1;
  if (NAME_ARTICLES.has(prev.norm) && prev.shape === Shape.Lower && joinedBySpace(scan, prev, first)) conn--;
  const of = tokens[conn];
  if (of && NAME_CONNECTORS.has(of.norm) && of.shape === Shape.Lower && joinedBySpace(scan, of, tokens[conn + 1]!)) {
    const k = conn - 1;
    const head = tokens[k];
    // The head may be initials: "PGA of America", "NAACP of Virginia".
    if (head && (head.shape === Shape.Cap || initials(head)) && joinedBySpace(scan, head, of) && (head.shape === Shape.Upper || !sentenceStart(scan, k)) && (!CAP_OK_BEFORE_OF.has(head.norm) || (index !== undefined && STATE_FORMS.has(head.norm) && !placeAmong(m, index))) && (!scan.ends!.has(k + 1) || INSTITUTION_WORDS.has(head.norm))) return true;
  }
  return false;
}

/** Heads of a state's formal name ("State of Israel", "Kingdom of Saudi Arabia"): what follows "of"
 *  stands alone only when it is a place; "the State of the Union" is not the newspaper "The Union". */
const STATE_FORMS = new Set(['state', 'republic', 'republica', 'republique', 'repubblica', 'kingdom', 'reino', 'royaume', 'emirate', 'commonwealth']);

/** Does a match that is only a company's name start at token k ("Oxford-AstraZeneca")? Matches come ordered by their first token. */
function onlyCompaniesAt(scan: BlockScan, k: number, index: EntityIndex): boolean {
  for (const q of scan.matches) {
    if (q.from > k) break;
    if (q.from === k && decodedHits(q).every((h) => entityAt(index, h.entity).subtype === 'company')) return true;
  }
  return false;
}

/** Does any match (a full name or a bare surname) start at token k? Matches come ordered by their first token. */
function matchStartsAt(scan: BlockScan, k: number): boolean {
  for (const q of scan.matches) {
    if (q.from === k) return true;
    if (q.from > k) return false;
  }
  return false;
}

/** Does a generic body's name ("Air Force", "Workers' Party") of another country than the match's
 *  start at token k (name-continuations.ts)? A body of the same country ("United States Supreme
 *  Court", "Texas House of Representatives") is the place's own, which the linker handles already. */
function genericBodyAt(scan: BlockScan, k: number, m: RawMatch, index: EntityIndex): boolean {
  for (const q of scan.matches) {
    // Matches come ordered by their first token.
    if (q.from > k) break;
    if (q.from !== k || !genericBodyName(scan.tokens, q.from, q.to)) continue;
    const own = decodedHits(m);
    for (const h of decodedHits(q)) {
      const c = entityAt(index, h.entity).country;
      if (c && own.some((o) => entityAt(index, o.entity).country === c)) return false;
    }
    return true;
  }
  return false;
}

/** The end of a generic body's name ("Supreme Court", "House of Representatives", "Republican
 *  Party") starting right after match m when every reading of m is a region (a state, a province,
 *  a county), else 0. */
function regionBodyAfter(scan: BlockScan, m: RawMatch, index: EntityIndex): number {
  // The quick no first: a generic body's name has two generic words or more, so its first two are.
  if (m.to + 2 > scan.tokens.length || !(genericBodyName(scan.tokens, m.to, m.to + 2) || (bodyWord(scan.tokens[m.to]!.norm) && bodyWord(scan.tokens[m.to + 1]!.norm)))) return 0;
  for (const o of decodedHits(m)) if (entityAt(index, o.entity).subtype !== 'region') return 0;
  for (const q of scan.matches) {
    if (q.from > m.to) break;
    if (q.from === m.to && genericBodyName(scan.tokens, q.from, q.to)) return q.to;
    // Or a name of the words bodies' names are made of ("the Texas National Guard": generic-bodies.ts):
    // only the state is inside it; the nation's body of that name may still link (audit 11 judged it right).
    if (q.from === m.to && ordinaryBodyName(scan.tokens, q.from, q.to)) return m.to;
  }
  return 0;
}

/** Is one of the match's candidates a person? */
function personAmong(m: RawMatch, index: EntityIndex): boolean {
  for (const h of decodedHits(m)) if (entityAt(index, h.entity).type === 'person') return true;
  return false;
}

/** Does a match starting at token k share a candidate with match m ("… Mohammed" + "bin Salman")? */
function sameEntityStartsAt(scan: BlockScan, m: RawMatch, k: number): boolean {
  const hits = decodedHits(m);
  for (const q of scan.matches) {
    if (q.from !== k) continue;
    for (const h of decodedHits(q)) if (hits.some((x) => x.entity === h.entity)) return true;
  }
  return false;
}

/** The records of a match's full (non-short) candidates. */
function fullEntities(hits: AliasHit[], index: EntityIndex): PackEntity[] {
  const out: PackEntity[] = [];
  for (const h of hits) if (!h.short) out.push(entityAt(index, h.entity));
  return out;
}

/** Initials written with their dots ("D.C."): the form places are written in, not companies ("DC"). */
function dotted(scan: BlockScan, m: RawMatch): boolean {
  const t = scan.tokens[m.from]!;
  return scan.text.slice(t.start, Math.min(scan.text.length, t.end + 1)).includes('.');
}

/** Is one of the match's full candidates something other than a place ("AP": the agency)? */
function nonPlaceAmong(m: RawMatch, index: EntityIndex): boolean {
  for (const h of decodedHits(m)) if (!h.short && entityAt(index, h.entity).type !== 'place') return true;
  return false;
}

/** Is any of the match's candidates of this type? */
function typeAmong(m: RawMatch, index: EntityIndex, type: PackEntity['type']): boolean {
  for (const h of decodedHits(m)) if (entityAt(index, h.entity).type === type) return true;
  return false;
}

/** Do the words around the match make a longer name that cannot be the record's type? A product's
 *  code after an organisation, a competition's qualifier before an event, a body's noun and "of"
 *  (or a Romance connector) before a place; a hyphenated chain before any name. */
/** The last match dropped as part of a longer name of another type, and its block: the shorter
 *  names inside it ("Kansas" of "Kansas City Star") are inside that name too. Kept here, not on the
 *  block's scan: a field added to some scans only would give the hot loop's scans two shapes. */
const otherType: { scan: BlockScan | undefined; from: number; to: number } = { scan: undefined, from: 0, to: 0 };

function longerNameOfOtherType(scan: BlockScan, m: RawMatch, index: EntityIndex): boolean {
  const to = otherTypeAround(scan, m, index);
  if (to === 0) return false;
  otherType.scan = scan;
  otherType.from = m.from;
  otherType.to = to;
  return true;
}

/** "construction of Trump Tower Belgrade": a landmark's name (a building, a bridge, a river) and,
 *  one space after it, a settlement's or a country's is one structure's name in that place (another
 *  than the landmark the pack holds); neither links. The end of that name's last match, else 0. */
function placeAfterLandmark(scan: BlockScan, m: RawMatch, index: EntityIndex): number {
  // A name of two words or more, every reading a landmark ("An", "Key", "Strong" are words that
  // happen to name one: "An Idaho man", "Key Rhode Island House Race").
  if (m.to - m.from < 2 || !scan.starts!.has(m.to) || !spaceBetween(scan.text, scan.tokens[m.to - 1]!, scan.tokens[m.to]!)) return 0;
  for (const h of decodedHits(m)) if (entityAt(index, h.entity).subtype !== 'landmark') return 0;
  for (const q of scan.matches) {
    if (q.from > m.to) break;
    if (q.from === m.to && decodedHits(q).some((h) => SETTLEMENTS.has(entityAt(index, h.entity).subtype ?? ''))) return q.to;
  }
  return 0;
}
const SETTLEMENTS = new Set(['city', 'capital', 'country', 'region']);

function otherTypeAround(scan: BlockScan, m: RawMatch, index: EntityIndex): number {
  const { text, tokens } = scan;
  // The gate first (issue #8): most matches have none of the words around them, and reading the
  // neighbouring characters costs less than the checks (longer-names.ts). Then the words, the
  // record's type after. The end of the longer name's matches, else 0.
  const before = longerNameCueBefore(text, tokens, m.from, m.to), after = longerNameCueAfter(text, tokens, m.to);
  if (!before && !after) return 0;
  if (before && hyphenChainBefore(text, tokens, m.from)) return m.to;
  // A person's surname alone does not stop it ("Boeing 737": William Boeing's "Boeing"); a full name does.
  if (after && (productCodeAfter(text, tokens, m.to) || youthCompetitionAfter(text, tokens, m.to)) && typeAmong(m, index, 'organization') && !fullPersonAmong(m, index) && !placeAmong(m, index)) return m.to;
  if (before && otherCompetitionBefore(text, tokens, m.from, m.to) && typeAmong(m, index, 'event')) return m.to;
  // "the Republican National Committee", "Agency for Food and Drug Administration", "E. Jean Carroll": a body's generic name or a person's name ending a longer one (generic-bodies.ts).
  if (before && ((typeAmong(m, index, 'organization') && (headForBeforeBody(text, tokens, m.from, m.to) || (!(scan.titleCase ??= headlineStyle(tokens)) && modifierBeforeBody(text, tokens, m.from, m.to, () => decodedHits(m).map((h) => entityAt(index, h.entity).country), (c) => scan.matches.some((q) => q.to === m.from && decodedHits(q).some((h) => entityAt(index, h.entity).country === c)))))) || (initialBeforeName(text, tokens, m.from) && fullPersonAmong(m, index)))) return m.to;
  // "Cambridge University Press": the publisher, not the university; "Proceedings of the National
  // Academy of Sciences": a reference work's name, not the body (longer-names.ts).
  if (((after && pressAfterUniversity(text, tokens, m.to)) || (before && bodyNounOfBefore(text, tokens, m.from, REFERENCE_WORK_NOUNS))) && typeAmong(m, index, 'organization')) return m.to;
  // A person's name there is another person's or no one's ("the Church of Jesus Christ").
  if (((before && (bodyNounOfBefore(text, tokens, m.from) || romanceConnectorBefore(text, tokens, m.from))) || (after && newspaperNounAfter(text, tokens, m.to))) && placeAmong(m, index)) return m.to;
  return after ? placeAfterLandmark(scan, m, index) : 0;
}

function fullPersonAmong(m: RawMatch, index: EntityIndex): boolean {
  for (const h of decodedHits(m)) if (!h.short && entityAt(index, h.entity).type === 'person') return true;
  return false;
}

/** Is one of the match's full readings a place of no one country (a continent, an ocean)? */
function countrylessPlaceAmong(hits: readonly AliasHit[], index: EntityIndex): boolean {
  for (const h of hits) if (!h.short && entityAt(index, h.entity).type === 'place' && !entityAt(index, h.entity).country) return true;
  return false;
}

function placeAmong(m: RawMatch, index: EntityIndex): boolean {
  for (const h of decodedHits(m)) if (entityAt(index, h.entity).type === 'place') return true;
  return false;
}


/** A name written as two or three capitals ("AP", "ABC", "EPA"): short initialisms stand for
 *  many things, longer ones ("NASA", "ACLU") far fewer. */
function isAcronym(scan: BlockScan, m: RawMatch): boolean {
  if (m.to - m.from !== 1) return false;
  const t = scan.tokens[m.from]!;
  return t.shape === Shape.Upper && t.norm.length >= 2 && t.norm.length <= 3 && !/\d/.test(t.norm);
}

/** Photo credits and datelines name news agencies by their initials: "(AP)", "AP Photo", "Getty/AFP". */
function creditCue(scan: BlockScan, m: RawMatch): boolean {
  const t = scan.tokens[m.from]!;
  const before = scan.text.slice(Math.max(0, t.start - 2), t.start);
  const after = scan.text.slice(t.end, t.end + 7);
  return /[(/]\s?$/.test(before) || /^\s?[)/]/.test(after) || /^\s(Photo|photo|PHOTO)\b/.test(after);
}

/**
 * An organisation's acronym reading fits the page when the entity has no country (UN, EU), was
 * spelled out on the page, is the publisher, stands in a credit, or belongs to a country the page
 * is mainly about — counting the page's evidence without this entity's own mentions. "ABC" on an
 * Australian page is not the American network; "AP" needs a US story or a credit.
 */
function acronymFits(scan: BlockScan, m: RawMatch, entity: number, e: PackEntity, page: PageEvidence): boolean {
  // No country to check against: a well-known body (UN, EU, WHO, CNN) reads so anywhere; a lesser
  // one ("RTL" in a chip-design tutorial) only when spelled out, the publisher or in a credit.
  if (!e.country) return prominence(e) >= MINOR_ACRONYM_PROMINENCE || page.spelled.has(entity) || page.publisher === entity || (e.subtype === 'media' && creditCue(scan, m));
  if (page.spelled.has(entity) || page.publisher === entity) return true;
  if (e.type === 'organization' && e.subtype === 'media' && creditCue(scan, m)) return true;
  const mine = page.own.get(entity) ?? 0;
  let any = false;
  for (const [c, v] of page.support) if (v - (c === e.country ? mine : 0) > 0) { any = true; break; }
  // A party's initials ("CSS", "UDI") name it only in its country's politics: the page must speak of that country.
  if (e.subtype === 'political_party') return namesCountry(page.support, e.country, mine);
  // No country evidence besides the acronym itself: nothing contradicts the reading.
  if (!any) return true;
  return mainCountry(page.support, e.country, mine);
}

/** A country's three-letter initials ("the DRC") fit after "the" or when the page backs the country. */
function countryInitialsFit(scan: BlockScan, m: RawMatch, entity: number, e: PackEntity, page: PageEvidence): boolean {
  const prev = scan.tokens[m.from - 1];
  if (prev && prev.norm === 'the' && joinedBySpace(scan, prev, scan.tokens[m.from]!)) return true;
  if (page.spelled.has(entity) || !e.country) return true;
  return namesCountry(page.support, e.country, page.own.get(entity) ?? 0);
}

/**
 * A one-word city that is neither a capital nor a big city ("Batman" in Turkey, "Epsom") is that
 * place only on a page that mentions its country otherwise; on a page about elsewhere the word is
 * more likely a person, a character or a title.
 */
function minorPlaceFits(scan: BlockScan, m: RawMatch, entity: number, e: PackEntity, page: PageEvidence): boolean {
  if (e.subtype !== 'city' || !e.country || (e.population ?? 0) >= 1_000_000 || page.spelled.has(entity) && (page.own.get(entity) ?? 0) === 0) return true;
  const mine = (page.support.get(e.country) ?? 0) - (page.own.get(entity) ?? 0);
  if (mine > 0) return true;
  let top = 0;
  for (const [c, v] of page.support) if (c !== e.country && v > top) top = v;
  void scan;
  return top < 2;
}

/** The country written just before an organisation's name: "South Korea's Supreme Court", "Japan Democratic Party". */
function countryBefore(scan: BlockScan, m: RawMatch, index: EntityIndex): string | undefined {
  const tokens = scan.tokens;
  let end = m.from;
  const prev = tokens[end - 1];
  if (!prev) return undefined;
  if (apostropheS(scan.text, tokens, end - 1)) end -= 1;
  else if (!joinedBySpace(scan, prev, tokens[m.from]!)) return undefined;
  return countryEndingAt(scan, end, index);
}

/** The country (code) of a country's full-name match ending right before token `end`. */
function countryEndingAt(scan: BlockScan, end: number, index: EntityIndex): string | undefined {
  for (const q of scan.matches) {
    if (q.to !== end || q.from >= end) continue;
    for (const h of decodedHits(q)) {
      const c = entityAt(index, h.entity);
      if (c.type === 'place' && c.subtype === 'country' && c.country && !h.short) return c.country;
    }
  }
  return undefined;
}

/** Country codes of national domains ("bbc.co.uk", "abc.net.au"); generic ones (.com, .org) say nothing. */
const DOMAIN_COUNTRY: Record<string, string> = {
  uk: 'GB', au: 'AU', nz: 'NZ', ca: 'CA', ie: 'IE', in: 'IN', za: 'ZA', kr: 'KR', jp: 'JP', de: 'DE', fr: 'FR',
  it: 'IT', es: 'ES', nl: 'NL', sg: 'SG', ph: 'PH', pk: 'PK', ng: 'NG', ke: 'KE', il: 'IL', ru: 'RU', ua: 'UA', br: 'BR', mx: 'MX',
};

/** The site's own country: the publisher record's, else the national domain's. */
function pageCountry(index: EntityIndex, publisher: number | undefined, url: string | null | undefined): string | undefined {
  if (url) {
    try {
      const tld = new URL(url).hostname.split('.').pop() ?? '';
      const c = DOMAIN_COUNTRY[tld];
      if (c) return c;
    } catch { /* not a URL */ }
  }
  return publisher === undefined ? undefined : entityAt(index, publisher).country;
}

/** Institutions whose campuses are named "<Noun> of <State>, <City>". */
const CAMPUS_NOUNS = new Set(['university', 'college', 'institute', 'school']);
/** "of" and its Romance equivalents inside a name ("Universidad de Lisboa", "Banque du Liban"). */
const NAME_CONNECTORS = new Set(['of', 'de', 'del', 'della', 'di', 'du', 'des', 'da', 'do', 'dos', 'das']);
/** Articles that may stand between the connector and the name ("Order of the Golden Dawn", "de los"). */
const NAME_ARTICLES = new Set(['the', 'la', 'las', 'los', 'le', 'les', 'el', 'il', 'lo']);

/** Officers' titles written in capitals after a company's name ("Facebook CEO Mark Zuckerberg"),
 *  and legislators' after a party's ("Labour Party MP Imran Hussain", "EPP MEPs"). */
const EXECUTIVE_TITLES = new Set(['ceo', 'cfo', 'coo', 'cto', 'cmo', 'cio', 'evp', 'svp', 'vp', 'md', 'gm', 'mp', 'mps', 'mep', 'meps', 'msp', 'msps', 'mla', 'mlas', 'mpp', 'mpps']);
const isTitleWord = (norm: string) => HONORIFICS.has(norm) || EXECUTIVE_TITLES.has(norm);
/** Words after a name that begin a title in a sentence full of names ("CIA Director", "New York Lieutenant Governor"). */
const denseTitleWord = (norm: string) => CAP_OK_AFTER.has(norm) || CAP_OK_BEFORE.has(norm) || isTitleWord(norm) || norm === 'lieutenant' || norm === 'special';

/** Nouns that make the capitalised word before them the title of a work. */
const WORK_NOUNS = new Set(['musical', 'musicals', 'film', 'films', 'movie', 'movies', 'series', 'franchise', 'sequel', 'trilogy', 'novel', 'novels', 'album', 'soundtrack', 'comic', 'comics', 'cartoon', 'sitcom', 'miniseries', 'videogame']);

/** "the <Name> musical": the name is followed by a work noun and preceded by "the" or a possessive. */
function titleOfWork(scan: BlockScan, m: RawMatch): boolean {
  const next = scan.tokens[m.to];
  if (!next || !WORK_NOUNS.has(next.norm) || !joinedBySpace(scan, scan.tokens[m.to - 1]!, next)) return false;
  const prev = scan.tokens[m.from - 1];
  return prev !== undefined && (prev.norm === 'the' || prev.norm === 's' || prev.norm === 'a' || prev.norm === 'new');
}

/**
 * Is city `e` a small namesake of a much bigger place among the candidates (5× its population,
 * and at least half a million) with none of its own region ("Melbourne, Florida") on the page?
 */
function overshadowed(index: EntityIndex, hits: AliasHit[], e: PackEntity, page: PageEvidence): boolean {
  const mine = e.population ?? 0;
  let bigger = 0;
  for (const h of hits) {
    const c = entityAt(index, h.entity);
    if (c !== e && c.type === 'place' && (c.population ?? 0) > bigger) bigger = c.population!;
  }
  if (bigger < 500_000 || bigger < 5 * mine) return false;
  const prefix = `${e.name}, `;
  for (const a of e.aliases ?? []) {
    if (a.startsWith(prefix) && page.written(a.slice(prefix.length))) return false;
  }
  return true;
}

/** "NetLog", "McCain", "YouTube": a capitalised word with a capital after its first letter. */
function innerCapitals(scan: BlockScan, tok: Token): boolean {
  if (tok.shape !== Shape.Cap) return false;
  // ASCII words (nearly all) answered from the char codes: a capital A–Z after the first letter.
  // A word with any other character takes the general test below. No slice and lower-casing per
  // one-word match (issue #4, speed).
  const text = scan.text, charCode = String.prototype.charCodeAt;
  let ascii = true, inner = false;
  for (let i = tok.start + 1; i < tok.end; i++) {
    const c = charCode.call(text, i);
    if (c >= 128) { ascii = false; break; }
    if (c >= 65 && c <= 90) inner = true;
  }
  if (ascii) return inner;
  const w = text.slice(tok.start + 1, tok.end);
  return w !== w.toLowerCase();
}

/** Does the entity's name, an alias or a short form contain `word` with this exact casing? */
function writtenAs(e: PackEntity, word: string): boolean {
  if (e.name.includes(word)) return true;
  for (const a of e.aliases ?? []) if (a.includes(word)) return true;
  for (const a of e.shortNames ?? []) if (a.includes(word)) return true;
  return false;
}
