import { describe, expect, it } from 'vitest';
import { findCues, styleFeatures, tokenize } from '../lib/opinion/features';

/** Names of the quotation-shape features of one sentence (our own sentences). */
function shape(sentence: string, on = true): string[] {
  const tokens = tokenize(sentence);
  return styleFeatures(sentence, tokens, findCues(tokens), on).map(([n]) => n).filter((n) => n === 'quote:short' || n === 'quote:short+attr' || n === 'quote:long');
}

describe('quotation shape (features.ts quoteShape)', () => {
  it('marks short quoted spans, with and without attribution, and long quoted speech', () => {
    expect(shape('The so-called “reform” is nothing of the kind.')).toEqual(['quote:short']);
    expect(shape('He called the plan “a disgrace,” officials said.')).toEqual(['quote:short+attr']);
    expect(shape('“We will not back down from this fight,” the union leader told reporters.')).toEqual(['quote:long']);
    expect(shape('A “modest” rise, “we think,” and then “a very long wait for everyone involved here.”')).toEqual(['quote:short', 'quote:long']);
  });
  it('says nothing without quotes, for mid-length quotes, or when the model does not ask', () => {
    expect(shape('The council approved the budget on Tuesday.')).toEqual([]);
    expect(shape('She said the plan was “not good enough today”.')).toEqual([]);
    expect(shape('The so-called “reform” is nothing of the kind.', false)).toEqual([]);
  });
});
