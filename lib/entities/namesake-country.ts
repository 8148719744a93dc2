/**
 * Namesakes of another country or state than the one the item names. A name the pack holds for
 * several referents ("AP", "Buffalo") is often written for a referent the pack lacks;
 * the item's own cues (the countries it names, the state written after a city) say the record in
 * hand is a namesake, and then no link is better than a wrong one. Pure functions over the page's
 * country support (link.ts pass 1: country code → mentions) and the records in question.
 */
import type { PackEntity } from '../dataset/schema';
import { GENERIC_PARTY_WORDS, INSTITUTION_WORDS } from './ambiguity';

/** Does the page name `country` besides the candidate's own `own` mentions? */
export function namesCountry(support: ReadonlyMap<string, number>, country: string, own: number): boolean {
  return (support.get(country) ?? 0) - own > 0;
}

/** Does the page name some country other than `country`? */
export function namesOtherCountry(support: ReadonlyMap<string, number>, country: string): boolean {
  for (const [c, v] of support) if (c !== country && v > 0) return true;
  return false;
}

/**
 * "AP", "UP", "KP": a state or city written as two or three capitals that also stand for another
 * kind of thing (the agency AP) is not that place on a page
 * that names other countries but not its own: "(AP)" in a Venezuela item is no Andhra Pradesh
 * (whose "A.P." the matcher reads as "AP"). A page naming no country leaves it standing ("NYC
 * Teachers"). Countries keep their initials ("US", "UK"; link.ts judges three-letter ones).
 * `own`: the candidate's own anchor mentions.
 */
export function initialismPlaceFits(e: PackEntity, support: ReadonlyMap<string, number>, own: number): boolean {
  if (e.type !== 'place' || e.subtype === 'country' || !e.country) return true;
  return namesCountry(support, e.country, own) || !namesOtherCountry(support, e.country);
}

/**
 * "Buffalo, Minnesota": the state (or country) written after a city and a comma says which city
 * it is. `e`: a candidate place (only cities: "annexed Crimea, Russia" is no address; any place
 * below a country when a state and its country follow); `after`: the region and country readings of the name after the
 * comma; `candidates`: the match's full candidates. The candidate is a namesake when every
 * reading contradicts it: another sovereign country, a state of another country where another
 * candidate lies, or a state of its own country that none of its address aliases ("Buffalo, New
 * York") names. A candidate without address aliases keeps its own country's states. `countryAfter`:
 * the country written after the state ("Lexington, Kentucky, United States"). `stateOf(tail, country)`:
 * can an address alias's tail be a state of that country (a region record of it, or no place the
 * pack knows)? A tail the pack knows only as another kind of place ("Luton, Bedfordshire": a county
 * without a region record) is finer than a state and says nothing against the one written ("Luton,
 * England, United Kingdom"). `ownName()`: is the written form the candidate's own name?
 */
export function addressContradicts(e: PackEntity, after: readonly PackEntity[], candidates: readonly PackEntity[], countryAfter?: PackEntity,
  stateOf: (tail: string, country: string) => boolean = () => true, ownName: () => boolean = () => true): boolean {
  if (e.subtype === 'country' || after.length === 0) return false;
  // "San Fernando, Tamaulipas, Mexico", "Bel Air, Maryland, United States": a state and its own
  // country written after the name make it a place of that country. They rule out a place of
  // another country (a city or a region: the full address leaves no doubt), and an organisation
  // unless it is that country's and bears the name as written (a town's council record: "Brooklyn
  // Park"; not "Dartmouth" College nor "West Point" for the Academy).
  if (countryAfter && after.some((r) => r.subtype !== 'country' && r.country === countryAfter.country)
    && (e.type === 'organization' ? e.country !== countryAfter.country || !ownName() : !!e.country && e.country !== countryAfter.country)) return true;
  if (!e.country) return false;
  if (e.type !== 'place' || (e.subtype !== 'city' && e.subtype !== 'capital')) return false;
  const prefix = `${e.name}, `;
  const tails: string[] = [];
  let stateTails = 0;
  for (const a of e.aliases ?? []) {
    if (!a.startsWith(prefix)) continue;
    const tail = a.slice(prefix.length);
    tails.push(tail);
    if (stateOf(tail, e.country)) stateTails++;
  }
  // "Palermo, Sicily, Italy": the country written after the state (`countryAfter`) is the state's
  // own; an address alias naming that country ("Palermo, Italy") fits the candidate.
  if (countryAfter && countryAfter.country === e.country && (tails.includes(countryAfter.name) || (countryAfter.aliases ?? []).some((a) => tails.includes(a)))) return false;
  for (const r of after) {
    if (r.subtype === 'country') {
      if (r.country === e.country) return false;
      continue;
    }
    // Another country's state or territory rules the candidate out only for a candidate of that
    // country ("San Jose, California"); "San Juan, Puerto Rico" keeps the capital, whose country
    // (PR) is not the territory's record's (US), and no US city of the name is among the candidates.
    if (r.country !== e.country) {
      if (candidates.some((c) => c !== e && c.type === 'place' && c.country === r.country)) continue;
      return false;
    }
    if (stateTails === 0 || tails.includes(r.name) || (r.aliases ?? []).some((a) => tails.includes(a))) return false;
  }
  return true;
}

