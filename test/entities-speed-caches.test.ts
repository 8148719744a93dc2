/**
 * The tokeniser's cache of capitalised words' folded forms and the matcher's answer cache (issue
 * #4, speed) hold exact answers only: many distinct words that clash in their cells, and a table
 * that grows between calls, must give the same tokens and matches as without the caches.
 */
import { describe, expect, it } from 'vitest';
import { createTable, findMatches, insertAlias } from '../lib/entities/matcher';
import { Shape, tokenize, type Token } from '../lib/entities/normalize';

/** Distinct capitalised words, far more than the tokeniser's 4096 cells: clashes are certain. */
function capitalisedWords(count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let w = '', k = i;
    do { w += String.fromCharCode(97 + (k % 26)); k = Math.floor(k / 26); } while (k > 0);
    out.push('Q' + w);
  }
  return out;
}

const plain = (t: Token): Token => ({ norm: t.norm, start: t.start, end: t.end, shape: t.shape });

describe('tokenize: the capitalised-word cache', () => {
  it('gives every capitalised word its own lower case, through clashes and repeats', () => {
    const words = capitalisedWords(20_000);
    // Each word twice, far apart, and once right after itself: hits, misses and evictions.
    const text = [...words, ...words.slice().reverse(), ...words.map((w) => `${w} ${w}`)].join(' ');
    const tokens = tokenize(text);
    expect(tokens.length).toBe(words.length * 4);
    expect(tokens.every((t) => t.shape === Shape.Cap)).toBe(true);
    const wrong = tokens.filter((t) => t.norm !== text.slice(t.start, t.end).toLowerCase());
    expect(wrong).toEqual([]);
  });
  it('tells apart words of one length and first letter that share a cell', () => {
    const text = 'Trump Truss Trump Tramp Truss Trumps Trum';
    expect(tokenize(text).map((t) => t.norm)).toEqual(['trump', 'truss', 'trump', 'tramp', 'truss', 'trumps', 'trum']);
  });
});

describe('findMatches: the answer cache', () => {
  it('finds the same on cached and fresh tokens, first words and longer keys alike', () => {
    const table = createTable();
    const names = capitalisedWords(3000);
    // Two-word aliases "Qa Qb", "Qb Qc", …: the longer keys' answers go into the cache too.
    for (let i = 0; i + 1 < names.length; i += 2) insertAlias(table, `${names[i]} ${names[i + 1]}`, i, false);
    const text = names.join(' ');
    const once = findMatches(table, tokenize(text)).map((m) => [m.from, m.to, [...m.hits]]);
    const again = findMatches(table, tokenize(text)).map((m) => [m.from, m.to, [...m.hits]]);
    const fresh = findMatches(table, tokenize(text).map(plain)).map((m) => [m.from, m.to, [...m.hits]]);
    expect(once.length).toBe(names.length / 2);
    expect(again).toEqual(once);
    expect(fresh).toEqual(once);
  });
  it('forgets a remembered miss when the table grows', () => {
    const table = createTable();
    insertAlias(table, 'Vladimir Putin', 1, false);
    const text = 'Vladimir Putin met Olaf Scholz and Olaf Scholz left.';
    expect(findMatches(table, tokenize(text)).map((m) => m.from)).toEqual([0]);
    insertAlias(table, 'Olaf Scholz', 2, false);
    expect(findMatches(table, tokenize(text)).map((m) => [m.from, m.to])).toEqual([[0, 2], [3, 5], [6, 8]]);
  });
  it('finds lower-case first words through their cells, and a slot added later', () => {
    const table = createTable();
    insertAlias(table, 'da Silva', 1, false);
    const text = 'the talks with da Silva and de Gaulle; da silva, das Silva, d Silva';
    const spans = (t: Token[]) => findMatches(table, t).map((m) => [m.from, m.to, [...m.hits]]);
    expect(spans(tokenize(text))).toEqual(spans(tokenize(text).map(plain)));
    expect(findMatches(table, tokenize(text)).map((m) => [m.from, m.to])).toEqual([[3, 5]]);
    // "de" shares no cell with "da"; "de Gaulle" added later must be found, and "da" keep its slot.
    insertAlias(table, 'de Gaulle', 2, false);
    insertAlias(table, 'da', 3, false);
    expect(findMatches(table, tokenize(text)).map((m) => [m.from, m.to])).toEqual([[3, 5], [3, 4], [6, 8], [8, 9]]);
    expect(spans(tokenize(text))).toEqual(spans(tokenize(text).map(plain)));
  });
});
