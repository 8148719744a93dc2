/**
 * The country a text's linked office-holders and places stand for, as related-coverage evidence
 * (#5, the sibling storylines: "COVID-19 pandemic" vs "COVID-19 pandemic in Spain"). "Prime Minister
 * Justin Trudeau receives his second dose", "British Columbia reports a new variant", "Madrid
 * extends the curfew": the text is about Canada, Spain, but does not name them, and the chooser
 * cannot tell the country's sub-storyline from the broad one or from another country's. A person
 * holding a national office on the text's date (head of state or government, a minister: their
 * dated role in the pack) and a city, capital or region count as their pack country. Read the same
 * way in a page's query (lib/analyze.ts, at the page's date) and in the pack's items
 * (compile-coverage.ts, at the item's date), never drawn.
 *
 * Measured (session 20, `npm run eval -- coverage --split dev --gap --gap-no-train --mix-inputs`,
 * paired per query; "unused" = 2,998 items nothing was fitted or tuned on): office-holders and
 * capitals only, unused +0.0025 ± 0.0015 (entities only) / +0.0038 ± 0.0018 (with words); with
 * cities and regions +0.0047 ± 0.0022 / +0.0130 ± 0.0028.
 */
import type { Role } from '../dataset/schema';
import type { LinkedEntity } from '../report';
import { roleState } from '../entities/describe';

/** What an entity's country evidence is read from (a pack entity's fields). */
export interface CountryFacts { type: string; subtype?: string; country?: string; roles?: readonly Role[] }

/**
 * Titles of a national government's offices: heads of state and government and ministers ("President
 * of …", "Prime Minister (Moldova)", "Minister of Finance", "Secretary of State", "Monarch of …").
 * Not governors, mayors, senators or members of a parliament: their office says a region or a
 * chamber, and a text quoting a senator is as often about another country.
 */
const NATIONAL_OFFICE = /^(?:(?:Vice|Deputy|First Deputy|Acting) )?(?:President|Prime Minister|Chancellor|Monarch|King|Queen|Emir|Sultan|(?:Federal )?Minister|Secretary of State|Foreign Secretary|Home Secretary)\b/;

/** Places that stand for their country; not a landmark (a border crossing, a stadium: often named abroad). */
const PLACE_KINDS = new Set(['city', 'capital', 'region']);

/** Whether `title` names a national government office (see NATIONAL_OFFICE). */
export function isNationalOffice(title: string): boolean {
  return NATIONAL_OFFICE.test(title);
}

/** The country code `e` stands for on `date`: an office-holder's (office held then) or a city's, capital's or region's; else undefined. */
export function impliedCountryOf(e: CountryFacts, date: string | null): string | undefined {
  if (!e.country) return undefined;
  if (e.type === 'place') return e.subtype && PLACE_KINDS.has(e.subtype) ? e.country : undefined;
  if (e.type !== 'person' || !e.roles) return undefined;
  for (const r of e.roles) {
    if (!isNationalOffice(r.title)) continue;
    const state = roleState(r, date);
    if (state === 'current' || state === 'stale') return e.country;
  }
  return undefined;
}

/**
 * The country ids `ids`' office-holders and places stand for on `date`, once each, in `ids`' order,
 * leaving out those `ids` already name. `countryId` maps a country code to its pack record's id.
 */
export function impliedCountryIds(ids: readonly string[], factsOf: (id: string) => CountryFacts | undefined, date: string | null, countryId: (code: string) => string | undefined): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const f = factsOf(id);
    const code = f && impliedCountryOf(f, date);
    const country = code && countryId(code);
    if (country && !ids.includes(country) && !out.includes(country)) out.push(country);
  }
  return out;
}

/**
 * A query's entities with the countries its office-holders and places stand for appended (not
 * repeating a linked one). The country takes the mentions of the entity it is read from, so the
 * ranking weighs it as that entity is weighed (where and how often the text says it).
 */
export function withImpliedCountries(entities: readonly LinkedEntity[], factsOf: (id: string) => CountryFacts | undefined, date: string | null, country: (code: string) => { id: string; name: string } | undefined): LinkedEntity[] {
  if (!entities.length) return entities as LinkedEntity[];
  const have = new Set(entities.map((e) => e.id));
  const extra: LinkedEntity[] = [];
  for (const e of entities) {
    const f = factsOf(e.id);
    const code = f && impliedCountryOf(f, date);
    const c = code ? country(code) : undefined;
    if (!c || have.has(c.id)) continue;
    have.add(c.id);
    extra.push({ id: c.id, name: c.name, type: 'place', subtype: 'country', description: '', mentions: e.mentions });
  }
  return extra.length ? [...entities, ...extra] : (entities as LinkedEntity[]);
}

/** The pack's country records by code (the first country entity of each code), which impliedCountryOf's codes name. */
export function countriesByCode(entities: Iterable<{ id: string; name: string; type: string; subtype?: string; country?: string }>): Map<string, { id: string; name: string }> {
  const out = new Map<string, { id: string; name: string }>();
  for (const e of entities) if (e.type === 'place' && e.subtype === 'country' && e.country && !out.has(e.country)) out.set(e.country, { id: e.id, name: e.name });
  return out;
}

/** An entity index's facts lookup and country codes, as impliedCountryIds and withImpliedCountries read them. */
interface EntityFacts { byId: { get(id: string): (CountryFacts & { id: string; name: string }) | undefined }; entities: readonly (CountryFacts & { id: string; name: string })[] }

/** countriesByCode per entity index, built on the first office-holder or place met (the related-coverage step only). */
const codesOf = new WeakMap<EntityFacts, Map<string, { id: string; name: string }>>();
function countryOfCode(index: EntityFacts, code: string): { id: string; name: string } | undefined {
  let codes = codesOf.get(index);
  if (!codes) codesOf.set(index, (codes = countriesByCode(index.entities)));
  return codes.get(code);
}

/** impliedCountryIds against an entity index (the pack build's items, at each item's date). */
export function impliedCountryIdsFor(index: EntityFacts, ids: readonly string[], date: string | null): string[] {
  return impliedCountryIds(ids, (id) => index.byId.get(id), date, (code) => countryOfCode(index, code)?.id);
}

/** withImpliedCountries against an entity index (a page's related-coverage query, at the page's date). */
export function withImpliedCountriesFor(index: EntityFacts, entities: readonly LinkedEntity[], date: string | null): LinkedEntity[] {
  return withImpliedCountries(entities, (id) => index.byId.get(id), date, (code) => countryOfCode(index, code));
}
