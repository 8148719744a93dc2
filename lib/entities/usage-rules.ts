/**
 * Shapes of text around a matched name that say it is not a mention of the entity: the name is
 * the first part of a longer numbered name, or a brand used as a verb. Pure functions over the
 * block's text and tokens, called by the linker (link.ts).
 */
import { apostropheS, asciiDigitsAt, hyphenAt, Shape, spaceBetween, type Token } from './normalize';

/** An ASCII digit, then a space or a no-break space, right before `at`. */
function spaceAndDigitBefore(text: string, at: number): boolean {
  const c = text.charCodeAt(at - 1), d = text.charCodeAt(at - 2);
  return (c === 32 || c === 0xa0) && d >= 48 && d <= 57;
}

/**
 * "France 3 Limousin", "Channel 4 News", "Radio 1 Extra": a name, a one- or two-digit number and a
 * capitalised word are one longer name (a station, a team), not the country or city inside it.
 * `to` is the token after the match.
 */
export function numberedLongerName(text: string, tokens: Token[], to: number): boolean {
  const last = tokens[to - 1], num = tokens[to], after = tokens[to + 1];
  if (!last || !num || !after || num.end - num.start > 2) return false;
  // Asked of every match, and most are followed by a short word ("of", "in"): its one or two digits
  // read as character codes, not a slice and a regex (issue #8, linking long pages).
  return asciiDigitsAt(text, num.start, num.end) && after.shape === Shape.Cap && spaceBetween(text, last, num) && spaceBetween(text, num, after);
}

/** Object pronouns that follow a brand used as a verb ("Google it", "Photoshop them"). */
const OBJECT_PRONOUNS = new Set(['it', 'them', 'him', 'her', 'me', 'us', 'yourself', 'themselves', 'myself']);

/**
 * A one-word brand used as a verb: "Google \"<noun>.js\"", "just Google it". The name is followed
 * by a quoted phrase or an object pronoun — neither follows a company named as the subject
 * ("Google said", "Google's").
 */
export function brandAsVerb(text: string, tokens: Token[], from: number, to: number): boolean {
  if (to - from !== 1) return false;
  const name = tokens[from]!, next = tokens[to];
  // A space, then an opening quote: two character codes, not a slice and a regex (issue #8).
  const charCode = String.prototype.charCodeAt;
  const s0 = charCode.call(text, name.end), q = charCode.call(text, name.end + 1);
  if ((s0 === 32 || s0 === 0xa0) && (q === 34 || q === 0x201c || q === 0xab)) return true;
  return !!next && OBJECT_PRONOUNS.has(next.norm) && next.shape === Shape.Lower && spaceBetween(text, name, next)
    && !/^[ \u00a0]+(it|them|him|her|me|us)[ \u00a0]+(is|was|has|had|does|did|will|would|can|could|should|may|might|must)\b/i.test(text.slice(name.end, name.end + 24));
}

/**
 * "US$1,400", "A$20", "HK$ 5bn": a country's initials glued to a currency sign are the currency,
 * not a mention of the country. `to` is the token after the match.
 */
export function currencyPrefix(text: string, tokens: Token[], to: number): boolean {
  const last = tokens[to - 1];
  if (!last) return false;
  // One character code, not a slice and a regex: asked of every match (issue #8, linking long pages).
  const c = String.prototype.charCodeAt.call(text, last.end);
  return c === 36 || c === 0x20ac || c === 0xa3 || c === 0xa5;
}

/** Lower-case nouns after a name that make the whole phrase a product, a strain or a disease named
 *  after it ("the Marburg virus", "Havana syndrome", "Lassa fever", "the Zaire strain"). */
const NAMED_AFTER_NOUNS = new Set(['vaccine', 'vaccines', 'jab', 'jabs', 'variant', 'variants', 'subvariant', 'subvariants',
  'virus', 'viruses', 'syndrome', 'fever', 'strain', 'strains', 'flu']);

/**
 * "the Oxford–AstraZeneca vaccine", "the Pfizer–BioNTech COVID-19 vaccine", "the Delta variant":
 * a name (with up to three more capitalised or numbered words joined to it by a space or a dash)
 * followed by "vaccine" or "variant" names a vaccine or a virus strain, not the company, the city
 * or the place. "Pfizer said its vaccine" is untouched: the noun must follow the name directly.
 */
