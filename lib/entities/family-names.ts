/**
 * Surnames of people the pack does not know, read once per page (issue #4, session 15). A one-word
 * organisation or place name written as someone's surname names that person on the whole page:
 *  - "MSNBC Names Rachel Maddow's Successor: Alex Wagner … 'I'm honored', Wagner said" is the
 *    anchor twice, not the Wagner Group; "Gymnast Luciana Alvarado's routine" is no football club.
 *    A given name right before the word makes it a surname; the page's other bare uses of the
 *    word go with it (the news style names a person in full once, then by surname);
 *  - "the Obamas, the Clintons": a family's plural, "the" + a known person's surname + "s", is the
 *    family, not the retailer Clintons.
 * Pure functions over a block's tokens; the linker gives the matches and the alias table.
 */
import { COMMON_GIVEN_NAMES } from './headline-names';
import { Shape, spaceBetween, type Token } from './normalize';

/**
 * Frequent given names of people in international news that COMMON_GIVEN_NAMES (English, chosen
 * for title-case lines) lacks: short English forms and Spanish, Portuguese, Italian, French,
 * German, Slavic and Arabic names. Left out, as there: names that are ordinary words or places.
 */
const MORE_GIVEN_NAMES = new Set(
  (
    'alex alexa alejandro alejandra alberto alfredo alicia alvaro ana andrea andres antonio ariana arturo beatriz ' +
    'camila carla carlos cristina diego eduardo elena emilio enrique esteban fernanda fernando francisco gabriela ' +
    'gustavo hector ignacio isabel javier jesus jorge josefina julio leonardo lorena luciana luciano lucia luis manuel ' +
    'marcela marcelo mariana mario marta martin mateo miguel natalia nicolas pablo paola patricio pedro rafael ramon ' +
    'ricardo roberto rodrigo sebastian sergio silvia sofia valentina veronica ximena joao paulo rui tiago ' +
    'giuseppe giovanni luca marco matteo francesca giulia alessandro lorenzo stefano jean pierre francois ' +
    'nicolas sophie claire camille antoine thierry emmanuel hans klaus wolfgang jurgen stefan andreas katrin ' +
    'vladimir dmitry sergei alexei igor ivan olga natalia tatiana yulia oleksandr volodymyr andrzej piotr tomasz ' +
    'mohammed muhammad ahmed ahmad ali hassan hussein omar khalid mahmoud mustafa ibrahim youssef fatima aisha ' +
    'abdul abdullah karim rami samir nabil layla leila yasmin amir reza hamid mehdi ' +
    'alexandra allison anne anthony becky brad brett brooke caitlin cameron casey claudia cole colin ' +
    'courtney craig dana derek dustin erin evan gavin heidi holly ian jake jamie jay jenna jenny jesse ' +
    'joel josh julian kara karl kristen kristin kurt kyle lance leah leslie lucas luke marcus maya melanie ' +
    'molly monica morgan neil nora owen ricky ron ross sally seth shane shannon stacy taylor todd travis ' +
    'trevor troy vanessa wendy whitney zach zoe'
  ).split(/\s+/).filter((n) => !COMMON_GIVEN_NAMES.has(n)),
);

/** Both lists in one set: asked of every capitalised word after another. */
const GIVEN_NAMES = new Set([...COMMON_GIVEN_NAMES, ...MORE_GIVEN_NAMES]);

/** Is the folded word a given name (either list)? */
export function givenName(norm: string): boolean {
  return GIVEN_NAMES.has(norm);
}

/** Surnames of unknown persons on a page ("wagner" of "Alex Wagner"), each with where it is first
 *  written so: the block and the character offset of the surname. */
export type FamilySurnames = Map<string, { block: number; start: number }>;

/**
 * "Yolanda Hadid … Hadid's last post … Gigi Hadid": was an unknown person of surname `norm` named
 * before the bare surname at `block`/`start`? The caller asks only when no known person of that
 * surname is linked before it: the news style names a person in full, then by surname, so the bare
 * surname is the bearer named last, and the known person, named later, is another member of the family.
 */
export function bearerNamedBefore(surnames: FamilySurnames, norm: string, block: number, start: number): boolean {
  const first = surnames.get(norm);
  return first !== undefined && (first.block < block || (first.block === block && first.start < start));
}

/** A known name's token span in the block (the linker's raw matches). */
export interface TokenSpan { from: number; to: number }

/**
 * "Alex Wagner": token `i` is capitalised and written right after a capitalised given name (a
 * space between), so it is that person's surname. Not when a known name longer than one word
 * covers the given name ("John Deere", "George Washington", "San Francisco Uber"; `matches`): the
 * pack reads that name itself, and the word after it or alone may be the other thing on the page.
 * A given name that is a one-word match alone ("Scott", someone's surname) is still a given name.
 */
export function surnameAfterGivenName(text: string, tokens: Token[], i: number, matches: readonly TokenSpan[]): boolean {
  const t = tokens[i], prev = tokens[i - 1];
  if (!t || !prev || t.shape !== Shape.Cap || prev.shape !== Shape.Cap) return false;
  // Asked of every capitalised word after another: the set lookup first, the slices after.
  if (GIVEN_NAMES.has(prev.norm)) {
    if (!spaceBetween(text, prev, t)) return false;
    for (const mm of matches) if (mm.from < i && mm.to >= i && mm.to - mm.from > 1) return false;
    return true;
  }
  // Through String.prototype (normalize.ts CHAR_CODE_NOTE): asked of every capitalised pair.
  const q = String.prototype.charCodeAt.call(text, t.start - 2);
  return (q === 34 || q === 0x201d) && nicknameBetween(text, tokens, i);
}

/** Quotes around a nickname: opening after a space, closing before one. */
const NICK_OPEN = /^[ \u00a0]["\u201c]$/, NICK_CLOSE = /^["\u201d][ \u00a0]$/;

/**
 * 'Jesse "The Body" Ventura', 'Dwayne "The Rock" Johnson': token `i` follows a quoted nickname of
 * one to three capitalised words, itself after a given name.
 */
function nicknameBetween(text: string, tokens: Token[], i: number): boolean {
  if (!NICK_CLOSE.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start))) return false;
  for (let k = i - 1; k >= Math.max(1, i - 3); k--) {
    const w = tokens[k]!, before = tokens[k - 1]!;
    if (w.shape !== Shape.Cap) return false;
    const gap = text.slice(before.end, w.start);
    if (NICK_OPEN.test(gap)) return before.shape === Shape.Cap && GIVEN_NAMES.has(before.norm);
    if (!/^[ \u00a0]$/.test(gap)) return false;
  }
  return false;
}

/**
 * "the Obamas, the Clintons": the one-word match at `from` is a lower-case "the" + a capitalised
 * word ending in "s". Its stem ("clinton"), which names a family when it is a known person's
 * surname (the caller asks the alias table); undefined for any other shape.
 */
export function familyPluralStem(text: string, tokens: Token[], from: number): string | undefined {
  const t = tokens[from], prev = tokens[from - 1];
  if (!t || !prev || t.shape !== Shape.Cap || prev.norm !== 'the' || prev.shape !== Shape.Lower) return undefined;
  const n = t.norm;
  if (n.length < 5 || n.charCodeAt(n.length - 1) !== 115 || text.charCodeAt(t.end - 1) !== 115 || !spaceBetween(text, prev, t)) return undefined;
  return n.slice(0, -1);
}
