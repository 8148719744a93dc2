/**
 * Organisation aliases that are ordinary English phrases (issue #4, session 17): "National Security"
 * of the company National Security Group, "Air Force" of the US Air Force Academy, "Federal
 * Government" of Malaysia's government. News writes such words in lower case ("national security")
 * at least as often as it writes them capitalised standing alone; capitalised, they are mostly the
 * front of a longer name ("National Security Advisor", "Air Force One"). On ~37,000 unreserved news
 * items "National Security" alone made 27 links, all false.
 *
 * The compiler keeps such an alias as a short form (compile-entities.ts): like a surname, it then
 * links only on a page that also names the record by a full name (link.ts `shortish`). The test is
 * the one `isCommon` applies to one word, read on the phrase: how the news corpus writes it.
 * Facts only: counts per phrase; no corpus text leaves this module.
 */
import { Shape, tokenize, type Token } from '../entities/normalize';

/** How news writes one phrase: all in lower case, and capitalised mid-sentence on its own. */
export interface PhraseUse {
  lower: number;
  /** Capitalised, not at a sentence start, not joined to another capitalised word ("U.S. Air Force"). */
  alone: number;
}

/** Lower-case writings needed before a phrase counts as ordinary words (as `isCommon`'s 3). */
const MIN_LOWER = 3;

/** Is a phrase with this use an ordinary phrase: lower case at least as often as capitalised alone? */
export function commonPhrase(use: PhraseUse | undefined): boolean {
  return !!use && use.lower >= MIN_LOWER && use.lower >= use.alone;
}

/** A key the counts are kept under: the phrase's folded words, space-joined ("national security"). */
export const phraseKey = (words: readonly string[]) => words.join(' ');

/** Are two tokens written as parts of one name: only spaces or hyphens between ("Black Sea", "Al-Aqsa")? */
export const joined = (text: string, a: { end: number }, b: { start: number }) => /^[\s-]*$/.test(text.slice(a.end, b.start));
/** Does token `i` open a sentence (or a quotation, or a clause after a colon) in news prose? */
export const opensSentence = (text: string, toks: readonly Token[], i: number) => i === 0 || /[.!?:"“]\s*$/.test(text.slice(toks[i - 1]!.end, toks[i]!.start));

/**
 * Counts how `texts` (running prose: summaries, not title-case headlines) write each phrase of
 * `phrases` (folded words). A capitalised "The" before the phrase is its article, not another name
 * ("The Air Force said"); then the article's place in the sentence counts.
 */
export function learnPhraseUse(texts: Iterable<string>, phrases: Iterable<readonly string[]>): Map<string, PhraseUse> {
  const byFirst = new Map<string, (readonly string[])[]>();
  const use = new Map<string, PhraseUse>();
  for (const p of phrases) {
    if (p.length < 2 || use.has(phraseKey(p))) continue;
    use.set(phraseKey(p), { lower: 0, alone: 0 });
    const list = byFirst.get(p[0]!);
    if (list) list.push(p);
    else byFirst.set(p[0]!, [p]);
  }
  for (const text of texts) {
    const toks = tokenize(text);
    for (let i = 0; i < toks.length; i++) {
      const list = byFirst.get(toks[i]!.norm);
      if (!list) continue;
      for (const p of list) {
        const n = p.length;
        if (i + n > toks.length) continue;
        let same = true;
        for (let k = 1; k < n && same; k++) same = toks[i + k]!.norm === p[k];
        if (!same) continue;
        const u = use.get(phraseKey(p))!;
        let lower = true;
        for (let k = 0; k < n && lower; k++) lower = toks[i + k]!.shape === Shape.Lower;
        if (lower) { u.lower++; continue; }
        if (toks[i]!.shape === Shape.Lower) continue;
        const prev = toks[i - 1], next = toks[i + n];
        const article = !!prev && prev.norm === 'the' && joined(text, prev, toks[i]!);
        if (opensSentence(text, toks, article ? i - 1 : i)) continue;
        if (prev && !article && prev.shape !== Shape.Lower && joined(text, prev, toks[i]!)) continue;
        if (next && next.shape !== Shape.Lower && joined(text, toks[i + n - 1]!, next)) continue;
        u.alone++;
      }
    }
  }
  return use;
}
