/**
 * describeEntity: the one-line card text, written by our code from the pack's facts as they stood
 * at the article's date. Never the reference data's prose.
 *
 *   Trump, article of 2019 → "President of the United States (since January 2017); United States, Republican"
 *   Trump, article of 2025 → "President of the United States since 20 January 2025 (also 2017–2021); …"
 *   role ended before the date → "Former …"; open role whose snapshot is older than the date →
 *   "… (since 2018; as of 2022)".
 */
import type { PackEntity, Role } from '../dataset/schema';
import { formatTextDate, formatTextNumber, messagesLocale, t, type MessageKey } from '../i18n';
import { REGION_NAMES_EN } from '../region-names-en';
import { diedBefore } from '../dataset/death-dates';

let regionNames: { locale: string; names: Intl.DisplayNames | null } | undefined;
/**
 * "US" → "United States": in English from the browser's names shipped as a table, in any other
 * language from Intl.DisplayNames, whose .of is slow (a lookup into ICU data per call): kept once.
 */
const countryNames = new Map<string, string>();
export function countryName(code: string | undefined): string | undefined {
  if (!code) return undefined;
  const locale = messagesLocale().lang; // the language of the sentence around it
  if (locale === 'en') {
    // The browser's English names as a table (lib/region-names-en.ts): building the first
    // Intl.DisplayNames loads ICU data on the first article after every worker start (#8).
    const upper = code.toUpperCase();
    const listed = REGION_NAMES_EN[upper];
    if (listed !== undefined) return listed;
    // Intl names no other two-letter code (it gives the code back) and rejects all but 3 digits.
    if (/^[A-Z]{2}$/.test(upper)) return upper;
    if (!/^\d{3}$/.test(upper)) return code;
  }
  if (regionNames?.locale !== locale) {
    countryNames.clear();
    let names: Intl.DisplayNames | null;
    try { names = new Intl.DisplayNames([locale], { type: 'region' }); } catch { names = null; }
    regionNames = { locale, names };
  }
  const known = countryNames.get(code);
  if (known !== undefined) return known;
  let name: string;
  try { name = regionNames.names?.of(code.toUpperCase()) ?? code; } catch { name = code; }
  if (countryNames.size < 1000) countryNames.set(code, name);
  return name;
}

const year = (d: string) => d.slice(0, 4);
/** "January 2017" (or the year alone), in the catalogue's locale. */
const monthYear = (d: string): string => formatTextDate(d, 'month');
/** "20 January 2025" (or less, as the date has it). */
const dayMonthYear = (d: string): string => formatTextDate(d, 'day');
/** Compare partial ISO dates: a partial date counts as its first day. */
function le(a: string, b: string): boolean {
  return a.padEnd(10, '-00') <= b.padEnd(10, '-00');
}
function span(r: Role): string {
  const f = r.from ? year(r.from) : '?';
  const t = r.to ? year(r.to) : '';
  return f === t ? f : `${f}–${t}`;
}

type RoleState = 'current' | 'stale' | 'former' | 'future';

/** Where a role stood at `date` (null: as of the data). */
export function roleState(r: Role, date: string | null): RoleState {
  if (date && r.from && !le(r.from, date)) return 'future';
  if (r.to && (!date || le(r.to, date))) return 'former';
  if (!r.to && r.asOf) {
    // A snapshot of 2022 says it was open then; for later articles (or undated) we cannot say more.
    const ref = date ?? '9999';
    if (!le(ref, r.asOf) && r.asOf < '2024') return 'stale';
  }
  return 'current';
}

function describeRoles(roles: Role[], date: string | null): string[] {
  const parts: string[] = [];
  // Newest first. ISO dates order by code unit: localeCompare would build an ICU collator (#8).
  const sorted = [...roles].sort((a, b) => ((b.from ?? '') < (a.from ?? '') ? -1 : (b.from ?? '') > (a.from ?? '') ? 1 : 0));
  const current = sorted.filter((r) => { const s = roleState(r, date); return s === 'current' || s === 'stale'; });
  const former = sorted.filter((r) => roleState(r, date) === 'former');
  const usedFormer = new Set<Role>();
  for (const r of current.slice(0, 2)) {
    const state = roleState(r, date);
    const earlier = former.find((f) => f.title === r.title);
    if (earlier) usedFormer.add(earlier);
    const sinceDate = r.from ? (earlier ? dayMonthYear(r.from) : monthYear(r.from)) : '';
    const extras = [
      !earlier && sinceDate ? t('describeSince', sinceDate) : '',
      state === 'stale' && r.asOf ? t('describeAsOf', year(r.asOf)) : '',
      earlier ? t('describeAlso', span(earlier)) : '',
    ].filter(Boolean);
    const head = earlier && sinceDate ? t('describeRoleSince', [r.title, sinceDate]) : r.title;
    parts.push(extras.length ? t('describeRoleNotes', [head, extras.join('; ')]) : head);
  }
  const rest = former.filter((f) => !usedFormer.has(f) && !current.some((c) => c.title === f.title));
  if (rest.length && parts.length < 2) {
    const f = rest[0]!;
    parts.push(t(parts.length ? 'describeFormerLater' : 'describeFormerFirst', [f.title, span(f)]));
  }
  return parts;
}

