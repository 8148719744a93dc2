/**
 * Session 20 (second wave, newsprec27): linker precision on news and the linker's speed cost of wave 1.
 * The longer-name gate (longer-names.ts longerNameCueBefore) reads a body's word after a capitalised
 * word or "for" only for a match of two words or more: a body's generic name (generic-bodies.ts
 * ordinaryBodyName) has two, so a one-word match is spared the lookup and the "before" checks.
 */
import { describe, expect, it } from 'vitest';
import { tokenize } from '../lib/entities/normalize';
import { longerNameCueBefore } from '../lib/entities/longer-names';
import { headForBeforeBody, modifierBeforeBody } from '../lib/entities/generic-bodies';

function span(text: string, words: string): [number, number] {
  const tokens = tokenize(text);
  const first = words.split(' ')[0]!;
  const from = tokens.findIndex((t) => text.slice(t.start, t.end) === first);
  return [from, from + tokenize(words).length];
}

describe('longer-name gate: a body word opens a longer name only in a match of two words or more', () => {
  it('passes a two-word body name after a capitalised word or "for", and the checks still fire', () => {
    const text = 'a rebuke from the Republican National Committee on Monday';
    const [from, to] = span(text, 'National Committee');
    expect(longerNameCueBefore(text, tokenize(text), from, to)).toBe(true);
    expect(modifierBeforeBody(text, tokenize(text), from, to, () => ['GR'], () => false)).toBe(true);
    const text2 = 'the National Agency for Food and Drug Administration and Control';
    const [f2, t2] = span(text2, 'Food and Drug Administration');
    expect(longerNameCueBefore(text2, tokenize(text2), f2, t2)).toBe(true);
    expect(headForBeforeBody(text2, tokenize(text2), f2, t2)).toBe(true);
  });
  it('turns away a one-word match after a capitalised word or "for"', () => {
    const text = 'a rebuke from the Republican Parliament on Monday';
    const [from, to] = span(text, 'Parliament');
    expect(longerNameCueBefore(text, tokenize(text), from, to)).toBe(false);
    const text2 = 'he voted for Parliament on Monday';
    const [f2, t2] = span(text2, 'Parliament');
    expect(longerNameCueBefore(text2, tokenize(text2), f2, t2)).toBe(false);
  });
});

describe('generic bodies: the records\' countries are read only when the words fit', () => {
  it('does not ask for the countries after "the" or before a one-word name', () => {
    let asked = 0;
    const countriesOf = () => { asked++; return ['GR']; };
    const text = 'troops of the National Guard arrived';
    const [from, to] = span(text, 'National Guard');
    expect(modifierBeforeBody(text, tokenize(text), from, to, countriesOf, () => false)).toBe(false);
    expect(asked).toBe(0);
    const text2 = 'a rebuke from the Republican National Committee on Monday';
    const [f2, t2] = span(text2, 'National Committee');
    expect(modifierBeforeBody(text2, tokenize(text2), f2, t2, countriesOf, () => false)).toBe(true);
    expect(asked).toBe(1);
  });
});
