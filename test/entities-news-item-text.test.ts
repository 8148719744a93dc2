/** The news gold's item text (test/eval/entities-gold-news/README.md): what occurrences count in. */
import { describe, expect, it } from 'vitest';
import { newsItemText } from './eval/_entities-align';

describe('newsItemText', () => {
  it('is the summary when a WCEP title is its beginning (trailing "…" dropped)', () => {
    const summary = 'A long event summary that goes on past the title with more words.';
    expect(newsItemText({ id: 'wcep-1', dataset: 'wikipedia-current-events', title: 'A long event summary that goes on…', summary })).toBe(summary);
    expect(newsItemText({ id: 'wcep-2', dataset: 'wikipedia-current-events', title: summary, summary })).toBe(summary);
  });
  it('is title, blank line, summary for a WCEP title that is not the summary\'s beginning', () => {
    expect(newsItemText({ id: 'wcep-3', dataset: 'wikipedia-current-events', title: 'Another headline', summary: 'The summary.' })).toBe('Another headline\n\nThe summary.');
  });
  it('is headline, blank line, description for HuffPost items', () => {
    expect(newsItemText({ id: 'huffpost-1', dataset: 'huffpost-news-category-v3', title: 'Headline Here ', summary: 'Description here.' })).toBe('Headline Here\n\nDescription here.');
  });
});
