/**
 * Session 16's speed edits to session 15's rules (issue #8, linking long pages): each rule now reads
 * its cheap facts first (token shapes, single characters) and the slices and regexes after, or scans
 * a block mark by mark instead of with one regex. The answers must stay exactly those of the rules as
 * written: these cases pin the edges of each rewritten test.
 */
import { describe, expect, it } from 'vitest';
import { mayQuote } from '../lib/entities/work-titles';
import { apostropheWordBefore, peerageTitle } from '../lib/entities/name-continuations';
import { spaceBetween, tokenize } from '../lib/entities/normalize';
import { pluralNounOverList } from '../lib/entities/region-cue';

describe('mayQuote: could the block hold a quotation', () => {
  it('says yes for a double or opening quote mark anywhere', () => {
    for (const text of ['He said "no" twice', 'the “Voice of Europe” site', 'its ‘Killing Eve’ run', 'ends with "']) expect(mayQuote(text), text).toBe(true);
  });
  it('says yes for an apostrophe at the start or after white space, "(", ":" or a dash', () => {
    for (const text of ["'Hamilton' opens", "in 'Cats' tonight", "a show ('Cats')", "Title:'Cats'", "the show—'Cats'", "tab\t'Cats'", 'no-break\u00a0\'Cats\'', "line\n'Cats'"]) {
      expect(mayQuote(text), JSON.stringify(text)).toBe(true);
    }
  });
  it('says no for apostrophes inside or after words and for closing marks only', () => {
    for (const text of ["Trump's plan", "the players' union", 'a closing ” alone', 'a ’ alone', 'no quotes at all', '', "rock 'n' roll".replace(" '", "-'")]) {
      expect(mayQuote(text), text).toBe(false);
    }
  });
});

describe("apostropheWordBefore: a transliterated word before the match ('Kata'ib Hezbollah')", () => {
  const before = (text: string, word: string) => {
    const t = tokenize(text);
    return apostropheWordBefore(text, t, t.findIndex((x) => x.norm === word));
  };
  it('reads each apostrophe form between the head and a short lower-case tail', () => {
    for (const mark of ["'", '\u2019', '\u02bc']) expect(before(`the Kata${mark}ib Hezbollah`, 'hezbollah'), mark).toBe(true);
    // The ayn letter "ʿ" is a letter to the tokeniser: "Kataʿib" is one word, no head and tail.
    expect(before('the Kata\u02bfib Hezbollah', 'hezbollah')).toBe(false);
  });
  it('needs exactly one mark, a capitalised head, a tail of letters that is no contraction, a space after', () => {
    expect(before("the Kata''ib Hezbollah", 'hezbollah')).toBe(false);
    expect(before('the Kata-ib Hezbollah', 'hezbollah')).toBe(false);
    expect(before("the kata'ib Hezbollah", 'hezbollah')).toBe(false);
    expect(before("They Don't Hezbollah", 'hezbollah')).toBe(false);
    expect(before("the Isma'ilism Syria", 'syria')).toBe(false);
    expect(before("the Kata'i2 Hezbollah", 'hezbollah')).toBe(false);
    expect(before("the Kata'ib-Hezbollah", 'hezbollah')).toBe(false);
  });
});

describe('peerageTitle: the place after a peerage and "of"', () => {
  const at = (text: string, word: string) => {
    const t = tokenize(text);
    const i = t.findIndex((x) => x.norm === word);
    return peerageTitle(text, t, i, i + 1);
  };
  it('reads a capitalised peerage, a lower-case "of" and spaces between', () => {
    expect(at('the Duke of Edinburgh visited', 'edinburgh')).toBe(true);
    expect(at('the duke of Edinburgh visited', 'edinburgh')).toBe(false);
    expect(at('the Duke Of Edinburgh visited', 'edinburgh')).toBe(false);
    expect(at('the Duke from Edinburgh visited', 'edinburgh')).toBe(false);
    expect(at('the Duke of  Edinburgh visited', 'edinburgh')).toBe(false);
  });
});

describe('spaceBetween: one space or no-break space between two tokens, read as a character', () => {
  const gapOf = (text: string) => {
    const t = tokenize(text);
    return spaceBetween(text, t[0]!, t[1]!);
  };
  it('says yes for exactly one space or no-break space', () => {
    expect(gapOf('New York')).toBe(true);
    expect(gapOf('New\u00a0York')).toBe(true);
  });
  it('says no for two spaces, a tab, a newline, punctuation or a hyphen', () => {
    for (const text of ['New  York', 'New\tYork', 'New\nYork', 'New, York', 'New-York', 'New\u2009York']) expect(gapOf(text), JSON.stringify(text)).toBe(false);
  });
});

describe('pluralNounOverList: list gaps read as characters', () => {
  const cue = (text: string, word: string) => {
    const t = tokenize(text);
    const i = t.findIndex((x) => x.norm === word);
    return pluralNounOverList(text, t, i, i + 1);
  };
  it('walks ", ", " and ", ", and " and hyphenated items to the plural noun', () => {
    expect(cue('the Kharkiv, Sumy and Luhansk oblasts', 'kharkiv')).toEqual(['oblast']);
    expect(cue('Gunma, Ishikawa, and Kumamoto prefectures', 'gunma')).toEqual(['prefecture']);
    expect(cue('the Ivano-Frankivsk and Lviv oblasts', 'lviv')).toEqual(['oblast']);
    expect(cue('the provinces of Guayas and Esmeraldas', 'esmeraldas')).toEqual(['province', 'governorate']);
  });
  it('stops at any other gap', () => {
    expect(cue('the Kharkiv ,Sumy and Luhansk oblasts', 'kharkiv')).toBeUndefined();
    expect(cue('the Kharkiv,  Sumy and Luhansk oblasts', 'kharkiv')).toBeUndefined();
    expect(cue('the Kharkiv; Sumy and Luhansk oblasts', 'kharkiv')).toBeUndefined();
    expect(cue('the Ivano–Frankivsk and Lviv oblasts', 'lviv')).toEqual(['oblast']);
  });
});
