/**
 * Organisation and event names that are one dictionary word ("Pics", "Lions", "The Sun", Amnesty
 * International's "Amnesty"): the pack flags their records (`commonWord`, derived by the compiler
 * from how news writes the word, compile-entities.ts commonWordForm). A capital makes such a word a
 * name only where capitals mean something, mid-sentence in running text. In a title-case headline
 * ("Celebrate 'Clear The Shelters' With Pics Of Pets") or at a sentence start, the name links only
 * with support: the page writes the word capitalised mid-sentence in running text elsewhere, or
 * writes the record's longer name ("Amnesty International"). Pure functions over tokens.
 */
import { Shape, type Token } from './normalize';

/** Is the match one word, maybe after "The" ("Pics", "The Sun")? */
export function oneWordForm(tokens: readonly Token[], from: number, to: number): boolean {
  return to - from === 1 || (to - from === 2 && tokens[from]!.norm === 'the');
}

/** A block as this rule reads it: its tokens, whether it is a title-case headline, and its sentence starts. */
export interface PlainBlock {
  tokens: readonly Token[];
  titleCase(): boolean;
  sentenceStart(i: number): boolean;
}

/**
 * Does some block write the folded word `norm` capitalised in running text, where the capital says
 * it is a name: not in a title-case headline, not at a sentence start, nor right after a
 * sentence-initial "The" ("The Sun said" is no sign; "according to The Sun" is)?
 */
export function writtenAsName(blocks: readonly PlainBlock[], norm: string): boolean {
  for (const b of blocks) {
    const t = b.tokens;
    let headline: boolean | undefined;
    for (let i = 0; i < t.length; i++) {
      if (t[i]!.norm !== norm || t[i]!.shape !== Shape.Cap) continue;
      if ((headline ??= b.titleCase()) || b.sentenceStart(i)) continue;
      if (i > 0 && t[i - 1]!.norm === 'the' && t[i - 1]!.shape === Shape.Cap && b.sentenceStart(i - 1)) continue;
      return true;
    }
  }
  return false;
}

/** How many times `name` is written in `text`. */
function timesWritten(text: string, name: string): number {
  let n = 0;
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length)) n++;
  return n;
}

/**
 * Is `name` written on the page other than over text[start, end) of this block? A headline's refused
 * "The Edge" must not vouch for its own "Edge": the record's full name counts as support only where
 * it is written apart from the words being linked, in this block or another (`pageText`: every block
 * joined, this one once).
 */
export function writtenApart(pageText: string, blockText: string, name: string, start: number, end: number): boolean {
  const inBlock = timesWritten(blockText, name);
  if (timesWritten(pageText, name) > inBlock) return true;
  for (let i = blockText.indexOf(name); i >= 0; i = blockText.indexOf(name, i + name.length)) {
    if (i >= end || i + name.length <= start) return true;
  }
  return false;
}