export function namesProductOrStrain(text: string, tokens: Token[], to: number): boolean {
  // Asked of every match: the gap and the digits are read as character codes, not as slices and
  // regexes (issue #8, linking long pages).
  const charCode = String.prototype.charCodeAt;
  for (let k = to, extra = 0; k < tokens.length && extra <= 3; k++) {
    const prev = tokens[k - 1]!, t = tokens[k]!;
    // One space, no-break space, hyphen or dash (U+2010–U+2013) between.
    if (t.start - prev.end !== 1) return false;
    const g = charCode.call(text, prev.end);
    if (g !== 32 && g !== 0xa0 && g !== 45 && !(g >= 0x2010 && g <= 0x2013)) return false;
    if (t.shape === Shape.Lower && !asciiDigitsAt(t.norm, 0, t.norm.length)) return NAMED_AFTER_NOUNS.has(t.norm);
    extra++;
  }
  return false;
}

/**
 * "the U-20 World Cup", "Under-17 Euro", "U21 Championship": an age-group prefix makes a youth
 * edition, another event than the senior one the pack knows by the same words. `from` is the
 * match's first token.
 */
export function youthEditionBefore(text: string, tokens: Token[], from: number): boolean {
  const first = tokens[from];
  // Quick no (the linker asks this of every match): the pattern ends in a digit and a space.
  if (!first || !spaceAndDigitBefore(text, first.start)) return false;
  return /(?:^|[^\p{L}\p{N}])(?:U|Under)[- ]?\d{2}[ \u00a0]$/u.test(text.slice(Math.max(0, first.start - 10), first.start));
}

/** Holidays whose last word is also a name the pack knows ("Eve", a singer). */
const HOLIDAY_HEADS = new Set(['christmas', 'year', 'hallows', 'midsummer']);

/**
 * "New Year's Eve", "Christmas Eve", "All Hallows' Eve": the word after a holiday's head is part of
 * the holiday, not a one-word name.
 */
export function holidayTail(text: string, tokens: Token[], from: number, to: number): boolean {
  if (to - from !== 1 || tokens[from]!.norm !== 'eve') return false;
  let k = from - 1;
  // "Year's", "Hallows'": the possessive's "s" is its own token after an apostrophe.
  if (apostropheS(text, tokens, k)) k--;
  const head = tokens[k];
  if (!head || !HOLIDAY_HEADS.has(head.norm) || head.shape !== Shape.Cap) return false;
  return /^['\u2019]?s?['\u2019]?[ \u00a0]$/.test(text.slice(head.end, tokens[from]!.start));
}

/**
 * "National Coalition of Syrian Revolutionary and Opposition Forces", "Union of Islamic Courts":
 * an organisation's name going on with "of (the) <nationality adjective>" is a longer name the
 * pack does not know — an adjective cannot end a name, so the name goes on past it. Any other
 * word after "of" may be the same body's fuller name ("Wharton School of Business") and is left
 * alone. `to` is the token after the match; `adjective(norm)`: a nationality or regional adjective.
 */
export function organisationGoesOnWithOf(text: string, tokens: Token[], to: number, adjective: (norm: string) => boolean): boolean {
  const last = tokens[to - 1], of = tokens[to];
  if (!last || !of || of.norm !== 'of' || of.shape !== Shape.Lower || !spaceBetween(text, last, of)) return false;
  let k = to + 1;
  if (tokens[k]?.norm === 'the' && tokens[k]!.shape === Shape.Lower && spaceBetween(text, of, tokens[k]!)) k++;
  const head = tokens[k];
  return !!head && head.shape === Shape.Cap && spaceBetween(text, tokens[k - 1]!, head) && adjective(head.norm);
}

/**
 * "UN Under-Secretary-General", "EU Deputy-Director": a capitalised word joined by a hyphen to a
 * title after a name is the start of a title, not more of the name. `to` is the token after the
 * match; `isTitle(norm)`: a title word (honorifics and office words).
 */
export function hyphenatedTitleAfter(text: string, tokens: Token[], to: number, isTitle: (norm: string) => boolean): boolean {
  const last = tokens[to - 1], head = tokens[to], tail = tokens[to + 1];
  if (!last || !head || !tail || head.shape !== Shape.Cap || !spaceBetween(text, last, head)) return false;
  return /^[-\u2010\u2011]$/.test(text.slice(head.end, tail.start)) && isTitle(tail.norm);
}

/**
 * "A$AP Rocky": letters right after a dollar sign glued to a word are part of that stylised name,
 * not initials ("AP"). `from` is the match's first token.
 */
export function afterGluedDollar(text: string, tokens: Token[], from: number): boolean {
  const first = tokens[from];
  // Quick no (asked of every match): the pattern ends in "$".
  if (!first || text.charCodeAt(first.start - 1) !== 36) return false;
  return /[\p{L}\p{N}]\$$/u.test(text.slice(Math.max(0, first.start - 2), first.start));
}

