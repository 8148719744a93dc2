import { describe, expect, it } from 'vitest';
import { headingKey, headingNormalizer } from '../lib/dataset/normalize-headings';
import { corpusHeadings } from '../lib/dataset/compile-coverage';

// Our own made-up headings in the corpus's shapes.
const corpus = [
  ['Alpha–Beta war'],
  ['Alpha–Beta war'],
  ['Alpha-Beta War'],
  ['Gamma pandemic in Delta'],
  ['Gamma vaccination in Delta'],
  ['Gamma pandemic in Delta, Gamma vaccination in Delta'],
  ['Gamma pandemic in Delta, Vaccine passes in Delta'],
  ['Gamma pandemic in Epsilon, D.C.'],
  ['March 3, 2024 Zeta outage'],
];

describe('headingKey', () => {
  it('ignores case, dash kind and spacing', () => {
    expect(headingKey('Alpha–Beta  War')).toBe(headingKey('alpha-beta war'));
    expect(headingKey('Alpha Beta war')).not.toBe(headingKey('Alpha-Beta war'));
  });
});

describe('headingNormalizer', () => {
  const norm = headingNormalizer(corpus);
  it('folds spelling variants to the most used form', () => {
    expect(norm(['Alpha-Beta War'])).toEqual(['Alpha–Beta war']);
    expect(norm(['alpha—beta war'])).toEqual(['Alpha–Beta war']);
  });
  it('splits a list whose parts are headings used on their own, deduplicating', () => {
    expect(norm(['Gamma pandemic in Delta, Gamma vaccination in Delta', 'Gamma pandemic in Delta'])).toEqual(['Gamma pandemic in Delta', 'Gamma vaccination in Delta']);
  });
  it('splits when the other parts look like headings and one is known', () => {
    expect(norm(['Gamma pandemic in Delta, Vaccine passes in Delta'])).toEqual(['Gamma pandemic in Delta', 'Vaccine passes in Delta']);
  });
  it('keeps headings whose comma is part of the name', () => {
    expect(norm(['Gamma pandemic in Epsilon, D.C.'])).toEqual(['Gamma pandemic in Epsilon, D.C.']);
    expect(norm(['March 3, 2024 Zeta outage'])).toEqual(['March 3, 2024 Zeta outage']);
  });
  it('does only what it is asked', () => {
    expect(headingNormalizer(corpus, { fold: false })(['Alpha-Beta War'])).toEqual(['Alpha-Beta War']);
    expect(headingNormalizer(corpus, { split: false })(['Gamma pandemic in Delta, Gamma vaccination in Delta'])).toEqual(['Gamma pandemic in Delta, Gamma vaccination in Delta']);
    expect(headingNormalizer(corpus, { keepLists: true })(['Gamma pandemic in Delta, Gamma vaccination in Delta'])).toEqual(['Gamma pandemic in Delta, Gamma vaccination in Delta', 'Gamma pandemic in Delta', 'Gamma vaccination in Delta']);
  });
});

describe('corpusHeadings', () => {
  it('trims, drops empty and over-long headings, ignores non-lists', () => {
    expect(corpusHeadings([' Alpha war ', '', 'x'.repeat(121), 7])).toEqual(['Alpha war']);
    expect(corpusHeadings('Alpha war')).toEqual([]);
  });
});
