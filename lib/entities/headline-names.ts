/**
 * Longer names in headline-style (title-case) lines. In "Trump Says He Will Run" every word is
 * capitalised, so the linker's usual sign of a longer unknown name (a capitalised word right before
 * or after a known one) says nothing there and is switched off (link.ts insideLongerName). Two
 * signs do not depend on capitals and still hold in a headline:
 *  - a common given name right before the match makes it the surname of an unknown person
 *    ("Michelle Obama", "Robert Mueller", "Joe Scarborough" when the pack lacks them);
 *  - a short run of words after the match that ends in an organisation's or facility's noun makes
 *    the match the first part of that name ("U.S. Men's Soccer Team", "Santa Fe High School").
 * Also what a name spelt like an ordinary word ("Male", "Queens", "AS FAR") needs in such a line,
 * where its capitals are the headline's: a cue of its type, or the record's own spelling elsewhere.
 * Pure functions over a block's tokens.
 */
import { NAME_PARTICLES } from './name-continuations';
import { apostropheS, Shape, spaceBetween, type Token } from './normalize';

/**
 * Common given names of English-language news (the most frequent first names of US and UK people
 * in the news); folded. Names that are also ordinary title words ("Will", "Mark", "Bill", "Grace",
 * "Hope", "Rose", "May", "Jack", "Frank", "Chase") are left out: in a headline they are verbs and nouns;
 * so are names of places ("Virginia", "Jordan", "Austin").
 */
export const COMMON_GIVEN_NAMES = new Set(
  (
    'james john robert michael david richard joseph thomas charles christopher daniel matthew anthony donald ' +
    'steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary ' +
    'nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander patrick raymond ' +
    'dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle noah ethan jeremy walter ' +
    'christian keith roger terry sean gerald carl harold dylan arthur lawrence jesse bryan billy ' +
    'bruce gabriel joe logan alan juan albert willie elijah wayne randy vincent mason roy ralph bobby russell ' +
    'bradley philip eugene mike tom jim bob dave steve chris tony ted ken dan nick ben sam greg jeff rick ' +
    'mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty sandra margaret ' +
    'ashley kimberly emily donna michelle carol amanda melissa deborah stephanie dorothy rebecca sharon laura ' +
    'cynthia amy kathleen angela shirley brenda emma anna pamela nicole samantha katherine christine helen ' +
    'debra rachel carolyn janet maria catherine heather diane olivia julie joyce ruth lauren ' +
    'kelly christina joan evelyn judith andrea hannah megan cheryl jacqueline martha teresa gloria sara ' +
    'janice ann kathryn abigail sophia frances jean alice judy isabella julia denise amber doris marilyn danielle ' +
    'beverly theresa diana natalie brittany marie kayla alexis lori kate katie meghan hillary nancy ' +
    'kamala ivanka melania jill sue liz beth jen meg alexandria ilhan rashida nikki marjorie lauren kellyanne ' +
    'mitch lindsey kirsten elizabeth bernie kevin chuck rudy jared hunter beto pete cory mitt newt rand marco'
  ).split(/\s+/),
);

/** Nouns that end the name of an organisation, a team or a facility ("… Soccer Team", "… High School"). */
const NAME_END_NOUNS = new Set([
  'team', 'club', 'school', 'university', 'college', 'academy', 'institute', 'hospital', 'airport', 'station',
  'stadium', 'arena', 'church', 'cathedral', 'mosque', 'temple', 'museum', 'library', 'zoo', 'park', 'prison', 'jail',
  'court', 'council', 'committee', 'commission', 'department', 'ministry', 'agency', 'bureau', 'office',
  'board', 'authority', 'company', 'corporation', 'bank', 'fund', 'foundation', 'association', 'society', 'union',
  'party', 'network', 'hotel', 'casino', 'mall', 'bridge', 'festival', 'orchestra', 'band',
]);

/** Words a headline capitalises that cannot be inside a name: prepositions, conjunctions, verbs of
 *  saying ("Soar In France After Cathedral Fire" is not "France After Cathedral"). */
const HEADLINE_GLUE = new Set([
  'in', 'on', 'at', 'to', 'for', 'with', 'from', 'into', 'onto', 'over', 'under', 'after', 'before', 'amid', 'against',
  'about', 'as', 'by', 'near', 'during', 'despite', 'without', 'and', 'or', 'but', 'nor', 'than', 'vs', 'versus',
  'says', 'said', 'is', 'are', 'was', 'were', 'be', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'may', 'might',
  'gets', 'wins', 'takes', 'makes', 'hits', 'slams', 'calls', 'asks', 'tells', 'wants', 'warns', 'faces', 'finds',
]);

/** "Michelle Obama": a common given name, capitalised, right before the match (`from`: its first token). */
export function givenNameBefore(text: string, tokens: Token[], from: number): boolean {
  const prev = tokens[from - 1], first = tokens[from];
  return !!prev && !!first && prev.shape === Shape.Cap && COMMON_GIVEN_NAMES.has(prev.norm) && spaceBetween(text, prev, first);
}

