import { describe, expect, it } from 'vitest';
import { sentences, splitSentences } from '../lib/text/sentences';

describe('splitSentences', () => {
  it('splits on terminal punctuation followed by a capital', () => {
    expect(sentences('The vote passed. Critics were unimpressed! Was it worth it? Nobody knows.')).toEqual([
      'The vote passed.', 'Critics were unimpressed!', 'Was it worth it?', 'Nobody knows.',
    ]);
  });
  it('keeps abbreviations, initials and decimals inside the sentence', () => {
    expect(sentences('Mr. Reyes met Dr. Okafor in the U.S. capital. Prices rose 3.5 per cent.')).toEqual([
      'Mr. Reyes met Dr. Okafor in the U.S. capital.', 'Prices rose 3.5 per cent.',
    ]);
    expect(sentences('The novel by J. K. Rowling sold well. Sales doubled.')).toHaveLength(2);
  });
  it('keeps closing quotes with the sentence they end', () => {
    expect(sentences('“We will fight on,” she said. “It is not over.” The crowd cheered.')).toEqual([
      '“We will fight on,” she said.', '“It is not over.”', 'The crowd cheered.',
    ]);
  });
  it('does not split before a lower-case continuation', () => {
    expect(sentences('He said it was fine... and then left.')).toEqual(['He said it was fine... and then left.']);
  });
  it('returns offsets into the original text', () => {
    const text = '  First one. Second one.  ';
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(splitSentences('')).toEqual([]);
  });
});
