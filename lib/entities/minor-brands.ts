/**
 * Minor brands abroad (issue #4, session 19): the pack's least prominent companies (the reference
 * data's shop and brand index seats them at prominence 40 and below) include one-word names that
 * are also a street's, a place's or a word's: the Hong Kong retailer "Broadway" (the theatre district in
 * every audit that met it), the Serbian "Laguna" (a Philippine province), the South African
 * "Separations" (a headline's word). Such a name links only with support: the page names the
 * brand's country (the linked names' countries and the nationality adjectives: page.named()), or
 * the block reads as business news (a business noun: "mining company Glencore", "Rosatom chief").
 * On a page that names other countries and neither, the name is the other thing.
 * Pure functions over a record, the page's country counts and a block's tokens.
 */
import type { PackEntity } from '../dataset/schema';
import { namesCountry, namesOtherCountry } from './namesake-country';
import { Shape, type Token } from './normalize';

/** The brand index's seats: prominence 40 and below (session 18's pack: 170 companies). */
const MINOR_PROMINENCE = 40;

/** Lower-case nouns of business news that say a company is meant. */
const BUSINESS_WORDS = new Set([
  'company', 'companies', 'firm', 'firms', 'corporation', 'conglomerate', 'retailer', 'retailers', 'chain', 'brand', 'brands',
  'maker', 'manufacturer', 'producer', 'giant', 'operator', 'ceo', 'chief', 'executive', 'executives', 'shares', 'stock',
  'subsidiary', 'startup', 'supplier', 'contractor', 'store', 'stores', 'shop', 'shops', 'investors', 'revenue', 'profit',
]);

/** Does the block use a business noun in lower case ("company", "shares")? */
function businessBlock(tokens: readonly Token[]): boolean {
  for (const t of tokens) if (t.shape === Shape.Lower && t.end - t.start >= 3 && BUSINESS_WORDS.has(t.norm)) return true;
  return false;
}

/**
 * Is company `e`, matched by one word, a minor brand abroad without support: prominence 40 or less,
 * of a country the page does not name (beyond `own`, its own mentions' share) while naming another,
 * in a block with no business noun?
 */
export function minorBrandUnsupported(e: PackEntity, named: () => ReadonlyMap<string, number>, own: number, tokens: readonly Token[]): boolean {
  if (e.subtype !== 'company' || !e.country || (e.prominence ?? 30) > MINOR_PROMINENCE) return false;
  // The page's counts only now (made once a page, on first ask: most companies are not minor).
  const counts = named();
  return !namesCountry(counts, e.country, own) && namesOtherCountry(counts, e.country) && !businessBlock(tokens);
}