/** The roles with every open one closed at the date of death (a role that began later is left as it is). */
function rolesEndedBy(roles: Role[], died: string): Role[] {
  return roles.map((r) => (r.to || (r.from && !le(r.from, died)) ? r : { ...r, to: died, asOf: null }));
}

const ORG_KINDS = new Set(['political_party', 'government_body', 'company', 'media', 'armed_group', 'international_organization', 'sports_club', 'education', 'ngo', 'military', 'healthcare', 'transport', 'website', 'music_group']);
/** "Government body", "Company"…: orgKind_<subtype> in the catalogue; "Organisation" for others. */
function orgKind(subtype: string | undefined): string {
  return t((subtype && ORG_KINDS.has(subtype) ? `orgKind_${subtype}` : 'orgKind_organization') as MessageKey);
}

function population(n: number): string {
  if (n >= 1e6) return t('describeMillions', formatTextNumber(Math.round(n / 1e5) / 10, 1));
  if (n >= 1e3) return formatTextNumber(Math.round(n / 1e3) * 1e3);
  return formatTextNumber(n);
}

export function describeEntity(e: PackEntity, date: string | null): string {
  const country = countryName(e.country);
  switch (e.type) {
    case 'person': {
      // Dead by the article's date (or, undated, by the data's): every role ended by then, whatever
      // a stale snapshot left open, and the card gives the life span.
      const dead = diedBefore(e.died, date) ? e.died! : null;
      const roles = describeRoles(dead ? rolesEndedBy(e.roles ?? [], dead) : e.roles ?? [], date);
      const who = country && e.party ? t('describeCountryParty', [country, e.party]) : country || e.party || '';
      let text: string;
      if (roles.length) text = who ? t('describePersonRoles', [roles.join('; '), who]) : roles.join('; ');
      else {
        text = country ? t('describePersonFrom', who) : t('describePerson');
        if (e.born && !dead) return t('describeBorn', [text, year(e.born)]);
      }
      if (!dead) return text;
      return e.born ? t('describeLifeSpan', [text, year(e.born), year(dead)]) : t('describeDied', [text, year(dead)]);
    }
    case 'place': {
      const withPop = (text: string) => (e.population ? t('describePopulation', [text, population(e.population)]) : text);
      switch (e.subtype) {
        case 'country': return withPop(t('describeCountry'));
        case 'capital': return withPop(country ? t('describeCapital', country) : t('describeCapitalUnknown'));
        case 'city': return withPop(country ? t('describeCity', country) : t('describeCityUnknown'));
        case 'region': return country ? t('describeRegion', country) : t('describeRegionUnknown');
        case 'territory': return country ? t('describeTerritoryOf', country) : t('describeTerritory');
        default: return country ? t('describePlaceIn', country) : t('describePlace');
      }
    }
    case 'organization': {
      const kind = orgKind(e.subtype);
      const roles = describeRoles(e.roles ?? [], date);
      const base = e.subtype === 'international_organization' || !country ? kind : t('describeOrgIn', [kind, country]);
      return roles.length ? t('describeOrgRoles', [base, roles.join('; ')]) : base;
    }
    case 'event': {
      const when = e.from
        ? e.to && e.to !== e.from
          ? t('describeDateRange', [dayMonthYear(e.from), dayMonthYear(e.to)])
          : e.to === null ? t('describeSince', dayMonthYear(e.from)) : dayMonthYear(e.from)
        : '';
      const ahead = !!(date && e.from && !le(e.from, date));
      let text = country ? t('describeEventIn', country) : t('describeEvent');
      if (when) text = t('describeEventWhen', [text, when]);
      return ahead ? t('describeAfterArticle', text) : text;
    }
  }
}
