/**
 * headlineStyle (link.ts) stops counting a block's words once a yes is impossible (issue #4,
 * speed). Checked against the full count on generated blocks: runs of capitalised and lower-case
 * words of various lengths, digits, and short words, including blocks that turn title-case late.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { headlineStyle } from '../lib/entities/link';
import { tokenize } from '../lib/entities/normalize';

/** The rule as first written: count every word of 4+ letters after the first, not starting with a digit. */
function fullCount(text: string): boolean {
  const words = text.split(' ').slice(1).filter((w) => w.length >= 4 && !/^\d/.test(w));
  const caps = words.filter((w) => w !== w.toLowerCase()).length;
  return words.length >= 3 && caps >= words.length * 0.7;
}

const word = fc.constantFrom('the', 'said', 'talks', 'Ministry', 'Trump', 'NATO', 'Of', 'in', '2024', 'Four', 'four', 'Kyiv', 'over');

describe('headlineStyle', () => {
  it('agrees with counting every word', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 0, maxLength: 60 }), (words) => {
        const text = words.join(' ');
        expect(headlineStyle(tokenize(text))).toBe(fullCount(text));
      }),
      { numRuns: 2000 },
    );
  });
  it('says yes to a block that turns title-case late, and no to running text', () => {
    expect(headlineStyle(tokenize('the said talks Ministry Trump Kyiv Four Over Mostly Capital Words Here Now'))).toBe(true);
    expect(headlineStyle(tokenize('He said the talks in Kyiv were long and that Trump would come back soon'))).toBe(false);
  });
});
