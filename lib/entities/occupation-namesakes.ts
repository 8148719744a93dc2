/**
 * "the new book by journalists Peter Baker and Susan Glasser", "Cubs manager David Ross": a person
 * written right after a noun of occupation is not a namesake the pack marks with another line of work
 * (issue #4, sessions 17-18). What the pack knows of a person's field:
 *  - its `subtype`, the fields the compiler read in the reference record's description
 *    (lib/dataset/person-fields.ts: "English footballer" → "sport", "actor and singer" → "arts");
 *  - the disambiguator an enwiki id kept ("enwiki:Peter_Baker_(footballer,_born_1931)");
 *  A person with roles (public offices) is left alone: see occupationContradicts.
 * Both sides are read as coarse fields; only a known field that is none of the record's rules it out.
 * Pure functions over a block's tokens; the cheap test (a lower-case occupation noun right before
 * the name) comes first.
 */
import { Shape, spaceBetween, type Token } from './normalize';

/** The closed list of fields, in the order the compiler writes them into a person's `subtype`. */
export const PERSON_FIELDS = ['sport', 'arts', 'letters', 'politics', 'business', 'military', 'religion', 'royalty'] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];

/** A table's entries: each of the space-separated `words` → field `f` (also person-fields.ts). */
export const field = (f: PersonField, words: string): [string, PersonField][] => words.split(' ').map((w) => [w, f]);

/** Words of an enwiki disambiguator → the field ("(American football)", "(ice hockey)", "(jazz musician)"). */
const ID_WORDS = new Map<string, PersonField>([
  ...field('sport', 'footballer football soccer baseball hockey rugby cricketer cricket wrestler basketball boxer golfer athlete racing driver '
    + 'cyclist swimmer tennis sprinter pitcher quarterback coach jockey skier'),
  ...field('arts', 'actor actress singer musician drummer rapper composer conductor comedian director film filmmaker artist photographer '
    + 'designer jazz guitarist pianist dancer producer band'),
  ...field('letters', 'writer author novelist poet journalist historian broadcaster editor columnist critic comics'),
  ...field('politics', 'politician senator congressman diplomat mayor governor'),
]);

/**
 * Occupation nouns written (lower case) right before a name → the field. A short list written by
 * hand (tested in test/entities-news-session18b.test.ts), not derived: nouns too many lines of work
 * share ("director", "star", "player", "commander") are left out, and "critic" ("government critic").
 */
const TEXT_WORDS = new Map<string, PersonField>([
  ...field('sport', 'footballer footballers striker midfielder goalkeeper quarterback pitcher boxer golfer wrestler athlete cricketer '
    + 'sprinter cyclist swimmer coach skier jockey'),
  ...field('arts', 'actor actors actress singer rapper musician comedian filmmaker drummer guitarist composer pianist photographer dancer '
    + 'screenwriter painter sculptor artist'),
  ...field('letters', 'journalist journalists reporter reporters correspondent columnist writer writers author authors novelist poet '
    + 'historian editor anchor commentator economist scientist researcher academic broadcaster presenter philosopher'),
  ...field('politics', 'senator lawmaker congressman congresswoman politician legislator'),
  ...field('business', 'businessman businesswoman entrepreneur billionaire investor tycoon banker industrialist'),
  ...field('religion', 'pastor priest rabbi imam cleric preacher televangelist theologian'),
]);

/** The field an enwiki id's disambiguator names, if any. */
function idField(id: string): PersonField | undefined {
  if (id.charCodeAt(id.length - 1) !== 41 || !id.startsWith('enwiki:')) return undefined;
  const open = id.lastIndexOf('_(');
  if (open < 0) return undefined;
  for (const w of id.slice(open + 2, -1).toLowerCase().split(/[_,]+/)) {
    const f = ID_WORDS.get(w);
    if (f !== undefined) return f;
  }
  return undefined;
}

