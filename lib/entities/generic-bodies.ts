/**
 * A body's generic name written as the tail of a longer name the pack does not hold (issue #4,
 * session 20: the inside-longer-name class, the largest of fresh audits 11–12). "National
 * Committee" in "the Republican National Committee" is no Greek party; "Commission on Human Rights"
 * in "the New York City Commission on Human Rights" is not the Philippines' body; "Health Products
 * Regulatory Authority" after "South African" is not Ireland's; "Food and Drug Administration" in
 * "the National Agency for Food and Drug Administration and Control" is Nigeria's, not the US one.
 * A generic name is told by its words, derived from the reference data (lib/dataset/org-name-words.ts
 * writes org-name-words.json): each an ordinary word of organisations' names, one of them a head
 * noun ("Committee", "Authority"). Pure functions over a block's text and tokens; link.ts asks them
 * of organisations behind longer-names.ts's cheap gate.
 */
import table from './org-name-words.json';
import { countriesOfDemonym } from './demonym-country';
import { Shape, spaceBetween, type Token } from './normalize';

const BODY_WORDS: ReadonlySet<string> = new Set(table.words);
const HEAD_WORDS: ReadonlySet<string> = new Set(table.heads);
/** Words that join a body's name's words ("Commission on Human Rights", "Food and Drug Administration"). */
const JOINERS = new Set(['of', 'and', 'on', 'for', 'the', 'in']);

/** Could the word open a body's generic name? The gate's one lookup (longer-names.ts longerNameCueBefore). */
export function bodyWord(norm: string): boolean {
  return BODY_WORDS.has(norm);
}

/**
 * Is tokens[from..to) a body's generic name: two words or more, each a body's word or a joiner
 * (not first nor last), one of them a head noun, all capitalised but the joiners? The derived,
 * wider cousin of name-continuations.ts genericBodyName (hand-listed institution and party words,
 * asked of a known body's name after a place).
 */
export function ordinaryBodyName(tokens: readonly Token[], from: number, to: number): boolean {
  if (to - from < 2) return false;
  let head = false;
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (t.shape === Shape.Lower) {
      if (k === from || k === to - 1 || !JOINERS.has(t.norm)) return false;
      continue;
    }
    if (t.shape !== Shape.Cap || !BODY_WORDS.has(t.norm)) return false;
    head ||= HEAD_WORDS.has(t.norm);
  }
  return head;
}

/**
 * "the Republican National Committee", "The South African Health Products Regulatory Authority",
 * "the New York City Commission on Human Rights": a capitalised word right before a body's generic
 * name (one space between) is the first word of a longer name: another body than the record of
 * `countries`. A word that says whose the body is leaves it standing: a name the pack matched right
 * before of the record's own country (`namedBefore`: "the US …", "the Texas National Guard", "the
 * White House Office of Management and Budget"), its nationality ("the Israeli Health Ministry"), or
 * a nationality of no one state ("the Irish …": Irish names both Irelands; an "-ish"/"-ese" word the
 * table lacks) standing alone, not inside a longer capitalised name ("South Sudanese"). Not a
 * sentence's first word ("Former White House …", "A Royal Air Force plane") nor a hyphenated one's
 * tail ("pro-EU"), and not a record of no country: an international body's name follows its parent's
 * ("the United Nations World Food Programme"). Not asked in a title-case headline, where every word
 * is capitalised. `from`..`to`: the match's tokens; `countriesOf`: the matched records' countries,
 * asked only once the words fit.
 */
export function modifierBeforeBody(text: string, tokens: readonly Token[], from: number, to: number, countriesOf: () => readonly (string | undefined)[], namedBefore: (country: string) => boolean): boolean {
  const prev = tokens[from - 1], first = tokens[from];
  if (!prev || !first || !(prev.shape === Shape.Cap || (prev.shape === Shape.Upper && prev.end - prev.start > 1)) || prev.norm === 'the') return false;
  if (!spaceBetween(text, prev, first) || from - 1 === 0 || !ordinaryBodyName(tokens, from, to)) return false;
  // The character before the word, over spaces: a sentence's end or a hyphen says it is no name's first word.
  let i = prev.start - 1;
  while (i > 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 0xa0)) i--;
  if (/[.!?:;"“”\-‐‑]/.test(text[i] ?? '.')) return false;
  // The records' countries are read only now: most matches the gate lets through ("the National
  // Guard", "of the Interior") fail the word tests above, and the list cost an allocation per match.
  const countries = countriesOf();
  if (countries.some((c) => !c)) return false;
  const own = countriesOfDemonym(prev.norm);
  if (own) return !own.some((c) => countries.includes(c));
  if (/(?:ese|ish)$/.test(prev.norm)) {
    const before = tokens[from - 2];
    return !!before && before.shape !== Shape.Lower && before.norm !== 'the' && spaceBetween(text, before, prev);
  }
  return !countries.some((c) => namedBefore(c!));
}

/**
 * "the National Agency for Food and Drug Administration and Control": a body's head noun and
 * "for" right before a body's generic name make it the tail of that body's name ("Agency for …").
 * `from`..`to`: the match's tokens.
 */
export function headForBeforeBody(text: string, tokens: readonly Token[], from: number, to: number): boolean {
  const conn = tokens[from - 1], head = tokens[from - 2], first = tokens[from];
  if (!conn || !head || !first || conn.shape !== Shape.Lower || conn.norm !== 'for') return false;
  return head.shape === Shape.Cap && HEAD_WORDS.has(head.norm) && spaceBetween(text, head, conn) && spaceBetween(text, conn, first) && ordinaryBodyName(tokens, from, to);
}

/**
 * "E. Jean Carroll v. Donald J. Trump": one capital letter and a full stop right before a person's
 * name (a space between) is an initial of a longer name, another person's than the record matched
 * without it (the cricketer Jean Carroll). A country's abbreviation ("U.S.") is one token of its
 * own, no initial. `from`: the match's first token.
 */
export function initialBeforeName(text: string, tokens: readonly Token[], from: number): boolean {
  const prev = tokens[from - 1], first = tokens[from];
  if (!prev || !first || prev.shape !== Shape.Upper || prev.end - prev.start !== 1) return false;
  return first.start - prev.end === 2 && text.charCodeAt(prev.end) === 46 && text.charCodeAt(prev.end + 1) === 32;
}
