/** The link audit's judging order and match kinds (test/eval/link-audit.ts, issue #4). */
import { describe, expect, it } from 'vitest';
import type { PackEntity } from '../../lib/dataset/schema';
import { interleave, matchKind } from './link-audit';

const entity = (e: Partial<PackEntity> & Pick<PackEntity, 'id' | 'name'>): PackEntity => ({
  type: 'person', aliases: [], shortNames: [], roles: [], sources: [], ...e,
});

describe('interleave', () => {
  it('takes two WCEP items, then one HuffPost item, and keeps the rest of the longer list in order', () => {
    expect(interleave(['w1', 'w2', 'w3', 'w4', 'w5'], ['h1', 'h2'])).toEqual(['w1', 'w2', 'h1', 'w3', 'w4', 'h2', 'w5']);
    expect(interleave(['w1'], ['h1', 'h2', 'h3'])).toEqual(['w1', 'h1', 'h2', 'h3']);
  });
});

describe('matchKind', () => {
  const trump = entity({ id: 'Q1', name: 'Donald Trump', aliases: ['President Trump'], shortNames: ['Trump'] });
  it('tells the record\'s own name, aliases and short forms apart', () => {
    expect(matchKind('Donald Trump', trump)).toBe('full-name');
    expect(matchKind('President Trump', trump)).toBe('alias');
    expect(matchKind('Trump', trump)).toBe('short-form');
  });
  it('counts a one-word name, a one-word alias and an acronym as their own kinds', () => {
    const uk = entity({ id: 'Q2', name: 'United Kingdom', type: 'place', aliases: ['UK', 'Britain'] });
    expect(matchKind('Hezbollah', entity({ id: 'Q3', name: 'Hezbollah', type: 'organization' }))).toBe('one-word-name');
    expect(matchKind('Britain', uk)).toBe('one-word-alias');
    expect(matchKind('UK', uk)).toBe('acronym');
    expect(matchKind('U.S.', entity({ id: 'Q4', name: 'United States', type: 'place', aliases: ['U.S.'] }))).toBe('acronym');
  });
  it('puts every news: record in its own kind, whatever the words', () => {
    expect(matchKind('Manbij', entity({ id: 'news:manbij', name: 'Manbij', type: 'place' }))).toBe('news-record');
  });
  it('calls a mention that is none of the record\'s names "other"', () => {
    expect(matchKind('the People', entity({ id: 'Q5', name: 'The People Company', type: 'organization' }))).toBe('other');
  });
});
