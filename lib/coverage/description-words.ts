/**
 * Which words of a linked entity's description an entities-only query matches against topic
 * headings (rank.ts `namesAsWords` 2). The descriptions are the linker's short facts ("City in
 * China (pop. 1.2 million)", "Person from Kenya (born 1961)", "Minister of Health (Rwanda) (since
 * March 2020; as of 2022)"): what makes them worth reading is the place they name (a city's
 * country answers "COVID-19 pandemic in China"); their kind words ("City", "Person", "pop.",
 * "since", "March", "Former", "Minister") answer headings that have nothing to do with the entity
 * ("2020 Pacific typhoon season" is not about a Kenyan born in March).
 *
 * The stop list is derived from the default pack's own descriptions, not written by hand: a word
 * that the descriptions of entities of many different countries use says what KIND of thing an
 * entity is, not WHERE it is. Country names span few countries ("United" 16, "Italy" 1); template
 * words span most ("Person" 138, "pop." 236). `npm run eval -- coverage --write-description-stops`
 * regenerates DESCRIPTION_STOP_STEMS (test/eval/_coverage-description-stops.ts).
 */
import { contentStems, stem } from './headings';

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Stems of the description words used by entities of at least `minCountries` different
 * countries (an entity with no country counts as one more "country"), sorted. `describe` gives an
 * entity's description as the linker writes it.
 */
export function descriptionStopStems<E extends { country?: string }>(entities: Iterable<E>, describe: (e: E) => string, minCountries: number): string[] {
  const countries = new Map<string, Set<string>>();
  for (const e of entities) {
    const where = e.country ?? '';
    // The stems the heading matcher reads (no numbers, no function words).
    for (const s of contentStems(describe(e))) {
      let set = countries.get(s);
      if (!set) countries.set(s, (set = new Set()));
      set.add(where);
    }
  }
  return [...countries].filter(([, set]) => set.size >= minCountries).map(([s]) => s).sort();
}

/** The description's words whose stems are not kind words (`stops`), space-joined. */
export function descriptionWords(description: string, stops: ReadonlySet<string>): string {
  const kept: string[] = [];
  for (const m of description.matchAll(WORD)) if (!stops.has(stem(m[0].toLowerCase()))) kept.push(m[0]);
  return kept.join(' ');
}

/** How many countries' entities a description word must span to be a kind word (chosen on dev and --gap). */
export const DESCRIPTION_STOP_COUNTRIES = 30;

export const DESCRIPTION_STOP_STEMS: ReadonlySet<string> = new Set([
  "affair", "agricultur", "april", "arm", "assembl", "attorn", "august", "bank",
  "bod", "born", "capital", "central", "chief", "cit", "club", "colleg",
  "communication", "compan", "council", "countr", "cultur", "december", "defenc", "deput",
  "development", "econom", "economic", "education", "energ", "environment", "februar", "financ",
  "foreign", "former", "general", "government", "governor", "group", "health", "healthcar",
  "hous", "industr", "information", "infrastructur", "interior", "januar", "jul", "jun",
  "justic", "labour", "march", "mayor", "med", "member", "million", "minister",
  "national", "november", "october", "organisation", "outlet", "parliament", "part", "person",
  "plac", "plann", "political", "pop", "president", "prim", "public", "region",
  "resourc", "scienc", "secretar", "securit", "senat", "september", "servic", "sinc",
  "social", "speaker", "sport", "stat", "technolog", "tourism", "trad", "transport",
  "universit", "vic", "work", "youth",
]);
