/**
 * The article walk and the text map test whitespace on char codes (lib/article/whitespace.ts)
 * instead of a regex per character (#8, speed only): the set must be exactly what `\s` matches,
 * or block text — and every offset into it — would change.
 */
import { describe, expect, it } from 'vitest';
import { isWhitespace } from '../lib/article/whitespace';

describe('isWhitespace', () => {
  it('agrees with /\\s/ on every UTF-16 code unit', () => {
    const re = /\s/;
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isWhitespace(c) !== re.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
  });
});