/** The field a noun right before the name at token `from` writes, if any: lower case ("journalists
 *  Peter Baker"), or capitalised at a sentence start or in a title-case headline ("Gymnast Luciana
 *  Alvarado", "Cubs Manager David Ross"). A manager after a capitalised word (a club's name) is a
 *  team's, not a campaign's or a fund's. */
export function writtenField(text: string, tokens: Token[], from: number): PersonField | undefined {
  const prev = tokens[from - 1];
  if (!prev || prev.shape === Shape.Upper) return undefined;
  if (!spaceBetween(text, prev, tokens[from]!)) return legislativeTitle(text, prev, tokens[from]!) ? 'politics' : undefined;
  const f = TEXT_WORDS.get(prev.norm);
  if (f !== undefined) return f;
  if (prev.norm !== 'manager') return undefined;
  const club = tokens[from - 2];
  return club && club.shape === Shape.Cap && spaceBetween(text, club, prev) ? 'sport' : undefined;
}

/** Abbreviated titles of elected members ("state Sen. Michael Williams", "Rep. John Delaney"): politics,
 *  as "senator" or "congressman" written out. The full stop and one space between are the cheap test. */
const LEGISLATIVE_TITLES = new Set(['sen', 'sens', 'rep', 'reps', 'gov']);

function legislativeTitle(text: string, title: Token, name: Token): boolean {
  return title.shape === Shape.Cap && name.start === title.end + 2 && text.charCodeAt(title.end) === 46 && text.charCodeAt(title.end + 1) === 32 && LEGISLATIVE_TITLES.has(title.norm);
}

/** What occupationContradicts reads of a person record. */
export interface PersonFieldFacts { id: string; subtype?: string; roles?: readonly { title: string }[]; country?: string }

/** Words of a role's title that make it a seat in a legislature or a governor's office, the offices
 *  "Sen.", "Rep." and "Gov." abbreviate. */
const ELECTED_OFFICE = /senat|representative|congress|house|assembl|legislat|parliament|deput|governor|delegate/i;

/**
 * "Former Rep. John Delaney": "Rep.", "Sen." and "Gov." are the US press's titles of elected members
 * and governors (also the Philippines'). A record that lists its offices, none of them such a seat,
 * and belongs to another country than the US is a namesake ("John Delaney", Bahamian attorney general).
 * A US record is left alone: its list may miss the seat (an ambassador who had been a senator).
 */
function electedTitleContradicts(text: string, tokens: Token[], from: number, e: PersonFieldFacts): boolean {
  const prev = tokens[from - 1];
  if (!e.roles || e.roles.length === 0 || !e.country || e.country === 'US' || !prev || !legislativeTitle(text, prev, tokens[from]!)) return false;
  return !e.roles.some((r) => ELECTED_OFFICE.test(r.title));
}

/** The fields the record is known by: its `subtype`'s and its enwiki disambiguator's (empty when unknown). */
export function knownFields(e: PersonFieldFacts): PersonField[] {
  const out = e.subtype ? (e.subtype.split(' ') as PersonField[]) : [];
  const fromId = idField(e.id);
  return fromId === undefined || out.includes(fromId) ? out : [...out, fromId];
}

/** Does the record know its fields, and is `f` none of them? */
function fieldOutside(e: PersonFieldFacts, f: PersonField): boolean {
  const known = knownFields(e);
  return known.length !== 0 && !known.includes(f);
}

/**
 * Does an occupation noun right before the name at token `from` name another field than every one
 * the record `e` is known by? A holder of public office is never ruled out: politicians had other
 * careers the pack does not list ("businessman Hakainde Hichilema", "hardline cleric Ebrahim Raisi",
 * "musician Bobi Wine": unseen coverage, session 18), unless an elected member's title says which
 * kind of office he holds (electedTitleContradicts).
 */
export function occupationContradicts(text: string, tokens: Token[], from: number, e: PersonFieldFacts): boolean {
  const written = writtenField(text, tokens, from);
  if (written === undefined) return false;
  return e.roles && e.roles.length !== 0 ? electedTitleContradicts(text, tokens, from, e) : fieldOutside(e, written);
}
