/**
 * Nationality adjectives as country evidence for related coverage (#5). "Spanish police dismantle
 * a cocaine ring", "The Malian junta demands…", "The Latvian Defence Ministry confirms…": the text
 * is about Spain, Mali, Latvia, but names none of them, and the entity linker rightly links no
 * adjective (the entity gold marks none; a card on every "Russian" would be noise). Related
 * coverage reads them as the country, never drawn, the same way in a page's query (lib/analyze.ts)
 * and in the corpus items (compile-coverage.ts), so a page and an item that both say "Malian"
 * share Mali as they would if both named it.
 *
 * The adjectives are the linker's own table (lib/entities/demonym-country.ts); only those naming a
 * single state count ("Korean", "Congolese", "Sudanese" say nothing). The country records are the
 * default pack's (COUNTRY_RECORDS, generated with the topic records: topic-table.ts).
 */
import type { LinkedEntity } from '../report';
import { demonymsOfCountry } from '../entities/demonym-country';
import { COUNTRY_RECORDS } from './topic-table';

export interface CountryRecord { code: string; id: string; name: string }

/** The single-state adjectives of `countries` (capitalised, as a text writes them) → their country. */
function adjectivesOf(countries: ReadonlyMap<string, CountryRecord>): Map<string, CountryRecord> {
  const out = new Map<string, CountryRecord>();
  for (const [code, record] of countries) for (const adjective of demonymsOfCountry(code)) out.set(adjective, record);
  return out;
}

/**
 * One pattern of the adjectives as whole words (they are ASCII): a page's related-coverage query
 * reads the whole text, and testing every capitalised word against the table cost ~0.1 ms per
 * 3,600 characters, this ~0.01. Kept per country table.
 */
const finders = new WeakMap<ReadonlyMap<string, CountryRecord>, { re: RegExp; byAdjective: Map<string, CountryRecord> }>();
function finderOf(countries: ReadonlyMap<string, CountryRecord>) {
  let f = finders.get(countries);
  if (!f) {
    const byAdjective = adjectivesOf(countries);
    const words = [...byAdjective.keys()].sort((a, b) => b.length - a.length);
    f = { re: new RegExp(`\\b(?:${words.join('|') || '(?!)'})\\b`, 'g'), byAdjective };
    finders.set(countries, f);
  }
  return f;
}

/** The countries a text's single-state nationality adjectives name, once each, where first said. */
export function demonymCountriesIn(text: string, countries: ReadonlyMap<string, CountryRecord>): { record: CountryRecord; start: number }[] {
  const { re, byAdjective } = finderOf(countries);
  const out: { record: CountryRecord; start: number }[] = [];
  for (const m of text.matchAll(re)) {
    const record = byAdjective.get(m[0])!;
    if (!out.some((o) => o.record.id === record.id)) out.push({ record, start: m.index! });
  }
  return out;
}

let defaultCountries: ReadonlyMap<string, CountryRecord> | undefined;
const shippedCountries = () => (defaultCountries ??= new Map(COUNTRY_RECORDS.map((c) => [c.code, c])));

/** The ids of the countries a text's nationality adjectives name (the coverage compiler adds them to an item's entities). */
export function demonymCountryIdsIn(text: string): string[] {
  return demonymCountriesIn(text, shippedCountries()).map((f) => f.record.id);
}

/** A query's entities with the countries its text's nationality adjectives name appended (not repeating a linked one). */
export function withDemonymCountries(entities: readonly LinkedEntity[], text: string, countries: ReadonlyMap<string, CountryRecord> = shippedCountries()): LinkedEntity[] {
  const found = demonymCountriesIn(text, countries);
  if (!found.length) return entities as LinkedEntity[];
  const have = new Set(entities.map((e) => e.id));
  const extra: LinkedEntity[] = [];
  for (const { record, start } of found) {
    if (have.has(record.id)) continue;
    extra.push({ id: record.id, name: record.name, type: 'place', subtype: 'country', description: '', mentions: [{ paragraph: 0, start, end: start + 1, text: record.name }] });
  }
  return extra.length ? [...entities, ...extra] : (entities as LinkedEntity[]);
}