/**
 * "U.S. Men's Soccer Team", "Santa Fe High School Shooting": one to three capitalised words after
 * the match (a possessive "'s" between them allowed), joined by spaces, the last of them a noun that
 * ends an organisation's or facility's name, and none of them the start of a known name.
 * `to`: the token after the match; `startsName(k)`: a known name starts at token k.
 */
export function nameEndsAfter(text: string, tokens: Token[], to: number, startsName: (k: number) => boolean): boolean {
  let words = 0;
  for (let k = to; k < tokens.length && words < 3; k++) {
    const prev = tokens[k - 1]!, t = tokens[k]!;
    // "Men's": the "s" after an apostrophe belongs to the word before; right after the match it
    // makes the match the owner ("France's Louvre Museum"), not part of the name.
    if (apostropheS(text, tokens, k)) {
      if (k === to) return false;
      continue;
    }
    // A known name starting in the run is a name of its own after a verb ("Protesters In Beirut
    // Storm Foreign Ministry"), not the rest of this one.
    if (t.shape !== Shape.Cap || !spaceBetween(text, prev, t) || HEADLINE_GLUE.has(t.norm) || startsName(k)) return false;
    words++;
    if (NAME_END_NOUNS.has(t.norm)) return true;
  }
  return false;
}

/** Is this folded word a noun that ends an organisation's or facility's name ("airport", "team")? */
export const endsAName = (norm: string) => NAME_END_NOUNS.has(norm);

/**
 * How many words of 4+ letters after the first (not starting with a digit) are in lower case, up to
 * `cap`? A title-case headline has none (1 in 270 of the news corpus's headlines has one); a
 * sentence so full of names that most of its words are capitalised ("In American football, the
 * Indiana Hoosiers defeat the Miami Hurricanes") has a lower-case verb or noun, usually two or more.
 */
export function lowerCaseWords(tokens: Token[], cap: number): number {
  let lower = 0;
  for (let k = 1; k < tokens.length && lower < cap; k++) {
    const t = tokens[k]!;
    if (t.end - t.start < 4 || t.shape !== Shape.Lower || /^\d/.test(t.norm)) continue;
    lower++;
  }
  return lower;
}

/**
 * In a sentence full of names (not a headline: see lowerCaseWords), "the Indiana Hoosiers", "Gaza
 * City", "the Puntland Dervish Force": a capitalised word right after the match, a space between,
 * that starts no known name, is the rest of one longer name, as in running text. Not when it is a
 * title word (`titleLike`: "Ukraine President", "CIA Director"), a common given name, or the first
 * of a person's names: before a name the pack knows, even as a bare surname ("President of
 * Kyrgyzstan Sadyr Japarov"), or before a name particle ("the Islamic State Abu al-Hasan").
 * Nor after a title's "of": "People's Deputy of Ukraine Illia Kyva" (the holder's name goes on).
 * `from`, `to`: the match's first token and the token after it; `startsName(k)`: a known full name starts at token k;
 * `startsAny(k)`: any known name or surname does.
 */
export function denseNameGoesOn(text: string, tokens: Token[], from: number, to: number, startsName: (k: number) => boolean, startsAny: (k: number) => boolean, titleLike: (norm: string) => boolean): boolean {
  const last = tokens[to - 1], next = tokens[to];
  if (!last || !next || next.shape !== Shape.Cap || !spaceBetween(text, last, next) || startsName(to)) return false;
  // "Former People's Deputy of Ukraine Illia Kyva", "Commander of the Brazilian Army Júlio César":
  // after a title's "of (the)" the capitalised words going on are the title holder's name.
  const before = tokens[from - 1]?.norm === 'the' ? tokens[from - 2] : tokens[from - 1];
  if (before && before.norm === 'of' && before.shape === Shape.Lower) return false;
  if (titleLike(next.norm) || COMMON_GIVEN_NAMES.has(next.norm)) return false;
  const after = tokens[to + 1];
  if (!after || !/^[ \u00a0-]$/.test(text.slice(next.end, after.start))) return true;
  if (after.shape === Shape.Lower) return !NAME_PARTICLES.has(after.norm);
  return !startsAny(to + 1);
}

/** Prepositions that put a quoted phrase's "The …" in running speech: "On The Right Side", "In The Extreme". */
export const PHRASE_PREPOSITIONS = new Set(['on', 'in', 'of', 'at', 'to', 'for', 'with', 'from', 'about', 'into', 'over', 'under', 'by']);

/** Is text[i] a quote mark that opens a quotation (after the start, a space, a colon or a bracket;
 *  before a letter)? Apostrophes inside words ("Trump's") and closing marks are not. */
