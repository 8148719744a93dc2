/**
 * Issue #4, speed: tokenize()'s fast paths for plain lower-case and capitalised ASCII words, the
 * matcher's direct-mapped answer cache, and the quick noes in front of the usage rules' regexes.
 * Each must give exactly what the slower general path gives; these pin the cases where a word
 * starts like a fast-path word and turns out otherwise, and the rules' positive cases.
 */
import { describe, expect, it } from 'vitest';
import { createTable, findMatches, hitEntity, insertAlias } from '../lib/entities/matcher';
import { Shape, tokenize } from '../lib/entities/normalize';
import { afterGluedDollar, afterModelCode, numberedLongerName, youthEditionBefore } from '../lib/entities/usage-rules';

const view = (text: string) => tokenize(text).map((t) => [text.slice(t.start, t.end), t.norm, t.shape]);

describe('tokenize: fast paths give the general path\'s tokens', () => {
  it('plain lower-case and capitalised words, at the end of the text too', () => {
    expect(view('said Trump')).toEqual([['said', 'said', Shape.Lower], ['Trump', 'trump', Shape.Cap]]);
    expect(view('Kyiv, talks2 2024.')).toEqual([['Kyiv', 'kyiv', Shape.Cap], ['talks2', 'talks2', Shape.Lower], ['2024', '2024', Shape.Lower]]);
  });
  it('words that start like a fast-path word and go on otherwise', () => {
    expect(view('iPhone McCain NATO Ab1 A1 eBay')).toEqual([
      ['iPhone', 'iphone', Shape.Lower], ['McCain', 'mccain', Shape.Cap], ['NATO', 'nato', Shape.Upper],
      ['Ab1', 'ab1', Shape.Cap], ['A1', 'a1', Shape.Upper], ['eBay', 'ebay', Shape.Lower],
    ]);
    // Non-ASCII letters and joiners inside a word that began as ASCII.
    expect(view('Erdoğan erdoğan Netan\u00adyahu straße')).toEqual([
      ['Erdoğan', 'erdogan', Shape.Cap], ['erdoğan', 'erdogan', Shape.Lower],
      ['Netan\u00adyahu', 'netanyahu', Shape.Cap], ['straße', 'strasse', Shape.Lower],
    ]);
  });
  it('one capital letter: dotted acronyms and single letters', () => {
    expect(view('the U.S. and A. Smith, I said')).toEqual([
      ['the', 'the', Shape.Lower], ['U.S.', 'us', Shape.Upper], ['and', 'and', Shape.Lower], ['A', 'a', Shape.Upper],
      ['Smith', 'smith', Shape.Cap], ['I', 'i', Shape.Upper], ['said', 'said', Shape.Lower],
    ]);
  });
});

describe('findMatches: the answer cache', () => {
  it('answers again after a built table has grown (a remembered miss may become a key)', () => {
    const table = createTable();
    insertAlias(table, 'Kyiv', 1, false);
    const text = 'Lviv and Kyiv, Lviv and Kyiv';
    expect(findMatches(table, tokenize(text)).map((m) => hitEntity(m.hits[0]!))).toEqual([1, 1]);
    insertAlias(table, 'Lviv', 2, false);
    expect(findMatches(table, tokenize(text)).map((m) => hitEntity(m.hits[0]!))).toEqual([2, 1, 2, 1]);
  });
  it('gives exact answers when far more words than its cells pass through it', () => {
    const table = createTable();
    const words: string[] = [];
    for (let i = 0; i < 60_000; i++) words.push(`Q${i.toString(36)}x`);
    for (let i = 0; i < words.length; i += 7) insertAlias(table, words[i]!, i, false);
    const text = words.join(' ');
    const expected = words.map((_, i) => i).filter((i) => i % 7 === 0);
    for (let pass = 0; pass < 2; pass++) {
      expect(findMatches(table, tokenize(text)).map((m) => hitEntity(m.hits[0]!))).toEqual(expected);
    }
  });
});

describe('usage rules: quick noes keep the rules\' answers', () => {
  const at = (text: string, word: string) => {
    const tokens = tokenize(text);
    const start = text.indexOf(word);
    return { tokens, i: tokens.findIndex((t) => t.start === start) };
  };
  it('youth editions', () => {
    for (const [text, yes] of [['the U-20 World Cup', true], ['Under-17 World Cup', true], ['U21\u00a0World Cup', true], ['in 2020 World Cup', false], ['the World Cup', false], ['World Cup', false]] as const) {
      const { tokens, i } = at(text, 'World');
      expect(youthEditionBefore(text, tokens, i)).toBe(yes);
    }
  });
  it('model codes', () => {
    for (const [text, yes] of [['a Piper PA-34 Seneca', true], ['a Lockheed F-117 Nighthawk', true], ['a Lockheed F-117A Nighthawk', true], ['said Seneca', false], ['Seneca', false], ['F-117 Seneca', false]] as const) {
      const { tokens, i } = at(text, text.includes('Nighthawk') ? 'Nighthawk' : 'Seneca');
      expect(afterModelCode(text, tokens, i, i + 1)).toBe(yes);
    }
  });
  it('glued dollar signs', () => {
    for (const [text, yes] of [['A$AP Rocky', true], ['US $AP', false], ['$AP', false], ['the AP', false]] as const) {
      const { tokens, i } = at(text, 'AP');
      expect(afterGluedDollar(text, tokens, i)).toBe(yes);
    }
  });
  it('numbered longer names', () => {
    for (const [text, yes] of [['France 3 Limousin', true], ['Channel 42 News', true], ['France 100 Limousin', false], ['France 3 said', false], ['France', false]] as const) {
      const tokens = tokenize(text);
      expect(numberedLongerName(text, tokens, 1)).toBe(yes);
    }
  });
});