/**
 * "a Piper PA-34 Seneca", "a Lockheed F-117 Nighthawk": after a maker's name and a hyphenated model
 * code, a one-word name is the model's, not the person, people or place. `from` is the match's first token.
 */
export function afterModelCode(text: string, tokens: Token[], from: number, to: number): boolean {
  const first = tokens[from];
  if (!first || to - from !== 1) return false;
  // Quick no (asked of every one-word match): the pattern ends in a digit or a capital letter
  // and a space; most names follow a lower-case word.
  const c = text.charCodeAt(first.start - 1), d = text.charCodeAt(first.start - 2);
  if ((c !== 32 && c !== 0xa0) || (d < 128 && !(d >= 48 && d <= 57) && !(d >= 65 && d <= 90))) return false;
  // The code's digits (\d is 0–9 only) end it, or come right before its one final capital ("A4-300B").
  const e = text.charCodeAt(first.start - 3);
  if (!(d >= 48 && d <= 57) && !(e >= 48 && e <= 57)) return false;
  return /(?:^|[^\p{L}])\p{Lu}\p{Ll}+[ \u00a0]\p{Lu}{1,4}-\d{1,4}\p{Lu}?[ \u00a0]$/u.test(text.slice(Math.max(0, first.start - 24), first.start));
}

/** Adjectives of a continent or a region of several countries. */
const SUPRANATIONAL_ADJECTIVES = new Set(['european', 'african', 'asian', 'arab', 'nordic', 'scandinavian', 'caribbean', 'balkan', 'baltic', 'pan']);

/**
 * "European People's Party", "African National Congress of …": a continent's adjective right
 * before a national party's name, which the record does not carry, makes it a transnational party,
 * not the national namesake the pack knows ("People's Party" in Portugal). A country's own adjective
 * ("Egyptian Muslim Brotherhood") says nothing against it and is left alone.
 * `names`: the record's name and aliases.
 */
export function partyAfterContinentAdjective(text: string, tokens: Token[], from: number, names: readonly string[]): boolean {
  const prev = tokens[from - 1], first = tokens[from];
  if (!prev || !first || prev.shape !== Shape.Cap || !spaceBetween(text, prev, first) || !SUPRANATIONAL_ADJECTIVES.has(prev.norm)) return false;
  const word = text.slice(prev.start, prev.end).toLowerCase();
  return !names.some((n) => n.toLowerCase().includes(word));
}

/**
 * "White House Principal Deputy Press Secretary Karine Jean-Pierre": capitalised words after a
 * name that run into a title word and then a known name are a title before a person, so the first
 * name ends where the title begins. At most four words of title; `to` is the token after the match;
 * `isTitle(norm)`: a title word; `startsName(k)`: a known name starts at token k.
 */
export function titleRunBeforeName(text: string, tokens: Token[], to: number, isTitle: (norm: string) => boolean, startsName: (k: number) => boolean): boolean {
  for (let k = to; k < Math.min(tokens.length - 1, to + 4); k++) {
    const t = tokens[k]!;
    if (t.shape === Shape.Lower || !spaceBetween(text, tokens[k - 1]!, t)) return false;
    if (isTitle(t.norm) && spaceBetween(text, t, tokens[k + 1]!) && tokens[k + 1]!.shape !== Shape.Lower && startsName(k + 1)) return true;
  }
  return false;
}

/** Lower-case nouns of places and prizes named after a person ("Charles de Gaulle airport"). */
const NAMED_FOR_PERSON_NOUNS = new Set([
  'airport', 'airports', 'airfield', 'airbase', 'stadium', 'arena', 'station', 'bridge', 'tunnel', 'dam',
  'street', 'avenue', 'boulevard', 'highway', 'expressway', 'freeway', 'hospital', 'library', 'museum',
  'prize', 'prizes', 'award', 'awards', 'medal', 'trophy', 'scholarship', 'fellowship', 'doctrine',
  // Craft and instruments ("the Euclid space telescope", "the Galileo spacecraft"); not "probe":
  // "the Mueller probe" is his inquiry.
  'telescope', 'spacecraft', 'rover', 'lander', 'orbiter', 'submersible', 'airship',
]);

/**
 * "Charles de Gaulle airport", "the Kennedy Center stadium", "the Sakharov prize": a person's name
 * followed directly by a facility's or a prize's noun in lower case names the thing named after
 * them, not the person; so does a craft's noun, after "space" too ("the Euclid space telescope").
 * A statue or a memorial is left alone: it stands for the person. `to` is the token after the match.
 */
