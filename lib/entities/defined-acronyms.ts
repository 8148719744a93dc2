/**
 * Acronyms a text defines: "the Southern Transitional Council (STC) captures …", "the Jalisco New
 * Generation Cartel (CJNG)". News writes an organisation's initials in parentheses right after its
 * first full mention and uses them from then on; the pack rarely carries such initials (reference
 * data drops minor entities' acronyms: compile-entities.ts keepAlias), and when it does they may be
 * another record's. The writer's definition settles it for that page: the linker links each use of
 * the acronym to the entity the full name linked to.
 */
import type { Mention } from '../report';
import { CAP_OK_AFTER } from './ambiguity';
import { insideCitedWorkName, mayCite } from './citation-fields';
import { Shape, type Token } from './normalize';

/** " (STC)", " (CJNG)", " (M23)": capitals, perhaps with digits or "&", in parentheses. */
const DEFINITION = /^ ?\((\p{Lu}[\p{Lu}\d&]{1,7})\)/u;

/** Small words that have no letter in an acronym ("Council of Europe", "Forces for the Liberation"). */
const SKIPPED = new Set(['of', 'the', 'and', 'for', 'de', 'del', 'la', 'des', 'du', 'y', 'et', 'al']);

/**
 * The acronym defined right after a mention written `name` and ending at `end` in `text`, if its
 * letters are initials of the name's words: each letter the first of a different word, in any order
 * ("CJNG" for "Jalisco New Generation Cartel": the Spanish order), and at least two of them.
 */
export function acronymDefinedAfter(text: string, end: number, name: string): string | undefined {
  const d = DEFINITION.exec(text.slice(end, end + 12));
  if (!d) return undefined;
  const acronym = d[1]!;
  const initials: string[] = [];
  for (const w of name.split(/[\s-]+/)) {
    if (!w || SKIPPED.has(w.toLowerCase())) continue;
    initials.push(w[0]!.toUpperCase());
  }
  const letters = acronym.replace(/[^\p{Lu}]/gu, '');
  if (letters.length < 2 || letters.length > initials.length) return undefined;
  for (const ch of letters) {
    const k = initials.indexOf(ch);
    if (k < 0) return undefined;
    initials.splice(k, 1);
  }
  return acronym;
}

export interface AcronymBlock {
  text: string;
  tokens: Token[];
}

/**
 * Does the use at token `k` open a longer name ("OECD Better Life Index", "the STC Security Belt
 * Forces")? Initials going on, after one space, into a capitalised word that is no title, month or
 * weekday (ambiguity.ts CAP_OK_AFTER: "OECD Secretary-General", "STC Monday") are the first word of
 * another thing's name, as the linker reads any name in running text (link.ts insideLongerName).
 * In a title-case line every word is capitalised, so there only a reference's field says so
 * ('"New Zealand". OECD Better Life Index. 2016.': citation-fields.ts). Issue #4, session 20
 * (pagesprec26): the definition bypassed both readings.
 */
function opensLongerName(text: string, tokens: readonly Token[], k: number, titleCase: boolean): boolean {
  const next = tokens[k + 1];
  if (!next || next.shape !== Shape.Cap || next.start !== tokens[k]!.end + 1 || text.charCodeAt(tokens[k]!.end) !== 32) return false;
  if (!titleCase) return !CAP_OK_AFTER.has(next.norm);
  return mayCite(text) && insideCitedWorkName(text, tokens, k, k + 1);
}

/**
 * Every use of a defined acronym in the blocks, written exactly so and standing as a word, as a
 * mention of `entity`: uses already linked elsewhere are taken over (the page's own definition wins
 * over the pack's reading of the letters), uses inside a longer linked mention are left alone, and
 * so are uses opening a longer unknown name. `titleCase(b)`: is block b a title-case line?
 */
export function addAcronymMentions(blocks: AcronymBlock[], acronym: string, entity: number, found: Map<number, Mention[]>, titleCase: (b: number) => boolean = () => false): void {
  const norm = acronym.toLowerCase();
  for (let b = 0; b < blocks.length; b++) {
    const { text, tokens } = blocks[b]!;
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k]!;
      if (t.norm !== norm || text.slice(t.start, t.end) !== acronym) continue;
      if (opensLongerName(text, tokens, k, titleCase(b))) continue;
      let owner: number | undefined, inside = false;
      for (const [i, list] of found) {
        for (const m of list) {
          if (m.paragraph !== b || m.end <= t.start || m.start >= t.end) continue;
          if (m.start === t.start && m.end === t.end) owner = i;
          else inside = true;
        }
      }
      if (inside || owner === entity) continue;
      if (owner !== undefined) {
        const list = found.get(owner)!.filter((m) => !(m.paragraph === b && m.start === t.start));
        if (list.length) found.set(owner, list); else found.delete(owner);
      }
      const list = found.get(entity) ?? [];
      list.push({ paragraph: b, start: t.start, end: t.end, text: acronym });
      found.set(entity, list);
    }
  }
}
