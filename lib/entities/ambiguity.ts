/**
 * Word lists the linker uses to stay conservative. Folded (lower case, no diacritics).
 */

/** The months' names, folded. */
export const MONTH_NAMES: readonly string[] = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Single tokens that never link on their own: months, weekdays, and common words that are also
 *  given names or aliases somewhere in the data ("May", "Will", "Mark", "Bill"). */
export const NEVER_ALONE = new Set(
  (
    'january february march april may june july august september october november december ' +
    'monday tuesday wednesday thursday friday saturday sunday ' +
    'will mark bill rose hope grace joy faith art sky summer autumn winter spring dawn iris ' +
    'sue pat jack king queen prince major earl baron sir lord dean chase frank miles may ' +
    'the a an and or of in on at to for by with from he she it we they you i his her its our their ' +
    'this that these those here there now today new old first last next one two three ' +
    'news times post daily star sun mirror guardian independent express record herald tribune ' +
    'president minister government police army state city party union council court senate house ' +
    'republic kingdom people national federal central north south east west northern southern ' +
    'eastern western united american british european russian chinese ukrainian international ' +
    'said says just even still also only more most very much many well good best top ' +
    'black white green brown gray grey young long short little hall wall bell price love ' +
    'page story time world life home work way day week year war peace power energy justice ' +
    'liberty freedom unity independence reform progress future change alliance movement'
  ).split(/\s+/),
);

/** Known brand/organisation names that are also common words: link only when capitalised
 *  mid-sentence and not at a sentence start. */
export const WORDLIKE_ORGS = new Set(['apple', 'amazon', 'target', 'shell', 'meta', 'visa', 'oracle', 'ahead']);

/** Places whose name is also a common word or given name: need page support (see link.ts). */
export const AMBIGUOUS_PLACES = new Set([
  'jordan', 'georgia', 'turkey', 'chad', 'nice', 'reading', 'bath', 'split', 'mobile', 'orange',
  'phoenix', 'buffalo', 'victoria', 'austin', 'charlotte', 'lincoln', 'jackson', 'madison',
  'sydney', 'florence', 'eugene', 'tyler', 'troy', 'salem', 'hamilton',
  'guinea', 'niger', 'kent', 'essex', 'york', 'wells',
  'concord', 'providence', 'independence', 'mercedes', 'santiago', 'valencia', 'cordoba', 'march',
  // a common noun as a place's whole name ("Hudson's Bay" is not Bay, Somalia)
  'bay',
]);

/** Locative/political cue words around an ambiguous place name. */
export const PLACE_CUES_BEFORE = new Set(['in', 'to', 'from', 'into', 'across', 'near', 'visited', 'visit', 'visiting', 'of', 'and', 'with', 'against', 'between', 'toward', 'towards', 'via', 'neighbouring', 'neighboring', 'northern', 'southern', 'eastern', 'western', 'central', 'rural']);
export const PLACE_CUES_AFTER = new Set(['government', 'president', 'minister', 'ministry', 'border', 'army', 'military', 'capital', 'foreign', 'officials', 'authorities', 'economy', 'parliament', 'election', 'elections', 'prime', 'king', 'forces', 'troops', 'embassy', 'governor', 'legislature', 'state', 'voters', 'senate']);

/** Titles and honorifics that mark the following capitalised word(s) as a person's name. */
export const HONORIFICS = new Set([
  'president', 'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'senator', 'rep', 'representative', 'gov',
  'governor', 'chancellor', 'minister', 'premier', 'king', 'queen', 'prince', 'princess', 'pope',
  'general', 'gen', 'secretary', 'speaker', 'judge', 'justice', 'mayor', 'ayatollah', 'sheikh',
  'emir', 'sultan', 'leader', 'chairman', 'ceo', 'sir', 'dame', 'lord', 'lady', 'vice', 'pm',
  'spokesman', 'spokeswoman', 'spokesperson', 'envoy', 'ambassador', 'commissioner', 'adviser', 'advisor',
]);

/** Capitalised words that may follow a name without making it part of a longer unknown name:
 *  titles ("Ukraine President Zelensky"), "Administration", party nouns ("Texas Democrats"),
 *  months and weekdays ("Trump Monday"). */