/**
 * "Lexington, Kentucky, United States": a state followed by its own country after a comma is one
 * address, not a list of places. `readings`: the region and country readings of the name after the
 * city; `following`: the place readings of the name after that. The country, when one reading is a
 * region of a country that the next name is.
 */
export function stateOfCountryAfter(readings: readonly PackEntity[], following: readonly PackEntity[]): PackEntity | undefined {
  for (const f of following) {
    if (f.subtype !== 'country' || !f.country) continue;
    if (readings.some((r) => r.subtype === 'region' && r.country === f.country)) return f;
  }
  return undefined;
}

/** A city this big, and this many times bigger than each namesake, is what its name means. The
 *  linker's own choice between namesake cities uses the same figures (link.ts `overshadowed`). */
const DOMINANT_POPULATION = 500_000;
const DOMINANT_RATIO = 5;

/**
 * "a person from Victoria tested positive in Melbourne … at a Perth hotel": the names of big cities
 * that small towns elsewhere share ("Melbourne, Florida", "Perth, Scotland") still say which country
 * the page is about, as a name with one reading does; the namesakes are far smaller. `records`: the
 * full candidates of a one-word name; `written`: is a string written on the page. The dominant city,
 * when every candidate is a place and one is a city of a country with DOMINANT_POPULATION
 * inhabitants and DOMINANT_RATIO times each other's, and no namesake's own state ("Melbourne,
 * Florida") is written on the page.
 */
export function dominantPlace(records: readonly PackEntity[], written: (s: string) => boolean): PackEntity | undefined {
  let top: PackEntity | undefined, second = 0;
  for (const r of records) {
    if (r.type !== 'place') return undefined;
    const p = r.population ?? 0;
    if (!top || p > (top.population ?? 0)) {
      if (top) second = Math.max(second, top.population ?? 0);
      top = r;
    } else second = Math.max(second, p);
  }
  if (!top || !top.country || (top.subtype !== 'city' && top.subtype !== 'capital')) return undefined;
  const p = top.population ?? 0;
  if (p < DOMINANT_POPULATION || p < DOMINANT_RATIO * second) return undefined;
  // "near Melbourne on the Florida coast": a namesake whose own state the page writes is in play.
  for (const r of records) {
    if (r === top) continue;
    const prefix = `${r.name}, `;
    for (const a of r.aliases ?? []) if (a.startsWith(prefix) && written(a.slice(prefix.length))) return undefined;
  }
  return top;
}

/**
 * "the departments of Amazonas, San Martín, and Ucayali" in a Peru item: the pack's Amazonas are
 * Brazil's, Venezuela's and Colombia's states. Among namesake places of several countries with none
 * dominant by size or by the pack's prominence, a candidate of a country the page does not name, on a page that names another country,
 * is a namesake of a place the pack lacks. `candidates`: the match's full candidates; `own`: this
 * candidate's anchor mentions.
 */