export function opensQuote(text: string, i: number): boolean {
  const c = text[i]!;
  if (c === '\u201c' || c === '\u2018') return true;
  if (c !== '"' && c !== "'") return false;
  return (i === 0 || /[\s(:\u2014]/.test(text[i - 1]!)) && /\p{L}/u.test(text[i + 1] ?? '');
}

/** Does a quote mark close a quotation at text[i] (after a letter or a stop; before a space, a stop or the end)? */
export function closesQuote(text: string, i: number): boolean {
  const c = text[i]!;
  if (c === '\u201d') return true;
  if (c !== '"' && c !== "'" && c !== '\u2019') return false;
  return i > 0 && /[\p{L}\p{N}.!?,]/u.test(text[i - 1]!) && !/\p{L}/u.test(text[i + 1] ?? '');
}

/**
 * "Al Franken: 'He Was On The Right Side Of The Issues'", "Romney: 'Troubling In The Extreme'": in a
 * title-case line, an article-led match ("The Right", an Italian party; "The Extreme") right after a
 * capitalised preposition, inside a quotation that opens before that preposition, is words of the
 * quoted speech, not a name; so is a one-word name right after that "The". `from`, `to`: the match's tokens.
 */
export function quotedArticlePhrase(text: string, tokens: Token[], from: number, to: number): boolean {
  // A one-word name after the article ("Game" of "'Alone In The Game'") is inside the phrase too
  // (a longer one is more often a name: "'A Reflection Of The Democratic Party'").
  if (to - from === 1 && tokens[from]?.norm !== 'the' && tokens[from - 1]?.norm === 'the' && spaceBetween(text, tokens[from - 1]!, tokens[from]!)) from--;
  const the = tokens[from], prep = tokens[from - 1];
  if (!the || !prep || the.norm !== 'the' || prep.shape !== Shape.Cap || !PHRASE_PREPOSITIONS.has(prep.norm) || !spaceBetween(text, prep, the)) return false;
  for (let i = prep.start - 1; i >= 0; i--) {
    if (opensQuote(text, i)) return true;
    if (closesQuote(text, i)) return false;
  }
  return false;
}

/** Is a form one word, maybe after "The" ("Amnesty", "The Sun", "THE BIG")? As common-word-names.ts oneWordForm, on a record's name. */
const oneWordName = (form: string) => {
  const words = form.trim().split(/\s+/);
  return words.length === 1 || (words.length === 2 && words[0]!.toLowerCase() === 'the');
};

/**
 * "Trump Says As Far As He's Concerned …" (the club "AS FAR"), "French Gangster On The Run After Escaping
 * Prison" (the company "On the Run"): in a title-case line, an organisation whose
 * name is an ordinary phrase of news prose (the compiler's `commonWord` flag on a record with no
 * one-word name: compile-entities.ts ordinaryPhraseName) is no name when the line writes it otherwise
 * than the record does (its capitals are the headline's, not the name's) and the page never writes the
 * record's own spelling. `asWritten`: the match's text; `forms`: the record's name and aliases;
 * `written(s)`: is s written anywhere on the page.
 */
export function ordinaryPhraseUnsupported(asWritten: string, forms: readonly string[], written: (s: string) => boolean): boolean {
  const name = forms[0]!;
  if (asWritten === name || forms.some(oneWordName)) return false;
  return !written(name);
}

/** Prepositions that put a place after them ("In Queens", "At A Queens Warehouse"). */
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near']);
const ARTICLES = new Set(['a', 'an', 'the']);
/** Verbs after a headline's subject that do not end in -s ("Pink Had A Badass Response"). */
const SUBJECT_VERBS = new Set(['said', 'had', 'will', 'would', 'can', 'could', 'may', 'might', 'won']);

/**
 * A cue next to a place's or a person's name spelt like an ordinary word ("Queens", the singer
 * "Pink") that says its type where capitals say nothing (a title-case headline, a sentence start):
 *  - a place right after "in", "at" or "near", maybe with an article between ("In A Queens
 *    Warehouse"; not "Drag Queens", "Without Male Consent", "For Sale");
 *  - a person opening the block as the subject of a verb: the next word capitalised and a verb of
 *    the headline's ("Pink Says", "Pink Had") or a third-person verb in -s ("Pink Asks", "Pink Offers");
 *  - a person listed before another person's full name ("Pink, Gwen Stefani, Halsey").
 * Other types have no cue here. `from`, `to`: the match's tokens.
 */
export function ordinaryNameTypeCue(type: string, text: string, tokens: readonly Token[], from: number, to: number): boolean {
  if (type === 'place') {
    let k = from - 1;
    if (k >= 0 && ARTICLES.has(tokens[k]!.norm)) k--;
    return k >= 0 && PLACE_PREPOSITIONS.has(tokens[k]!.norm) && spaceBetween(text, tokens[k]!, tokens[k + 1]!);
  }
  if (type !== 'person') return false;
  const last = tokens[to - 1]!, next = tokens[to];
  // "Pink, Gwen Stefani, Halsey …": an item of a list of people, another full name after the comma.
  const a = tokens[to + 1];
  if (next && a && next.shape === Shape.Cap && a.shape === Shape.Cap && /^, $/.test(text.slice(last.end, next.start)) && spaceBetween(text, next, a)) return true;
  if (from !== 0) return false;
  if (!next || next.shape !== Shape.Cap || !spaceBetween(text, last, next)) return false;
  return SUBJECT_VERBS.has(next.norm) || /[^su]s$/.test(next.norm);
}
