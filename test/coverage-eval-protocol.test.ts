/**
 * The coverage eval's query protocol (test/eval/_coverage-protocol.ts, #5): by default a query
 * carries the item's own title and summary words next to its linked entities; `--entities-only`
 * leaves the entities alone.
 */
import { describe, expect, it } from 'vitest';
import { queryWordsOf } from './eval/_coverage-protocol';

const item = { title: 'Floods hit the Po valley', summary: 'Heavy rain floods towns along the Po in northern Italy.' };

describe('coverage eval query protocol', () => {
  it('by default the query passes the item\'s own title and summary as title and lead', () => {
    expect(queryWordsOf(['coverage', '--split', 'dev', '--gap'])(item)).toEqual({ title: item.title, lead: item.summary });
  });
  it('--entities-only passes no words of the item: empty title and lead', () => {
    expect(queryWordsOf(['coverage', '--split', 'dev', '--entities-only'])(item)).toEqual({ title: '', lead: '' });
  });
});
