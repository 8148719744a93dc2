/**
 * Which organisations' generic-word names ("State Department", "Supreme Court") the reference data
 * gives to one country's bodies only (issue #4). The linker keeps a generically named institution
 * only on a page about its country (link.ts genericInstitution): "Supreme Court" in a Brazil item
 * is Brazil's court, not the US one. But "the State Department" in a Guatemala item is the US
 * department: no other country's body is called so. The test reads the reference records' names:
 * a name N of institution words is used for several countries when records of other countries
 * are named N, "N of <place>" ("Supreme Court of Canada") or "<place or demonym> N" ("Florida
 * Department of State" is still the US's). "X Ministry" and "Ministry of X" are one name
 * ("Health Ministry" is every country's).
 */
import { INSTITUTION_WORDS } from '../entities/ambiguity';
import { countriesOfDemonym } from '../entities/demonym-country';

interface NamedRecord {
  readonly type: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly country?: string;
}

/** A name's words, lower case, without a parenthesis ("Ministry of Health (Israel)") or a leading "the". */
function words(name: string): string[] {
  const w = name.replace(/\([^)]*\)/g, ' ').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (w[0] === 'the') w.shift();
  return w;
}

/** One spelling of a body's name: "health ministry" and "ministry of health" are the same name. */
function canonical(w: readonly string[]): string {
  const head = w[w.length - 1];
  if (w.length >= 2 && !w.includes('of') && (head === 'ministry' || head === 'department')) return [head, 'of', ...w.slice(0, -1)].join(' ');
  return w.join(' ');
}

/** Is every word one that institutions' names share ("state department", not "united states department")? */
function generic(w: readonly string[]): boolean {
  if (w.length === 0) return false;
  let content = false;
  for (const t of w) {
    if (!INSTITUTION_WORDS.has(t)) return false;
    if (t !== 'of' && t !== 'the') content = true;
  }
  return content;
}

/**
 * Generic-word name (canonical) → the one country whose bodies bear it, or null when bodies of
 * several countries (or of none known) do. The records' places' names are read to find "N of
 * <place>" and "<place> N".
 */
export function institutionNameCountries(records: readonly NamedRecord[]): Map<string, string | null> {
  const places = new Set<string>();
  for (const e of records) if (e.type === 'place') for (const form of [e.name, ...e.aliases]) places.add(words(form).join(' '));
  const out = new Map<string, string | null>();
  const note = (w: readonly string[], country: string | undefined) => {
    if (!generic(w)) return;
    const k = canonical(w);
    const was = out.get(k);
    if (was === undefined) out.set(k, country ?? null);
    else if (was !== country) out.set(k, null);
  };
  for (const e of records) {
    if (e.type !== 'organization') continue;
    for (const form of [e.name, ...e.aliases]) {
      const w = words(form);
      note(w, e.country);
      // "Supreme Court of Canada", "Supreme Court of Justice of Costa Rica": the name before "of <place>".
      for (let i = 1; i < w.length - 1; i++) {
        if (w[i] !== 'of') continue;
        const tail = w.slice(i + 1);
        if (tail[0] === 'the') tail.shift();
        if (places.has(tail.join(' '))) note(w.slice(0, i), e.country);
      }
      // "Florida Department of State", "Canadian Armed Forces": the name after a place or demonym.
      for (let i = 1; i < w.length; i++) {
        const lead = w.slice(0, i).join(' ');
        if (places.has(lead) || (i === 1 && countriesOfDemonym(lead))) note(w.slice(i), e.country);
      }
    }
  }
  return out;
}

/** Above this prominence a body is known by its name abroad (the State Department, 85; the pack's
 *  default for a minor body is 38). */
export const KNOWN_ABROAD_PROMINENCE = 50;

/** Are the record's generic-word names ("State Department") all borne by bodies of its own country
 *  only? Records without one (or without a country) are not flagged. */
export function namesOneCountrysBody(e: NamedRecord, countries: ReadonlyMap<string, string | null>): boolean {
  if (e.type !== 'organization' || !e.country) return false;
  let any = false;
  for (const form of [e.name, ...e.aliases]) {
    const w = words(form);
    if (!generic(w)) continue;
    if (countries.get(canonical(w)) !== e.country) return false;
    any = true;
  }
  return any;
}