export function namedAfterPerson(text: string, tokens: Token[], to: number): boolean {
  const last = tokens[to - 1], next = tokens[to];
  if (!last || !next || next.shape !== Shape.Lower || !spaceBetween(text, last, next)) return false;
  if (NAMED_FOR_PERSON_NOUNS.has(next.norm)) return true;
  // "the Euclid space telescope": "space" between the name and the craft's noun.
  const after = tokens[to + 1];
  return next.norm === 'space' && !!after && after.shape === Shape.Lower && spaceBetween(text, next, after) && NAMED_FOR_PERSON_NOUNS.has(after.norm);
}

/**
 * "Rzeszów–Jasionka Airport", "Minneapolis–Saint Paul International Airport": a name joined by a
 * hyphen or a dash to a capitalised word, with the name of a facility or a body going on after it,
 * is the first part of that longer name. A lower-case word after the pair ("the Israel–Hamas war")
 * leaves the name alone. `to`: the token after the match; `endsName(norm)`: a noun that ends a
 * facility's or an organisation's name.
 */
export function dashCompoundName(text: string, tokens: Token[], to: number, endsName: (norm: string) => boolean): boolean {
  const last = tokens[to - 1], other = tokens[to];
  if (!last || !other || other.shape !== Shape.Cap || !/^[-\u2010-\u2013]$/.test(text.slice(last.end, other.start))) return false;
  for (let k = to + 1; k < Math.min(tokens.length, to + 4); k++) {
    const t = tokens[k]!;
    if (t.shape !== Shape.Cap || !spaceBetween(text, tokens[k - 1]!, t)) return false;
    if (endsName(t.norm)) return true;
  }
  return false;
}

/**
 * "the 2020 Olympics", "the 2018 World Cup": a year written right before an event's name picks one
 * edition. `from` is the match's first token; the year as written, or undefined.
 */
export function editionYearBefore(text: string, tokens: Token[], from: number): string | undefined {
  const year = tokens[from - 1], first = tokens[from];
  if (!year || !first || !spaceBetween(text, year, first)) return undefined;
  const y = text.slice(year.start, year.end);
  return /^(1[89]|20)\d\d$/.test(y) ? y : undefined;
}

/**
 * "Super Bowl LVIII", "WrestleMania XL", "Euro 2024", "Expo 2020": a Roman numeral or a year written
 * right after an event's name picks one edition. `to` is the token after the match; the numeral or
 * year as written, or undefined. A Roman numeral is two letters or more ("I" is a pronoun).
 */
export function editionAfter(text: string, tokens: Token[], to: number): { roman: boolean; label: string } | undefined {
  const last = tokens[to - 1], next = tokens[to];
  if (!last || !next || !spaceBetween(text, last, next)) return undefined;
  const w = text.slice(next.start, next.end);
  if (/^(1[89]|20)\d\d$/.test(w)) return { roman: false, label: w };
  if (w.length >= 2 && /^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/.test(w)) return { roman: true, label: w };
  return undefined;
}

/**
 * "the Asia-Pacific region", "the Iran-Contra affair", "Paris-Saclay": a place's name joined by a
 * hyphen to a capitalised word that starts no name the pack knows is the first part of
 * another name. Two known names so joined ("Israel-Hamas war", "Russia–Ukraine") are left alone, and
 * so is a nationality adjective after the dash ("U.S.-Israeli relations"). `to`: the token after the
 * match; `startsName(k)`: a known name starts at token k; `adjective(norm)`: a nationality adjective.
 */
export function dashJoinedToUnknown(text: string, tokens: Token[], to: number, startsName: (k: number) => boolean, adjective: (norm: string) => boolean): boolean {
  const last = tokens[to - 1], other = tokens[to];
  if (!last || !other || other.shape !== Shape.Cap || other.start - last.end !== 1) return false;
  // A hyphen only: an en dash joins two places ("the Rzeszów–Kraków road"), whether the pack knows both or not.
  return hyphenAt(text, last.end) && !startsName(to) && !adjective(other.norm) && !COMPOUND_MODIFIERS.has(other.norm);
}

/** Words after a hyphen that make a place's name a modifier, not part of a longer name: "Russia-linked
 *  hackers", "Iran-backed militias", "U.S.-based", capitalised in a title-case headline ("Russia-Linked"). */