export function unplacedNamesake(e: PackEntity, candidates: readonly PackEntity[], support: ReadonlyMap<string, number>, own: number): boolean {
  if (e.type !== 'place' || !e.country || e.subtype === 'country') return false;
  let countries = 0;
  const seen: string[] = [];
  for (const c of candidates) {
    if (c.type !== 'place') return false;
    if (c.country && !seen.includes(c.country)) { seen.push(c.country); countries++; }
  }
  if (countries < 2 || dominantPlace(candidates, () => false) === e) return false;
  // The pack's own ranking stands when it puts one namesake first (Florida the state, not Uruguay's).
  let top = true;
  for (const c of candidates) if (c !== e && (c.prominence ?? 30) >= (e.prominence ?? 30)) top = false;
  if (top) return false;
  return !namesCountry(support, e.country, own) && namesOtherCountry(support, e.country);
}

/** Words of government bodies' names that many countries' bodies share, beside INSTITUTION_WORDS
 *  ("National Security Council", "Coast Guard", "Bureau of Investigation", "Election Commission",
 *  "Meteorological Office", "Geological Survey"). */
const GENERIC_BODY_WORDS = new Set([
  'security', 'intelligence', 'guard', 'coast', 'service', 'services', 'agency', 'office', 'affairs', 'bureau',
  'investigation', 'investigations', 'protection', 'environmental', 'environment', 'emergency', 'management', 'budget',
  'development', 'trade', 'treasury', 'education', 'transport', 'transportation', 'energy', 'agriculture', 'labor',
  'labour', 'safety', 'human', 'rights', 'public', 'prosecution', 'prosecutors', 'general', 'audit', 'statistics',
  'tax', 'revenue', 'customs', 'border', 'immigration', 'communications', 'elections', 'electoral', 'and', 'for',
  'meteorological', 'meteorology', 'weather', 'hydrometeorological', 'seismological', 'geological', 'survey',
]);

/** Above this prominence a body is known by its name abroad ("Central Intelligence Agency", 85). */
const GENERIC_BODY_PROMINENCE = 50;

/**
 * "removing Vice President Sara Duterte … from the National Security Council": a government body
 * named by words many countries' bodies share is the page's own country's; on a page that names
 * other countries but never the body's, the pack's record (the US council) is a namesake; so is
 * Indonesia's "Ministry of Foreign Affairs" in a China item, and the UK's "Meteorological Office"
 * (a company in the pack: the state's trading body) in an Iceland item. A nationality adjective before the
 * name ("the Taiwanese Ministry of Labor") is judged by link.ts first. `words`: the match's folded
 * words (two or more).
 */
export function genericBodyAbroad(e: PackEntity, words: readonly string[], support: ReadonlyMap<string, number>, own: number): boolean {
  return sharedBodyWords(e, words) && !namesCountry(support, e.country!, own) && namesOtherCountry(support, e.country!);
}

/** The page-free half of genericBodyAbroad: is `e` a minor body (or state company) of a known country
 *  named here only by words many countries' bodies share? The linker asks it before it reads the page. */
export function sharedBodyWords(e: PackEntity, words: readonly string[]): boolean {
  if (e.type !== 'organization' || (e.subtype !== 'government_body' && e.subtype !== 'company') || !e.country || words.length < 2 || (e.prominence ?? 30) > GENERIC_BODY_PROMINENCE) return false;
  for (const w of words) if (!INSTITUTION_WORDS.has(w) && !GENERIC_BODY_WORDS.has(w)) return false;
  return true;
}

/** At or below this prominence a party is one of the many the pack keeps at its default (60). */
const MINOR_PARTY_PROMINENCE = 60;

/**
 * "PODEMOS presidential candidate … returns to Mozambique", "neo-Nazi group National Action" in a
 * UK item: a minor party of a country the page never names, met under another form than its own
 * name (an alias, or capitals where the record writes "Podemos"), on a page naming another country,
 * is a namesake (Mozambique's PODEMOS; the pack's "National Action" is a Spanish party's alias).
 * `byName`: the text is the record's name as the record writes it.
 */
export function foreignPartyForm(e: PackEntity, byName: boolean, support: ReadonlyMap<string, number>, own: number): boolean {
  if (byName || e.subtype !== 'political_party' || !e.country || (e.prominence ?? 30) > MINOR_PARTY_PROMINENCE) return false;
  return !namesCountry(support, e.country, own) && namesOtherCountry(support, e.country);
}

