import { describe, expect, it } from 'vitest';
import { classesOf, WORD_CLASSES } from '../lib/opinion/word-classes';
import { RULES } from './eval/opinion-honest';

const on = (v: number[]) => WORD_CLASSES.filter((_, i) => v[i]);

describe('lexical-class view (training only)', () => {
  it('maps compromise tags to class indicators', () => {
    expect(on(classesOf(['Adjective', 'Comparative']))).toEqual(['Adjective', 'Comparative']);
    expect(on(classesOf(['Noun', 'Singular', 'Person', 'ProperNoun', 'LastName']))).toEqual(['ProperNoun']);
    expect(on(classesOf(['Noun', 'Singular']))).toEqual(['CommonNoun']);
    expect(on(classesOf(['Noun', 'Pronoun']))).toEqual([]);
    expect(on(classesOf(['Verb', 'Gerund']))).toEqual(['PresentTense']);
    expect(on(classesOf(['Verb', 'Modal']))).toEqual(['Modal']);
    expect(on(classesOf(['Determiner']))).toEqual([]);
  });
});

describe('threshold rules of the honest comparison', () => {
  it('"peak" takes a one-point spike of F1 at a cliff edge, "flat" stays a window inside the plateau', () => {
    // Plateau for t in (0.10, 0.745]: 10 false positives (negatives at 0.745) + 8 false negatives
    // (positives at 0.05). Spike at exactly t = 0.75: only the 8 false negatives. From 0.76 on, the
    // positives at 0.75 are lost too (18 false negatives).
    const y: number[] = [], s: number[] = [];
    const add = (label: number, score: number, n: number) => { for (let i = 0; i < n; i++) { y.push(label); s.push(score); } };
    add(0, 0.1, 50); add(0, 0.745, 10); add(1, 0.05, 8); add(1, 0.75, 10); add(1, 0.9, 50);
    const w = y.map(() => 1);
    expect(RULES.peak!(y, s, w)).toBe(0.75);
    const flat = RULES.flat!(y, s, w);
    // The ±0.04 average is best where the window still holds the spike but none of the cliff
    // after it: 0.71, a window's width inside the plateau (never 0.75, where half the window is cliff).
    expect(flat).toBe(0.71);
  });
});
