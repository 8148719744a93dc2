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

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

let regionNames: Intl.DisplayNames | null | undefined;
/** "US" → "United States" (Intl, no table to ship). */
/** Intl.DisplayNames.of is slow (a lookup into ICU data per call): ~250 codes, kept once. */
const countryNames = new Map<string, string>();
export function countryName(code: string | undefined): string | undefined {
  if (!code) return undefined;
  const known = countryNames.get(code);
  if (known !== undefined) return known;
  if (regionNames === undefined) {
    try { regionNames = new Intl.DisplayNames(['en'], { type: 'region' }); } catch { regionNames = null; }
  }
  let name: string;
  try { name = regionNames?.of(code.toUpperCase()) ?? code; } catch { name = code; }
  if (countryNames.size < 1000) countryNames.set(code, name);
  return name;
}

const year = (d: string) => d.slice(0, 4);
function monthYear(d: string): string {
  const m = Number(d.slice(5, 7));
  return m >= 1 && m <= 12 ? `${MONTHS[m - 1]} ${year(d)}` : year(d);
}
function dayMonthYear(d: string): string {
  const day = Number(d.slice(8, 10));
  return day ? `${day} ${monthYear(d)}` : monthYear(d);
}
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
  const sorted = [...roles].sort((a, b) => (b.from ?? '').localeCompare(a.from ?? ''));
  const current = sorted.filter((r) => { const s = roleState(r, date); return s === 'current' || s === 'stale'; });
  const former = sorted.filter((r) => roleState(r, date) === 'former');
  const usedFormer = new Set<Role>();
  for (const r of current.slice(0, 2)) {
    const state = roleState(r, date);
    const earlier = former.find((f) => f.title === r.title);
    if (earlier) usedFormer.add(earlier);
    const since = r.from ? (earlier ? `since ${dayMonthYear(r.from)}` : `since ${monthYear(r.from)}`) : '';
    const extras = [
      !earlier && since ? since : '',
      state === 'stale' && r.asOf ? `as of ${year(r.asOf)}` : '',
      earlier ? `also ${span(earlier)}` : '',
    ].filter(Boolean);
    parts.push(earlier && since ? `${r.title} ${since}${extras.length ? ` (${extras.join('; ')})` : ''}` : `${r.title}${extras.length ? ` (${extras.join('; ')})` : ''}`);
  }
  const rest = former.filter((f) => !usedFormer.has(f) && !current.some((c) => c.title === f.title));
  if (rest.length && parts.length < 2) {
    const f = rest[0]!;
    parts.push(`${parts.length ? 'former' : 'Former'} ${f.title} (${span(f)})`);
  }
  return parts;
}

const ORG_KIND: Record<string, string> = {
  political_party: 'Political party',
  government_body: 'Government body',
  company: 'Company',
  media: 'Media outlet',
  armed_group: 'Armed group',
  international_organization: 'International organisation',
  sports_club: 'Sports club',
  education: 'University or college',
  ngo: 'Non-profit organisation',
  military: 'Armed forces',
  healthcare: 'Healthcare organisation',
  transport: 'Transport organisation',
  website: 'Website',
  music_group: 'Music group',
};

function population(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(1).replace(/\.0$/, '')} million`;
  if (n >= 1e3) return `${Math.round(n / 1e3)},000`;
  return String(n);
}

export function describeEntity(e: PackEntity, date: string | null): string {
  const country = countryName(e.country);
  switch (e.type) {
    case 'person': {
      const roles = describeRoles(e.roles ?? [], date);
      const who = [country, e.party].filter(Boolean).join(', ');
      if (roles.length) return `${roles.join('; ')}${who ? ` — ${who}` : ''}`;
      const born = e.born ? ` (born ${year(e.born)})` : '';
      return country ? `Person from ${country}${e.party ? `, ${e.party}` : ''}${born}` : `Person${born}`;
    }
    case 'place': {
      const pop = e.population;
      const popText = pop ? ` (pop. ${population(pop)})` : '';
      switch (e.subtype) {
        case 'country': return `Country${popText}`;
        case 'capital': return `Capital of ${country ?? 'a country'}${popText}`;
        case 'city': return `City in ${country ?? 'an unknown country'}${popText}`;
        case 'region': return `Region of ${country ?? 'an unknown country'}`;
        case 'territory': return `Territory${country ? ` (${country})` : ''}`;
        default: return `Place${country ? ` in ${country}` : ''}`;
      }
    }
    case 'organization': {
      const kind = (e.subtype && ORG_KIND[e.subtype]) || 'Organisation';
      const roles = describeRoles(e.roles ?? [], date);
      const base = e.subtype === 'international_organization' || !country ? kind : `${kind} in ${country}`;
      return roles.length ? `${base}; ${roles.join('; ')}` : base;
    }
    case 'event': {
      const when = e.from ? (e.to && e.to !== e.from ? `${dayMonthYear(e.from)} – ${e.to ? dayMonthYear(e.to) : ''}` : e.to === null ? `since ${dayMonthYear(e.from)}` : dayMonthYear(e.from)) : '';
      const ahead = date && e.from && !le(e.from, date) ? ' (after this article)' : '';
      return `Event${country ? ` in ${country}` : ''}${when ? `, ${when}` : ''}${ahead}`;
    }
  }
}
