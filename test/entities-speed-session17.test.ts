/**
 * Session 17's speed edits (issue #8, linking long pages): usage-rules.ts currencyPrefix,
 * namesProductOrStrain, numberedLongerName and brandAsVerb and name-continuations.ts
 * numberedEventAfter, asked of most matches, read the characters after the name as character codes
 * (normalize.ts asciiDigitsAt for digits) instead of a slice and a regex. The answers must stay exactly those of the regexes they replace
 * (/^[$€£¥]/ on the next character; /^[ \u00a0]$|^[-\u2010-\u2013]$/ on each gap; /^\d+$/ on a
 * lower-case word): these cases pin each edge.
 */
import { describe, expect, it } from 'vitest';
import { asciiDigitsAt, tokenize } from '../lib/entities/normalize';
import { numberedEventAfter } from '../lib/entities/name-continuations';
import { brandAsVerb, currencyPrefix, namesProductOrStrain, numberedLongerName } from '../lib/entities/usage-rules';

/** The token index after the first token whose folded form is `word`. */
function after(text: string, word: string): { tokens: ReturnType<typeof tokenize>; to: number } {
  const tokens = tokenize(text);
  return { tokens, to: tokens.findIndex((t) => t.norm === word) + 1 };
}

describe('currencyPrefix: a currency sign glued right after the name', () => {
  it('says yes for each of $ € £ ¥ right after the last token', () => {
    for (const sign of ['$', '€', '£', '¥']) {
      const text = `it cost US${sign}1,400 in all`;
      const { tokens, to } = after(text, 'us');
      expect(currencyPrefix(text, tokens, to), sign).toBe(true);
    }
  });
  it('says no for other signs, a space before the sign, and a name that ends the text', () => {
    for (const text of ['it cost US ¢1,400', 'it cost US #1', 'it cost US $1,400', 'the US']) {
      const { tokens, to } = after(text, 'us');
      expect(currencyPrefix(text, tokens, to), text).toBe(false);
    }
    // No token before the match's end (an empty block): no sign either.
    expect(currencyPrefix('', [], 0)).toBe(false);
  });
});

describe('namesProductOrStrain: a vaccine or strain noun right after the name', () => {
  const reads = (text: string, word: string) => {
    const { tokens, to } = after(text, word);
    return namesProductOrStrain(text, tokens, to);
  };
  it('accepts one space, a no-break space, a hyphen or a dash U+2010–U+2013 in each gap', () => {
    for (const gap of [' ', '\u00a0', '-', '\u2010', '\u2011', '\u2012', '\u2013']) {
      expect(reads(`the Delta${gap}variant spread`, 'delta'), JSON.stringify(gap)).toBe(true);
    }
    // Through up to three more capitalised or numbered words.
    expect(reads('the Pfizer–BioNTech COVID-19 vaccine', 'pfizer')).toBe(true);
  });
  it('refuses two spaces, an em dash, a comma, a slash or no gap', () => {
    for (const gap of ['  ', '\u2014', ', ', '/', ' \u00a0']) {
      expect(reads(`the Delta${gap}variant spread`, 'delta'), JSON.stringify(gap)).toBe(false);
    }
  });
  it('reads a word of ASCII digits as a number to pass over, any other lower-case word as the noun', () => {
    expect(reads('the Omicron 2 variant', 'omicron')).toBe(true);
    // Not digits only: the word itself is the noun looked up ("x2" is no vaccine noun).
    expect(reads('the Omicron x2 variant', 'omicron')).toBe(false);
    // Arabic-Indic digits are no \d: the word is taken as the noun, which it is not.
    expect(reads('the Omicron \u0662 variant', 'omicron')).toBe(false);
    expect(reads('Pfizer said its vaccine works', 'pfizer')).toBe(false);
  });
});

describe('asciiDigitsAt: /^\\d+$/ over a range of the text', () => {
  it('says yes for ASCII digits only, at least one', () => {
    expect(asciiDigitsAt('a 12 b', 2, 4)).toBe(true);
    expect(asciiDigitsAt('7', 0, 1)).toBe(true);
  });
  it('says no for an empty range, letters, other digits, a soft hyphen inside', () => {
    expect(asciiDigitsAt('12', 1, 1)).toBe(false);
    expect(asciiDigitsAt('1a', 0, 2)).toBe(false);
    expect(asciiDigitsAt('\u0661\u0662', 0, 2)).toBe(false);
    expect(asciiDigitsAt('\uff11', 0, 1)).toBe(false);
    expect(asciiDigitsAt('1\u00ad2', 0, 3)).toBe(false);
  });
});

describe('numbered names after a match', () => {
  const at = (text: string, word: string) => after(text, word);
  it('numberedLongerName: one or two ASCII digits, then a capitalised word ("France 3 Limousin")', () => {
    for (const [text, want] of [['on France 3 Limousin today', true], ['on Channel 44 News', true], ['on France 123 Limousin', false], ['in France of Limousin', false], ['on France x Limousin', false]] as const) {
      const { tokens, to } = at(text, text.includes('France') ? 'france' : 'channel');
      expect(numberedLongerName(text, tokens, to), text).toBe(want);
    }
  });
  it('numberedEventAfter: three ASCII digits ("the Indianapolis 500")', () => {
    for (const [text, want] of [['he won the Indianapolis 500.', true], ['the Indianapolis 500 Festival', true], ['won the Indianapolis and more', false], ['won the Indianapolis 50.', false], ['won the Indianapolis \u0665\u0660\u0660.', false], ['won the Indianapolis 500 laps', false]] as const) {
      const { tokens, to } = at(text, 'indianapolis');
      expect(numberedEventAfter(text, tokens, to), text).toBe(want);
    }
  });
});

describe('brandAsVerb: a space and an opening quote after a one-word brand', () => {
  it('reads a space or no-break space, then " “ or «', () => {
    for (const gap of [' "', ' “', ' «', '\u00a0"']) {
      const text = `just Google${gap}left-pad.js" now`;
      const { tokens, to } = after(text, 'google');
      expect(brandAsVerb(text, tokens, to - 1, to), JSON.stringify(gap)).toBe(true);
    }
  });
  it('refuses a closing quote, an apostrophe, two spaces or the end of the text', () => {
    for (const text of ['just Google ” x', "just Google 'x'", 'just Google  "x"', 'just Google']) {
      const { tokens, to } = after(text, 'google');
      expect(brandAsVerb(text, tokens, to - 1, to), text).toBe(false);
    }
  });
});
