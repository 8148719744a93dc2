/**
 * A town's own record typed as an organisation (issue #4, session 21). The reference types some
 * Wikidata towns by what the item also is (a municipal corporation, an employer, a school
 * authority): "Farmington" a company, "Davao City" a government body, "San Donato Milanese" a
 * company. Linked in "a plane crashed in Farmington", such a record's card called the town a
 * company. The record's own aliases say what it is: "City of Farmington", "Comune di San Donato
 * Milanese", "Stadt Graz" is the municipality's formal title, written with the record's own name.
 * A body named after the town ("Magistrate of the city of Vienna") has another name than the
 * title's town, or a service's noun in its name ("Seattle Public Utilities"), and stays an organisation.
 */
import { fold } from '../entities/normalize';

/** A municipality's formal title before its name, in the languages the reference's aliases use. */
const MUNICIPAL_TITLE = /^(?:city|town|village|borough|municipality) of |^(?:comune di|ville de|stadt|gemeente|municipio de|ciudad de|cidade de) /i;

/** Nouns of the services and offices a town runs ("Seattle Public Utilities", aliased "City of
 *  Seattle Public Utilities"): a name holding one is the service's, not the town's. */
const TOWN_SERVICE_NOUNS = new Set(['utilities', 'utility', 'board', 'department', 'authority', 'police', 'service', 'services', 'transit',
  'water', 'schools', 'school', 'district', 'library', 'libraries', 'airport', 'council', 'magistrate', 'corporation', 'government',
  'administration', 'office', 'court', 'hospital', 'parks', 'fire', 'housing', 'commission', 'agency']);

/** The linker's own case and diacritic fold, with runs of spaces made one. */
const folded = (s: string) => fold(s).replace(/\s+/g, ' ').trim();

/**
 * Is an organisation of this name, with these aliases, a town's own record? True when one alias is
 * a municipal title followed by the record's name ("City of Farmington" for "Farmington"), or by the
 * name without a trailing "City" ("City of Davao" for "Davao City", "City of Elizabeth" for
 * "Elizabeth City").
 */
export function municipalTitleOf(name: string, aliases: readonly string[]): boolean {
  const own = folded(name);
  if (own.split(' ').some((w) => TOWN_SERVICE_NOUNS.has(w))) return false;
  const bare = own.endsWith(' city') ? own.slice(0, -5) : null;
  for (const a of aliases) {
    const m = MUNICIPAL_TITLE.exec(a);
    if (!m) continue;
    const rest = folded(a.slice(m[0].length));
    if (rest === own || (bare !== null && rest === bare)) return true;
  }
  return false;
}
