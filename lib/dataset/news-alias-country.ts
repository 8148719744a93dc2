/**
 * Short reference aliases the news vouches for (issue #4, recall in pack). The compiler drops a
 * one-word or acronym alias of a minor place ("Tigray" of "Tigray Region", "Gilan" of "Gilan
 * Province", "NRW" of North Rhine-Westphalia): most such words are also something else ("Gulf" of
 * Papua New Guinea's Gulf Province is the Persian Gulf in the news). The news corpus tells the two
 * apart: where items write the word on its own, they name the place's country too ("Tigray …
 * Ethiopia", "Gilan, Iran") when the word means that place, and rarely when it means something else.
 *
 * `newsVouchedAliases` counts, per candidate alias, the corpus items (the eval's reserve left out)
 * that write it standalone — capitalised as the alias is (all caps for an acronym), not joined to a
 * capitalised neighbour ("Gulf" of "Persian Gulf", "Tigray Region") — and how many of those also
 * name the candidate's country (its name, aliases or nationality word). An item that writes it as
 * a settlement ("the city of Daraa", "the town of Kidal") says the word is also a town's name: the
 * region's capital, which the pack may lack, and whose mentions the region would take. Only counts
 * leave here.
 */
import { createTable, findMatches, hitEntity, insertAlias } from '../entities/matcher';
import { Shape, tokenize, type Token } from '../entities/normalize';
import type { NewsCorpusItem } from './news-salience';

export interface AliasCandidate {
  /** The one-word alias as the reference writes it ("Tigray", "NRW"). */
  alias: string;
  /** The record's country code. */
  country: string;
}

/** A candidate is vouched for when at least this many items write it standalone… */
export const VOUCH_MIN_ITEMS = 3;
/** …and at least this share of them name its country. */
export const VOUCH_MIN_COUNTRY_SHARE = 0.5;

/** Nouns of a settlement before "of <name>". */
const SETTLEMENT_NOUNS = new Set(['city', 'town', 'village']);

/** Are two tokens written as one name (only spaces or a hyphen between)? */
const joined = (text: string, a: Token, b: Token) => /^[ -]?$/.test(text.slice(a.end, b.start));
const capitalised = (t: Token | undefined) => !!t && t.shape !== Shape.Lower;

/**
 * For each candidate (by index), items naming it standalone and those of them naming its country.
 * `countryNames` maps a country code to the strings that name it (name, aliases, nationality words).
 */
export function countAliasCountry(
  candidates: readonly AliasCandidate[],
  countryNames: ReadonlyMap<string, readonly string[]>,
  items: Iterable<NewsCorpusItem>,
  reserved: ReadonlySet<string>,
): { items: Uint32Array; withCountry: Uint32Array; asSettlement: Uint32Array } {
  const byWord = new Map<string, number[]>();
  candidates.forEach((c, i) => {
    const t = tokenize(c.alias);
    if (t.length !== 1) return;
    const list = byWord.get(t[0]!.norm);
    if (list) list.push(i); else byWord.set(t[0]!.norm, [i]);
  });
  const codes = [...new Set(candidates.map((c) => c.country))];
  const table = createTable();
  codes.forEach((code, k) => { for (const n of countryNames.get(code) ?? []) insertAlias(table, n, k, false); });
  const upper = candidates.map((c) => c.alias === c.alias.toUpperCase());
  const named = new Uint32Array(candidates.length), withCountry = new Uint32Array(candidates.length);
  const asSettlement = new Uint32Array(candidates.length);
  const seen = new Set<number>(), settled = new Set<number>(), countries = new Set<string>();
  for (const it of items) {
    if (reserved.has(it.id)) continue;
    const text = `${it.title ?? ''}\n\n${it.summary ?? ''}`;
    const toks = tokenize(text);
    seen.clear();
    settled.clear();
    toks.forEach((t, j) => {
      const list = byWord.get(t.norm);
      if (!list || t.shape === Shape.Lower) return;
      const prev = toks[j - 1], next = toks[j + 1];
      if ((capitalised(prev) && joined(text, prev!, t)) || (capitalised(next) && joined(text, t, next!))) return;
      const settlement = prev?.norm === 'of' && SETTLEMENT_NOUNS.has(toks[j - 2]?.norm ?? '');
      for (const i of list) {
        if (upper[i] && t.shape !== Shape.Upper) continue;
        seen.add(i);
        if (settlement) settled.add(i);
      }
    });
    if (!seen.size) continue;
    countries.clear();
    for (const m of findMatches(table, toks)) for (const p of m.hits) countries.add(codes[hitEntity(p)]!);
    for (const i of settled) asSettlement[i]!++;
    for (const i of seen) {
      named[i]!++;
      if (countries.has(candidates[i]!.country)) withCountry[i]!++;
    }
  }
  return { items: named, withCountry, asSettlement };
}

/** The candidates (as `country|alias`) the news vouches for: see VOUCH_MIN_ITEMS and
 *  VOUCH_MIN_COUNTRY_SHARE; never one the news also writes as a town. */
export function newsVouchedAliases(
  candidates: readonly AliasCandidate[],
  countryNames: ReadonlyMap<string, readonly string[]>,
  items: Iterable<NewsCorpusItem>,
  reserved: ReadonlySet<string>,
): Set<string> {
  const n = countAliasCountry(candidates, countryNames, items, reserved);
  const out = new Set<string>();
  candidates.forEach((c, i) => {
    if (n.asSettlement[i] === 0 && n.items[i]! >= VOUCH_MIN_ITEMS && n.withCountry[i]! >= VOUCH_MIN_COUNTRY_SHARE * n.items[i]!) out.add(`${c.country}|${c.alias}`);
  });
  return out;
}
