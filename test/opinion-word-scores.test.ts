import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeWordScores, wordScoreIn } from '../lib/opinion/word-scores';

describe('word score table (encodeWordScores / wordScoreIn)', () => {
  const words = ['harbour', 'ab', 'abc', 'abcd', 'a-half', 'café', '𝒜bc', 'zebra', 'b', 'abc9', "don't"];
  const scores = [12, -127, 127, 1, -1, 40, -40, 99, -5, 7, 3];
  const table = encodeWordScores(words, scores);

  it('finds every word, first and last entries and prefixes of one another included', () => {
    words.forEach((w, i) => expect(wordScoreIn(table, w), w).toBe(scores[i]));
  });
  it('gives 0 for words it does not hold, before, between and after the stored ones', () => {
    for (const w of ['', 'a', 'aa', 'abcde', 'abc ', 'ab9', 'harbours', 'harbou', 'zz', '~', 'Café', '𝒜', 'don', 'c'])
      expect(wordScoreIn(table, w), JSON.stringify(w)).toBe(0);
    expect(wordScoreIn('', 'anything')).toBe(0);
  });
  it('stores entries sorted by word, each with its score as two hex digits', () => {
    expect(encodeWordScores(['to', 'of', 'and'], [-2, 3, 127])).toBe('andff of83 to7e');
  });
  it('refuses what a lookup could not read back', () => {
    expect(() => encodeWordScores(['a', 'a'], [1, 2])).toThrow(/twice/);
    expect(() => encodeWordScores(['a b'], [1])).toThrow(/space/);
    expect(() => encodeWordScores([''], [1])).toThrow(/empty/);
    expect(() => encodeWordScores(['a'], [128])).toThrow(/integer/);
    expect(() => encodeWordScores(['a'], [1.5])).toThrow(/integer/);
    expect(() => encodeWordScores(['a'], [])).toThrow(/count/);
    expect(() => wordScoreIn('abzz', 'ab')).toThrow(/bad entry/);
  });
  it('agrees with a Map of the same words on random tables and probes', () => {
    const word = fc.array(fc.constantFrom(...'abcdeéz-’0'.split(''), '𝒜'), { minLength: 1, maxLength: 6 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 60 }), fc.array(word, { maxLength: 30 }), (ws, probes) => {
        const qs = ws.map((_, i) => ((i * 37) % 255) - 127);
        const t = encodeWordScores(ws, qs);
        const map = new Map(ws.map((w, i) => [w, qs[i]!]));
        for (const p of [...ws, ...probes]) expect(wordScoreIn(t, p)).toBe(map.get(p) ?? 0);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe('the shipped model reads its word scores in place', () => {
  const file = JSON.parse(readFileSync(path.join(__dirname, '../assets/opinion-model.json'), 'utf8')) as { format: number; wordScores: string; wordScale: number };
  // The table read the plain way: every entry split off, into a Map (what the model built before).
  const entries = file.wordScores.split(' ').map((e) => [e.slice(0, -2), parseInt(e.slice(-2), 16) - 128] as const);
  const map = new Map(entries);

  it('is format 2, with distinct sorted words and non-zero scores', () => {
    expect(file.format).toBe(2);
    expect(entries.length).toBeGreaterThan(10_000);
    expect(map.size).toBe(entries.length);
    const keys = entries.map((e) => e[0]);
    expect(keys).toEqual([...keys].sort());
    expect(entries.every(([, q]) => q !== 0 && q >= -127 && q <= 127)).toBe(true);
  });
  it('scores every word and sentence as a Map of the words does', async () => {
    const { wordScore, modelWeights, sentenceScore } = await import('../lib/opinion/model');
    const { dotFeatures, sigmoid } = await import('../lib/opinion/features');
    for (const [w, q] of entries) expect(wordScore(w)).toBe(q * file.wordScale);
    for (const w of ['', 'xqzj', 'harbourmasters', 'ÿ', '𝒜']) expect(wordScore(w)).toBe(map.get(w) ?? 0);
    // Sentences of our own, and ones made of stored words and their near misses.
    const keys = entries.map((e) => e[0]);
    const sentences = [
      'The council approved the budget on Tuesday by seven votes to two, a spokesperson said.',
      'This is a shameful way to treat people who have served the town for decades.',
      'Surely nobody believes that another review will fix a system this broken?',
      ...Array.from({ length: 400 }, (_, i) => `${keys[(i * 7919) % keys.length]} ${keys[(i * 104_729) % keys.length]}s ${keys[(i * 31) % keys.length]!.slice(1)}.`),
    ];
    const { cfg, weights, bias } = modelWeights();
    const viaMap = (s: string) => ((x) => sigmoid(bias + x.z + x.extraMean))(dotFeatures(s, cfg, weights, new Map(), (t) => (map.get(t) ?? 0) * file.wordScale));
    for (const s of sentences) expect(sentenceScore(s), s).toBe(viaMap(s));
  });
});
