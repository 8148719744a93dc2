/**
 * Session 17's speed edits (issue #8, linking long pages): usage-rules.ts currencyPrefix and
 * namesProductOrStrain, asked of every match, read the gap after the name as character codes instead
 * of a slice and a regex. The answers must stay exactly those of the regexes they replace
 * (/^[$€£¥]/ on the next character; /^[ \u00a0]$|^[-\u2010-\u2013]$/ on each gap; /^\d+$/ on a
 * lower-case word): these cases pin each edge.
 */
import { describe, expect, it } from 'vitest';
import { tokenize } from '../lib/entities/normalize';
import { currencyPrefix, namesProductOrStrain } from '../lib/entities/usage-rules';

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
