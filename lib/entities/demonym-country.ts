/**
 * Nationality adjectives and the countries they say a thing belongs to. Written right before a
 * name ("the Japanese Coast Guard", "Colombian defense minister Pedro Sánchez", "Chilean
 * Patagonia"), the adjective says whose the named thing is: a record of another country is a
 * namesake (the US Coast Guard, Spain's prime minister, an American company), not what the text
 * means. Adjectives shared by several countries ("Korean", "Congolese") list them all; ones that
 * name no single state ("Kurdish", "Arab", "Irish" for both Irelands, "Latin") are left out, so
 * they say nothing. Folded (lower case, no diacritics), ISO 3166-1 alpha-2 codes as the pack's
 * `country` fields use them.
 */
import { Shape, spaceBetween, type Token } from './normalize';

const TABLE: Record<string, string> = {
  afghan: 'AF', albanian: 'AL', algerian: 'DZ', angolan: 'AO', argentine: 'AR', argentinian: 'AR', armenian: 'AM',
  australian: 'AU', austrian: 'AT', azerbaijani: 'AZ', bahraini: 'BH', bangladeshi: 'BD', belarusian: 'BY',
  belgian: 'BE', beninese: 'BJ', bolivian: 'BO', bosnian: 'BA', brazilian: 'BR', british: 'GB', bulgarian: 'BG',
  burkinabe: 'BF', burmese: 'MM', burundian: 'BI', cambodian: 'KH', cameroonian: 'CM', canadian: 'CA', chadian: 'TD',
  chilean: 'CL', chinese: 'CN', colombian: 'CO', congolese: 'CD CG', croatian: 'HR', cuban: 'CU', cypriot: 'CY',
  czech: 'CZ', danish: 'DK', dutch: 'NL', ecuadorian: 'EC', egyptian: 'EG', emirati: 'AE', eritrean: 'ER',
  estonian: 'EE', ethiopian: 'ET', filipino: 'PH', finnish: 'FI', french: 'FR', gabonese: 'GA', gambian: 'GM',
  georgian: 'GE', german: 'DE', ghanaian: 'GH', greek: 'GR', guatemalan: 'GT', guinean: 'GN', haitian: 'HT',
  honduran: 'HN', hungarian: 'HU', icelandic: 'IS', indian: 'IN', indonesian: 'ID', iranian: 'IR', iraqi: 'IQ',
  israeli: 'IL', italian: 'IT', ivorian: 'CI', jamaican: 'JM', japanese: 'JP', jordanian: 'JO', kazakh: 'KZ',
  kenyan: 'KE', korean: 'KR KP', kosovar: 'XK', kuwaiti: 'KW', kyrgyz: 'KG', lao: 'LA', laotian: 'LA', latvian: 'LV',
  lebanese: 'LB', liberian: 'LR', libyan: 'LY', lithuanian: 'LT', malagasy: 'MG', malawian: 'MW', malaysian: 'MY',
  malian: 'ML', maltese: 'MT', mauritanian: 'MR', mexican: 'MX', moldovan: 'MD', mongolian: 'MN', montenegrin: 'ME',
  moroccan: 'MA', mozambican: 'MZ', namibian: 'NA', nepalese: 'NP', nepali: 'NP', nicaraguan: 'NI', nigerian: 'NG',
  nigerien: 'NE', norwegian: 'NO', omani: 'OM', pakistani: 'PK', palestinian: 'PS', panamanian: 'PA', paraguayan: 'PY',
  peruvian: 'PE', polish: 'PL', portuguese: 'PT', qatari: 'QA', romanian: 'RO', russian: 'RU', rwandan: 'RW',
  salvadoran: 'SV', saudi: 'SA', senegalese: 'SN', serbian: 'RS', singaporean: 'SG', slovak: 'SK', slovakian: 'SK',
  slovenian: 'SI', somali: 'SO', somalian: 'SO', spanish: 'ES', sudanese: 'SD SS', swedish: 'SE', swiss: 'CH',
  syrian: 'SY', taiwanese: 'TW', tajik: 'TJ', tanzanian: 'TZ', thai: 'TH', togolese: 'TG', tunisian: 'TN',
  turkish: 'TR', turkmen: 'TM', ugandan: 'UG', ukrainian: 'UA', uruguayan: 'UY', uzbek: 'UZ', venezuelan: 'VE',
  vietnamese: 'VN', yemeni: 'YE', zambian: 'ZM', zimbabwean: 'ZW',
  // "American" is, in English-language news, the United States.
  american: 'US',
};

