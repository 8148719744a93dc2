/**
 * The countries a page names by nationality adjective ("The Australian government", "Brazilian
 * president Lula"), counted beside the countries its linked names support. A generically named
 * body ("Department of Home Affairs", "Supreme Court") is read against the countries the page
 * is about; a page whose only cue to its country is an adjective ("The Australian government
 * dismisses … the Department of Home Affairs") names that country as surely as "Australia" would,
 * and the pack's body of another country (South Africa's department) is a namesake.
 * Made once per page, on first ask: only generically named bodies need it.
 */
import type { PackEntity } from '../dataset/schema';
import { countriesOfDemonym } from './demonym-country';
import { Shape, type Token } from './normalize';

/** Country code → how many capitalised nationality adjectives on the page name it. */
export function demonymCounts(blocks: readonly { tokens: readonly Token[] }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const b of blocks) {
    for (const t of b.tokens) {
      if (t.shape !== Shape.Cap) continue;
      const cs = countriesOfDemonym(t.norm);
      if (cs) for (const c of cs) out.set(c, (out.get(c) ?? 0) + 1);
    }
  }
  return out;
}

/** The page's country support with its nationality adjectives added (a new map; `support` is kept). */
export function supportWithDemonyms(support: ReadonlyMap<string, number>, demonyms: ReadonlyMap<string, number>): Map<string, number> {
  const out = new Map(support);
  for (const [c, v] of demonyms) out.set(c, (out.get(c) ?? 0) + v);
  return out;
}

/** Are organisations of two or more countries among a name's candidates (the Department of Home
 *  Affairs of South Africa and of Australia)? Then the page's adjectives help say which it is. */
export function organisationsOfCountries(candidates: readonly PackEntity[]): boolean {
  let first: string | undefined;
  for (const c of candidates) {
    if (c.type !== 'organization' || !c.country) continue;
    if (first === undefined) first = c.country;
    else if (c.country !== first) return true;
  }
  return false;
}