const COMPOUND_MODIFIERS = new Set(['linked', 'backed', 'led', 'based', 'born', 'owned', 'allied', 'aligned', 'funded', 'made', 'controlled',
  'occupied', 'held', 'bound', 'sponsored', 'friendly', 'style', 'era', 'inspired', 'affiliated', 'run', 'headquartered', 'registered',
  'flagged', 'bred', 'raised', 'educated', 'trained', 'supported', 'armed', 'focused', 'centric', 'related', 'wide', 'bashing', 'specific', 'listed']);

/** Prefixes written with a hyphen before a name that stays that name ("Anti-Israel", "Pro-Russian", "Ex-Soviet"). */
const DASH_PREFIXES = new Set(['anti', 'pro', 'pan', 'ex', 'mid', 'post', 'pre', 'non', 'neo', 'sub', 'trans', 'inter', 'intra', 'north', 'south', 'east', 'west', 'central', 'greater', 'upper', 'lower']);

/**
 * "Crans-Montana", "Saint-Denis", "Stratford-upon-Avon": the mirror of dashJoinedToUnknown, a
 * place's name right after a capitalised word and a hyphen that ends no name the pack knows is the
 * last part of another name. Two known names ("Israel-Gaza"), a nationality adjective ("Sino-",
 * "Franco-" are not names either, but "Russian-Ukraine" is) and prefixes ("Anti-Israel") are left
 * alone, and so is a route ("the Damboa-Maiduguri highway"). `from`, `to`: the match's tokens; `endsName(k)`: a known name ends right before token k.
 */
export function dashJoinedAfterUnknown(text: string, tokens: Token[], from: number, to: number, endsName: (k: number) => boolean, adjective: (norm: string) => boolean): boolean {
  const other = tokens[from - 1], first = tokens[from];
  if (!other || !first || other.shape !== Shape.Cap || first.start - other.end !== 1) return false;
  if (!hyphenAt(text, other.end) || endsName(from) || adjective(other.norm) || DASH_PREFIXES.has(other.norm)) return false;
  // "the Damboa-Maiduguri highway": two places joined by what runs between them, one unknown to the pack.
  const next = tokens[to];
  return !(next && next.shape === Shape.Lower && ROUTE_NOUNS.has(next.norm) && spaceBetween(text, tokens[to - 1]!, next));
}

/** What runs between two places written "A-B": "the Damboa-Maiduguri highway", "the Paris-Lyon line". */
const ROUTE_NOUNS = new Set(['highway', 'road', 'railway', 'railroad', 'rail', 'line', 'route', 'corridor', 'expressway', 'motorway', 'freeway', 'pipeline', 'border', 'flight', 'train', 'bus', 'axis']);

/** Words after a region's adjective that leave it a noun: "the Caribbean and Mexico", "in the
 *  Caribbean under …", "the Caribbean region" (the gold marks the name there). */
const AFTER_REGION_NOUN = new Set(['and', 'or', 'but', 'nor', 'in', 'on', 'at', 'to', 'from', 'with', 'by', 'for', 'of', 'under', 'over',
  'into', 'through', 'during', 'since', 'is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'may', 'as',
  'than', 'that', 'which', 'who', 'where', 'when', 'while', 'after', 'before', 'until', 'amid', 'including', 'region', 'says', 'said']);

/**
 * "the first Caribbean team", "several Caribbean islands", "the Caribbean archipelago", "Epstein On
 * Caribbean Island": a region whose name is also its adjective (SUPRANATIONAL_ADJECTIVES), written
 * right before a noun, is the adjective (the gold marks no adjective), not the region. `from`, `to`:
 * the one-word match.
 */
export function regionAdjectiveBeforeNoun(text: string, tokens: Token[], from: number, to: number): boolean {
  if (to - from !== 1 || !SUPRANATIONAL_ADJECTIVES.has(tokens[from]!.norm)) return false;
  const next = tokens[to], prev = tokens[from - 1];
  // "the eastern Caribbean increases …": a part of the region is the region, a verb may follow.
  if (prev && REGION_PART_ADJECTIVES.has(prev.norm)) return false;
  // "the ban on flights through the Caribbean imposed after …": a participle, not a noun.
  return !!next && spaceBetween(text, tokens[from]!, next) && /^\p{L}/u.test(next.norm) && next.shape !== Shape.Upper && !AFTER_REGION_NOUN.has(next.norm) && !next.norm.endsWith('ed');
}

/** Adjectives that make a region's name a part of the region ("the eastern Caribbean"). */
const REGION_PART_ADJECTIVES = new Set(['eastern', 'western', 'northern', 'southern', 'central', 'wider', 'greater', 'whole', 'entire']);