const COUNTRIES = new Map<string, readonly string[]>(Object.entries(TABLE).map(([k, v]) => [k, v.split(' ')]));

/** The countries a folded nationality adjective stands for, or undefined when it names no state. */
export function countriesOfDemonym(norm: string): readonly string[] | undefined {
  return COUNTRIES.get(norm);
}

/** The countries that capitalised tokens of `tokens` name by their nationality adjectives ("Japanese", "Chilean"). */
export function demonymCountriesAmong(tokens: readonly Token[]): Set<string> {
  const out = new Set<string>();
  for (const t of tokens) if (t.shape === Shape.Cap) for (const c of COUNTRIES.get(t.norm) ?? []) out.add(c);
  return out;
}

/** The nationality adjectives, capitalised, that name only `country` ("Brazilian" for BR; not
 *  "Korean", which names two states). */
export function demonymsOfCountry(country: string): string[] {
  const out: string[] = [];
  for (const [k, v] of COUNTRIES) if (v.length === 1 && v[0] === country) out.push(k[0]!.toUpperCase() + k.slice(1));
  return out;
}

/** Lower-case words of an office that may stand between a nationality adjective and a person's
 *  name ("Colombian defense minister", "Syrian opposition leader"), besides the title words. */
const OFFICE_WORDS = new Set([
  'defense', 'defence', 'foreign', 'finance', 'interior', 'health', 'justice', 'economy', 'trade', 'energy',
  'education', 'transport', 'agriculture', 'environment', 'opposition', 'army', 'navy', 'security', 'intelligence',
  'national', 'state', 'prime', 'deputy', 'former', 'acting', 'interim', 'chief', 'top', 'senior', 'exiled', 'jailed',
  'detained', 'late', 'then', 'head', 'affairs', 'of',
]);

/**
 * The countries of a nationality adjective written before the match (`from`: its first token):
 * right before it ("the Japanese Coast Guard"), or, with `overTitles`, before up to four words of
 * an office ("Colombian defense minister Pedro Sánchez"; `isTitle(norm)`: a title word such as
 * "minister", "President"). Undefined when no such adjective is there.
 */
export function demonymOwner(text: string, tokens: Token[], from: number, overTitles: boolean, isTitle: (norm: string) => boolean): readonly string[] | undefined {
  let k = from - 1;
  for (let words = 0; ; words++) {
    const t = tokens[k];
    if (!t || !spaceBetween(text, t, tokens[k + 1]!)) return undefined;
    const c = t.shape === Shape.Cap ? COUNTRIES.get(t.norm) : undefined;
    if (c) return c;
    if (!overTitles || words >= 4 || !(isTitle(t.norm) || OFFICE_WORDS.has(t.norm))) return undefined;
    k--;
  }
}

/**
 * "Israeli military", "Russian army", "the Ukrainian capital": a nationality adjective and common
 * nouns in lower case describe a body or a place; they are not its name (the gold marks no
 * demonym phrase: README of test/eval/entities-gold). Some records carry such phrases as aliases.
 * `adjective(norm)`: a nationality or regional adjective.
 */
export function demonymDescription(tokens: Token[], from: number, to: number, adjective: (norm: string) => boolean): boolean {
  if (to - from < 2 || tokens[from]!.shape !== Shape.Cap || !adjective(tokens[from]!.norm)) return false;
  for (let k = from + 1; k < to; k++) if (tokens[k]!.shape !== Shape.Lower) return false;
  return true;
}