export const CAP_OK_AFTER = new Set([
  ...HONORIFICS,
  'prime', 'foreign', 'deputy', 'former', 'acting', 'interim', 'chief', 'administration',
  'democrat', 'democrats', 'republican', 'republicans', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  ...MONTH_NAMES,
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);

/** Capitalised words that may precede a name without making it part of a longer unknown name:
 *  titles ("Prime Minister Starmer", "Secretary of State Rubio"), party words ("Democratic Sen."),
 *  "Former", "First Lady". Demonyms ("Russian President") are recognised by their ending. */
export const CAP_OK_BEFORE = new Set([
  ...HONORIFICS,
  'prime', 'foreign', 'deputy', 'former', 'late', 'then', 'ex', 'acting', 'interim', 'first', 'state', 'attorney', 'chief',
  'crown', 'director', 'coach', 'officer', 'sgt', 'lt', 'col', 'capt', 'maj', 'adm', 'cpl', 'rev', 'father', 'bishop',
  'cardinal', 'rabbi', 'imam', 'sheik', 'supreme', 'presidents', 'senators', 'ministers', 'leaders',
  'democrat', 'democratic', 'democrats', 'republican', 'republicans', 'labour', 'conservative', 'tory', 'liberal', 'gop',
  'and', 'or', 'but', 'if', 'as', 'when', 'while', 'after', 'before', 'since', 'because', 'with', 'in', 'on', 'at', 'for', 'from', 'by', 'to',
]);

/** Capitalised words before "of" that still leave the following name standing on its own
 *  ("President of Russia", "the State of Israel", "Kingdom of Saudi Arabia"). */
export const CAP_OK_BEFORE_OF = new Set([
  ...HONORIFICS, 'state', 'republic', 'republica', 'republique', 'repubblica', 'kingdom', 'reino', 'royaume', 'emirate', 'commonwealth', 'people', 'citizens', 'residents', 'parts',
  'most', 'much', 'all', 'some', 'many', 'none', 'one', 'each', 'north', 'south', 'east', 'west', 'outside', 'inside',
  // "the Galápagos Islands of Ecuador", "the Northern Highlands of Tanzania": a country's own lands, which lie in it.
  'islands', 'isles', 'highlands', 'lowlands', 'provinces', 'territories', 'waters',
]);

/** Nouns after a person's name that make the phrase a government ("Obama administration"). */
export const GOVERNMENT_NOUNS = new Set(['administration', 'government']);

/** Capitalised nouns that end an organisation's name: after a title-like word ("General",
 *  "Foreign") they show the whole phrase is one name ("U.N. General Assembly"). */
export const ORG_NOUNS = new Set([
  'assembly', 'council', 'committee', 'command', 'staff', 'court', 'office', 'department', 'ministry',
  'bank', 'fund', 'agency', 'commission', 'service', 'services', 'hospital', 'university', 'school',
  'college', 'institute', 'party', 'embassy', 'consulate', 'conference', 'secretariat', 'headquarters',
  'board', 'authority', 'corporation', 'association', 'foundation', 'directorate', 'bureau', 'affairs',
]);

/** "<Seat> in <City>": a mission named after where it sits ("Embassy in Tunis"). */
export const SEAT_NOUNS = new Set(['embassy', 'consulate', 'mission', 'office', 'bureau', 'headquarters', 'delegation']);

/** Legislative chambers written by their common noun ("the Senate", "the House"): they link only
 *  to a pack record that carries the noun as an alias, and only for the page's own country. */
export const CHAMBERS = new Set(['senate', 'house']);

/** Words of institution names that say nothing about whose they are ("House of Representatives",
 *  "Supreme Court", "National Assembly", "Congress"). */
export const INSTITUTION_WORDS = new Set([
  'house', 'of', 'the', 'representatives', 'commons', 'lords', 'senate', 'congress', 'parliament', 'supreme', 'court',
  'national', 'assembly', 'federal', 'council', 'ministry', 'cabinet', 'high', 'constitutional', 'legislative',
  'central', 'bank', 'reserve', 'police', 'army', 'navy', 'air', 'force', 'defence', 'defense', 'foreign', 'interior',
  'justice', 'finance', 'health', 'department', 'state', 'government', 'chamber', 'deputies', 'election', 'commission',
]);

/**
 * Nationality and regional adjectives that may stand before a name without being part of it
 * ("Russian President", "Israeli Prime Minister Netanyahu", "Iraqi Kurdish leader"). A word is
 * recognised here or by an unambiguous ending (-ese, -ish); the looser endings (-an, -i, -ic, -ch)
 * are also the endings of given names ("Vassili Peskov", "Eric Trump", "Ryan Smith"), so words with
 * those endings must be listed.
 */
export const DEMONYMS = new Set(
  (
    'american russian ukrainian european african asian arab arabian australian austrian belgian brazilian bulgarian ' +
    'canadian chilean colombian croatian cuban egyptian estonian ethiopian georgian german hungarian indian ' +
    'indonesian iranian italian jamaican jordanian kenyan korean latvian lithuanian libyan malaysian mexican ' +
    'moroccan nigerian norwegian palestinian peruvian romanian serbian slovakian slovenian syrian tunisian ' +
    'venezuelan algerian armenian bosnian cambodian argentinian bolivian ecuadorian haitian nicaraguan ' +
    'paraguayan uruguayan guatemalan honduran salvadoran dominican panamanian mauritanian sudanese ' +
    'afghan cuban mongolian russian-backed iranian-backed californian texan floridian virginian ' +
    'canadian-american african-american asian-american mexican-american european-american catalan ' +
    'chechen belarusian macedonian albanian anatolian caucasian latin latino latina hispanic ' +
    'israeli iraqi pakistani saudi yemeni kuwaiti omani qatari emirati bahraini bangladeshi somali ' +
    'nepali azerbaijani uzbek kazakh tajik turkmen kyrgyz afghani thai malawian zambian ' +
    'pakistani-american iraqi-kurdish kurdish ' +
    'islamic arabic baltic nordic slavic celtic icelandic pacific atlantic democratic republican catholic ' +
    'french dutch czech greek swiss turkish polish danish swedish finnish irish scottish welsh british english spanish ' +
    'chinese japanese vietnamese portuguese taiwanese lebanese senegalese congolese maltese burmese nepalese ' +
    'rwandan ugandan tanzanian ghanaian zimbabwean cameroonian ivorian malian nigerien chadian eritrean lankan ' +
    'namibian angolan mozambican liberian gambian singaporean filipino tibetan uyghur kashmiri punjabi crimean ' +
    'bavarian sicilian corsican kosovar montenegrin moldovan dagestani ossetian tatar persian ottoman soviet ' +
    'sunni shiite shia christian muslim jewish hindu sikh orthodox'
  ).split(/\s+/),
);

/** Words of party names that many countries share ("Democratic Party", "Labour Party", "the
 *  Conservatives"): a name made only of these is a party of the country the page is about. */
export const GENERIC_PARTY_WORDS = new Set([
  'the', 'democratic', 'democrats', 'democrat', 'republican', 'republicans', 'party', 'labour', 'labor', 'liberal', 'liberals',
  'conservative', 'conservatives', 'socialist', 'socialists', 'social', 'green', 'greens', 'national', 'people', 'peoples',
  'progressive', 'progressives', 'united', 'workers', 'communist', 'new', 'justice', 'freedom', 'and', 'of', 'for', 'unity',
]);

/** The commonest words of the other languages our pages come in (Spanish, French, German,
 *  Italian, Portuguese): articles, pronouns and small numbers. A one-word name spelled like one
 *  ("Uno", "Una", "Deux", "Drei") is that word on a non-English page far more often than a brand. */
export const FOREIGN_FUNCTION_WORDS = new Set(
  (
    'uno una unos unas dos tres cuatro cinco el la los las del con por para que como pero este esta eso ' +
    'un une deux trois quatre cinq le les des du au aux avec pour sur dans mais ce cette qui ' +
    'ein eine einer zwei drei vier funf der die das dem den des und mit fur auf aus ich wir sie ' +
    'due tre quattro cinque il lo gli della delle con per che ' +
    'um uma dois duas tres quatro os as do da dos das com para'
  ).split(/\s+/),
);
