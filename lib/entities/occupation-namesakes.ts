/**
 * "the new book by journalists Peter Baker and Susan Glasser": a person written right after a noun
 * of occupation is not a namesake the pack marks with another occupation (issue #4, session 17).
 * The pack has no occupation field, but a record whose Wikipedia title needed a disambiguator keeps
 * it in its id ("enwiki:Peter_Baker_(footballer,_born_1931)"): the footballer is not the journalist.
 * Both sides are read as coarse fields (sport, arts, letters and media, politics); only two known,
 * different fields rule the record out. Pure functions over a block's tokens.
 */
import { Shape, spaceBetween, type Token } from './normalize';

const enum Field { Sport = 1, Arts, Letters, Politics }

/** Words of an enwiki disambiguator → the field ("(American football)", "(ice hockey)", "(jazz musician)"). */
const ID_WORDS = new Map<string, Field>([
  ...['footballer', 'football', 'soccer', 'baseball', 'hockey', 'rugby', 'cricketer', 'cricket', 'wrestler', 'basketball', 'boxer', 'golfer', 'athlete',
    'racing', 'driver', 'cyclist', 'swimmer', 'tennis', 'sprinter', 'pitcher', 'quarterback', 'coach', 'jockey', 'skier'].map((w) => [w, Field.Sport] as const),
  ...['actor', 'actress', 'singer', 'musician', 'drummer', 'rapper', 'composer', 'conductor', 'comedian', 'director', 'film', 'filmmaker', 'artist',
    'photographer', 'designer', 'jazz', 'guitarist', 'pianist', 'dancer', 'producer', 'band'].map((w) => [w, Field.Arts] as const),
  ...['writer', 'author', 'novelist', 'poet', 'journalist', 'historian', 'broadcaster', 'editor', 'columnist', 'critic', 'comics'].map((w) => [w, Field.Letters] as const),
  ...['politician', 'senator', 'congressman', 'diplomat', 'mayor', 'governor'].map((w) => [w, Field.Politics] as const),
]);

/** Occupation nouns written right before a name → the field. */
const TEXT_WORDS = new Map<string, Field>([
  ...['footballer', 'footballers', 'striker', 'midfielder', 'defender', 'goalkeeper', 'quarterback', 'pitcher', 'boxer', 'golfer', 'wrestler',
    'athlete', 'cricketer', 'sprinter', 'cyclist', 'swimmer'].map((w) => [w, Field.Sport] as const),
  ...['actor', 'actors', 'actress', 'singer', 'rapper', 'musician', 'comedian', 'filmmaker', 'drummer', 'guitarist', 'composer', 'pianist',
    'photographer', 'dancer'].map((w) => [w, Field.Arts] as const),
  ...['journalist', 'journalists', 'reporter', 'reporters', 'correspondent', 'columnist', 'writer', 'writers', 'author', 'authors', 'novelist',
    'poet', 'historian', 'critic', 'editor', 'anchor', 'commentator'].map((w) => [w, Field.Letters] as const),
  ...['senator', 'lawmaker', 'congressman', 'congresswoman', 'politician', 'legislator'].map((w) => [w, Field.Politics] as const),
]);

/** The field an enwiki id's disambiguator names, if any. */
function idField(id: string): Field | undefined {
  const open = id.lastIndexOf('_(');
  if (open < 0) return undefined;
  for (const w of id.slice(open + 2, -1).toLowerCase().split(/[_,]+/)) {
    const f = ID_WORDS.get(w);
    if (f !== undefined) return f;
  }
  return undefined;
}

/**
 * Does a lower-case occupation noun right before the name at token `from` name another field than
 * the record's id (`id`)? Only ids with a disambiguator ("enwiki:…_(…)") are read.
 */
export function occupationContradicts(text: string, tokens: Token[], from: number, id: string): boolean {
  // The cheap test first: most ids end in a digit or a letter, not ")".
  if (id.charCodeAt(id.length - 1) !== 41 || !id.startsWith('enwiki:')) return false;
  const prev = tokens[from - 1];
  if (!prev || prev.shape !== Shape.Lower || !spaceBetween(text, prev, tokens[from]!)) return false;
  const written = TEXT_WORDS.get(prev.norm);
  if (written === undefined) return false;
  const own = idField(id);
  return own !== undefined && own !== written;
}