/**
 * "The coalition between Broad Front and the Communist Party" in a Chile item: a minor party whose
 * name the pack also holds for a party of another country (Uruguay's Broad Front, Costa Rica's,
 * Peru's …, all at the default prominence) is not this one on a page that names another country
 * and not its own, by name or adjective (`adjectives`: the countries the block's nationality
 * adjectives name; "Japanese … the ruling Liberal Democratic Party" is Japan's, not Kosovo's, and
 * "Chilean" names another country than Uruguay). `candidates`: the match's full candidates.
 */
export function sharedPartyUnplaced(e: PackEntity, candidates: readonly PackEntity[], support: ReadonlyMap<string, number>, own: number, adjectives: () => ReadonlySet<string>): boolean {
  if (e.subtype !== 'political_party' || !e.country || (e.prominence ?? 30) > MINOR_PARTY_PROMINENCE) return false;
  if (!candidates.some((c) => c.subtype === 'political_party' && !!c.country && c.country !== e.country)) return false;
  if (namesCountry(support, e.country, own)) return false;
  const adj = adjectives();
  if (adj.has(e.country)) return false;
  if (namesOtherCountry(support, e.country)) return true;
  for (const c of adj) if (c !== e.country) return true;
  return false;
}

/** Words that movements of many countries put in their names, parties' and armed groups' alike
 *  ("People's Alliance", "National Salvation Front", "Popular Front for the Liberation …"). */
const MOVEMENT_WORDS = new Set([
  ...GENERIC_PARTY_WORDS, 's', 'alliance', 'front', 'movement', 'salvation', 'liberation', 'popular', 'revolutionary', 'coalition',
  'union', 'congress', 'council', 'patriotic', 'resistance', 'democracy', 'solidarity', 'independence', 'rally',
]);
/** Above this prominence a movement is known beyond its country (the pack's default is 60-62). */
const MINOR_MOVEMENT_PROMINENCE = 62;

/**
 * "Tunisian police detain National Salvation Front member", "Fiji's opposition People's Alliance":
 * a minor party or armed group whose whole name is words that movements everywhere use is another
 * country's namesake (Lebanon's 1980s front, Sri Lanka's alliance) on a page that names other
 * countries and never its own. `words`: the match's folded words (two or more); `own`: the
 * candidate's own anchor mentions.
 */
export function genericMovementAbroad(e: PackEntity, words: readonly string[], support: ReadonlyMap<string, number>, own: number): boolean {
  if ((e.subtype !== 'political_party' && e.subtype !== 'armed_group') || !e.country || words.length < 2 || (e.prominence ?? 30) > MINOR_MOVEMENT_PROMINENCE) return false;
  for (const w of words) if (!MOVEMENT_WORDS.has(w)) return false;
  return !namesCountry(support, e.country, own) && namesOtherCountry(support, e.country);
}

/** Nouns of a natural feature that end a region's short alias ("Red Sea", "Cross River", "Milne Bay"). */
const WATER_NOUNS = new Set(['sea', 'ocean', 'gulf']);
const FEATURE_NOUNS = new Set(['sea', 'ocean', 'gulf', 'bay', 'river', 'lake', 'coast', 'island', 'islands', 'highlands', 'valley', 'delta', 'desert', 'mountains', 'peninsula']);

/**
 * "Attacks on ships in the Red Sea": a region the pack names with its administrative noun ("Red Sea
 * Governorate", "Middle Island" Parish) reached through the short alias that is the natural
 * feature's own name, or a state named after a sea ("Red Sea", Sudan), is the feature, unless the page names the region's country otherwise ("Cross
 * River" in a Nigeria story, "Hawke's Bay" in a New Zealand one). `written`: the folded words as
 * written; `nameKey`: the record's folded name; `own`: the candidate's own anchor mentions.
 */
export function featureNamedRegionAbroad(e: PackEntity, written: string, nameKey: string, support: ReadonlyMap<string, number>, own: number): boolean {
  if (e.subtype !== 'region' || !e.country) return false;
  const space = written.lastIndexOf(' ');
  if (space < 0) return false;
  const noun = written.slice(space + 1);
  // A state named after a sea by its own name (Sudan's "Red Sea") is read the same way: nobody lives in a sea.
  if (!FEATURE_NOUNS.has(noun) || (written === nameKey && !WATER_NOUNS.has(noun))) return false;
  return !namesCountry(support, e.country, own);
}
